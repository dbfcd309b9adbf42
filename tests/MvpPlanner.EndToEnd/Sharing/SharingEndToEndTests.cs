using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MvpPlanner.Core.Plans;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.Sharing;

public sealed class SharingEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task ShareLink_CreatedInTheUi_OpensWithoutSignInUntilRevoked()
    {
        var app = StartApp(seedDemoPlan: true);
        await Page.RegisterAsync(app, "Ada Admin");
        var planId = await app.QueryDbAsync(db => db.Plans.Where(p => p.Name == DemoPlanSeeder.DemoPlanName).Select(p => p.Id).SingleAsync());

        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/sharing"));
        await Page.ByTestId("new-share-link").ClickAsync();
        await Page.ByTestId("share-label").FillAsync("Investors");
        await Page.ByTestId("share-scope-features").CheckAsync();
        await Page.ByTestId("form-submit").ClickAsync();
        var url = await Page.ByTestId("share-link-url").InputValueAsync();
        url.ShouldStartWith(app.Url("/s/"));
        await Expect(Page.ByTestId("share-link-row")).ToContainTextAsync("Investors");
        await Screenshots.TakeAsync(Page, "sharing");

        // A stakeholder: another browser context, so no cookies and no sign-in.
        await using var stakeholder = await Context.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        var reader = await stakeholder.NewPageAsync();
        var opened = await reader.GotoAsync(url);
        opened!.Status.ShouldBe(200);
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = DemoPlanSeeder.DemoPlanName, Level = 1 })).ToBeVisibleAsync();
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "Roadmap" })).ToBeVisibleAsync();
        await Expect(reader.GetByTestId("shared-roadmap").GetByText("Tool catalogue with search")).ToBeVisibleAsync();
        await Expect(reader.GetByTestId("shared-features")).ToBeVisibleAsync();
        await Expect(reader.GetByTestId("shared-personas")).ToHaveCountAsync(0);
        (await reader.Locator("form, script").CountAsync()).ShouldBe(0);
        reader.Url.ShouldNotContain("/account/login");
        await Screenshots.TakeAsync(reader, "shared-plan");

        // Printed on A4 landscape (277 mm between 10 mm margins, about 1047 CSS pixels) the roadmap fits the page width.
        await reader.SetViewportSizeAsync(1047, 740);
        await reader.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        (await reader.EvaluateAsync<bool>("() => document.querySelector('table.roadmap').scrollWidth <= document.documentElement.clientWidth")).ShouldBeTrue();

        await Page.ByTestId("revoke-share-link").ClickAsync();
        var confirm = Page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync("\"Investors\"");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Expect(Page.ByTestId("share-link-state")).ToHaveTextAsync("Revoked");

        var refused = await reader.GotoAsync(url);
        refused!.Status.ShouldBe(404);
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "This link is not valid" })).ToBeVisibleAsync();
        (await reader.ContentAsync()).ShouldNotContain(DemoPlanSeeder.DemoPlanName);
        ConsoleErrors.ShouldBeEmpty();
    }
}
