using System.Globalization;
using Bunit;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Plans;
using MvpPlanner.Web.Components.Shared;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Outcomes;

/// <summary>The chart of readings over time: a picture for the eye, and the same facts in words and a table.</summary>
public sealed class MeasurementChartTests : PlannerTestContext
{
    private static readonly IReadOnlyList<MeasurementView> Readings =
    [
        new(1, new DateOnly(2026, 1, 5), 12m, ""),
        new(2, new DateOnly(2026, 2, 5), 31.5m, "after the launch mail"),
    ];

    [Fact]
    public void Chart_WithBaselineAndTarget_DrawsThemAsSeriesAndListsThem()
    {
        CultureInfo.CurrentCulture = new CultureInfo("en-GB");

        var chart = Render<MeasurementChart>(p => p
            .Add(c => c.Measurements, Readings).Add(c => c.Name, "Loans per month")
            .Add(c => c.Baseline, 10m).Add(c => c.Target, 60m).Add(c => c.TargetDate, new DateOnly(2026, 12, 31))
            .Add(c => c.Status, ProgressStatus.OnTrack));

        chart.Markup.ShouldContain("Baseline");
        chart.Markup.ShouldContain("Target");
        chart.Find("[data-testid=chart-baseline]").TextContent.ShouldBe("Baseline: 10");
        chart.Find("[data-testid=chart-target]").TextContent.ShouldBe("Target: 60 by 31 Dec 2026");
        chart.FindAll("[data-testid=chart-numbers] tbody tr").Count.ShouldBe(2);
        chart.Find(".measurement-chart-plot").GetAttribute("aria-hidden").ShouldBe("true");
    }

    [Fact]
    public void Chart_Caption_SaysLatestValueTargetAndStatusInWords()
    {
        CultureInfo.CurrentCulture = new CultureInfo("en-GB");

        var chart = Render<MeasurementChart>(p => p
            .Add(c => c.Measurements, Readings).Add(c => c.Name, "Loans per month").Add(c => c.Unit, "loans")
            .Add(c => c.Target, 60m).Add(c => c.Status, ProgressStatus.OffTrack));

        chart.Find("[data-testid=chart-caption]").TextContent.ShouldBe("Latest: 31.5 loans on 5 Feb 2026, target 60 loans. Status: Off track.");
    }

    [Fact]
    public void Chart_NoReadings_SaysWhatToDoAndDrawsNothing()
    {
        var chart = Render<MeasurementChart>(p => p
            .Add(c => c.Measurements, Array.Empty<MeasurementView>()).Add(c => c.Name, "Loans").Add(c => c.Status, ProgressStatus.NoData));

        chart.FindAll(".measurement-chart-plot").ShouldBeEmpty();
        chart.Find("[data-testid=chart-caption]").TextContent.ShouldBe("No measurements yet. Record the first measurement to start the chart.");
    }
}
