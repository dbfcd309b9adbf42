namespace MvpPlanner.Core.Workshops;

public sealed record TimerState(TimeSpan Duration, DateTime? RunningSince, TimeSpan RemainingWhenPaused)
{
    public bool IsRunning => RunningSince is not null;

    public TimeSpan Remaining(DateTime now) =>
        RunningSince is { } since ? Max(TimeSpan.Zero, RemainingWhenPaused - (now - since)) : RemainingWhenPaused;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

/// <summary>One countdown per plan: everyone's view computes the time left from the same state, so all participants
/// see the same clock. The state lives in an <see cref="IWorkshopTimerStore"/> (memory, or Redis for several instances).
/// Each change returns false when the state could not be kept.</summary>
public sealed class WorkshopTimers(IPlanChangeNotifier notifier, IWorkshopTimerStore store, TimeProvider clock)
{
    public const string TimerChange = "Timer";

    public TimerState? Get(int planId) => store.Get(planId);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    internal bool Start(int planId, TimeSpan duration) => Set(planId, new TimerState(duration, Now, duration));

    internal bool Pause(int planId) =>
        Get(planId) is not { IsRunning: true } state || Set(planId, state with { RunningSince = null, RemainingWhenPaused = state.Remaining(Now) });

    internal bool Resume(int planId) =>
        Get(planId) is not { IsRunning: false } state || state.RemainingWhenPaused <= TimeSpan.Zero || Set(planId, state with { RunningSince = Now });

    internal bool Reset(int planId) =>
        Get(planId) is not { } state || Set(planId, new TimerState(state.Duration, null, state.Duration));

    private bool Set(int planId, TimerState state)
    {
        if (!store.Set(planId, state))
        {
            return false;
        }

        notifier.Publish(new PlanChange(planId, TimerChange, null));
        return true;
    }
}
