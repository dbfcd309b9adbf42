using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Reviews;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.Reviews;

public class ReviewReminderServiceTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Fact]
    public async Task DueAsync_KpisAndOutcomes_CountsReviewsDueThisWeekAndOverduePerPlan()
    {
        await using var test = await TestDatabase.CreateAsync(new TestClock(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero)));
        var plan = await test.CreateSamplePlanAsync();
        var quiet = await test.CreatePlanAsync("Nothing due");
        var dueSoon = await test.AddKpiAsync(plan.PlanId, "Loans", ReviewCadence.Weekly);
        await test.RecordMeasurementAsync(plan.PlanId, dueSoon, Today.AddDays(-5), 3); // next review in 2 days
        var overdue = await test.AddKpiAsync(plan.PlanId, "Response time", ReviewCadence.Weekly);
        await test.RecordMeasurementAsync(plan.PlanId, overdue, Today.AddDays(-20), 30); // 13 days overdue
        var later = await test.AddKpiAsync(plan.PlanId, "Members", ReviewCadence.Monthly);
        await test.RecordReviewAsync(plan.PlanId, later, Today.AddDays(-1));
        await test.AddKpiAsync(plan.PlanId, "Never measured");
        await CalendarFeedServiceTests.SetTargetDateAsync(test, plan.OutcomeId, Today.AddDays(-3), baseline: 10, target: 60); // past, not reached
        var added = await test.Get<PlanService>().AddOutcomeAsync(plan.PlanId, new OutcomeInput { Description = "Reached already", Metric = "Loans", Target = "60" });
        added.Status.ShouldBe(Common.ResultStatus.Ok, added.Message);
        var reached = added.Value;
        await CalendarFeedServiceTests.SetTargetDateAsync(test, reached, Today.AddDays(-3), baseline: 10, target: 60);
        await using (var db = await test.NewContextAsync())
        {
            db.OutcomeMeasurements.Add(new OutcomeMeasurement { OutcomeId = reached, MeasuredOn = Today.AddDays(-4), Value = 64 });
            await db.SaveChangesAsync();
        }

        var due = await test.Get<ReviewReminderService>().DueAsync([plan.PlanId, quiet]);

        due.ShouldBe(new Dictionary<int, ReviewsDue> { [plan.PlanId] = new(DueThisWeek: 1, Overdue: 2) });
    }

    [Fact]
    public async Task DueAsync_PlanOfAnotherWorkspace_IsLeftOut()
    {
        await using var test = await TestDatabase.CreateAsync(new TestClock(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero)));
        var plan = await test.CreateSamplePlanAsync();
        var kpi = await test.AddKpiAsync(plan.PlanId, "Loans");
        await test.RecordMeasurementAsync(plan.PlanId, kpi, Today.AddDays(-30), 3);
        var (outsider, _) = await test.CreateOutsiderAsync();
        test.ActAs(outsider);

        (await test.Get<ReviewReminderService>().DueAsync([plan.PlanId])).ShouldBeEmpty();
    }
}
