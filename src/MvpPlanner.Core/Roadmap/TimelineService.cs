using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Features;

namespace MvpPlanner.Core.Roadmap;

/// <summary>The roadmap over time: phases as bands, features as bars on their own or their phase's dates, milestones
/// and dependencies.</summary>
public class TimelineService(IDbContextFactory<PlannerDbContext> dbFactory, PlanAccess access, TimeProvider clock)
{
    /// <summary>The timeline as of today on the app's clock; null when the plan does not exist or the caller may not read it.</summary>
    public async Task<TimelineView?> GetAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return null;
        }

        var phases = await db.RoadmapPhases.AsNoTracking().Where(p => p.PlanId == planId)
            .OrderBy(p => p.Order).ThenBy(p => p.Id)
            .Select(p => new TimelinePhase(p.Id, p.Name, p.Order, p.StartDate, p.EndDate))
            .ToListAsync(ct);
        var lanes = await db.Lanes.AsNoTracking().Where(l => l.PlanId == planId)
            .OrderBy(l => l.Order).ThenBy(l => l.Id)
            .Select(l => new TimelineLane(l.Id, l.Name))
            .ToListAsync(ct);
        var features = await db.Features.AsNoTracking().Where(f => f.PlanId == planId)
            .OrderBy(f => f.Rank).ThenBy(f => f.Id)
            .Select(f => new { f.Id, f.Title, f.Status, f.PhaseId, f.LaneId, f.StartDate, f.StartPrecision, f.TargetDate, f.TargetPrecision, f.Version })
            .ToListAsync(ct);
        var edges = await db.Features.AsNoTracking().Where(f => f.PlanId == planId)
            .SelectMany(f => f.Dependencies, (f, d) => new { FeatureId = f.Id, DependsOnId = d.Id }) // a join; a nested Select needs APPLY, which SQLite lacks
            .ToListAsync(ct);
        var milestones = await MilestoneService.Read(db, planId).ToListAsync(ct);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var phaseById = phases.ToDictionary(p => p.Id);
        var bars = features.Select(f =>
        {
            var phase = f.PhaseId is { } id ? phaseById.GetValueOrDefault(id) : null;
            var start = FuzzyDate.From(f.StartDate, f.StartPrecision);
            var target = FuzzyDate.From(f.TargetDate, f.TargetPrecision);
            var schedule = FeatureSchedule.Of(start, target, phase?.Start, phase?.End);
            return new TimelineBar(f.Id, f.Title, f.Status, phase?.Id, phase?.Name, f.LaneId, schedule, start, target,
                schedule.IsOverdue(f.Status, today), f.Version);
        }).ToList();

        var onTimeline = bars.Where(b => b.IsOnTimeline).ToList();
        var barById = bars.ToDictionary(b => b.Id);
        var dependencies = edges
            .Where(e => barById.ContainsKey(e.FeatureId) && barById.ContainsKey(e.DependsOnId))
            .Select(e =>
            {
                var (feature, dependsOn) = (barById[e.FeatureId], barById[e.DependsOnId]);
                var early = DependencyRules.IsScheduledBefore(feature.Schedule, PhaseOrder(feature), dependsOn.Schedule, PhaseOrder(dependsOn));
                return new TimelineDependency(e.FeatureId, e.DependsOnId, early);
            })
            .OrderBy(d => d.FeatureId).ThenBy(d => d.DependsOnId)
            .ToList();

        int? PhaseOrder(TimelineBar bar) => bar.PhaseId is { } id && phaseById.TryGetValue(id, out var p) ? p.Order : null;

        var dates = onTimeline.SelectMany(b => new[] { b.Schedule.Start, b.Schedule.End })
            .Concat(phases.SelectMany(p => new[] { p.Start, p.End }))
            .Concat(milestones.Select(m => (DateOnly?)m.Date))
            .OfType<DateOnly>()
            .Append(today)
            .ToList();
        var from = dates.Min();
        var to = dates.Max();
        if (to.DayNumber - from.DayNumber < 28)
        {
            to = from.AddDays(28); // a plan with one date still shows a readable stretch of time
        }

        return new TimelineView(today, from, to, phases, lanes, onTimeline, milestones, dependencies, bars.Where(b => !b.IsOnTimeline).ToList())
        {
            HasBarsWithoutLane = onTimeline.Any(b => b.LaneId is null),
        };
    }
}

public sealed record TimelinePhase(int Id, string Name, int Order, DateOnly? Start, DateOnly? End);

public sealed record TimelineLane(int Id, string Name);

/// <summary>A feature on the timeline. <see cref="OwnStart"/>/<see cref="OwnTarget"/> are its own dates (null: taken
/// from its phase); <see cref="Schedule"/> is what is drawn.</summary>
public sealed record TimelineBar(
    int Id, string Title, FeatureStatus Status, int? PhaseId, string? PhaseName, int? LaneId,
    FeatureSchedule Schedule, FuzzyDate? OwnStart, FuzzyDate? OwnTarget, bool IsOverdue, int Version)
{
    public bool IsOnTimeline => Schedule.Start is not null || Schedule.End is not null;

    /// <summary>Both ends come from the phase.</summary>
    public bool IsInherited => OwnStart is null && OwnTarget is null;

    /// <summary>The first day drawn: its start, or its target when only that is known.</summary>
    public DateOnly First => Schedule.Start ?? Schedule.End!.Value;

    /// <summary>The last day drawn: its end, or its start when only that is known.</summary>
    public DateOnly Last => Schedule.End ?? Schedule.Start!.Value;
}

/// <summary><see cref="FeatureId"/> needs <see cref="DependsOnId"/> first; <see cref="IsOutOfOrder"/> when it is
/// planned to start before that one is done.</summary>
public sealed record TimelineDependency(int FeatureId, int DependsOnId, bool IsOutOfOrder);

public sealed record TimelineView(
    DateOnly Today, DateOnly From, DateOnly To,
    IReadOnlyList<TimelinePhase> Phases, IReadOnlyList<TimelineLane> Lanes, IReadOnlyList<TimelineBar> Bars,
    IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<TimelineDependency> Dependencies, IReadOnlyList<TimelineBar> NotOnTimeline)
{
    public bool HasBarsWithoutLane { get; init; }
}
