using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.Sharing;

/// <summary>Reads a shared plan for an anonymous reader: no tracking, only the columns the page shows, only the
/// sections in the link's scope. Separate from the members' services, which all check a signed-in caller.</summary>
internal static class SharedPlanQuery
{
    public static async Task<SharedPlanView?> LoadAsync(IDbContextFactory<PlannerDbContext> dbFactory, OpenedShareLink link, DateOnly today, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var planId = link.PlanId;
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId && p.DeletedAt == null)
            .Select(p => new
            {
                p.Name,
                p.Vision,
                p.ValueProposition,
                p.UpdatedAt,
                LastActivity = db.ActivityEntries.Where(a => a.PlanId == planId).Max(a => (DateTime?)a.At),
            })
            .FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }

        var lastUpdated = plan.LastActivity is { } at && at > plan.UpdatedAt ? at : plan.UpdatedAt;
        var scope = link.Scope;
        return new SharedPlanView(
            plan.Name,
            plan.Vision,
            scope,
            DateTime.SpecifyKind(lastUpdated, DateTimeKind.Utc),
            scope.HasFlag(ShareScope.Roadmap) ? await RoadmapAsync(db, planId, ct) : null,
            scope.HasFlag(ShareScope.PersonasAndProblems) ? await PersonasAsync(db, planId, ct) : null,
            scope.HasFlag(ShareScope.Features) ? await FeaturesAsync(db, planId, ct) : null,
            scope.HasFlag(ShareScope.OperationsSummary) ? await OperationsAsync(db, planId, plan.ValueProposition, ct) : null)
        {
            Timeline = scope.HasFlag(ShareScope.Timeline) ? await TimelineAsync(db, planId, today, ct) : null,
            NowNextLater = scope.HasFlag(ShareScope.NowNextLater) ? await NowNextLaterAsync(db, planId, today, ct) : null,
            Outcomes = scope.HasFlag(ShareScope.Outcomes) ? await OutcomesAsync(db, planId, ct) : null,
            RecentChanges = await SharedChanges.CountAsync(db, planId, today, ct),
        };
    }

    private static async Task<SharedTimeline> TimelineAsync(PlannerDbContext db, int planId, DateOnly today, CancellationToken ct)
    {
        var phases = await db.RoadmapPhases.AsNoTracking().Where(p => p.PlanId == planId)
            .OrderBy(p => p.Order).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.StartDate, p.EndDate })
            .ToListAsync(ct);
        var features = await db.Features.AsNoTracking().Where(f => f.PlanId == planId)
            .OrderBy(f => f.Rank).ThenBy(f => f.Id)
            .Select(f => new { f.Title, f.Status, f.PhaseId, f.StartDate, f.StartPrecision, f.TargetDate, f.TargetPrecision })
            .ToListAsync(ct);
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.PlanId == planId)
            .OrderBy(m => m.Date).ThenBy(m => m.Id)
            .Select(m => new SharedMilestone(m.Name, m.Date, m.Kind, m.Lane != null ? m.Lane.Name : null))
            .ToListAsync(ct);

        SharedTimelineFeature Dated(string title, FeatureStatus status, FuzzyDate? start, FuzzyDate? target, DateOnly? phaseStart, DateOnly? phaseEnd)
        {
            var schedule = FeatureSchedule.Of(start, target, phaseStart, phaseEnd);
            return new SharedTimelineFeature(title, status, start, target, schedule.Start, schedule.End, schedule.IsOverdue(status, today));
        }

        IReadOnlyList<SharedTimelineFeature> In(int? phaseId, DateOnly? phaseStart, DateOnly? phaseEnd) => features
            .Where(f => f.PhaseId == phaseId)
            .Select(f => Dated(f.Title, f.Status, FuzzyDate.From(f.StartDate, f.StartPrecision), FuzzyDate.From(f.TargetDate, f.TargetPrecision), phaseStart, phaseEnd))
            .OrderBy(f => f.Start ?? f.End ?? DateOnly.MaxValue)
            .ToList();

        return new SharedTimeline(
            phases.Select(p => new SharedTimelinePhase(p.Name, p.StartDate, p.EndDate, In(p.Id, p.StartDate, p.EndDate))).ToList(),
            In(null, null, null).Where(f => f.Start is not null || f.End is not null).ToList(),
            milestones);
    }

    private static async Task<SharedRoadmap> RoadmapAsync(PlannerDbContext db, int planId, CancellationToken ct)
    {
        var phases = await db.RoadmapPhases.AsNoTracking().Where(p => p.PlanId == planId)
            .OrderBy(p => p.Order).ThenBy(p => p.Id)
            .Select(p => new { p.Id, Phase = new SharedPhase(p.Name, p.StartDate, p.EndDate, p.Goal) })
            .ToListAsync(ct);
        var lanes = await db.Lanes.AsNoTracking().Where(l => l.PlanId == planId)
            .OrderBy(l => l.Order).ThenBy(l => l.Id)
            .Select(l => new { l.Id, l.Name })
            .ToListAsync(ct);
        var cards = await db.Features.AsNoTracking().Where(f => f.PlanId == planId && f.PhaseId != null && f.LaneId != null)
            .OrderBy(f => f.Rank).ThenBy(f => f.Id)
            .Select(f => new { f.PhaseId, f.LaneId, Card = new SharedCard(f.Title, f.Moscow, f.Status) })
            .ToListAsync(ct);
        var unscheduled = await db.Features.CountAsync(f => f.PlanId == planId && (f.PhaseId == null || f.LaneId == null), ct);

        var byCell = cards.ToLookup(c => (c.PhaseId, c.LaneId), c => c.Card);
        var rows = lanes.Select(lane => new SharedLane(lane.Name,
            phases.Select(phase => (IReadOnlyList<SharedCard>)byCell[(phase.Id, lane.Id)].ToList()).ToList())).ToList();
        return new SharedRoadmap(phases.Select(p => p.Phase).ToList(), rows, unscheduled);
    }

    private static async Task<SharedPersonas> PersonasAsync(PlannerDbContext db, int planId, CancellationToken ct)
    {
        var people = await db.Personas.AsNoTracking().Where(p => p.PlanId == planId)
            .OrderBy(p => p.Name)
            .Select(p => new SharedPersona(p.Name, p.UserGroup, p.Goals, p.Pains))
            .ToListAsync(ct);
        var problems = await db.Problems.AsNoTracking().Where(p => p.PlanId == planId)
            .OrderByDescending(p => p.Severity).ThenBy(p => p.Statement)
            .Select(p => new SharedProblem(p.Statement, p.Severity, p.Frequency, p.Personas.OrderBy(x => x.Name).Select(x => x.Name).ToList()))
            .ToListAsync(ct);
        return new SharedPersonas(people, problems);
    }

    private static async Task<IReadOnlyList<SharedFeature>> FeaturesAsync(PlannerDbContext db, int planId, CancellationToken ct)
    {
        var features = await db.Features.AsNoTracking().Where(f => f.PlanId == planId)
            .Select(f => new
            {
                f.Title,
                f.Moscow,
                f.Reach,
                f.Impact,
                f.Confidence,
                f.Effort,
                f.Value,
                f.EffortSize,
                f.Status,
                Phase = f.Phase == null ? null : f.Phase.Name,
            })
            .ToListAsync(ct);

        // Must first (Unset last), then the highest RICE score: the order a stakeholder reads priorities in.
        return features
            .Select(f => new SharedFeature(f.Title, f.Moscow, Rice.Score(f.Reach, f.Impact, f.Confidence, f.Effort), f.Value, f.EffortSize, f.Status, f.Phase))
            .OrderBy(f => f.Moscow == Moscow.Unset ? int.MaxValue : (int)f.Moscow)
            .ThenByDescending(f => f.RiceScore ?? double.MinValue)
            .ThenBy(f => f.Title, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    private static async Task<SharedOperations> OperationsAsync(PlannerDbContext db, int planId, string promise, CancellationToken ct)
    {
        var commitments = await db.Commitments.AsNoTracking().Where(c => c.PlanId == planId)
            .OrderBy(c => c.Id).Select(c => c.Text).ToListAsync(ct);
        var stages = await db.JourneyStages.AsNoTracking().Where(s => s.PlanId == planId)
            .OrderBy(s => s.Order).ThenBy(s => s.Id).Select(s => s.Name).ToListAsync(ct);
        var processes = await db.CoreProcesses.AsNoTracking().Where(p => p.PlanId == planId)
            .OrderBy(p => p.Stage == null ? int.MaxValue : p.Stage.Order).ThenBy(p => p.Name)
            .Select(p => new
            {
                p.Name,
                Stage = p.Stage == null ? null : p.Stage.Name,
                Role = p.OwnerRole == null ? null : p.OwnerRole.Name,
                Holder = p.OwnerRole == null ? null : p.OwnerRole.Holder,
                p.Automation,
            })
            .ToListAsync(ct);
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.PlanId == planId)
            .OrderBy(k => k.Name)
            .Select(k => new
            {
                k.Name,
                k.Unit,
                k.Target,
                k.Cadence,
                Latest = k.Measurements.OrderByDescending(m => m.MeasuredOn).ThenByDescending(m => m.Id)
                    .Select(m => new { m.Value, m.MeasuredOn }).FirstOrDefault(),
                FirstMeasured = k.Measurements.OrderBy(m => m.MeasuredOn).ThenBy(m => m.Id).Select(m => (DateOnly?)m.MeasuredOn).FirstOrDefault(),
                LastReview = k.Reviews.OrderByDescending(r => r.HeldOn).Select(r => (DateOnly?)r.HeldOn).FirstOrDefault(),
            })
            .ToListAsync(ct);

        return new SharedOperations(
            promise,
            commitments,
            stages,
            processes.Select(p => new SharedProcess(p.Name, p.Stage, p.Role is null ? null : RoleView.LabelOf(p.Role, p.Holder), p.Automation)).ToList(),
            kpis.Select(k => new SharedKpi(k.Name, k.Unit, k.Target, k.Latest?.Value, k.Latest?.MeasuredOn,
                Cadences.NextReview(k.LastReview, k.FirstMeasured, k.Cadence))).ToList());
    }

    /// <summary>The roadmap's phases on the three horizons by the same rule as the members' view
    /// (<see cref="Horizons.Assign"/>); Later also holds the features not in a phase.</summary>
    private static async Task<SharedHorizons> NowNextLaterAsync(PlannerDbContext db, int planId, DateOnly today, CancellationToken ct)
    {
        var phases = await db.RoadmapPhases.AsNoTracking().Where(p => p.PlanId == planId)
            .OrderBy(p => p.Order).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Order, p.Name, p.StartDate, p.EndDate, p.Goal })
            .ToListAsync(ct);
        var features = await db.Features.AsNoTracking().Where(f => f.PlanId == planId)
            .Select(f => new { f.Id, f.Title, f.Moscow, f.Status, f.PhaseId, f.Reach, f.Impact, f.Confidence, f.Effort })
            .ToListAsync(ct);
        var cards = features
            .Select(f => new HorizonCard(f.Id, f.Title, f.Moscow, f.Status, null, Rice.Score(f.Reach, f.Impact, f.Confidence, f.Effort), f.PhaseId))
            .ToList();

        static bool IsClosed(FeatureStatus status) => status is FeatureStatus.Shipped or FeatureStatus.Dropped;
        var assignment = Horizons.Assign(
            phases.Select(p => new HorizonPhase(p.Id, p.Order, p.StartDate, p.EndDate,
                cards.Count(c => c.PhaseId == p.Id && !IsClosed(c.Status)), cards.Count(c => c.PhaseId == p.Id && IsClosed(c.Status)))),
            today);

        SharedHorizon Column(Horizon horizon)
        {
            var covered = phases.Where(p => assignment.Of(p.Id) == horizon).ToList();
            var ids = covered.Select(p => p.Id).ToHashSet();
            var shown = cards.Where(c => c.PhaseId is { } id ? ids.Contains(id) : horizon == Horizon.Later);
            return new SharedHorizon(
                horizon,
                covered.Select(p => new SharedPhase(p.Name, p.StartDate, p.EndDate, p.Goal)).ToList(),
                HorizonService.Sort(shown).Select(c => new SharedCard(c.Title, c.Moscow, c.Status)).ToList());
        }

        return new SharedHorizons([Column(Horizon.Now), Column(Horizon.Next), Column(Horizon.Later)]);
    }

    private static async Task<IReadOnlyList<SharedOutcome>> OutcomesAsync(PlannerDbContext db, int planId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var outcomes = await db.TargetOutcomes.AsNoTracking().Where(o => o.PlanId == planId)
            .OrderBy(o => o.Order).ThenBy(o => o.Id)
            .Select(o => new
            {
                o.Description, o.Metric, o.Baseline, o.Target, o.BaselineValue, o.TargetValue, o.TargetDate, o.CreatedAt,
                Readings = o.Measurements.OrderBy(m => m.MeasuredOn).ThenBy(m => m.Id).Select(m => new ProgressPoint(m.MeasuredOn, m.Value)).ToList(),
            })
            .ToListAsync(ct);
        return outcomes.Select(o =>
        {
            var progress = OutcomeProgress.Of(o.BaselineValue, o.TargetValue, o.TargetDate, o.Readings, DateOnly.FromDateTime(o.CreatedAt), today);
            return new SharedOutcome(o.Description, o.Metric, o.Baseline, o.Target, progress.Latest, progress.Status);
        }).ToList();
    }
}
