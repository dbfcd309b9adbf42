using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MvpPlanner.Bench.Browser;

/// <summary>Registers and signs in through the app's real account pages, as the end-to-end tests do.</summary>
internal static class Accounts
{
    private const string InteractiveMarker = "[data-render-mode=interactive]";

    public static async Task RegisterAsync(BrowserSession session, string name, string email, string password)
    {
        await using var context = await session.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(session.Url("/account/register"));
        await page.Locator("#display-name").FillAsync(name);
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#confirm-password").FillAsync(password);
        await page.Locator("[data-testid=register]").ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/account/register", StringComparison.Ordinal), new() { Timeout = 60_000 });
        await WaitForInteractiveAsync(page);
    }

    /// <summary>Signs in on the login page and returns the context's storage state (cookies) for new contexts.</summary>
    public static async Task<string> SignInAsync(BrowserSession session, string email, string password)
    {
        await using var context = await session.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(session.Url("/account/login"));
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("[data-testid=sign-in]").ClickAsync();
        // The sign-in cookie comes with the redirect; stop there so the landing page opens no circuit of its own.
        await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 60_000, WaitUntil = WaitUntilState.Commit });
        var state = await context.StorageStateAsync();
        await page.CloseAsync();
        return state;
    }

    /// <summary>Set by Routes.razor once the Blazor circuit has rendered the page.</summary>
    public static async Task WaitForInteractiveAsync(IPage page, float timeout = 120_000)
    {
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined", null, new() { Timeout = timeout });
        await page.Locator(InteractiveMarker).WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = timeout });
    }

    /// <summary>The id of the plan whose card on the plans page carries this name (the demo plan of the first account),
    /// read from the prerendered plans page over HTTP, so no circuit is opened for it.</summary>
    public static async Task<int> FindPlanIdAsync(BrowserSession session, string storageState, string nameContains)
    {
        await using var context = await session.NewSignedInContextAsync(storageState);
        var response = await context.APIRequest.GetAsync(session.Url("/"));
        var html = await response.TextAsync();
        var match = Regex.Match(html, $@"href=""/plans/(\d+)""[^>]*>[^<]*{Regex.Escape(nameContains)}");
        if (!match.Success)
        {
            throw new InvalidOperationException($"No plan named like '{nameContains}' on the plans page (HTTP {response.Status}).");
        }

        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
