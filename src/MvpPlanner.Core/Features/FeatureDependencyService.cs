using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.Features;

/// <summary>A feature on the other end of a dependency. <see cref="IsEarly"/>: the one that needs the other is planned
/// to start before the other is done.</summary>
public sealed record DependencyLink(int Id, string Title, FeatureStatus Status, bool IsEarly);

/// <summary>What one feature needs first and what needs it, plus the features it could still depend on.</summary>
public sealed record FeatureDependencies(int FeatureId, string Title, IReadOnlyList<DependencyLink> DependsOn, IReadOnlyList<DependencyLink> NeededBy, IReadOnlyList<LinkedItem> Candidates)
{
    public bool HasEarly => DependsOn.Any(d => d.IsEarly) || NeededBy.Any(d => d.IsEarly);
}

/// <summary>A dependency of the plan with the names a card or a timeline arrow shows.</summary>
public sealed record PlanDependency(int FeatureId, string FeatureTitle, int DependsOnId, string DependsOnTitle, bool IsEarly)
{
    /// <summary>"'Checkout' is planned to start before 'Payments', which it needs, is done."</summary>
    public string Warning => $"\"{FeatureTitle}\" is planned to start before \"{DependsOnTitle}\", which it needs, is done.";
}

/// <summary>Dependencies between features ("this one needs that one"): added and removed through the write path, with
/// loops refused and features scheduled before what they need pointed out.</summary>
public class FeatureDependencyService(IDbContextFactory<PlannerDbContext> dbFactory, PlanAccess access, PlanWriter writer)
{
    /// <summary>Every dependency of the plan, with the out-of-order ones marked.</summary>
    public async Task<IReadOnlyList<PlanDependency>> ListAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return [];
        }

        var schedule = await PlanScheduleAsync(db, planId, ct);
        return (await EdgesAsync(db, planId, ct)).Select(schedule.Describe).ToList();
    }

    public async Task<FeatureDependencies?> GetAsync(int planId, int featureId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return null;
        }

        var schedule = await PlanScheduleAsync(db, planId, ct);
        if (!schedule.Features.TryGetValue(featureId, out var feature))
        {
            return null;
        }

        var edges = await EdgesAsync(db, planId, ct);
        var dependsOn = edges.Where(e => e.FeatureId == featureId).Select(e => Link(schedule, e.DependsOnId, schedule.IsEarly(e))).OrderBy(l => l.Title).ToList();
        var neededBy = edges.Where(e => e.DependsOnId == featureId).Select(e => Link(schedule, e.FeatureId, schedule.IsEarly(e))).OrderBy(l => l.Title).ToList();

        // Offer only what can be added: not itself, not what it already needs, not what would close a loop.
        var candidates = schedule.Features.Values
            .Where(f => f.Id != featureId && dependsOn.All(d => d.Id != f.Id) && DependencyRules.CycleIfAdded(edges, featureId, f.Id) is null)
            .OrderBy(f => f.Title, StringComparer.CurrentCultureIgnoreCase).ThenBy(f => f.Id)
            .Select(f => new LinkedItem(f.Id, f.Title)).ToList();
        return new FeatureDependencies(featureId, feature.Title, dependsOn, neededBy, candidates);
    }

    /// <summary>Makes <paramref name="featureId"/> depend on <paramref name="dependsOnId"/>. Refuses a loop, naming it;
    /// says so when the feature is planned to start before the other is done. A link is a change to the feature, so
    /// its version goes up by one: the value is the version it had before, so an open feature dialog that was based
    /// on exactly that version can follow along (and one based on an older version still meets the conflict).</summary>
    public Task<ServiceResult<int>> AddAsync(int planId, int featureId, int dependsOnId, CancellationToken ct = default) =>
        writer.WriteAsync<int>(planId, WorkspaceRole.Editor, async w =>
        {
            // Two people adding the two halves of a loop at once must not both pass the check: every dependency
            // change first takes the plan's row, so the next one reads the edges only after this one committed.
            await w.Db.Plans.Where(p => p.Id == planId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ContentStamp, p => p.ContentStamp), ct);

            var feature = await w.FindAsync<Feature>(featureId, q => q.Include(f => f.Dependencies), ct);
            if (feature is null)
            {
                return Fail.NotFound("The feature");
            }

            var needed = await w.FindAsync<Feature>(dependsOnId, ct: ct);
            if (needed is null)
            {
                return Fail.From(ServiceResult.NotFound(DependsOnField, "The feature it should depend on was not found. It may have been deleted by someone else."));
            }

            if (feature.Dependencies.Any(d => d.Id == dependsOnId))
            {
                return Fail.Invalid(DependsOnField, $"\"{feature.Title}\" already depends on \"{needed.Title}\".");
            }

            var edges = await EdgesAsync(w.Db, planId, ct);
            if (DependencyRules.CycleIfAdded(edges, featureId, dependsOnId) is { } cycle)
            {
                var titles = await w.Db.Features.Where(f => cycle.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Title, ct);
                return Fail.Invalid(DependsOnField, LoopMessage(cycle, titles));
            }

            var before = feature.Version;
            feature.Dependencies.Add(needed);
            w.BasedOn(feature, before);
            var schedule = await PlanScheduleAsync(w.Db, planId, ct);
            var added = $"\"{feature.Title}\" now depends on \"{needed.Title}\".";
            return ServiceResult<int>.Ok(before, schedule.IsEarly(new DependencyEdge(featureId, dependsOnId))
                ? $"{added} Careful: it is planned to start before \"{needed.Title}\" is done."
                : added);
        }, ct);

    /// <summary>Removes the dependency; the value is the feature's version before, as for <see cref="AddAsync"/>.</summary>
    public Task<ServiceResult<int>> RemoveAsync(int planId, int featureId, int dependsOnId, CancellationToken ct = default) =>
        writer.WriteAsync<int>(planId, WorkspaceRole.Editor, async w =>
        {
            await w.Db.Plans.Where(p => p.Id == planId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ContentStamp, p => p.ContentStamp), ct);
            var feature = await w.FindAsync<Feature>(featureId, q => q.Include(f => f.Dependencies), ct);
            if (feature is null)
            {
                return Fail.NotFound("The feature");
            }

            var needed = feature.Dependencies.FirstOrDefault(d => d.Id == dependsOnId);
            if (needed is null)
            {
                return Fail.Invalid(DependsOnField, "That dependency was already removed.");
            }

            var before = feature.Version;
            feature.Dependencies.Remove(needed);
            w.BasedOn(feature, before);
            return ServiceResult<int>.Ok(before, $"\"{feature.Title}\" no longer depends on \"{needed.Title}\".");
        }, ct);

    /// <summary>The field a dependency's errors are shown beside.</summary>
    public const string DependsOnField = "DependsOnId";

    /// <summary>"That would make a loop: A needs B, B needs C, and C needs A. …"</summary>
    internal static string LoopMessage(IReadOnlyList<int> cycle, IReadOnlyDictionary<int, string> titles)
    {
        string Name(int id) => $"\"{titles.GetValueOrDefault(id, "a deleted feature")}\"";
        if (cycle.Count == 2)
        {
            return $"A feature cannot depend on itself ({Name(cycle[0])}).";
        }

        var steps = cycle.Zip(cycle.Skip(1), (a, b) => $"{Name(a)} needs {Name(b)}").ToList();
        var list = steps.Count == 2 ? $"{steps[0]} and {steps[1]}" : $"{string.Join(", ", steps[..^1])}, and {steps[^1]}";
        return $"That would make a loop: {list}. Nothing in a loop could ever start; remove one of these dependencies first.";
    }

    private static DependencyLink Link(PlanSchedule schedule, int id, bool early)
    {
        var f = schedule.Features[id];
        return new DependencyLink(id, f.Title, f.Status, early);
    }

    /// <summary>Every "needs" pair of the plan, read from the link table in one join.</summary>
    internal static async Task<List<DependencyEdge>> EdgesAsync(PlannerDbContext db, int planId, CancellationToken ct) =>
        await (from link in db.Set<Dictionary<string, object>>(JoinTable)
               join feature in db.Features on EF.Property<int>(link, "FeatureId") equals feature.Id
               where feature.PlanId == planId
               select new DependencyEdge(feature.Id, EF.Property<int>(link, "DependsOnId")))
            .ToListAsync(ct);

    private const string JoinTable = "FeatureDependencies";

    private static async Task<PlanSchedule> PlanScheduleAsync(PlannerDbContext db, int planId, CancellationToken ct)
    {
        var phases = await db.RoadmapPhases.AsNoTracking().Where(p => p.PlanId == planId)
            .Select(p => new { p.Id, p.Order, p.StartDate, p.EndDate }).ToDictionaryAsync(p => p.Id, ct);
        var features = await db.Features.AsNoTracking().Where(f => f.PlanId == planId)
            .Select(f => new { f.Id, f.Title, f.Status, f.PhaseId, f.StartDate, f.StartPrecision, f.TargetDate, f.TargetPrecision })
            .ToListAsync(ct);
        return new PlanSchedule(features.ToDictionary(f => f.Id, f =>
        {
            var phase = f.PhaseId is { } id ? phases.GetValueOrDefault(id) : null;
            var schedule = FeatureSchedule.Of(FuzzyDate.From(f.StartDate, f.StartPrecision), FuzzyDate.From(f.TargetDate, f.TargetPrecision), phase?.StartDate, phase?.EndDate);
            return new ScheduledFeature(f.Id, f.Title, f.Status, schedule, phase?.Order);
        }));
    }

    private sealed record ScheduledFeature(int Id, string Title, FeatureStatus Status, FeatureSchedule Schedule, int? PhaseOrder);

    private sealed record PlanSchedule(IReadOnlyDictionary<int, ScheduledFeature> Features)
    {
        /// <summary>Out of order, unless the prerequisite is already shipped (or dropped: then it is a different problem).</summary>
        public bool IsEarly(DependencyEdge edge)
        {
            var feature = Features[edge.FeatureId];
            var needed = Features[edge.DependsOnId];
            return needed.Status is not (FeatureStatus.Shipped or FeatureStatus.Dropped)
                && feature.Status is not (FeatureStatus.Shipped or FeatureStatus.Dropped)
                && DependencyRules.IsScheduledBefore(feature.Schedule, feature.PhaseOrder, needed.Schedule, needed.PhaseOrder);
        }

        public PlanDependency Describe(DependencyEdge edge) =>
            new(edge.FeatureId, Features[edge.FeatureId].Title, edge.DependsOnId, Features[edge.DependsOnId].Title, IsEarly(edge));
    }
}
