using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Activity;

public sealed record ActivityView(DateTime At, string UserName, string Action, string ItemType, string ItemName);

public class ActivityService(IDbContextFactory<PlannerDbContext> dbFactory, PlanAccess access)
{
    public async Task<IReadOnlyList<ActivityView>> ListAsync(int planId, int take = 200, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return [];
        }

        return await db.ActivityEntries.AsNoTracking()
            .Where(a => a.PlanId == planId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(take)
            .Select(a => new ActivityView(a.At, a.UserName, a.Action, a.ItemType, a.ItemName))
            .ToListAsync(ct);
    }
}
