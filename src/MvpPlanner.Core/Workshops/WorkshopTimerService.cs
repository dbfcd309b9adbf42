using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Workshops;

/// <summary>The shared workshop timer: starting, pausing, resuming and resetting it needs an editor or owner. The timer
/// announces its own changes.</summary>
public class WorkshopTimerService(
    IDbContextFactory<PlannerDbContext> dbFactory,
    PlanAccess access,
    WorkshopTimers timers)
{
    public async Task<ServiceResult> StartTimerAsync(int planId, int minutes, CancellationToken ct = default)
    {
        if (minutes is < 1 or > 180)
        {
            return ServiceResult.Invalid("Minutes", "A timer runs from 1 to 180 minutes.");
        }

        return await FacilitateAsync(planId, () => timers.Start(planId, TimeSpan.FromMinutes(minutes)), ct);
    }

    public Task<ServiceResult> PauseTimerAsync(int planId, CancellationToken ct = default) => FacilitateAsync(planId, () => timers.Pause(planId), ct);

    public Task<ServiceResult> ResumeTimerAsync(int planId, CancellationToken ct = default) => FacilitateAsync(planId, () => timers.Resume(planId), ct);

    public Task<ServiceResult> ResetTimerAsync(int planId, CancellationToken ct = default) => FacilitateAsync(planId, () => timers.Reset(planId), ct);

    private async Task<ServiceResult> FacilitateAsync(int planId, Func<bool> action, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Editor, ct) is { } denied)
        {
            return denied;
        }

        return action()
            ? ServiceResult.Ok()
            : ServiceResult.Invalid("Timer", "The timer could not be shared with the other participants just now. Try again in a moment.");
    }
}
