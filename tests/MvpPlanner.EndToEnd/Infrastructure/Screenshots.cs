using Microsoft.Playwright;

namespace MvpPlanner.EndToEnd.Infrastructure;

/// <summary>Screenshots for the README and docs, written to <c>docs/images/</c> only when
/// <c>MVPPLANNER_SCREENSHOTS=1</c>, so an ordinary test run leaves the working tree untouched.</summary>
public static class Screenshots
{
    public static bool Enabled => Environment.GetEnvironmentVariable("MVPPLANNER_SCREENSHOTS") == "1";

    public static string Directory => Path.Combine(RepositoryPaths.Root, "docs", "images");

    /// <summary>Saves the visible viewport as <c>docs/images/{name}.png</c>; returns the path, or null when disabled.</summary>
    public static async Task<string?> TakeAsync(IPage page, string name)
    {
        if (!Enabled)
        {
            return null;
        }

        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name + ".png");

        // No hover highlight left by the last click, and animations settled, so the picture is stable.
        await page.Mouse.MoveAsync(0, 0);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.EvaluateAsync("() => document.fonts.ready");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Animations = ScreenshotAnimations.Disabled });
        return path;
    }
}
