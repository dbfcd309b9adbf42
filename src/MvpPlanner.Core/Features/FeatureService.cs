using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Feedback;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.Features;

public class FeatureService(
    IDbContextFactory<PlannerDbContext> dbFactory,
    PlanAccess access,
    IValidator<FeatureInput> validator,
    IValidator<FeaturePriorityInput> priorityValidator,
    PlanWriter writer)
{
    public async Task<IReadOnlyList<FeatureRow>> ListAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return [];
        }

        return await ToRowsAsync(db.Features.AsNoTracking()
            .Where(f => f.PlanId == planId)
            .OrderBy(f => f.Phase == null ? int.MaxValue : f.Phase.Order).ThenBy(f => f.Rank).ThenBy(f => f.Id), ct);
    }

    /// <summary>One page of the backlog, filtered, sorted and paged in the database, with the counts the page shows.</summary>
    public async Task<BacklogSlice> QueryAsync(int planId, BacklogQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return BacklogSlice.Empty;
        }

        var plan = db.Features.AsNoTracking().Where(f => f.PlanId == planId);
        var planCount = await plan.CountAsync(ct);
        var matching = plan.Matching(query.Filter);
        var matchingCount = query.Filter.IsEmpty ? planCount : await matching.CountAsync(ct);
        var page = matching.Sorted(query.Sort, query.Descending)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 0, BacklogQuery.MaxTake));
        return new BacklogSlice(await ToRowsAsync(page, ct), matchingCount, planCount);
    }

    /// <summary>The names the backlog filters and feature dialog offer: personas, problems, phases and lanes.</summary>
    public async Task<BacklogLookups> GetLookupsAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return BacklogLookups.Empty;
        }

        var personas = await db.Personas.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new LinkedItem(p.Id, p.Name)).ToListAsync(ct);
        var problems = await db.Problems.AsNoTracking().Where(p => p.PlanId == planId).OrderByDescending(p => p.Severity).ThenBy(p => p.Statement).ThenBy(p => p.Id)
            .Select(p => new LinkedItem(p.Id, p.Statement)).ToListAsync(ct);
        var phases = await db.RoadmapPhases.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.Order).ThenBy(p => p.Id)
            .Select(p => new PhaseView(p.Id, p.Name, p.Order, p.StartDate, p.EndDate, p.Goal, p.ExitCriteria, p.Version)).ToListAsync(ct);
        var lanes = await db.Lanes.AsNoTracking().Where(l => l.PlanId == planId).OrderBy(l => l.Order).ThenBy(l => l.Id)
            .Select(l => new LaneView(l.Id, l.Name, l.Order, l.Version)).ToListAsync(ct);
        return new BacklogLookups(personas, problems, phases, lanes);
    }

    /// <summary>Only the named features (those still there), for a view that patches the rows someone changed, or a
    /// dialog that edits one card, without reading the whole backlog.</summary>
    public async Task<IReadOnlyList<FeatureRow>> GetRowsAsync(int planId, IReadOnlyCollection<int> featureIds, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (featureIds.Count == 0 || await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return [];
        }

        return await ToRowsAsync(db.Features.AsNoTracking().Where(f => f.PlanId == planId && featureIds.Contains(f.Id)).OrderBy(f => f.Id), ct);
    }

    public async Task<FeatureRow?> GetRowAsync(int planId, int featureId, CancellationToken ct = default)
    {
        var rows = await GetRowsAsync(planId, [featureId], ct);
        return rows.Count == 0 ? null : rows[0];
    }

    internal static async Task<IReadOnlyList<FeatureRow>> ToRowsAsync(IQueryable<Feature> features, CancellationToken ct)
    {
        var rows = await features
            .Select(f => new FeatureRow
            {
                Id = f.Id,
                Title = f.Title,
                Description = f.Description,
                Owner = f.Owner,
                Status = f.Status,
                Moscow = f.Moscow,
                Reach = f.Reach,
                Impact = f.Impact,
                Confidence = f.Confidence,
                Effort = f.Effort,
                Value = f.Value,
                EffortSize = f.EffortSize,
                PhaseId = f.PhaseId,
                PhaseName = f.Phase == null ? null : f.Phase.Name,
                LaneId = f.LaneId,
                LaneName = f.Lane == null ? null : f.Lane.Name,
                Version = f.Version,
                NeedsOperationalSupport = f.NeedsOperationalSupport,
                StartDate = f.StartDate,
                StartPrecision = f.StartPrecision,
                TargetDate = f.TargetDate,
                TargetPrecision = f.TargetPrecision,
                PhaseStart = f.Phase == null ? null : f.Phase.StartDate,
                PhaseEnd = f.Phase == null ? null : f.Phase.EndDate,
                Problems = f.Problems.OrderBy(p => p.Statement).Select(p => new LinkedItem(p.Id, p.Statement)).ToList(),
                // No Distinct() here: inside a collection projection it needs OUTER APPLY, which SQLite cannot run.
                PersonaIds = f.Problems.SelectMany(p => p.Personas).Select(p => p.Id).ToList(),
                EvidenceCount = f.Feedback.Count(x => x.State == FeedbackState.Linked),
                EvidenceOrganisations = f.Feedback.Where(x => x.State == FeedbackState.Linked && x.Organisation != "")
                    .Select(x => x.Organisation.ToLower()).Distinct().Count(),
            })
            .ToListAsync(ct);

        // A persona shared by two of the feature's problems comes back twice; list it once.
        foreach (var row in rows)
        {
            row.PersonaIds = row.PersonaIds.Distinct().ToList();
        }

        return rows;
    }

    public Task<ServiceResult<int>> CreateAsync(int planId, FeatureInput input, CancellationToken ct = default) =>
        writer.WriteAsync<FeatureInput, int>(planId, input, validator, async w =>
        {
            var feature = new Feature { PlanId = planId };
            var applied = await ApplyAsync(w.Db, planId, feature, input, ct);
            if (!applied.Succeeded)
            {
                return Fail.From(applied);
            }

            await PlanOrder.BumpAsync(w.Db, planId, ct);
            feature.Rank = await NextRankAsync(w.Db, planId, feature.PhaseId, feature.LaneId, ct);
            w.Db.Features.Add(feature);
            await w.SaveAsync(ct);
            return ServiceResult<int>.Ok(feature.Id, $"Added feature \"{feature.Title}\".");
        }, ct);

    public Task<ServiceResult> UpdateAsync(int planId, int featureId, FeatureInput input, CancellationToken ct = default) =>
        writer.WriteAsync(planId, input, validator, async w =>
        {
            var feature = await w.FindAsync<Feature>(featureId, q => q.Include(f => f.Problems), ct);
            if (feature is null)
            {
                return ServiceResult.NotFound("The feature");
            }

            var (oldPhase, oldLane) = (feature.PhaseId, feature.LaneId);
            var applied = await ApplyAsync(w.Db, planId, feature, input, ct);
            if (!applied.Succeeded)
            {
                return applied;
            }

            if (feature.PhaseId != oldPhase || feature.LaneId != oldLane)
            {
                await PlanOrder.BumpAsync(w.Db, planId, ct);
                feature.Rank = await NextRankAsync(w.Db, planId, feature.PhaseId, feature.LaneId, ct);
            }

            w.BasedOn(feature, input.Version);
            return ServiceResult.Ok();
        }, ct);

    public Task<ServiceResult> UpdatePriorityAsync(int planId, int featureId, FeaturePriorityInput input, CancellationToken ct = default) =>
        writer.WriteAsync(planId, input, priorityValidator, async w =>
        {
            var feature = await w.FindAsync<Feature>(featureId, ct: ct);
            if (feature is null)
            {
                return ServiceResult.NotFound("The feature");
            }

            ApplyPriority(feature, input);
            w.BasedOn(feature, input.Version);
            return ServiceResult.Ok();
        }, ct);

    /// <summary>Moves the feature to the trash, with its links to problems and processes; only at
    /// <paramref name="expectedVersion"/> when one is given (the API's If-Match).</summary>
    public Task<ServiceResult> DeleteAsync(int planId, int featureId, int? expectedVersion = null, CancellationToken ct = default) =>
        writer.WriteAsync(planId, WorkspaceRole.Editor, async w =>
        {
            var feature = await w.FindAsync<Feature>(featureId, ct: ct);
            if (feature is null)
            {
                return ServiceResult.NotFound("The feature");
            }

            w.Expect(feature, expectedVersion);
            await w.TrashAsync(feature, ct);
            return ServiceResult.Ok($"Deleted feature \"{feature.Title}\".");
        }, ct);

    internal static async Task<int> NextRankAsync(PlannerDbContext db, int planId, int? phaseId, int? laneId, CancellationToken ct)
    {
        var last = await db.Features.Where(f => f.PlanId == planId && f.PhaseId == phaseId && f.LaneId == laneId)
            .MaxAsync(f => (int?)f.Rank, ct);
        return (last ?? -1) + 1;
    }

    private static async Task<ServiceResult> ApplyAsync(PlannerDbContext db, int planId, Feature feature, FeatureInput input, CancellationToken ct)
    {
        if (input.PhaseId is { } phaseId && !await db.RoadmapPhases.AnyAsync(p => p.Id == phaseId && p.PlanId == planId, ct))
        {
            return ServiceResult.Invalid(nameof(FeatureInput.PhaseId), "That roadmap phase no longer exists. Choose another or leave it unscheduled.");
        }

        if (input.LaneId is { } laneId && !await db.Lanes.AnyAsync(l => l.Id == laneId && l.PlanId == planId, ct))
        {
            return ServiceResult.Invalid(nameof(FeatureInput.LaneId), "That lane no longer exists. Choose another.");
        }

        var wanted = input.ProblemIds.Distinct().ToList();
        var problems = await db.Problems.Where(p => p.PlanId == planId && wanted.Contains(p.Id)).ToListAsync(ct);
        if (problems.Count != wanted.Count)
        {
            return ServiceResult.Invalid(nameof(FeatureInput.ProblemIds), "A chosen problem no longer exists. It may have been deleted; choose again.");
        }

        feature.Title = Text.Clean(input.Title);
        feature.Description = Text.Clean(input.Description);
        feature.Owner = Text.Clean(input.Owner);
        feature.PhaseId = input.PhaseId;
        feature.LaneId = input.LaneId;
        feature.NeedsOperationalSupport = input.NeedsOperationalSupport;
        FeatureDates.Apply(feature, FeatureDates.ToFuzzy(input.StartDate, input.StartPrecision), FeatureDates.ToFuzzy(input.TargetDate, input.TargetPrecision));
        ApplyPriority(feature, input);
        feature.Problems.Clear();
        feature.Problems.AddRange(problems);
        return ServiceResult.Ok();
    }

    private static void ApplyPriority(Feature feature, FeaturePriorityInput input)
    {
        feature.Status = input.Status;
        feature.Moscow = input.Moscow;
        feature.Reach = input.Reach;
        feature.Impact = input.Impact;
        feature.Confidence = input.Confidence;
        feature.Effort = input.Effort;
        feature.Value = input.Value;
        feature.EffortSize = input.EffortSize;
    }
}
