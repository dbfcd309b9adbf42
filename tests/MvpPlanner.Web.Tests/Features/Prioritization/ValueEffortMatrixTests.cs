using Bunit;
using MvpPlanner.Core.Features;
using MvpPlanner.Web.Features.Prioritization;

namespace MvpPlanner.Web.Tests.Features.Prioritization;

public class ValueEffortMatrixTests : BunitContext
{
    private static readonly FeatureRow[] Rows =
    [
        new() { Id = 1, Title = "Tool catalogue", Value = 5, EffortSize = 3 },
        new() { Id = 2, Title = "Borrow request", Value = 5, EffortSize = 4 },
        new() { Id = 3, Title = "Welcome flyer", Value = 2, EffortSize = 1 },
        new() { Id = 4, Title = "Offline mode", Value = 1, EffortSize = 5 },
    ];

    [Fact]
    public void Chart_SizedFeatures_EachDotSitsInsideItsNamedQuadrantWithAReadableLabel()
    {
        var chart = ValueEffort.Build(Rows, ValueEffortMode.Size, Rows.Length);

        var cut = Render<ValueEffortMatrix>(p => p.Add(c => c.Chart, chart));

        var dots = cut.FindAll("[data-testid=value-effort-dot]");
        dots.Select(d => d.GetAttribute("aria-label")).ShouldBe(
        [
            "1. Tool catalogue: value 5, effort 3, quick win",
            "2. Borrow request: value 5, effort 4, big bet",
            "3. Welcome flyer: value 2, effort 1, fill-in",
            "4. Offline mode: value 1, effort 5, money pit",
        ]);
        foreach (var dot in dots)
        {
            var quadrant = cut.Find($"[data-testid=quadrant-{dot.GetAttribute("data-quadrant")}]");
            var (left, bottom) = (Style(dot, "left"), Style(dot, "bottom"));
            left.ShouldBeInRange(Style(quadrant, "left"), Style(quadrant, "left") + Style(quadrant, "width"));
            bottom.ShouldBeInRange(Style(quadrant, "bottom"), Style(quadrant, "bottom") + Style(quadrant, "height"));
        }

        cut.Find("[data-testid=quadrant-quick-win]").TextContent.Trim().ShouldBe("Quick wins");
        cut.Find("[data-testid=value-effort-legend]").TextContent.ShouldContain("Money pits (1)");
    }

    [Fact]
    public void Chart_ClickingADot_AsksToOpenThatFeature()
    {
        FeatureRow? opened = null;
        var chart = ValueEffort.Build(Rows, ValueEffortMode.Size, Rows.Length);
        var cut = Render<ValueEffortMatrix>(p => p
            .Add(c => c.Chart, chart)
            .Add(c => c.OnOpen, (FeatureRow row) => opened = row));

        cut.Find("[data-feature-id='4']").Click();

        opened.ShouldNotBeNull().Title.ShouldBe("Offline mode");
    }

    private static double Style(AngleSharp.Dom.IElement element, string property)
    {
        var declaration = element.GetAttribute("style")!.Split(';').Select(s => s.Trim()).Single(s => s.StartsWith(property + ":", StringComparison.Ordinal));
        return double.Parse(declaration[(property.Length + 1)..].Trim().TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture);
    }
}
