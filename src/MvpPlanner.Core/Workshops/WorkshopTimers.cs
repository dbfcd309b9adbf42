using System.Collections.Concurrent;

namespace MvpPlanner.Core.Workshops;

public sealed record TimerState(TimeSpan Duration, DateTime? RunningSince, TimeSpan RemainingWhenPaused)
{
    public bool IsRunning => RunningSince is not null;

    public TimeSpan Remaining(DateTime now) =>
        RunningSince is { } since ? Max(TimeSpan.Zero, RemainingWhenPaused - (now - since)) : RemainingWhenPaused;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

/// <summary>One countdown per plan, held in memory: everyone's view computes the time left from the same state,
/// so all participants see the same clock.</summary>
public sealed class WorkshopTimers(IPlanChangeNotifier notifier, TimeProvider clock)
{
    public const string TimerChange = "Timer";

    private readonly ConcurrentDictionary<int, TimerState> _timers = new();

    public TimerState? Get(int planId) => _timers.TryGetValue(planId, out var state) ? state : null;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    internal void Start(int planId, TimeSpan duration) => Set(planId, new TimerState(duration, Now, duration));

    internal void Pause(int planId)
    {
        if (Get(planId) is { IsRunning: true } state)
        {
            Set(planId, state with { RunningSince = null, RemainingWhenPaused = state.Remaining(Now) });
        }
    }

    internal void Resume(int planId)
    {
        if (Get(planId) is { IsRunning: false } state && state.RemainingWhenPaused > TimeSpan.Zero)
        {
            Set(planId, state with { RunningSince = Now });
        }
    }

    internal void Reset(int planId)
    {
        if (Get(planId) is { } state)
        {
            Set(planId, new TimerState(state.Duration, null, state.Duration));
        }
    }

    private void Set(int planId, TimerState state)
    {
        _timers[planId] = state;
        notifier.Publish(new PlanChange(planId, TimerChange, null));
    }
}
