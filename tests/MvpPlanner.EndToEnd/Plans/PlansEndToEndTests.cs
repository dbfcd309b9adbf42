using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MvpPlanner.Core.Plans;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.Plans;

public sealed partial class PlansEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task NewPlan_WithName_OpensItsOverviewThatSurvivesAReload()
    {
        var app = StartApp();
        await Page.RegisterAsync(app, "Ada Lovelace");

        await Page.ByTestId("new-plan").ClickAsync();
        await Page.ByTestId("plan-name").FillAsync("Community bike repair");
        await Page.ByTestId("form-submit").ClickAsync();

        await Page.WaitForURLAsync(PlanUrl());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Community bike repair").First).ToBeVisibleAsync();

        await Page.ReloadInteractiveAsync();
        await Expect(Page.GetByText("Community bike repair").First).ToBeVisibleAsync();
        var names = await app.QueryDbAsync(db => db.Plans.Select(p => p.Name).ToListAsync());
        names.ShouldHaveSingleItem().ShouldBe("Community bike repair");
        ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task NewPlan_WithoutName_ShowsFieldErrorAndCreatesNothing()
    {
        var app = StartApp();
        await Page.RegisterAsync(app, "Ada Lovelace");

        await Page.ByTestId("new-plan").ClickAsync();
        await Page.ByTestId("form-submit").ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Dialog).GetByText("Give the plan a name.")).ToBeVisibleAsync();
        await Expect(Page.ByTestId("plan-name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        Page.Url.ShouldBe(app.Url("/"));
        (await app.QueryDbAsync(db => db.Plans.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task FirstAccount_WithDemoSeeded_SeesTheDemoPlanAndItsOverview()
    {
        var app = StartApp(seedDemoPlan: true);
        await Page.RegisterAsync(app, "Ada Lovelace");

        var card = Page.ByTestId("plan-card").Filter(new() { HasText = DemoPlanSeeder.DemoPlanName });
        await Expect(card).ToBeVisibleAsync();
        await Screenshots.TakeAsync(Page, "plans");

        await card.GetByRole(AriaRole.Link, new() { Name = DemoPlanSeeder.DemoPlanName }).ClickAsync();
        await Page.WaitForURLAsync(PlanUrl());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(Page, "overview");

        var planUrl = Page.Url;
        foreach (var (section, shot) in new[] { ("personas", "personas"), ("features", "backlog"), ("roadmap", "roadmap") })
        {
            await Page.GotoInteractiveAsync($"{planUrl}/{section}");
            await Expect(Page.Locator("h1")).ToBeVisibleAsync();
            await Screenshots.TakeAsync(Page, shot);
        }

        ConsoleErrors.ShouldBeEmpty();
    }

    [GeneratedRegex(@"/plans/\d+$")]
    private static partial Regex PlanUrl();
}
