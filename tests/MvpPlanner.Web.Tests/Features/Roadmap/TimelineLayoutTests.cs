using System.Globalization;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Web.Features.Roadmap;

namespace MvpPlanner.Web.Tests.Features.Roadmap;

public class TimelineLayoutTests
{
    [Fact]
    public void Month_StartsOnTheFirstOfTheMonthAndDateToXRoundTrips()
    {
        var layout = new TimelineLayout(new DateOnly(2027, 3, 17), new DateOnly(2027, 6, 2), TimelineZoom.Month);

        layout.Start.ShouldBe(new DateOnly(2027, 3, 1));
        layout.End.ShouldBe(new DateOnly(2027, 6, 30));
        layout.X(new DateOnly(2027, 3, 1)).ShouldBe(0);
        layout.X(new DateOnly(2027, 3, 11)).ShouldBe(50);
        layout.DateAt(layout.X(new DateOnly(2027, 5, 9))).ShouldBe(new DateOnly(2027, 5, 9));
        layout.Width.ShouldBe(122 * 5);
    }

    [Fact]
    public void Week_StartsOnTheMondayAWeekBefore()
    {
        var layout = new TimelineLayout(new DateOnly(2027, 5, 13), new DateOnly(2027, 5, 20), TimelineZoom.Week);

        layout.Start.ShouldBe(new DateOnly(2027, 5, 3)); // Thursday 13 May: its Monday is the 10th, one week earlier the 3rd
        layout.Start.DayOfWeek.ShouldBe(DayOfWeek.Monday);
        layout.PixelsPerDay.ShouldBe(24);
    }

    [Fact]
    public void Quarter_TicksOnePerQuarterWithLabels()
    {
        CultureInfo.CurrentCulture = new CultureInfo("en-GB");
        var layout = new TimelineLayout(new DateOnly(2027, 2, 10), new DateOnly(2027, 8, 1), TimelineZoom.Quarter);

        layout.Ticks.Select(t => t.Label).ShouldBe(["Q1 2027", "Q2 2027", "Q3 2027"]);
        layout.Ticks[0].X.ShouldBe(0);
        layout.Ticks[1].X.ShouldBe(layout.X(new DateOnly(2027, 4, 1)));
    }

    [Fact]
    public void MonthTicks_YearOnFirstAndOnJanuary()
    {
        CultureInfo.CurrentCulture = new CultureInfo("en-GB");
        var layout = new TimelineLayout(new DateOnly(2026, 11, 10), new DateOnly(2027, 2, 1), TimelineZoom.Month);

        layout.Ticks.Select(t => t.Label).ShouldBe(["Nov 2026", "Dec", "Jan 2027", "Feb"]);
    }

    [Fact]
    public void Bar_CoversWholeDaysAndHasAMinimumWidth()
    {
        var layout = new TimelineLayout(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), TimelineZoom.Month);

        layout.Bar(new DateOnly(2027, 1, 11), new DateOnly(2027, 1, 30)).ShouldBe((50.0, 100.0));
        layout.Bar(new DateOnly(2027, 1, 11), new DateOnly(2027, 1, 11)).Width.ShouldBe(TimelineLayout.MinBarWidth);
    }

    [Fact]
    public void DaysFor_RoundsADragToTheNearestDay()
    {
        var layout = new TimelineLayout(new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 1), TimelineZoom.Week);

        layout.DaysFor(37).ShouldBe(2);
        layout.DaysFor(-11).ShouldBe(0);
        layout.DaysFor(-13).ShouldBe(-1);
    }

    [Fact]
    public void TodayX_OnlyWhenTodayIsShown()
    {
        var layout = new TimelineLayout(new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 1), TimelineZoom.Month);

        layout.TodayX(new DateOnly(2027, 1, 3)).ShouldBe(10);
        layout.TodayX(new DateOnly(2028, 1, 1)).ShouldBeNull();
    }

    [Fact]
    public void StackRows_OverlappingBarsGoOnNewRowsAndFreeRowsAreReused()
    {
        var rows = TimelineLayout.StackRows([(0, 100), (50, 100), (100, 20), (160, 10), (150, 20)]);

        rows.ShouldBe([0, 1, 0, 1, 0]);
    }

    [Fact]
    public void PlaceLanes_NoLaneRowOnlyWhenNeededAndBarsStackInsideTheirLane()
    {
        var lanes = new[] { new TimelineLane(1, "Product"), new TimelineLane(2, "Operations") };
        TimelineBar Bar(int id, int? lane, DateOnly start, DateOnly end) =>
            new(id, $"Feature {id}", FeatureStatus.Planned, null, null, lane, new FeatureSchedule(start, end, true, true), null, null, false, 1);
        var bars = new[]
        {
            Bar(1, 1, new DateOnly(2027, 1, 1), new DateOnly(2027, 2, 28)),
            Bar(2, 1, new DateOnly(2027, 2, 1), new DateOnly(2027, 3, 31)),
            Bar(3, 2, new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31)),
        };
        var milestone = new MilestoneView(7, "Launch", new DateOnly(2027, 3, 1), MilestoneKind.Launch, 2, "Operations", "", 1);
        var view = new TimelineView(new DateOnly(2027, 1, 15), new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 31), [], lanes, bars, [milestone], [], []);
        var layout = new TimelineLayout(view.From, view.To, TimelineZoom.Month);

        var placed = layout.PlaceLanes(view);

        placed.Select(l => l.Name).ShouldBe(["Product", "Operations"]);
        placed[0].Bars.Select(b => b.Row).ShouldBe([0, 1]);
        placed[0].Height.ShouldBe((TimelineLayout.LanePadding * 2) + (2 * TimelineLayout.RowHeight));
        placed[1].Top.ShouldBe(placed[0].Height);
        placed[1].Milestones.ShouldHaveSingleItem().X.ShouldBe(layout.X(new DateOnly(2027, 3, 1)));
        placed[1].Bars.ShouldHaveSingleItem().Y.ShouldBe(placed[1].Top + TimelineLayout.LanePadding + TimelineLayout.MilestoneStripHeight);

        var withoutLane = view with { Bars = [.. bars, Bar(4, null, new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 2))] };
        layout.PlaceLanes(withoutLane with { }).Count.ShouldBe(2); // HasBarsWithoutLane is what the service says
        layout.PlaceLanes(withoutLane with { HasBarsWithoutLane = true }).Select(l => l.Name).ShouldBe(["Product", "Operations", "No lane"]);
    }
}
