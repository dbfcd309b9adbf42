using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Reviews;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.Reviews;

public class CalendarFeedServiceTests
{
    private static readonly TestClock Clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task OpenAsync_PlanWithKpisOutcomesAndMilestones_ListsEveryReviewDate()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var plan = await test.CreateSamplePlanAsync();
        var role = await test.AddRoleAsync(plan.PlanId, "Support lead", "Ana");
        var measured = await test.AddKpiAsync(plan.PlanId, "Response time", ReviewCadence.BiWeekly, role);
        await test.RecordMeasurementAsync(plan.PlanId, measured, new DateOnly(2026, 11, 20), 30);
        var reviewed = await test.AddKpiAsync(plan.PlanId, "Loans", ReviewCadence.Monthly);
        await test.RecordMeasurementAsync(plan.PlanId, reviewed, new DateOnly(2026, 10, 1), 5);
        await test.RecordReviewAsync(plan.PlanId, reviewed, new DateOnly(2026, 11, 15));
        await test.AddKpiAsync(plan.PlanId, "Never measured");
        await SetTargetDateAsync(test, plan.OutcomeId, new DateOnly(2027, 3, 31));
        (await test.Get<MilestoneService>().CreateAsync(plan.PlanId, new MilestoneInput
        {
            Name = "Pilot start", Date = new DateTime(2027, 1, 15), Kind = MilestoneKind.PilotStart, Notes = "With 20 households",
        })).Status.ShouldBe(ResultStatus.Ok);
        var token = await CreateFeedAsync(test, plan.PlanId);
        test.ActAs(null);

        var feed = (await test.Get<CalendarFeedService>().OpenAsync(token)).ShouldNotBeNull();

        feed.PlanName.ShouldBe("Tool library");
        feed.Kpis.Select(k => (k.Name, k.NextReview, k.Cadence, k.Owner)).ShouldBe(
        [
            ("Loans", new DateOnly(2026, 12, 15), ReviewCadence.Monthly, null),
            ("Response time", new DateOnly(2026, 12, 4), ReviewCadence.BiWeekly, "Support lead (Ana)"),
        ]);
        feed.Outcomes.ShouldHaveSingleItem().ShouldBe(new CalendarOutcome(plan.OutcomeId, "Residents borrow instead of buying", "Loans per month", "60", new DateOnly(2027, 3, 31)));
        var milestone = feed.Milestones.ShouldHaveSingleItem();
        (milestone.Name, milestone.Date, milestone.Kind, milestone.Notes).ShouldBe(("Pilot start", new DateOnly(2027, 1, 15), MilestoneKind.PilotStart, "With 20 households"));
    }

    [Fact]
    public async Task CreateAsync_Token_OnlyItsHashIsStoredAndTheFetchIsRecorded()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var plan = await test.CreateSamplePlanAsync();
        var token = await CreateFeedAsync(test, plan.PlanId);

        await test.Get<CalendarFeedService>().OpenAsync(token);

        await using var db = await test.NewContextAsync();
        var stored = await db.CalendarFeeds.AsNoTracking().SingleAsync();
        stored.TokenHash.ShouldBe(Tokens.Hash(token));
        stored.TokenHash.ShouldNotContain(token);
        stored.LastFetchedAt.ShouldBe(Clock.Now.UtcDateTime);
        (await test.Get<CalendarFeedService>().ListAsync(plan.PlanId)).ShouldHaveSingleItem().Label.ShouldBe("Team calendar");
    }

    [Theory]
    [InlineData("revoked")]
    [InlineData("unknown")]
    [InlineData("plan deleted")]
    public async Task OpenAsync_FeedNotActive_IsRefused(string kind)
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var plan = await test.CreateSamplePlanAsync();
        var token = await CreateFeedAsync(test, plan.PlanId);
        var feedId = (await test.Get<CalendarFeedService>().ListAsync(plan.PlanId)).Single().Id;
        switch (kind)
        {
            case "revoked":
                (await test.Get<CalendarFeedService>().RevokeAsync(plan.PlanId, feedId)).Status.ShouldBe(ResultStatus.Ok);
                break;
            case "unknown":
                token = Tokens.Create();
                break;
            default:
                (await test.Get<PlanService>().DeleteAsync(plan.PlanId)).Status.ShouldBe(ResultStatus.Ok);
                break;
        }

        (await test.Get<CalendarFeedService>().OpenAsync(token)).ShouldBeNull();
    }

    [Fact]
    public async Task CreateAsync_Viewer_IsRefusedAndEditorsMayCreate()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var plan = await test.CreateSamplePlanAsync();
        var viewer = await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer);

        test.ActAs(viewer);
        var refused = await test.Get<CalendarFeedService>().CreateAsync(plan.PlanId, new CalendarFeedInput { Label = "Mine" });
        test.ActAs(plan.Member);
        var created = await test.Get<CalendarFeedService>().CreateAsync(plan.PlanId, new CalendarFeedInput { Label = "Mine" });

        refused.Status.ShouldBe(ResultStatus.Forbidden);
        created.Status.ShouldBe(ResultStatus.Ok);
        test.ActAs(viewer);
        (await test.Get<CalendarFeedService>().RevokeAsync(plan.PlanId, created.Value!.Id)).Status.ShouldBe(ResultStatus.Forbidden);
        (await test.Get<CalendarFeedService>().ListAsync(plan.PlanId)).ShouldHaveSingleItem().IsRevoked.ShouldBeFalse();
    }

    [Fact]
    public async Task CreateAsync_EmptyLabel_IsRefusedBesideTheField()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var plan = await test.CreateSamplePlanAsync();

        var result = await test.Get<CalendarFeedService>().CreateAsync(plan.PlanId, new CalendarFeedInput { Label = " " });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldContain(nameof(CalendarFeedInput.Label));
    }

    internal static async Task<string> CreateFeedAsync(TestDatabase test, int planId)
    {
        var created = await test.Get<CalendarFeedService>().CreateAsync(planId, new CalendarFeedInput { Label = "Team calendar" });
        created.Status.ShouldBe(ResultStatus.Ok, created.Message);
        return created.Value!.Token;
    }

    internal static async Task SetTargetDateAsync(TestDatabase test, int outcomeId, DateOnly date, decimal? baseline = null, decimal? target = null)
    {
        await using var db = await test.NewContextAsync();
        await db.TargetOutcomes.Where(o => o.Id == outcomeId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.TargetDate, date).SetProperty(o => o.BaselineValue, baseline).SetProperty(o => o.TargetValue, target));
    }
}
