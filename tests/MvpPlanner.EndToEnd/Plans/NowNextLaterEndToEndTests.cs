using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Plans;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.Plans;

/// <summary>The demo plan as Now / Next / Later in a real browser, on a laptop and on a phone.</summary>
public sealed class NowNextLaterEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task NowNextLater_DemoPlanWithoutDates_ShowsTheMvpFeaturesUnderNowWithoutSidewaysScrolling()
    {
        var app = StartApp(seedDemoPlan: true);
        await Page.RegisterAsync(app, "Ada Lovelace");
        var planId = await app.QueryDbAsync(db => db.Plans.Where(p => p.Name == DemoPlanSeeder.DemoPlanName).Select(p => p.Id).SingleAsync());
        var mvpFeatures = await app.QueryDbAsync(db => db.Features
            .Where(f => f.PlanId == planId && f.Phase != null && f.Phase.Name == "MVP")
            .Select(f => f.Title).ToListAsync());
        mvpFeatures.ShouldNotBeEmpty();

        await Page.SetViewportSizeAsync(1366, 768);
        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/now-next-later"));

        var now = Page.ByTestId("horizon-now");
        await Expect(now.Locator("[data-testid=horizon-phases]")).ToContainTextAsync("MVP");
        foreach (var title in mvpFeatures)
        {
            await Expect(now.GetByText(title, new() { Exact = true })).ToBeVisibleAsync();
        }

        await Expect(Page.ByTestId("horizon-next").Locator("[data-testid=horizon-phases]")).ToContainTextAsync("Pilot");
        await Expect(Page.ByTestId("horizon-later").Locator("[data-testid=horizon-phases]")).ToContainTextAsync("Unscheduled");
        (await NoSidewaysScrollingAsync()).ShouldBeTrue("at 1366 × 768");
        await Screenshots.TakeAsync(Page, "now-next-later");

        await Page.SetViewportSizeAsync(390, 844);
        await Expect(now.GetByText(mvpFeatures[0], new() { Exact = true })).ToBeVisibleAsync();
        (await NoSidewaysScrollingAsync()).ShouldBeTrue("at 390 × 844");
        ConsoleErrors.ShouldBeEmpty();
    }

    private Task<bool> NoSidewaysScrollingAsync() =>
        Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
}
