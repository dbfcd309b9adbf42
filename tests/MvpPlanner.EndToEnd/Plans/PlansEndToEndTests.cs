using System.Text.RegularExpressions;
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
        await Page.GotoInteractiveAsync(app.Url("/"));

        await Page.ByTestId("new-plan").ClickAsync();
        await PlanNameInput().FillAsync("Community bike repair");
        await Page.ByTestId("form-submit").ClickAsync();

        await Page.WaitForURLAsync(PlanUrl());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Community bike repair")).ToBeVisibleAsync();

        await Page.ReloadInteractiveAsync();
        await Expect(Page.GetByText("Community bike repair")).ToBeVisibleAsync();
        var plans = await app.QueryAsync((PlanService service) => service.ListAsync(includeArchived: true));
        plans.ShouldHaveSingleItem().Name.ShouldBe("Community bike repair");
        ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task NewPlan_WithoutName_ShowsFieldErrorAndCreatesNothing()
    {
        var app = StartApp();
        await Page.GotoInteractiveAsync(app.Url("/"));

        await Page.ByTestId("new-plan").ClickAsync();
        await Page.ByTestId("form-submit").ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Dialog).GetByText("Give the plan a name.")).ToBeVisibleAsync();
        await Expect(PlanNameInput()).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        Page.Url.ShouldBe(app.Url("/"));
        (await app.QueryAsync((PlanService service) => service.ListAsync(includeArchived: true))).ShouldBeEmpty();
    }

    [Fact]
    public async Task PlansPage_WithDemoSeeded_ShowsTheDemoPlanAndItsOverview()
    {
        var app = StartApp(seedDemoPlan: true);
        await Page.GotoInteractiveAsync(app.Url("/"));

        var card = Page.ByTestId("plan-card").Filter(new() { HasText = DemoPlanSeeder.DemoPlanName });
        await Expect(card).ToBeVisibleAsync();
        await Screenshots.TakeAsync(Page, "plans");

        await card.GetByRole(AriaRole.Link, new() { Name = DemoPlanSeeder.DemoPlanName }).ClickAsync();
        await Page.WaitForURLAsync(PlanUrl());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByText(DemoPlanSeeder.DemoPlanName)).ToBeVisibleAsync();
        await Screenshots.TakeAsync(Page, "overview");
        ConsoleErrors.ShouldBeEmpty();
    }

    /// <summary>MudTextField passes <c>data-testid</c> on to its &lt;input&gt;.</summary>
    private ILocator PlanNameInput() => Page.ByTestId("plan-name");

    [GeneratedRegex(@"/plans/\d+$")]
    private static partial Regex PlanUrl();
}
