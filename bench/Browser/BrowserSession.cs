using Microsoft.Playwright;

namespace MvpPlanner.Bench.Browser;

/// <summary>One headless Debian Chromium (CHROMIUM_PATH overrides /usr/bin/chromium), launched as STACK.md says.</summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        // Many pages are open at once in the memory and live-update benchmarks: keep background pages running.
        "--disable-background-timer-throttling",
        "--disable-renderer-backgrounding",
        "--disable-backgrounding-occluded-windows",
    ];

    private readonly IPlaywright _playwright;

    private BrowserSession(IPlaywright playwright, IBrowser browser, string baseUrl)
    {
        _playwright = playwright;
        Browser = browser;
        BaseUrl = baseUrl.TrimEnd('/');
    }

    public IBrowser Browser { get; }

    public string BaseUrl { get; }

    public string Url(string path) => BaseUrl + path;

    public static async Task<BrowserSession> StartAsync(string baseUrl)
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium";
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = ChromiumArgs,
        });
        return new BrowserSession(playwright, browser, baseUrl);
    }

    /// <summary>A new context carrying a signed-in account's cookies.</summary>
    public Task<IBrowserContext> NewSignedInContextAsync(string storageState) =>
        Browser.NewContextAsync(new BrowserNewContextOptions { StorageState = storageState, ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
