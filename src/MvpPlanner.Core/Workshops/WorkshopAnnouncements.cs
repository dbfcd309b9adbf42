using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Workshops;

/// <summary>How the workshop services tell open workshop views about a change.</summary>
internal static class WorkshopAnnouncements
{
    /// <summary>Tells open workshop views once the change has committed.</summary>
    public static async Task<TResult> AnnouncedAsync<TResult>(this IPlanChangeNotifier notifier, PlanAccess access, int planId, Task<TResult> write)
        where TResult : ServiceResult
    {
        var result = await write;
        if (result.Succeeded)
        {
            notifier.Publish(new PlanChange(planId, WorkshopChanges.Change, (await access.GetCallerAsync())?.UserId));
        }

        return result;
    }

    public static void Announce(this IPlanChangeNotifier notifier, int planId, PlannerDbContext db) =>
        notifier.Publish(new PlanChange(planId, WorkshopChanges.Change, db.ActingUser?.UserId));
}
