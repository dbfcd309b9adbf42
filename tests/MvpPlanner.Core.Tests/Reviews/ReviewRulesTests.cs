using MvpPlanner.Core.Reviews;

namespace MvpPlanner.Core.Tests.Reviews;

public class ReviewRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Fact]
    public void Count_DatesAroundToday_SplitsIntoOverdueAndDueWithinSevenDays()
    {
        var due = ReviewRules.Count([Today.AddDays(-1), Today, Today.AddDays(6), Today.AddDays(7), Today.AddDays(-30)], Today);

        due.ShouldBe(new ReviewsDue(DueThisWeek: 2, Overdue: 2));
    }

    [Theory]
    [InlineData(10, 60, 60, true)]
    [InlineData(10, 60, 59, false)]
    [InlineData(48, 24, 24, true)] // lower is better: the target is below the baseline
    [InlineData(48, 24, 30, false)]
    [InlineData(null, 60, 61, true)]
    [InlineData(10, null, 61, false)]
    [InlineData(10, 60, null, false)]
    public void IsReached_LatestMeasurement_ComparesInTheDirectionFromBaselineToTarget(int? baseline, int? target, int? latest, bool reached)
    {
        ReviewRules.IsReached(baseline, target, latest).ShouldBe(reached);
    }
}
