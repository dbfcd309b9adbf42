using Microsoft.Playwright;

namespace MvpPlanner.EndToEnd.Infrastructure;

public static class PageExtensions
{
    /// <summary>Set by <c>Routes.razor</c> once the Blazor circuit has rendered the page; before that the page is
    /// prerendered HTML whose buttons do nothing.</summary>
    private const string InteractiveMarker = "[data-render-mode=interactive]";

    /// <summary>Opens a page and waits until its Blazor Server circuit is connected and has rendered, so that
    /// clicks reach the app. Use <c>GotoAsync</c> for static pages (error, not found).</summary>
    public static async Task<IResponse?> GotoInteractiveAsync(this IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        await page.WaitForInteractiveAsync();
        return response;
    }

    /// <summary>Reloads the page and waits for a new circuit, as a user pressing F5 would.</summary>
    public static async Task<IResponse?> ReloadInteractiveAsync(this IPage page)
    {
        var response = await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        return response;
    }

    public static async Task WaitForInteractiveAsync(this IPage page)
    {
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.Locator(InteractiveMarker).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    /// <summary>Chooses a file in a Blazor <c>InputFile</c> once its script listens: the input is on the page a moment
    /// before Blazor attaches its change listener, and a file chosen in between is never read.</summary>
    public static async Task ChooseFileAsync(this IPage page, string testId, FilePayload file)
    {
        await page.WaitForFunctionAsync(
            "selector => document.querySelector(selector)?._blazorInputFileNextFileId !== undefined", $"[data-testid='{testId}']");
        await page.ByTestId(testId).SetInputFilesAsync(file);
    }

    public static async Task ChooseFileAsync(this IPage page, string testId, string path) =>
        await page.ChooseFileAsync(testId, new FilePayload { Name = Path.GetFileName(path), MimeType = "application/json", Buffer = await File.ReadAllBytesAsync(path) });

    /// <summary>The element carrying <c>data-testid</c>: MudButton puts it on its &lt;button&gt;, MudTextField on its &lt;input&gt;,
    /// MudCard on its outer &lt;div&gt;.</summary>
    public static ILocator ByTestId(this IPage page, string testId) => page.Locator($"[data-testid='{testId}']");
}
