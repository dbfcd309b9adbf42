using SkiaSharp;
using Svg.Skia;

namespace MvpPlanner.Core.ImportExport;

/// <summary>roadmap.png, for tools that take no SVG: the very same SVG drawn by Svg.Skia at twice its size, so the
/// picture is sharp on a slide. Fonts come from the machine; where none of the named ones exists Skia falls back to
/// another, and the image is still made.</summary>
public static class RoadmapPng
{
    public const float Scale = 2f;

    /// <summary>A board of hundreds of features is drawn smaller rather than as an image too big to open or encode.</summary>
    private const double MaxPixels = 40_000_000;

    public static byte[] Render(RoadmapSvg.Layout layout)
    {
        using var svg = new SKSvg();
        // The picture belongs to the SKSvg, which disposes it.
        var picture = svg.FromSvg(layout.Svg) ?? throw new InvalidOperationException("The roadmap SVG could not be read.");
        var scale = (float)Math.Min(Scale, Math.Sqrt(MaxPixels / ((double)layout.Width * layout.Height)));
        var info = new SKImageInfo(Math.Max(1, (int)(layout.Width * scale)), Math.Max(1, (int)(layout.Height * scale)), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException("No drawing surface of this size could be made.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(scale);
        canvas.DrawPicture(picture);
        canvas.Flush();
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
