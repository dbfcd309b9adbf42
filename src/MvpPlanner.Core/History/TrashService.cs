using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.History;

public sealed record TrashEntryView(long Id, string ItemType, string Name, string Includes, DateTime DeletedAt, string DeletedByName, DateTime PurgedAt);

public sealed record TrashedPlanView(int PlanId, string Name, DateTime DeletedAt, string DeletedByName, DateTime PurgedAt);

/// <summary>The plan's trash (deleted items, kept 30 days) and the workspace's trash (deleted plans, the same).</summary>
public class TrashService(IDbContextFactory<PlannerDbContext> dbFactory, PlanAccess access, PlanWriter writer, ILogger<TrashService> logger)
{
    public async Task<IReadOnlyList<TrashEntryView>> ListAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return [];
        }

        var rows = await db.TrashedItems.AsNoTracking().Where(t => t.PlanId == planId)
            .OrderByDescending(t => t.DeletedAt).ThenByDescending(t => t.Id)
            .Select(t => new { t.Id, t.ItemType, t.Name, t.Includes, t.DeletedAt, t.DeletedByName })
            .ToListAsync(ct);
        return rows.Select(t => new TrashEntryView(t.Id, t.ItemType, t.Name, t.Includes, t.DeletedAt, t.DeletedByName, t.DeletedAt + TrashBin.KeptFor)).ToList();
    }

    /// <summary>Brings the item back with its links where the linked items still exist; the message says what could not be relinked.</summary>
    public Task<ServiceResult<RestoreReport>> RestoreAsync(int planId, long trashId, CancellationToken ct = default) =>
        writer.WriteAsync<RestoreReport>(planId, WorkspaceRole.Editor, async w =>
        {
            var trashed = await w.Db.TrashedItems.AsNoTracking().FirstOrDefaultAsync(t => t.Id == trashId && t.PlanId == planId, ct);
            if (trashed is null)
            {
                return Fail.NotFound("That item in the trash");
            }

            var restored = await TrashBin.RestoreAsync(w.Db, trashed, ct);
            return restored.Succeeded ? ServiceResult<RestoreReport>.Ok(restored.Value!, restored.Value!.Message) : restored;
        }, ct);

    /// <summary>Owners only: removes the item from the trash for good.</summary>
    public Task<ServiceResult> DeletePermanentlyAsync(int planId, long trashId, CancellationToken ct = default) =>
        writer.WriteAsync(planId, WorkspaceRole.Owner, async w =>
        {
            var name = await w.Db.TrashedItems.Where(t => t.Id == trashId && t.PlanId == planId).Select(t => t.Name).FirstOrDefaultAsync(ct);
            if (name is null || await w.Db.TrashedItems.Where(t => t.Id == trashId).ExecuteDeleteAsync(ct) == 0)
            {
                return ServiceResult.NotFound("That item in the trash");
            }

            logger.LogInformation("Deleted trash entry {TrashId} of plan {PlanId} permanently", trashId, planId);
            return ServiceResult.Ok($"Deleted \"{name}\" permanently.");
        }, ct);

    /// <summary>The deleted plans of a workspace, for its owners.</summary>
    public async Task<IReadOnlyList<TrashedPlanView>> ListPlansAsync(int workspaceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckWorkspaceAsync(db, workspaceId, WorkspaceRole.Owner, ct) is not null)
        {
            return [];
        }

        var plans = await db.Plans.AsNoTracking().Where(p => p.WorkspaceId == workspaceId && p.DeletedAt != null)
            .OrderByDescending(p => p.DeletedAt)
            .Select(p => new { p.Id, p.Name, DeletedAt = p.DeletedAt!.Value, By = db.Users.Where(u => u.Id == p.DeletedById).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        return plans.Select(p => new TrashedPlanView(p.Id, p.Name, p.DeletedAt, p.By ?? "", p.DeletedAt + TrashBin.KeptFor)).ToList();
    }

    public Task<ServiceResult> RestorePlanAsync(int planId, CancellationToken ct = default) => ChangeDeletedPlanAsync(planId, restore: true, ct);

    public Task<ServiceResult> DeletePlanPermanentlyAsync(int planId, CancellationToken ct = default) => ChangeDeletedPlanAsync(planId, restore: false, ct);

    /// <summary>Removes what has waited in any trash for longer than 30 days: deleted items and deleted plans (with
    /// their history). Run by the app every hour.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cutoff = db.Clock.GetUtcNow().UtcDateTime - TrashBin.KeptFor;
        var items = await db.TrashedItems.Where(t => t.DeletedAt < cutoff).ExecuteDeleteAsync(ct);
        var plans = await db.Plans.Where(p => p.DeletedAt < cutoff).Select(p => p.Id).ToListAsync(ct);
        foreach (var planId in plans)
        {
            await PurgePlanAsync(db, planId, ct);
        }

        if (items + plans.Count > 0)
        {
            logger.LogInformation("Purged {ItemCount} items and {PlanCount} plans deleted more than 30 days ago", items, plans.Count);
        }

        return items + plans.Count;
    }

    private async Task<ServiceResult> ChangeDeletedPlanAsync(int planId, bool restore, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId && p.DeletedAt != null)
            .Select(p => new { p.WorkspaceId, p.Name }).FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return ServiceResult.NotFound("That plan in the trash");
        }

        if (await access.CheckWorkspaceAsync(db, plan.WorkspaceId, WorkspaceRole.Owner, ct) is { } denied)
        {
            return denied;
        }

        if (restore)
        {
            // Conditional: of two owners restoring at once, one does it and the other is told it is back already.
            var restored = await db.Plans.Where(p => p.Id == planId && p.DeletedAt != null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.DeletedAt, (DateTime?)null).SetProperty(p => p.DeletedById, (string?)null), ct);
            if (restored == 0)
            {
                return ServiceResult.NotFound("That plan in the trash");
            }

            logger.LogInformation("Restored plan {PlanId} from the trash", planId);
            return ServiceResult.Ok($"Restored plan \"{plan.Name}\".");
        }

        await PurgePlanAsync(db, planId, ct);
        logger.LogInformation("Deleted plan {PlanId} permanently", planId);
        return ServiceResult.Ok($"Deleted plan \"{plan.Name}\" permanently.");
    }

    private static async Task PurgePlanAsync(PlannerDbContext db, int planId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.ActivityEntries.Where(a => a.PlanId == planId).ExecuteDeleteAsync(ct);
        await db.Plans.Where(p => p.Id == planId && p.DeletedAt != null).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
    }
}
