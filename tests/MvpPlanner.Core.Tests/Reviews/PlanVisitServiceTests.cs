using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Reviews;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.Reviews;

public class PlanVisitServiceTests
{
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task SinceLastVisit_FirstVisit_ShowsNothingAsChanged()
    {
        await using var test = await TestDatabase.CreateAsync(_clock);
        var plan = await test.CreateSamplePlanAsync();
        await ChangeAsAsync(test, plan.Member, plan.PlanId, "Lena the lender");

        await test.Get<PlanVisitService>().RecordVisitAsync(plan.PlanId);

        var since = await test.Get<PlanVisitService>().SinceLastVisitAsync(plan.PlanId);
        since.Items.ShouldBeEmpty();
        since.Total.ShouldBe(0);
        (await test.Get<PlanVisitService>().UnseenChangeCountsAsync([plan.PlanId])).ShouldBeEmpty();
    }

    [Fact]
    public async Task SinceLastVisit_OthersChangedAfterThePreviousVisit_ListsTheirChangesButNotMine()
    {
        await using var test = await TestDatabase.CreateAsync(_clock);
        var plan = await test.CreateSamplePlanAsync();
        var visits = test.Get<PlanVisitService>();
        await visits.RecordVisitAsync(plan.PlanId);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var personaId = await ChangeAsAsync(test, plan.Member, plan.PlanId, "Lena the lender");
        await test.CreateFeatureAsync(plan.PlanId, "My own change");
        _clock.Advance(TimeSpan.FromHours(2));

        var countBeforeOpening = await visits.UnseenChangeCountsAsync([plan.PlanId]);
        await visits.RecordVisitAsync(plan.PlanId);
        var since = await visits.SinceLastVisitAsync(plan.PlanId);

        countBeforeOpening[plan.PlanId].ShouldBe(1);
        since.Total.ShouldBe(1);
        var item = since.Items.ShouldHaveSingleItem();
        (item.ItemKind, item.ItemId, item.ItemName).ShouldBe(("Persona", personaId, "Lena the lender"));
        item.Lines.ShouldHaveSingleItem().UserName.ShouldBe("Mia Member");
        (await visits.UnseenChangeCountsAsync([plan.PlanId]))[plan.PlanId].ShouldBe(1);
    }

    [Fact]
    public async Task RecordVisit_PagesOpenedWithinHalfAnHour_KeepThePreviousVisitUntilTheSessionEnds()
    {
        await using var test = await TestDatabase.CreateAsync(_clock);
        var plan = await test.CreateSamplePlanAsync();
        var visits = test.Get<PlanVisitService>();
        await visits.RecordVisitAsync(plan.PlanId);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await ChangeAsAsync(test, plan.Member, plan.PlanId, "Lena the lender");
        _clock.Advance(TimeSpan.FromDays(1));
        await visits.RecordVisitAsync(plan.PlanId); // a new session: Lena is new

        _clock.Advance(TimeSpan.FromMinutes(20));
        await visits.RecordVisitAsync(plan.PlanId); // another page of the same session
        var withinSession = await visits.SinceLastVisitAsync(plan.PlanId);
        _clock.Advance(TimeSpan.FromMinutes(31));
        await visits.RecordVisitAsync(plan.PlanId); // back after a break: a new session
        var nextSession = await visits.SinceLastVisitAsync(plan.PlanId);

        withinSession.Total.ShouldBe(1);
        nextSession.Total.ShouldBe(0);
    }

    [Fact]
    public async Task MarkAllSeen_AfterChanges_ClearsTheListAndTheCount()
    {
        await using var test = await TestDatabase.CreateAsync(_clock);
        var plan = await test.CreateSamplePlanAsync();
        var visits = test.Get<PlanVisitService>();
        await visits.RecordVisitAsync(plan.PlanId);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await ChangeAsAsync(test, plan.Member, plan.PlanId, "Lena the lender");
        _clock.Advance(TimeSpan.FromHours(1));
        await visits.RecordVisitAsync(plan.PlanId);

        (await visits.MarkAllSeenAsync(plan.PlanId)).Status.ShouldBe(ResultStatus.Ok);

        (await visits.SinceLastVisitAsync(plan.PlanId)).Total.ShouldBe(0);
        (await visits.UnseenChangeCountsAsync([plan.PlanId])).ShouldBeEmpty();
    }

    [Fact]
    public async Task RecordVisit_TwoTabsAtOnce_NeitherFailsAndOneRowIsKept()
    {
        await using var test = await TestDatabase.CreateAsync(_clock);
        var plan = await test.CreateSamplePlanAsync();

        await TestDatabase.AllAtOnceAsync(Enumerable.Range(0, 6).Select<int, Func<Task<bool>>>(_ => async () =>
        {
            await test.GetAs<PlanVisitService>(test.Owner).RecordVisitAsync(plan.PlanId);
            return true;
        }).ToList());

        await using var db = await test.NewContextAsync();
        var visit = await db.PlanVisits.AsNoTracking().SingleAsync();
        (visit.UserId, visit.PlanId, visit.LastVisitedAt, visit.PreviousVisitAt).ShouldBe((test.Owner.UserId, plan.PlanId, _clock.Now.UtcDateTime, (DateTime?)null));
    }

    [Fact]
    public async Task RecordVisit_Outsider_RecordsNothing()
    {
        await using var test = await TestDatabase.CreateAsync(_clock);
        var plan = await test.CreateSamplePlanAsync();
        var (outsider, _) = await test.CreateOutsiderAsync();
        test.ActAs(outsider);

        await test.Get<PlanVisitService>().RecordVisitAsync(plan.PlanId);

        await using var db = await test.NewContextAsync();
        (await db.PlanVisits.CountAsync()).ShouldBe(0);
        (await test.Get<PlanVisitService>().SinceLastVisitAsync(plan.PlanId)).ShouldBe(SinceLastVisit.None);
    }

    private static async Task<int> ChangeAsAsync(TestDatabase test, Accounts.Caller who, int planId, string personaName)
    {
        var me = test.Owner;
        test.ActAs(who);
        var id = await test.CreatePersonaAsync(planId, personaName);
        test.ActAs(me);
        return id;
    }
}
