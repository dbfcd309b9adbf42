using Microsoft.Playwright;

namespace MvpPlanner.EndToEnd.Infrastructure;

/// <summary>Signs people up and in through the real account pages, as a newcomer would.</summary>
public static class Accounts
{
    public const string Password = "workshop-2026";

    /// <summary>Registers a new account on the register page (optionally from an invitation link) and waits until the
    /// page it lands on is interactive. The first account of a fresh app becomes its administrator.</summary>
    public static async Task RegisterAsync(this IPage page, PlannerAppServer app, string displayName)
    {
        await page.GotoAsync(app.Url("/account/register"));
        await page.FillRegistrationAsync(displayName);
    }

    /// <summary>Fills and sends the register form the page is on (e.g. reached from an invitation).</summary>
    public static async Task FillRegistrationAsync(this IPage page, string displayName)
    {
        await page.Locator("#display-name").FillAsync(displayName);
        await page.Locator("#email").FillAsync(EmailOf(displayName));
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("#confirm-password").FillAsync(Password);
        await page.ByTestId("register").ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/account/register", StringComparison.Ordinal));
        await page.WaitForInteractiveAsync();
    }

    /// <summary>As a workspace owner: creates an invitation link with a role on the workspace's page and returns it.</summary>
    public static async Task<string> CreateInvitationAsync(this IPage page, PlannerAppServer app, int workspaceId, string role)
    {
        await page.GotoInteractiveAsync(app.Url($"/workspaces/{workspaceId}"));
        await page.ChooseAsync("invite-role", role);
        await page.ByTestId("create-invitation").ClickAsync();
        return (await page.ByTestId("invitation-link").TextContentAsync())!.Trim();
    }

    /// <summary>Follows an invitation link as someone without an account: registers, then joins the workspace.</summary>
    public static async Task JoinWithInvitationAsync(this IPage page, string invitation, string displayName)
    {
        await page.GotoInteractiveAsync(invitation);
        await page.ByTestId("register-to-join").ClickAsync();
        await page.FillRegistrationAsync(displayName);

        // A fresh load of the invitation, signed in: the page the registration lands on may still be served by the
        // circuit opened before signing in (once in a few dozen runs the accept click then led nowhere).
        await page.ReloadInteractiveAsync();
        await page.ByTestId("accept-invitation").ClickAsync();

        // The URL changing is the sign: the new page's load event can lag far behind on a loaded machine, and the
        // next line waits for the page to be interactive anyway.
        try
        {
            await page.WaitForURLAsync(u => !u.Contains("/invite/", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Joining did not leave the invitation page, which says: {await page.Locator("body").InnerTextAsync()}");
        }

        await page.WaitForInteractiveAsync();
    }

    public static string EmailOf(string displayName) =>
        displayName.ToLowerInvariant().Replace(' ', '.') + "@example.test";
}
