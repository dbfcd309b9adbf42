using Microsoft.Playwright;

namespace MvpPlanner.EndToEnd.Infrastructure;

/// <summary>A test with its own browser context (fresh cookies and storage) at 1280×800 on the shared browser.
/// Each test starts the app servers it needs, so its data is its own.</summary>
[Collection(BrowserCollection.Name)]
public abstract class EndToEndTestBase(BrowserFixture browser) : IAsyncLifetime
{
    private readonly List<PlannerAppServer> _servers = [];
    private readonly List<IBrowserContext> _contexts = [];

    protected IBrowserContext Context { get; private set; } = default!;

    protected IPage Page { get; private set; } = default!;

    /// <summary>Errors the page wrote to the browser console; a healthy page writes none.</summary>
    protected List<string> ConsoleErrors { get; } = [];

    public async Task InitializeAsync()
    {
        Context = await NewContextAsync();
        Page = await Context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add(message.Text);
            }
        };
    }

    /// <summary>Another person's browser: its own cookies and storage, nobody signed in. Closed with the test.</summary>
    protected async Task<IBrowserContext> NewContextAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(30_000); // generous: 2 cores, and the first request compiles the app
        _contexts.Add(context);
        return context;
    }

    /// <summary>Starts the real app on a free loopback port; disposed with the test.</summary>
    protected PlannerAppServer StartApp(bool seedDemoPlan = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = PlannerAppServer.Start(seedDemoPlan, settings);
        _servers.Add(server);
        return server;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }
}
