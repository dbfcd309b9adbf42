using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.Tests.Plans;

/// <summary>Whether an outcome is on track, from its baseline, target, target date and readings; no database.</summary>
public class OutcomeProgressTests
{
    private static readonly DateOnly Jan1 = new(2026, 1, 1);
    private static readonly DateOnly Dec31 = new(2026, 12, 31);

    private static OutcomeProgress Of(decimal? baseline, decimal? target, DateOnly? due, DateOnly today, params (DateOnly On, decimal Value)[] readings) =>
        OutcomeProgress.Of(baseline, target, due, readings.Select(r => new ProgressPoint(r.On, r.Value)).ToList(), Jan1, today);

    [Fact]
    public void NoReadings_IsNoData()
    {
        var progress = Of(10, 60, Dec31, Jan1);

        progress.Status.ShouldBe(ProgressStatus.NoData);
        progress.Latest.ShouldBeNull();
        progress.Share.ShouldBeNull();
    }

    [Fact]
    public void TargetAboveBaseline_HigherIsBetter_AheadOfTheLine_IsOnTrack()
    {
        // Half way through the year the line says 35; 40 is ahead.
        var mid = Jan1.AddDays(182);
        var progress = Of(10, 60, Dec31, mid, (Jan1, 10), (mid, 40));

        progress.HigherIsBetter.ShouldBeTrue();
        progress.Status.ShouldBe(ProgressStatus.OnTrack);
        progress.Latest!.Value.Value.ShouldBe(40m);
        progress.Share.ShouldBe(0.6m);
    }

    [Fact]
    public void TargetAboveBaseline_BehindTheLine_IsOffTrack()
    {
        var mid = Jan1.AddDays(182);

        Of(10, 60, Dec31, mid, (Jan1, 10), (mid, 20)).Status.ShouldBe(ProgressStatus.OffTrack);
    }

    [Fact]
    public void TargetBelowBaseline_LowerIsBetter_FallingFastEnough_IsOnTrack()
    {
        var mid = Jan1.AddDays(182);
        var progress = Of(48, 24, Dec31, mid, (mid, 30));

        progress.HigherIsBetter.ShouldBeFalse();
        progress.Status.ShouldBe(ProgressStatus.OnTrack);
        progress.Share.ShouldBe(0.75m);
    }

    [Fact]
    public void TargetBelowBaseline_StillHigh_IsOffTrack()
    {
        var mid = Jan1.AddDays(182);

        Of(48, 24, Dec31, mid, (mid, 45)).Status.ShouldBe(ProgressStatus.OffTrack);
    }

    [Theory]
    [InlineData(10, 60, 60)]
    [InlineData(10, 60, 75)]
    [InlineData(48, 24, 24)]
    [InlineData(48, 24, 12)]
    public void TargetReached_IsMet_WithOrWithoutDate(decimal baseline, decimal target, decimal latest)
    {
        Of(baseline, target, Dec31, Jan1.AddDays(10), (Jan1.AddDays(10), latest)).Status.ShouldBe(ProgressStatus.Met);
        Of(baseline, target, null, Jan1.AddDays(10), (Jan1.AddDays(10), latest)).Status.ShouldBe(ProgressStatus.Met);
    }

    [Fact]
    public void NoTargetDate_NotReached_IsMeasuring()
    {
        Of(10, 60, null, Jan1, (Jan1, 20)).Status.ShouldBe(ProgressStatus.Measuring);
    }

    [Fact]
    public void NoTargetValue_IsMeasuring()
    {
        Of(10, null, null, Jan1, (Jan1, 20)).Status.ShouldBe(ProgressStatus.Measuring);
    }

    [Fact]
    public void TargetDatePassed_NotReached_IsOffTrack()
    {
        // The last reading was on the line, but the date is past and the target was not reached.
        var progress = Of(10, 60, Dec31, Dec31.AddDays(5), (Jan1.AddDays(182), 35.5m));

        progress.Status.ShouldBe(ProgressStatus.OffTrack);
    }

    [Fact]
    public void DecimalValues_AreComparedExactly()
    {
        // 2.5 % → 1.25 % over 100 days; at day 50 the line is at 1.875.
        var start = Jan1;
        var due = Jan1.AddDays(100);
        var day50 = Jan1.AddDays(50);

        Of(2.5m, 1.25m, due, day50, (start, 2.5m), (day50, 1.875m)).Status.ShouldBe(ProgressStatus.OnTrack);
        Of(2.5m, 1.25m, due, day50, (start, 2.5m), (day50, 1.876m)).Status.ShouldBe(ProgressStatus.OffTrack);
        Of(2.5m, 1.25m, due, day50, (start, 2.5m), (day50, 1.875m)).Expected.ShouldBe(1.875m);
    }

    [Fact]
    public void LatestIsByDate_NotByOrderGiven()
    {
        var progress = Of(10, 60, null, Dec31, (Jan1.AddDays(20), 30), (Jan1.AddDays(5), 12));

        progress.Latest!.Value.Value.ShouldBe(30m);
    }

    [Fact]
    public void KpiDirectionGiven_WinsOverBaselineAndTarget()
    {
        // A KPI has no baseline: "lower is better" with target 24 h and latest 20 h is met.
        var progress = OutcomeProgress.Of(null, 24, null, [new ProgressPoint(Jan1, 20)], Jan1, Jan1, higherIsBetter: false);

        progress.Status.ShouldBe(ProgressStatus.Met);
        progress.HigherIsBetter.ShouldBeFalse();
    }
}
