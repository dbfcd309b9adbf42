using MvpPlanner.Core.Features;

namespace MvpPlanner.Core.Tests;

public class ValueEffortTests
{
    [Theory]
    [InlineData(5, 1, Quadrant.QuickWin)]
    [InlineData(4, 3, Quadrant.QuickWin)]
    [InlineData(4, 4, Quadrant.BigBet)]
    [InlineData(5, 5, Quadrant.BigBet)]
    [InlineData(3, 3, Quadrant.FillIn)]
    [InlineData(1, 1, Quadrant.FillIn)]
    [InlineData(3, 4, Quadrant.MoneyPit)]
    [InlineData(1, 5, Quadrant.MoneyPit)]
    public void QuadrantOf_FourAndFiveAreHighOneToThreeLow(int value, int effort, Quadrant expected) =>
        ValueEffort.QuadrantOf(value, effort).ShouldBe(expected);

    [Fact]
    public void Build_SizeMode_PlacesQuickWinsTopLeftAndSetsAsideFeaturesWithoutNumbers()
    {
        var rows = new[]
        {
            new FeatureRow { Id = 1, Title = "Tool catalogue", Value = 5, EffortSize = 3 },
            new FeatureRow { Id = 2, Title = "Offline mode", Value = 2, EffortSize = 5 },
            new FeatureRow { Id = 3, Title = "Dark theme", Value = 4 },
        };

        var chart = ValueEffort.Build(rows, ValueEffortMode.Size, planCount: 3);

        chart.NotSized.Select(r => r.Title).ShouldBe(["Dark theme"]);
        var quickWin = chart.Points.Single(p => p.Feature.Id == 1);
        quickWin.Quadrant.ShouldBe(Quadrant.QuickWin);
        quickWin.X.ShouldBeLessThan(chart.EffortSplit);
        quickWin.Y.ShouldBeGreaterThan(chart.ValueSplit);
        var moneyPit = chart.Points.Single(p => p.Feature.Id == 2);
        moneyPit.Quadrant.ShouldBe(Quadrant.MoneyPit);
        moneyPit.X.ShouldBeGreaterThan(chart.EffortSplit);
        moneyPit.Y.ShouldBeLessThan(chart.ValueSplit);
        chart.MatchingCount.ShouldBe(3);
    }

    [Fact]
    public void Build_FeaturesOnTheSameSpot_AreSpreadApartTheSameWayEveryTimeAndStayInTheirQuadrant()
    {
        var rows = Enumerable.Range(1, 5).Select(i => new FeatureRow { Id = i, Title = $"F{i}", Value = 5, EffortSize = 1 }).ToList();

        var first = ValueEffort.Build(rows, ValueEffortMode.Size, 5);
        var again = ValueEffort.Build(rows.AsEnumerable().Reverse().ToList(), ValueEffortMode.Size, 5);

        first.Points.Select(p => (p.X, p.Y)).Distinct().Count().ShouldBe(5);
        again.Points.Select(p => (p.Feature.Id, p.X, p.Y)).ShouldBe(first.Points.Select(p => (p.Feature.Id, p.X, p.Y)));
        first.Points.ShouldAllBe(p => p.X < first.EffortSplit && p.Y > first.ValueSplit);
    }

    [Fact]
    public void Build_RiceMode_SplitsAtTheMedianAndNeedsReachImpactAndEffort()
    {
        var rows = new[]
        {
            new FeatureRow { Id = 1, Title = "Catalogue", Reach = 400, Impact = 2, Effort = 1 },
            new FeatureRow { Id = 2, Title = "Borrowing", Reach = 250, Impact = 3, Effort = 8 },
            new FeatureRow { Id = 3, Title = "Flyer", Reach = 300, Impact = 0.5, Effort = 0.5 },
            new FeatureRow { Id = 4, Title = "Ratings", Reach = 10, Impact = 0.5, Effort = 20 },
            new FeatureRow { Id = 5, Title = "No effort yet", Reach = 10, Impact = 1 },
        };

        var chart = ValueEffort.Build(rows, ValueEffortMode.Rice, 5);

        chart.NotSized.Select(r => r.Id).ShouldBe([5]);
        chart.Points.ToDictionary(p => p.Feature.Id, p => p.Quadrant).ShouldBe(new Dictionary<int, Quadrant>
        {
            [1] = Quadrant.QuickWin, [2] = Quadrant.BigBet, [3] = Quadrant.FillIn, [4] = Quadrant.MoneyPit,
        });
        foreach (var point in chart.Points)
        {
            var high = point.Quadrant is Quadrant.QuickWin or Quadrant.BigBet;
            var costly = point.Quadrant is Quadrant.BigBet or Quadrant.MoneyPit;
            (point.Y > chart.ValueSplit).ShouldBe(high);
            (point.X > chart.EffortSplit).ShouldBe(costly);
            point.X.ShouldBeInRange(0, 1);
            point.Y.ShouldBeInRange(0, 1);
        }

        chart.EffortTicks.Select(t => t.Value).ShouldBe([0.1, 1, 10, 100]);
    }
}
