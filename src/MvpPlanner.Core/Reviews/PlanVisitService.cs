using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.History;

namespace MvpPlanner.Core.Reviews;

/// <summary>One item changed by others since the member's last visit: its newest lines first.</summary>
public sealed record ChangedItem(string ItemKind, int? ItemId, string ItemType, string ItemName, bool IsDeleted, IReadOnlyList<HistoryLine> Lines)
{
    public DateTime LatestAt => Lines[0].At;
}

/// <summary>What others changed in a plan since <see cref="Since"/> (the member's previous visit), grouped by item,
/// most recently changed first. <see cref="Total"/> counts every change, also those past the list's limit.</summary>
public sealed record SinceLastVisit(DateTime? Since, IReadOnlyList<ChangedItem> Items, int Total)
{
    public static SinceLastVisit None { get; } = new(null, [], 0);
}

/// <summary>Remembers when each member opens a plan, and says what others changed since their previous visit. A visit is
/// a session: moving between the plan's pages within <see cref="SessionGap"/> of the last page keeps the same
/// "previous visit", so the changes stay listed until the member leaves for a while or marks them as seen.</summary>
public class PlanVisitService(IDbContextFactory<PlannerDbContext> dbFactory, PlanAccess access, TimeProvider clock)
{
    public static readonly TimeSpan SessionGap = TimeSpan.FromMinutes(30);

    /// <summary>Pages opened within this of the last recorded one write nothing: the session is still the same.</summary>
    private static readonly TimeSpan WriteInterval = TimeSpan.FromMinutes(1);

    private const int MaxLines = 200;

    /// <summary>Records that the caller opened the plan. One insert-or-update statement, decided by the database on the
    /// unique (user, plan) row, so two tabs opening the plan at once cannot both insert or undo each other.</summary>
    public async Task RecordVisitAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return;
        }

        var userId = db.ActingUser!.UserId;
        var now = clock.GetUtcNow().UtcDateTime;
        var sessionEnded = now - SessionGap;
        var recent = now - WriteInterval;

        // The SET expressions read the row's old values: the previous visit moves to the last one only when that is
        // older than the session gap. Same syntax on SQLite and PostgreSQL.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "PlanVisits" ("UserId", "PlanId", "LastVisitedAt", "PreviousVisitAt") VALUES ({userId}, {planId}, {now}, NULL)
            ON CONFLICT ("UserId", "PlanId") DO UPDATE SET
                "PreviousVisitAt" = CASE WHEN "PlanVisits"."LastVisitedAt" < {sessionEnded} THEN "PlanVisits"."LastVisitedAt" ELSE "PlanVisits"."PreviousVisitAt" END,
                "LastVisitedAt" = {now}
            WHERE "PlanVisits"."LastVisitedAt" < {recent}
            """, ct);
    }

    /// <summary>Everything others changed since the caller's previous visit; nothing on a first visit.</summary>
    public async Task<SinceLastVisit> SinceLastVisitAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return SinceLastVisit.None;
        }

        var userId = db.ActingUser!.UserId;
        var since = await db.PlanVisits.AsNoTracking().Where(v => v.UserId == userId && v.PlanId == planId)
            .Select(v => v.PreviousVisitAt).FirstOrDefaultAsync(ct);
        if (since is not { } after)
        {
            return SinceLastVisit.None;
        }

        var changes = db.ActivityEntries.AsNoTracking()
            .Where(a => a.PlanId == planId && a.At > after && (a.UserId == null || a.UserId != userId));
        var total = await changes.CountAsync(ct);
        if (total == 0)
        {
            return new SinceLastVisit(after, [], 0);
        }

        var entries = await changes.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(MaxLines).ToListAsync(ct);
        var items = entries
            .GroupBy(e => (e.ItemKind, e.ItemId))
            .Select(g => new ChangedItem(g.Key.ItemKind, g.Key.ItemId, g.First().ItemType, g.First().ItemName,
                g.First().Action == "deleted", g.Select(HistoryService.ToLine).ToList()))
            .ToList();
        return new SinceLastVisit(after, items, total);
    }

    /// <summary>Nothing before now counts as new any more, for the caller and this plan.</summary>
    public async Task<ServiceResult> MarkAllSeenAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is { } refused)
        {
            return refused;
        }

        var userId = db.ActingUser!.UserId;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.PlanVisits.Where(v => v.UserId == userId && v.PlanId == planId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.PreviousVisitAt, now).SetProperty(v => v.LastVisitedAt, now), ct);
        return ServiceResult.Ok("Marked as seen.");
    }

    /// <summary>For the plans list, one query for all its plans: how many changes by others the caller has not seen.
    /// Counted from the last visit when that session has ended (the next visit will list exactly these), otherwise
    /// from the previous visit (what the overview lists right now). Plans never opened have no count.</summary>
    public async Task<IReadOnlyDictionary<int, int>> UnseenChangeCountsAsync(IReadOnlyCollection<int> planIds, CancellationToken ct = default)
    {
        if (planIds.Count == 0 || await access.GetCallerAsync() is not { } caller)
        {
            return new Dictionary<int, int>();
        }

        var userId = caller.UserId;
        var sessionEnded = clock.GetUtcNow().UtcDateTime - SessionGap;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.PlanVisits.AsNoTracking()
            .Where(v => v.UserId == userId && planIds.Contains(v.PlanId)
                && db.Plans.Any(p => p.Id == v.PlanId && p.Workspace!.Members.Any(m => m.UserId == userId)))
            .Select(v => new
            {
                v.PlanId,
                Count = db.ActivityEntries.Count(a => a.PlanId == v.PlanId
                    && a.At > (v.LastVisitedAt < sessionEnded ? (DateTime?)v.LastVisitedAt : v.PreviousVisitAt)
                    && (a.UserId == null || a.UserId != userId)),
            })
            .ToListAsync(ct);
        return counts.Where(c => c.Count > 0).ToDictionary(c => c.PlanId, c => c.Count);
    }
}
