using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.Api;

/// <summary>A developer makes a token on their account page and scripts the plan; people with the plan open see the change.</summary>
public sealed partial class ApiEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task TokenMadeOnTheAccountPage_ChangesThePlan_AndTheOpenBrowserShowsItLive()
    {
        var app = StartApp();
        await Page.RegisterAsync(app, "Ada Lovelace");
        await Page.ByTestId("new-plan").ClickAsync();
        await Page.ByTestId("plan-name").FillAsync("Tool library");
        await Page.ByTestId("form-submit").ClickAsync();
        await Page.WaitForURLAsync(PlanUrl(), new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        var planUrl = Page.Url;
        var planId = int.Parse(planUrl[(planUrl.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        // The token, made in a second tab as a developer would, shown once.
        var account = await Context.NewPageAsync();
        await account.GotoInteractiveAsync(app.Url("/account/tokens"));
        await account.ByTestId("token-name").FillAsync("Status report script");
        await account.ByTestId("token-workspaces").Locator("input[type=checkbox]").First.CheckAsync();
        await account.ByTestId("token-read-write").ClickAsync();
        await account.ByTestId("create-token").ClickAsync();
        var secret = (await account.ByTestId("token-secret").TextContentAsync())!.Trim();
        secret.ShouldStartWith("mvpp_");
        await Expect(account.ByTestId("token-row")).ToContainTextAsync("Status report script");
        await Expect(account.ByTestId("token-last-used")).ToHaveTextAsync("Never");
        await Screenshots.TakeAsync(account, "api-tokens");
        await account.SetViewportSizeAsync(390, 844);
        await Screenshots.TakeAsync(account, "api-tokens-phone");
        (await account.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("the tokens page scrolls sideways on a phone");
        await account.CloseAsync();

        // The plan stays open in the browser while a script renames it through the API.
        await Page.GotoInteractiveAsync(planUrl);
        await Expect(Page).ToHaveTitleAsync("Tool library · MvpPlanner");
        using var api = new HttpClient { BaseAddress = new Uri(app.Url("/")) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var read = await api.GetAsync($"/api/v1/plans/{planId}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/plans/{planId}")
        {
            Content = JsonContent.Create(new { name = "Tool library (renamed by script)", vision = "Borrow, don't buy.", valueProposition = "" }),
        };
        update.Headers.IfMatch.Add(read.Headers.ETag!);
        (await api.SendAsync(update)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Expect(Page).ToHaveTitleAsync("Tool library (renamed by script) · MvpPlanner");
        await Expect(Page.GetByText("Tool library (renamed by script)").First).ToBeVisibleAsync();

        // The history names the token, and the account page shows it was used.
        await Page.GotoInteractiveAsync($"{planUrl}/activity");
        await Expect(Page.GetByText("Ada Lovelace (API token: Status report script)").First).ToBeVisibleAsync();
        await Page.GotoInteractiveAsync(app.Url("/account/tokens"));
        await Expect(Page.ByTestId("token-last-used")).ToHaveTextAsync("Just now");

        // Revoked in the browser: the script is refused from the next call on.
        await Page.ByTestId("revoke-token").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Expect(Page.ByTestId("token-state")).ToHaveTextAsync("Revoked");
        (await api.GetAsync($"/api/v1/plans/{planId}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task ApiReferencePage_ShowsTheOperations_ToASignedInPerson()
    {
        var app = StartApp();
        await Page.RegisterAsync(app, "Ada Lovelace");

        await Page.GotoAsync(app.Url("/api/docs/"));

        await Expect(Page.GetByText("MvpPlanner API").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(Page.GetByText("Create a plan in a workspace").First).ToBeVisibleAsync();
        await Screenshots.TakeAsync(Page, "api-reference");
        ConsoleErrors.Where(e => !e.Contains("favicon", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();
    }

    [GeneratedRegex(@"/plans/\d+$")]
    private static partial Regex PlanUrl();
}
