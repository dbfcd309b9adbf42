using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Features;

namespace MvpPlanner.Core.Roadmap;

/// <summary>The roadmap as Now / Next / Later (<see cref="Horizons"/>), for the view that shows intent without dates.</summary>
public class HorizonService(IDbContextFactory<PlannerDbContext> dbFactory, PlanAccess access, TimeProvider clock)
{
    /// <summary>The three horizons with their phases and cards, as of today on the app's clock; null when the plan does
    /// not exist or the caller may not read it.</summary>
    public async Task<HorizonBoard?> GetAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return null;
        }

        var phases = await db.RoadmapPhases.AsNoTracking().Where(p => p.PlanId == planId)
            .OrderBy(p => p.Order).ThenBy(p => p.Id)
            .Select(p => new PhaseView(p.Id, p.Name, p.Order, p.StartDate, p.EndDate, p.Goal, p.ExitCriteria, p.Version))
            .ToListAsync(ct);
        var lanes = await db.Lanes.AsNoTracking().Where(l => l.PlanId == planId)
            .OrderBy(l => l.Order).ThenBy(l => l.Id)
            .Select(l => new LaneView(l.Id, l.Name, l.Order, l.Version))
            .ToListAsync(ct);
        var features = await db.Features.AsNoTracking().Where(f => f.PlanId == planId)
            .OrderBy(f => f.Id)
            .Select(f => new { f.Id, f.Title, f.Moscow, f.Status, f.PhaseId, LaneName = f.Lane != null ? f.Lane.Name : null, f.Reach, f.Impact, f.Confidence, f.Effort })
            .ToListAsync(ct);
        var cards = features
            .Select(f => new HorizonCard(f.Id, f.Title, f.Moscow, f.Status, f.LaneName, Rice.Score(f.Reach, f.Impact, f.Confidence, f.Effort), f.PhaseId))
            .ToList();

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var assignment = Horizons.Assign(
            phases.Select(p => new HorizonPhase(p.Id, p.Order, p.StartDate, p.EndDate,
                cards.Count(c => c.PhaseId == p.Id && !IsClosed(c.Status)), cards.Count(c => c.PhaseId == p.Id && IsClosed(c.Status)))),
            today);

        HorizonColumn Column(Horizon horizon)
        {
            var covered = phases.Where(p => assignment.Of(p.Id) == horizon).ToList();
            var ids = covered.Select(p => p.Id).ToHashSet();
            var withUnscheduled = horizon == Horizon.Later;
            var shown = cards.Where(c => c.PhaseId is { } id ? ids.Contains(id) : withUnscheduled);
            return new HorizonColumn(horizon, covered, withUnscheduled, Sort(shown));
        }

        var done = phases.Where(p => assignment.Done.Contains(p.Id))
            .Select(p => new DonePhase(p, cards.Count(c => c.PhaseId == p.Id && c.Status == FeatureStatus.Shipped), cards.Count(c => c.PhaseId == p.Id && c.Status == FeatureStatus.Dropped),
                cards.Count(c => c.PhaseId == p.Id && !IsClosed(c.Status))))
            .ToList();
        return new HorizonBoard(today, [Column(Horizon.Now), Column(Horizon.Next), Column(Horizon.Later)], done, phases, lanes);
    }

    private static bool IsClosed(FeatureStatus status) => status is FeatureStatus.Shipped or FeatureStatus.Dropped;

    /// <summary>Must first, then Should, Could, Won't and not yet prioritised; within each, the highest RICE first and
    /// unscored last.</summary>
    internal static List<HorizonCard> Sort(IEnumerable<HorizonCard> cards) =>
        cards.OrderBy(c => c.Moscow == Moscow.Unset ? int.MaxValue : (int)c.Moscow)
            .ThenBy(c => c.RiceScore is null)
            .ThenByDescending(c => c.RiceScore)
            .ThenBy(c => c.Title, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(c => c.Id)
            .ToList();
}

public sealed record HorizonCard(int Id, string Title, Moscow Moscow, FeatureStatus Status, string? LaneName, double? RiceScore, int? PhaseId);

/// <summary>One horizon: the phases it covers (in order) and their features; Later also holds the Unscheduled ones.</summary>
public sealed record HorizonColumn(Horizon Horizon, IReadOnlyList<PhaseView> Phases, bool IncludesUnscheduled, IReadOnlyList<HorizonCard> Cards);

/// <summary>A phase before Now, summarised by what became of its features.</summary>
public sealed record DonePhase(PhaseView Phase, int Shipped, int Dropped, int Open);

public sealed record HorizonBoard(
    DateOnly Today, IReadOnlyList<HorizonColumn> Columns, IReadOnlyList<DonePhase> Done, IReadOnlyList<PhaseView> Phases, IReadOnlyList<LaneView> Lanes)
{
    public HorizonColumn this[Horizon horizon] => Columns[(int)horizon];
}
