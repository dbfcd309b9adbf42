using System.Globalization;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.Tests;

public class RoadmapDatesTests
{
    private static DateOnly Day(int month, int day) => new(2027, month, day);

    [Fact]
    public void FuzzyDate_Month_CoversTheWholeMonthWhateverDayWasPicked()
    {
        var march = new FuzzyDate(Day(3, 17), DatePrecision.Month);

        (march.First, march.Last).ShouldBe((Day(3, 1), Day(3, 31)));
        march.ToDisplay(CultureInfo.GetCultureInfo("en-GB")).ShouldBe("Mar 2027");
    }

    [Fact]
    public void FuzzyDate_Quarter_CoversItsThreeMonths()
    {
        var q3 = new FuzzyDate(Day(8, 2), DatePrecision.Quarter);

        (q3.First, q3.Last).ShouldBe((Day(7, 1), Day(9, 30)));
        q3.ToDisplay().ShouldBe("Q3 2027");
    }

    [Fact]
    public void FuzzyDate_February_InALeapYearEndsOnThe29th()
    {
        new FuzzyDate(new DateOnly(2028, 2, 10), DatePrecision.Month).Last.ShouldBe(new DateOnly(2028, 2, 29));
    }

    [Fact]
    public void Schedule_WithoutOwnDates_TakesThePhaseDates()
    {
        var schedule = FeatureSchedule.Of(null, null, Day(4, 1), Day(5, 31));

        (schedule.Start, schedule.End, schedule.OwnStart, schedule.OwnTarget).ShouldBe((Day(4, 1), Day(5, 31), false, false));
    }

    [Fact]
    public void Schedule_OwnFuzzyTarget_EndsAtTheEndOfThatPeriodNotThePhase()
    {
        var schedule = FeatureSchedule.Of(null, new FuzzyDate(Day(4, 1), DatePrecision.Month), Day(4, 1), Day(6, 30));

        schedule.End.ShouldBe(Day(4, 30));
        schedule.OwnTarget.ShouldBeTrue();
    }

    [Theory]
    [InlineData(FeatureStatus.Planned, true)]
    [InlineData(FeatureStatus.InProgress, true)]
    [InlineData(FeatureStatus.Shipped, false)]
    [InlineData(FeatureStatus.Dropped, false)]
    public void Schedule_PastItsTarget_IsOverdueUnlessShippedOrDropped(FeatureStatus status, bool overdue)
    {
        FeatureSchedule.Of(null, null, Day(1, 1), Day(3, 31)).IsOverdue(status, Day(4, 1)).ShouldBe(overdue);
    }

    [Fact]
    public void Schedule_EndingToday_IsNotOverdue()
    {
        FeatureSchedule.Of(null, null, Day(1, 1), Day(3, 31)).IsOverdue(FeatureStatus.Planned, Day(3, 31)).ShouldBeFalse();
    }

    [Fact]
    public void Cycle_AddingTheEdgeThatClosesALoop_NamesEveryFeatureOnIt()
    {
        // 1 needs 2, 2 needs 3: "3 needs 1" closes 3 → 1 → 2 → 3.
        var cycle = DependencyRules.CycleIfAdded([new(1, 2), new(2, 3)], 3, 1);

        cycle.ShouldBe([3, 1, 2, 3]);
    }

    [Fact]
    public void Cycle_AFeatureDependingOnItself_IsRefused()
    {
        DependencyRules.CycleIfAdded([], 4, 4).ShouldBe([4, 4]);
    }

    [Fact]
    public void Cycle_ADiamond_IsNotACycle()
    {
        DependencyRules.CycleIfAdded([new(1, 2), new(1, 3), new(2, 4)], 3, 4).ShouldBeNull();
    }

    [Fact]
    public void Cycle_TwoWays_TheShortestIsNamed()
    {
        var cycle = DependencyRules.CycleIfAdded([new(1, 2), new(2, 3), new(3, 4), new(1, 4)], 4, 1);

        cycle.ShouldBe([4, 1, 4]);
    }

    [Fact]
    public void Order_StartingBeforeThePrerequisiteEnds_IsEarly()
    {
        var prerequisite = FeatureSchedule.Of(null, new FuzzyDate(Day(4, 1), DatePrecision.Month), null, null);
        var sameMonth = FeatureSchedule.Of(new FuzzyDate(Day(4, 1), DatePrecision.Month), null, null, null);
        var nextMonth = FeatureSchedule.Of(new FuzzyDate(Day(5, 1), DatePrecision.Month), null, null, null);

        DependencyRules.IsScheduledBefore(sameMonth, null, prerequisite, null).ShouldBeTrue();
        DependencyRules.IsScheduledBefore(nextMonth, null, prerequisite, null).ShouldBeFalse();
    }

    [Fact]
    public void Order_WithoutDates_AnEarlierPhaseIsEarlyAndTheSamePhaseIsNot()
    {
        var none = FeatureSchedule.Of(null, null, null, null);

        DependencyRules.IsScheduledBefore(none, 1, none, 2).ShouldBeTrue();
        DependencyRules.IsScheduledBefore(none, 2, none, 2).ShouldBeFalse();
        DependencyRules.IsScheduledBefore(none, 3, none, 2).ShouldBeFalse();
        DependencyRules.IsScheduledBefore(none, null, none, 2).ShouldBeFalse();
    }

    [Fact]
    public void Order_SamePhaseWithPhaseDatesOnly_IsInOrder()
    {
        var phase = FeatureSchedule.Of(null, null, Day(4, 1), Day(5, 31));

        DependencyRules.IsScheduledBefore(phase, 1, phase, 1).ShouldBeFalse();
    }
}
