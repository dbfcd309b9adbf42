using MvpPlanner.Core.Sharing;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.Reviews;

public class SharedChangesTests
{
    [Fact]
    public async Task SharedView_ChangesInTheLast7Days_AreCountedPerSectionByTheItemsItShows()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await test.CreateSamplePlanAsync(); // long ago: older than 7 days by the time the link opens
        clock.Advance(TimeSpan.FromDays(13));
        await test.CreatePersonaAsync(plan.PlanId, "Lena the lender");
        await test.CreateFeatureAsync(plan.PlanId, "Reminders");
        var created = await test.Get<ShareLinkService>().CreateAsync(plan.PlanId, new ShareLinkInput { Label = "Board", Scope = ShareScope.All });
        test.ActAs(null);

        var opened = (await test.Get<ShareLinkService>().OpenAsync(created.Value!.Token)).ShouldNotBeNull();
        var view = (await test.Get<ShareLinkService>().GetViewAsync(opened)).ShouldNotBeNull();

        view.ChangesIn(ShareScope.PersonasAndProblems).ShouldBe(1);
        view.ChangesIn(ShareScope.Features).ShouldBe(1);
        view.ChangesIn(ShareScope.Roadmap).ShouldBe(1);
        view.ChangesIn(ShareScope.Outcomes).ShouldBe(0);
        view.ChangesIn(ShareScope.OperationsSummary).ShouldBe(0);
    }
}
