using MvpPlanner.Core.Tests.Infrastructure;
using MvpPlanner.Core.Workshops;

namespace MvpPlanner.Core.Tests.ScaleOut;

/// <summary>Who is in a plan, as every instance sees it.</summary>
public sealed class PresenceAcrossInstancesTests
{
    [Fact]
    public async Task Enter_OnInstanceA_IsListedOnBAndLeavesWhenTheViewOnALeaves()
    {
        var prefix = AppInstance.NewPrefix();
        await using var a = await AppInstance.StartAsync(prefix);
        await using var b = await AppInstance.StartAsync(prefix);
        var onB = new ReceivedChanges();
        using var presenceBarOnB = b.Get<IPlanChangeNotifier>().Subscribe(3, onB.OnChange);

        a.Get<PresenceTracker>().Enter(3, "view-a", "user-ada", "Ada Lovelace", "Roadmap");
        await onB.WaitForAsync(c => c.What == PresenceTracker.PresenceChange);
        var listedOnB = b.Get<PresenceTracker>().InPlan(3);

        a.Get<PresenceTracker>().SetEditing(3, "view-a", "Tool catalogue", "feature:12");
        var editingSeenFromB = b.Get<PresenceTracker>().EditingBy(3, "feature:12", "view-b");

        a.Get<PresenceTracker>().Leave(3, "view-a");
        var afterLeaving = b.Get<PresenceTracker>().InPlan(3);

        listedOnB.Select(p => (p.DisplayName, p.Section)).ShouldBe([("Ada Lovelace", "Roadmap")]);
        editingSeenFromB.ShouldBe(["Ada Lovelace"]);
        afterLeaving.ShouldBeEmpty();
    }

    [Fact]
    public async Task InPlan_ViewsOfAnInstanceThatStoppedVouching_AgeOut()
    {
        var prefix = AppInstance.NewPrefix();
        var clock = new TestClock(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        await using var crashed = await AppInstance.StartAsync(prefix, clock: clock);
        await using var alive = await AppInstance.StartAsync(prefix, clock: clock);
        crashed.Get<PresenceTracker>().Enter(3, "view-gone", "user-gone", "Gone Away", "Roadmap");
        alive.Get<PresenceTracker>().Enter(3, "view-here", "user-here", "Still Here", "Roadmap");

        // The crashed instance never re-stamps its entry; the living one does, as its heartbeat would.
        clock.Advance(RedisPresenceStore.Lifetime - TimeSpan.FromSeconds(1));
        ((RedisPresenceStore)alive.Get<IPresenceStore>()).KeepAlive();
        clock.Advance(TimeSpan.FromSeconds(2));

        alive.Get<PresenceTracker>().InPlan(3).Select(p => p.DisplayName).ShouldBe(["Still Here"]);
    }
}
