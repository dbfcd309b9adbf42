using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.Sharing;

/// <summary>"Changed in the last 7 days" on the shared page: the plan's recent changes, counted by the kinds of item
/// each section shows.</summary>
public static class SharedChanges
{
    public const int Days = 7;

    /// <summary>The item kinds (entity names, as history records them) whose changes a section reflects.</summary>
    public static IReadOnlyList<string> KindsOf(ShareScope section) => section switch
    {
        ShareScope.Roadmap => [nameof(RoadmapPhase), nameof(Lane), nameof(Feature)],
        ShareScope.Timeline => [nameof(RoadmapPhase), nameof(Lane), nameof(Feature), nameof(Milestone)],
        ShareScope.NowNextLater => [nameof(RoadmapPhase), nameof(Feature)],
        ShareScope.Outcomes => [nameof(TargetOutcome)],
        ShareScope.PersonasAndProblems => [nameof(Persona), nameof(Problem)],
        ShareScope.Features => [nameof(Feature)],
        ShareScope.OperationsSummary => [nameof(Commitment), nameof(JourneyStage), nameof(OperationRole), nameof(CoreProcess), nameof(Kpi)],
        _ => [],
    };

    /// <summary>Changes per item kind from the start of the day <see cref="Days"/> days before <paramref name="today"/>
    /// (UTC) on: one grouped query over the plan's indexed activity.</summary>
    internal static async Task<IReadOnlyDictionary<string, int>> CountAsync(PlannerDbContext db, int planId, DateOnly today, CancellationToken ct)
    {
        var from = today.AddDays(-Days).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return await db.ActivityEntries.AsNoTracking()
            .Where(a => a.PlanId == planId && a.At >= from)
            .GroupBy(a => a.ItemKind)
            .Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Kind, g => g.Count, ct);
    }
}
