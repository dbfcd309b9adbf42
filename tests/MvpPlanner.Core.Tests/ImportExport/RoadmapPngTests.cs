using MvpPlanner.Core.ImportExport;
using SkiaSharp;

namespace MvpPlanner.Core.Tests.ImportExport;

/// <summary>The PNG is drawn by the native Skia library that ships in SkiaSharp.NativeAssets.Linux: these tests also
/// prove that it loads on this machine.</summary>
public sealed class RoadmapPngTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Render_FullPlan_IsAPngOfTwiceTheSvgSize()
    {
        var layout = RoadmapSvg.Render(RenderSamples.Full());

        var png = RoadmapPng.Render(layout);

        png.Take(8).ShouldBe(PngSignature);
        using var bitmap = SKBitmap.Decode(png);
        bitmap.ShouldNotBeNull();
        bitmap.Width.ShouldBe(layout.Width * 2);
        bitmap.Height.ShouldBe(layout.Height * 2);
    }

    [Fact]
    public void Render_FullPlan_DrawsTheCardsNotABlankImage()
    {
        var layout = RoadmapSvg.Render(RenderSamples.Full());

        using var bitmap = SKBitmap.Decode(RoadmapPng.Render(layout));

        // The "Must" stripe of the first card of the Pilot column is a saturated red; a blank render would be all white.
        var colours = new HashSet<SKColor>();
        for (var y = 0; y < bitmap.Height; y += 7)
        {
            for (var x = 0; x < bitmap.Width; x += 7)
            {
                colours.Add(bitmap.GetPixel(x, y));
            }
        }

        colours.Count.ShouldBeGreaterThan(10);
        colours.ShouldContain(c => c.Red > 150 && c.Green < 60 && c.Blue < 60);
    }

    [Fact]
    public void Render_EmptyPlan_StillMakesAnImage()
    {
        var layout = RoadmapSvg.Render(RenderSamples.Empty());

        using var bitmap = SKBitmap.Decode(RoadmapPng.Render(layout));

        bitmap.Width.ShouldBe(layout.Width * 2);
    }
}
