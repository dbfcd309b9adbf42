using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Common;

/// <summary>The plan's order token, which guards every list the plan keeps in a chosen order: cards in a board cell,
/// phases, lanes, journey stages. Why a token rather than a unique index on (PlanId, PhaseId, LaneId, Rank): a cell
/// stores "unscheduled" and "no lane" as NULL, which a unique index treats as distinct on SQLite and PostgreSQL alike,
/// and renumbering a cell row by row passes through duplicates. So a reorder reads the token before the positions and
/// writes it back one higher only if it is unchanged (UPDATE … WHERE OrderVersion = seen): of two reorders computed
/// from the same positions, the second changes no row and is told to try again. One token per plan, not per cell:
/// simpler, and reorders collide only when they are truly simultaneous.</summary>
internal static class PlanOrder
{
    public static Task<int> ReadAsync(PlannerDbContext db, int planId, CancellationToken ct) =>
        db.Plans.Where(p => p.Id == planId).Select(p => p.OrderVersion).FirstOrDefaultAsync(ct);

    /// <summary>True when nobody reordered since <paramref name="seen"/> was read; the plan row then stays locked to the commit.</summary>
    public static async Task<bool> ClaimAsync(PlannerDbContext db, int planId, int seen, CancellationToken ct) =>
        await db.Plans.Where(p => p.Id == planId && p.OrderVersion == seen)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.OrderVersion, p => p.OrderVersion + 1), ct) == 1;

    /// <summary>For appending after the last position: takes the token before the last position is read, so appends
    /// wait for each other instead of taking the same place, and a reorder computed meanwhile is refused.</summary>
    public static Task BumpAsync(PlannerDbContext db, int planId, CancellationToken ct) =>
        db.Plans.Where(p => p.Id == planId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.OrderVersion, p => p.OrderVersion + 1), ct);
}
