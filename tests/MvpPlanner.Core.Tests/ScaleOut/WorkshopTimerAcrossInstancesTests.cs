using MvpPlanner.Core.Workshops;

namespace MvpPlanner.Core.Tests.ScaleOut;

/// <summary>The workshop timer a facilitator runs through one instance is the clock every participant sees.</summary>
public sealed class WorkshopTimerAcrossInstancesTests
{
    [Fact]
    public async Task Timer_StartedAndPausedOnInstanceA_IsSeenOnB()
    {
        var prefix = AppInstance.NewPrefix();
        await using var a = await AppInstance.StartAsync(prefix);
        await using var b = await AppInstance.StartAsync(prefix);
        var onB = new ReceivedChanges();
        using var timerOnB = b.Get<IPlanChangeNotifier>().Subscribe(5, onB.OnChange);

        a.Get<WorkshopTimers>().Start(5, TimeSpan.FromMinutes(10)).ShouldBeTrue();
        await onB.WaitForAsync(c => c.What == WorkshopTimers.TimerChange);
        var running = b.Get<WorkshopTimers>().Get(5);
        a.Get<WorkshopTimers>().Pause(5).ShouldBeTrue();
        var paused = b.Get<WorkshopTimers>().Get(5);

        running.ShouldNotBeNull();
        running.IsRunning.ShouldBeTrue();
        running.Duration.ShouldBe(TimeSpan.FromMinutes(10));
        paused.ShouldNotBeNull();
        paused.IsRunning.ShouldBeFalse();
        paused.RemainingWhenPaused.ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(10));
        paused.RemainingWhenPaused.ShouldBe(paused.Remaining(b.Get<WorkshopTimers>().Now));
    }
}
