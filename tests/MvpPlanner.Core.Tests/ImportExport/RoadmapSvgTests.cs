using System.Xml.Linq;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.ImportExport;

namespace MvpPlanner.Core.Tests.ImportExport;

public sealed class RoadmapSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Render_FullPlan_IsWellFormedSvgWithViewBoxAndFontStack()
    {
        var layout = RoadmapSvg.Render(RenderSamples.Full());

        var root = XDocument.Parse(layout.Svg).Root!;
        root.Name.ShouldBe(Svg + "svg");
        root.Attribute("viewBox")!.Value.ShouldBe($"0 0 {layout.Width} {layout.Height}");
        root.Attribute("font-family")!.Value.ShouldContain("sans-serif");
        root.Element(Svg + "title")!.Value.ShouldBe("# Tool library & co <b> – roadmap");
    }

    [Fact]
    public void Render_HostileText_IsEscapedAndNothingActiveOrExternalIsInTheFile()
    {
        var plan = RenderSamples.Full();
        plan.Features.Add(new FeatureDoc { Key = "feature-9", Title = "x\u0001y\uD800 <image href=\"http://evil/\"/> & ]]>", Phase = "phase-2" });

        var svg = RoadmapSvg.Render(plan).Svg;

        svg.ShouldNotContain("<script", Case.Insensitive);
        svg.ShouldContain("&lt;script&gt;");
        svg.ShouldNotContain("<image");
        svg.ShouldNotContain("<style");
        svg.ShouldNotContain("url(");
        var doc = XDocument.Parse(svg);
        doc.Descendants().Attributes().ShouldNotContain(a => a.Name.LocalName == "href" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        doc.Descendants().Select(e => e.Name.LocalName).Distinct().Order()
            .ShouldBe(new[] { "g", "rect", "svg", "text", "title", "tspan" }.Order());
        doc.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "card")
            .Select(g => string.Concat(g.Elements(Svg + "text").First().Elements(Svg + "tspan").Select(t => t.Value + " ")))
            .ShouldContain(t => t.Contains("xy <image", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_FullPlan_HasOneCardPerFeatureAndEveryPhaseUnscheduledFirst()
    {
        var plan = RenderSamples.Full();

        var doc = XDocument.Parse(RoadmapSvg.Render(plan).Svg);

        doc.Descendants(Svg + "g").Count(g => (string?)g.Attribute("class") == "card").ShouldBe(plan.Features.Count);
        var headers = doc.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "phase")
            .Select(r => (X: double.Parse(r.Attribute("x")!.Value, System.Globalization.CultureInfo.InvariantCulture), Name: ((XElement)r.NextNode!).Value))
            .OrderBy(h => h.X).Select(h => h.Name).ToList();
        headers.ShouldBe(["Unscheduled", "Pilot", "Roll-out & grow"]);
        doc.Descendants(Svg + "text").Select(t => t.Value).ShouldContain(t => t.StartsWith("1 Mar 2027 – 30 Apr 2027", StringComparison.Ordinal));
        doc.Descendants(Svg + "text").Select(t => t.Value).ShouldContain("Must · In progress");
    }

    [Fact]
    public void Render_LongTitle_WrapsToTwoLinesEndingInAnEllipsis()
    {
        var doc = XDocument.Parse(RoadmapSvg.Render(RenderSamples.Full()).Svg);

        var ratings = doc.Descendants(Svg + "text")
            .Single(t => t.Elements(Svg + "tspan").FirstOrDefault()?.Value.StartsWith("Ratings", StringComparison.Ordinal) == true)
            .Elements(Svg + "tspan").Select(t => t.Value).ToList();
        ratings.Count.ShouldBe(2);
        ratings[1].ShouldEndWith("…");
    }

    [Fact]
    public void Wrap_LongWordAndEmoji_BreaksWithoutSplittingCharacters()
    {
        var lines = RoadmapSvg.Wrap("🛠️🛠️🛠️🛠️🛠️🛠️ Supercalifragilistic", 4, 2);

        lines.ShouldBe(["🛠️🛠️🛠️🛠️", "🛠️🛠️…"]);
    }

    [Fact]
    public void Wrap_RepeatedLastWordAfterTheLimit_StillEndsInAnEllipsis()
    {
        var lines = RoadmapSvg.Wrap("go now go", 3, 1);

        lines.ShouldBe(["go…"]);
    }

    [Fact]
    public void Wrap_ShortTitle_IsOneLineWithoutEllipsis()
    {
        RoadmapSvg.Wrap("Sign-up", 20, 2).ShouldBe(["Sign-up"]);
    }

    [Fact]
    public void Render_ManyFeatures_GrowsTallerInsteadOfOverlapping()
    {
        var few = RenderSamples.Full();
        var many = RenderSamples.Full();
        for (var i = 0; i < 40; i++)
        {
            many.Features.Add(new FeatureDoc { Key = $"feature-x{i}", Title = $"Extra {i}", Phase = "phase-1", Lane = "lane-1", Rank = 10 + i });
        }

        var small = RoadmapSvg.Render(few);
        var tall = RoadmapSvg.Render(many);

        tall.Width.ShouldBe(small.Width);
        tall.Height.ShouldBeGreaterThan(small.Height + 40 * 60);
        var cards = XDocument.Parse(tall.Svg).Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "card")
            .Select(g => g.Elements(Svg + "rect").First()).Select(r => (X: r.Attribute("x")!.Value, Y: double.Parse(r.Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture)))
            .GroupBy(c => c.X);
        foreach (var column in cards)
        {
            var ys = column.Select(c => c.Y).Order().ToList();
            ys.Zip(ys.Skip(1), (a, b) => b - a).ShouldAllBe(d => d >= 62);
        }
    }

    [Fact]
    public void Render_EmptyPlan_IsStillAValidImageSayingSo()
    {
        var layout = RoadmapSvg.Render(RenderSamples.Empty());

        XDocument.Parse(layout.Svg).Descendants(Svg + "text").Select(t => t.Value).ShouldContain("No phases or features yet.");
        layout.Width.ShouldBeGreaterThan(0);
    }
}
