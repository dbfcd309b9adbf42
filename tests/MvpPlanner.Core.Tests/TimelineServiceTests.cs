using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Sharing;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

public class TimelineServiceTests
{
    private static readonly TestClock Clock = new(new DateTimeOffset(2027, 5, 10, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task UpdateAsync_FuzzyDates_SavedAsPeriodStartAndReadBack()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var id = await test.CreateFeatureAsync(planId, "Catalogue");
        var features = test.Get<FeatureService>();
        var input = (await features.GetRowAsync(planId, id))!.ToInput();
        (input.StartDate, input.StartPrecision) = (new DateTime(2027, 3, 17), DatePrecision.Month);
        (input.TargetDate, input.TargetPrecision) = (new DateTime(2027, 8, 20), DatePrecision.Quarter);

        var result = await features.UpdateAsync(planId, id, input);

        result.Succeeded.ShouldBeTrue(result.Message);
        var row = (await features.GetRowAsync(planId, id))!;
        (row.StartDate, row.StartPrecision).ShouldBe((new DateOnly(2027, 3, 1), DatePrecision.Month));
        (row.TargetDate, row.TargetPrecision).ShouldBe((new DateOnly(2027, 7, 1), DatePrecision.Quarter));
        var bar = (await test.Get<TimelineService>().GetAsync(planId))!.Bars.ShouldHaveSingleItem();
        (bar.Schedule.Start, bar.Schedule.End).ShouldBe((new DateOnly(2027, 3, 1), new DateOnly(2027, 9, 30)));
        bar.IsInherited.ShouldBeFalse();
    }

    [Fact]
    public async Task UpdateAsync_TargetBeforeStart_RefusedBesideTheTarget()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var id = await test.CreateFeatureAsync(planId, "Catalogue");
        var features = test.Get<FeatureService>();
        var input = (await features.GetRowAsync(planId, id))!.ToInput();
        (input.StartDate, input.StartPrecision) = (new DateTime(2027, 5, 1), DatePrecision.Month);
        (input.TargetDate, input.TargetPrecision) = (new DateTime(2027, 4, 30), DatePrecision.Day);

        var result = await features.UpdateAsync(planId, id, input);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ErrorsFor(nameof(FeatureInput.TargetDate)).ShouldHaveSingleItem().ShouldBe(FeatureDates.TargetBeforeStartMessage);
    }

    [Fact]
    public async Task UpdateAsync_TargetInsideTheStartQuarter_Accepted()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var id = await test.CreateFeatureAsync(planId, "Catalogue");

        var result = await test.Get<FeatureDatesService>().SetDatesAsync(planId, id, new FeatureDatesInput
        {
            StartDate = new DateTime(2027, 6, 1), StartPrecision = DatePrecision.Quarter,
            TargetDate = new DateTime(2027, 4, 20), TargetPrecision = DatePrecision.Day,
            Version = await test.VersionOfAsync<Feature>(id),
        });

        result.Succeeded.ShouldBeTrue(result.Message);
    }

    [Fact]
    public async Task GetAsync_NoOwnDates_InheritsPhaseDatesAndMovesWithThePhaseButOwnDatesStay()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var mvp = (await test.GetBoardAsync(planId)).Phases[0];
        await SetPhaseDatesAsync(test, planId, mvp, new DateTime(2027, 4, 1), new DateTime(2027, 5, 31));
        var inherited = await test.CreateFeatureAsync(planId, "Inherited", mvp.Id);
        var own = await test.CreateFeatureAsync(planId, "Own", mvp.Id);
        await RescheduleAsync(test, planId, own, new FuzzyDate(new DateOnly(2027, 4, 10), DatePrecision.Day), new FuzzyDate(new DateOnly(2027, 4, 20), DatePrecision.Day));
        var service = test.Get<TimelineService>();

        var before = (await service.GetAsync(planId))!;
        var bar = before.Bars.Single(b => b.Id == inherited);
        (bar.Schedule.Start, bar.Schedule.End, bar.IsInherited).ShouldBe((new DateOnly(2027, 4, 1), new DateOnly(2027, 5, 31), true));

        mvp = (await test.GetBoardAsync(planId)).Phases[0];
        await SetPhaseDatesAsync(test, planId, mvp, new DateTime(2027, 6, 1), new DateTime(2027, 7, 31));
        var after = (await service.GetAsync(planId))!;

        after.Bars.Single(b => b.Id == inherited).Schedule.Start.ShouldBe(new DateOnly(2027, 6, 1));
        after.Bars.Single(b => b.Id == own).Schedule.ShouldSatisfyAllConditions(
            s => s.Start.ShouldBe(new DateOnly(2027, 4, 10)),
            s => s.End.ShouldBe(new DateOnly(2027, 4, 20)));
        after.Phases[0].Start.ShouldBe(new DateOnly(2027, 6, 1));
    }

    [Fact]
    public async Task GetAsync_FeatureWithoutAnyDate_ListedAsNotOnTheTimeline()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var mvp = (await test.GetBoardAsync(planId)).Phases[0];
        var undated = await test.CreateFeatureAsync(planId, "In an undated phase", mvp.Id);
        var unscheduled = await test.CreateFeatureAsync(planId, "Unscheduled");

        var timeline = (await test.Get<TimelineService>().GetAsync(planId))!;

        timeline.Bars.ShouldBeEmpty();
        timeline.NotOnTimeline.Select(b => b.Id).ShouldBe([undated, unscheduled], ignoreOrder: true);
        timeline.Today.ShouldBe(new DateOnly(2027, 5, 10));
    }

    [Fact]
    public async Task GetAsync_TargetPassedAndNotShipped_Overdue()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var late = await test.CreateFeatureAsync(planId, "Late");
        var shipped = await test.CreateFeatureAsync(planId, "Shipped");
        var future = await test.CreateFeatureAsync(planId, "Future");
        var april = new FuzzyDate(new DateOnly(2027, 4, 1), DatePrecision.Month);
        await RescheduleAsync(test, planId, late, null, april);
        await RescheduleAsync(test, planId, shipped, null, april);
        await RescheduleAsync(test, planId, future, null, new FuzzyDate(new DateOnly(2027, 5, 1), DatePrecision.Month));
        var features = test.Get<FeatureService>();
        var input = (await features.GetRowAsync(planId, shipped))!.ToInput();
        input.Status = FeatureStatus.Shipped;
        (await features.UpdateAsync(planId, shipped, input)).Succeeded.ShouldBeTrue();

        var bars = (await test.Get<TimelineService>().GetAsync(planId))!.Bars.ToDictionary(b => b.Id);

        bars[late].IsOverdue.ShouldBeTrue();
        bars[shipped].IsOverdue.ShouldBeFalse();
        bars[future].IsOverdue.ShouldBeFalse(); // May ends after today, 10 May
    }

    [Fact]
    public async Task RescheduleAsync_StaleVersion_ConflictAndFirstDatesKept()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var id = await test.CreateFeatureAsync(planId, "Catalogue");
        var version = await test.VersionOfAsync<Feature>(id);
        var service = test.Get<FeatureDatesService>();
        var first = new FuzzyDate(new DateOnly(2027, 6, 1), DatePrecision.Day);

        (await service.RescheduleAsync(planId, id, first, first, version)).Succeeded.ShouldBeTrue();
        var second = await service.RescheduleAsync(planId, id, Day(2027, 6, 8), Day(2027, 6, 9), version);

        second.Status.ShouldBe(ResultStatus.Conflict);
        (await test.Get<FeatureService>().GetRowAsync(planId, id))!.StartDate.ShouldBe(new DateOnly(2027, 6, 1));
    }

    [Fact]
    public async Task GetAsync_DependentStartsBeforePrerequisiteEnds_FlaggedOutOfOrder()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var prerequisite = await test.CreateFeatureAsync(planId, "Accounts");
        var dependent = await test.CreateFeatureAsync(planId, "Borrowing");
        await RescheduleAsync(test, planId, prerequisite, Day(2027, 6, 1), Day(2027, 6, 30));
        await RescheduleAsync(test, planId, dependent, Day(2027, 6, 15), Day(2027, 7, 15));
        await using (var db = await test.NewContextAsync())
        {
            var feature = await db.Features.Include(f => f.Dependencies).SingleAsync(f => f.Id == dependent);
            feature.Dependencies.Add(await db.Features.SingleAsync(f => f.Id == prerequisite));
            await db.SaveChangesAsync();
        }

        var timeline = (await test.Get<TimelineService>().GetAsync(planId))!;

        timeline.Dependencies.ShouldHaveSingleItem().ShouldBe(new TimelineDependency(dependent, prerequisite, IsOutOfOrder: true));
    }

    [Fact]
    public async Task Milestones_CreateUpdateMoveDelete_ListedByDate()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var lane = (await test.GetBoardAsync(planId)).Lanes[0];
        var service = test.Get<MilestoneService>();

        var created = await service.CreateAsync(planId, new MilestoneInput { Name = " Pilot starts ", Date = new DateTime(2027, 6, 1), Kind = MilestoneKind.PilotStart, LaneId = lane.Id });
        created.Succeeded.ShouldBeTrue(created.Message);
        var launch = await service.CreateAsync(planId, new MilestoneInput { Name = "Launch", Date = new DateTime(2027, 5, 20) });
        var listed = await service.ListAsync(planId);
        listed.Select(m => m.Name).ShouldBe(["Launch", "Pilot starts"]);
        listed[1].LaneName.ShouldBe(lane.Name);

        var input = listed[1].ToInput();
        input.Notes = "With ten households";
        (await service.UpdateAsync(planId, created.Value, input)).Succeeded.ShouldBeTrue();
        var moved = await service.MoveAsync(planId, created.Value, new DateOnly(2027, 5, 1), input.Version + 1);
        moved.Succeeded.ShouldBeTrue(moved.Message);
        var stale = await service.MoveAsync(planId, created.Value, new DateOnly(2027, 9, 1), input.Version);
        stale.Status.ShouldBe(ResultStatus.Conflict);
        (await service.DeleteAsync(planId, launch.Value)).Succeeded.ShouldBeTrue();

        var after = (await service.ListAsync(planId)).ShouldHaveSingleItem();
        (after.Date, after.Notes).ShouldBe((new DateOnly(2027, 5, 1), "With ten households"));
        (await test.Get<TimelineService>().GetAsync(planId))!.Milestones.ShouldHaveSingleItem().Id.ShouldBe(created.Value);
    }

    [Fact]
    public async Task CreateAsync_NoNameNoDate_FieldErrors()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();

        var result = await test.Get<MilestoneService>().CreateAsync(planId, new MilestoneInput { Name = " ", Notes = new string('x', TextLimits.Text + 1) });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([nameof(MilestoneInput.Name), nameof(MilestoneInput.Date), nameof(MilestoneInput.Notes)], ignoreOrder: true);
    }

    [Fact]
    public async Task CreateAsync_LaneOfAnotherPlan_Refused()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var otherPlan = await test.CreatePlanAsync("Other");
        var foreignLane = (await test.GetBoardAsync(otherPlan)).Lanes[0].Id;

        var result = await test.Get<MilestoneService>().CreateAsync(planId, new MilestoneInput { Name = "Launch", Date = new DateTime(2027, 6, 1), LaneId = foreignLane });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ErrorsFor(nameof(MilestoneInput.LaneId)).ShouldNotBeEmpty();
        (await test.Get<MilestoneService>().ListAsync(planId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SharedView_TimelineScope_PhasesWithFeatureDatesOverdueAndMilestones()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var mvp = (await test.GetBoardAsync(planId)).Phases[0];
        await SetPhaseDatesAsync(test, planId, mvp, new DateTime(2027, 3, 1), new DateTime(2027, 6, 30));
        var late = await test.CreateFeatureAsync(planId, "Catalogue", mvp.Id);
        await RescheduleAsync(test, planId, late, null, new FuzzyDate(new DateOnly(2027, 3, 1), DatePrecision.Month));
        await test.CreateFeatureAsync(planId, "Ratings", mvp.Id);
        await test.Get<MilestoneService>().CreateAsync(planId, new MilestoneInput { Name = "Launch", Date = new DateTime(2027, 9, 1) });
        var shares = test.Get<ShareLinkService>();
        var created = await shares.CreateAsync(planId, new ShareLinkInput { Label = "Board", Scope = ShareScope.Timeline });
        created.Status.ShouldBe(ResultStatus.Ok, created.Message);
        test.ActAs(null);

        var view = (await shares.GetViewAsync((await shares.OpenAsync(created.Value!.Token))!))!;

        view.Roadmap.ShouldBeNull();
        var timeline = view.Timeline.ShouldNotBeNull();
        timeline.Milestones.ShouldHaveSingleItem().Name.ShouldBe("Launch");
        var phase = timeline.Phases[0];
        phase.Features.Select(f => (f.Title, f.IsOverdue)).ShouldBe([("Catalogue", true), ("Ratings", false)], ignoreOrder: true);
    }

    private static FuzzyDate Day(int year, int month, int day) => new(new DateOnly(year, month, day), DatePrecision.Day);

    private static async Task RescheduleAsync(TestDatabase test, int planId, int featureId, FuzzyDate? start, FuzzyDate? target)
    {
        var result = await test.Get<FeatureDatesService>().RescheduleAsync(planId, featureId, start, target, await test.VersionOfAsync<Feature>(featureId));
        result.Succeeded.ShouldBeTrue(result.Message);
    }

    private static async Task SetPhaseDatesAsync(TestDatabase test, int planId, PhaseView phase, DateTime start, DateTime end)
    {
        var input = phase.ToInput();
        (input.StartDate, input.EndDate) = (start, end);
        var result = await test.Get<RoadmapService>().UpdatePhaseAsync(planId, phase.Id, input);
        result.Succeeded.ShouldBeTrue(result.Message);
    }
}
