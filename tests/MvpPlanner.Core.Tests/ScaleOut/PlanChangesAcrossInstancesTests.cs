using MvpPlanner.Core.Workshops;

namespace MvpPlanner.Core.Tests.ScaleOut;

/// <summary>A change saved through one instance reaches the views open on every instance, once each.</summary>
public sealed class PlanChangesAcrossInstancesTests
{
    [Fact]
    public async Task Publish_OnInstanceA_ReachesViewsOnAAndBOnceEach()
    {
        var prefix = AppInstance.NewPrefix();
        await using var a = await AppInstance.StartAsync(prefix);
        await using var b = await AppInstance.StartAsync(prefix);
        var onA = new ReceivedChanges();
        var onB = new ReceivedChanges();
        using var viewOnA = a.Get<IPlanChangeNotifier>().Subscribe(7, onA.OnChange);
        using var viewOnB = b.Get<IPlanChangeNotifier>().Subscribe(7, onB.OnChange);

        var change = new PlanChange(7, "Saved", "user-1") { Items = [new ChangedItem("Feature", 12, ItemChangeKind.Modified)] };
        a.Get<IPlanChangeNotifier>().Publish(change);
        await onA.WaitForAsync(c => c.What == "Saved");
        await onB.WaitForAsync(c => c.What == "Saved");

        // Two more changes through Redis, in order after the first: any second copy of it would have arrived by now.
        b.Get<IPlanChangeNotifier>().Publish(new PlanChange(7, "Marker", null));
        await onA.WaitForAsync(c => c.What == "Marker");
        a.Get<IPlanChangeNotifier>().Publish(new PlanChange(7, "Last", null));
        await onB.WaitForAsync(c => c.What == "Last");
        await onA.WaitForAsync(c => c.What == "Last");
        await onB.WaitForAsync(c => c.What == "Marker");

        onA.All.Count(c => c.What == "Saved").ShouldBe(1);
        onB.All.Count(c => c.What == "Saved").ShouldBe(1);
        onA.All.Count(c => c.What == "Marker").ShouldBe(1);
        onB.All.Count(c => c.What == "Last").ShouldBe(1);
        var received = onB.All.Single(c => c.What == "Saved");
        received.PlanId.ShouldBe(7);
        received.ByUserId.ShouldBe("user-1");
        received.IdsOf<Features.Feature>(ItemChangeKind.Modified).ShouldBe([12]);
    }

    [Fact]
    public async Task Publish_OnInstanceA_DoesNotReachViewsOfOtherPlans()
    {
        var prefix = AppInstance.NewPrefix();
        await using var a = await AppInstance.StartAsync(prefix);
        await using var b = await AppInstance.StartAsync(prefix);
        var otherPlan = new ReceivedChanges();
        var samePlan = new ReceivedChanges();
        using var viewOfOtherPlan = b.Get<IPlanChangeNotifier>().Subscribe(8, otherPlan.OnChange);
        using var viewOfSamePlan = b.Get<IPlanChangeNotifier>().Subscribe(7, samePlan.OnChange);

        a.Get<IPlanChangeNotifier>().Publish(new PlanChange(7, "Saved", null));
        await samePlan.WaitForAsync(c => c.What == "Saved");

        otherPlan.All.ShouldBeEmpty();
    }
}
