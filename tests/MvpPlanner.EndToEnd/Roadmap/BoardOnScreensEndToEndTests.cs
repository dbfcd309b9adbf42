using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MvpPlanner.Core.Plans;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.Roadmap;

/// <summary>The board, the backlog and the shared page on the most common laptop (1366 × 768) and on a phone (390 × 844),
/// and moving a card from the keyboard.</summary>
public sealed class BoardOnScreensEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    private static readonly string[] DefaultPhases = ["Unscheduled", "MVP", "Pilot", "Beta", "Roll-out", "Later"];

    [Fact]
    public async Task Board_OnALaptop_ShowsAllSixPhasesWithoutSidewaysScrollingAndOnAPhoneStacksThem()
    {
        var (app, planId) = await StartWithDemoPlanAsync();
        await Page.SetViewportSizeAsync(1366, 768);

        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/roadmap"));

        var headers = Page.Locator(".board-header");
        await Expect(headers).ToHaveCountAsync(DefaultPhases.Length);
        (await headers.Locator(".board-header-name").AllTextContentsAsync()).Select(t => t.Trim()).ShouldBe(DefaultPhases);
        var width = await Page.EvaluateAsync<int>("() => window.innerWidth");
        foreach (var header in await headers.AllAsync())
        {
            var box = (await header.BoundingBoxAsync()).ShouldNotBeNull();
            box.X.ShouldBeGreaterThanOrEqualTo(0);
            (box.X + box.Width).ShouldBeLessThanOrEqualTo(width);
        }

        (await FitsTheWidthAsync(Page)).ShouldBeTrue();

        await Page.SetViewportSizeAsync(390, 844);
        (await FitsTheWidthAsync(Page)).ShouldBeTrue();
        var mvp = (await headers.Nth(1).BoundingBoxAsync()).ShouldNotBeNull();
        var pilot = (await headers.Nth(2).BoundingBoxAsync()).ShouldNotBeNull();
        pilot.Y.ShouldBeGreaterThan(mvp.Y, "on a phone the phases come one under another");
        mvp.Width.ShouldBeGreaterThan(300);
        ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Card_MovedWithAltArrowRight_IsInTheNextPhaseAfterReloadAndIsAnnounced()
    {
        var (app, planId) = await StartWithDemoPlanAsync();
        await Page.SetViewportSizeAsync(1366, 768);
        var (cardId, pilotId, developmentId) = await app.QueryDbAsync(async db =>
        {
            var card = await db.Features.Where(f => f.PlanId == planId && f.Title == "Tool catalogue with search").Select(f => f.Id).SingleAsync();
            var pilot = await db.RoadmapPhases.Where(p => p.PlanId == planId && p.Name == "Pilot").Select(p => p.Id).SingleAsync();
            var development = await db.Lanes.Where(l => l.PlanId == planId && l.Name == "Development").Select(l => l.Id).SingleAsync();
            return (card, pilot, development);
        });
        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/roadmap"));

        var card = Page.ByTestId($"card-{cardId}");
        await card.FocusAsync();
        await card.PressAsync("Alt+ArrowRight");

        await Expect(Page.ByTestId("board-announcement")).ToHaveTextAsync("'Tool catalogue with search' moved to Pilot · Development");
        await Expect(Page.ByTestId($"cell-{pilotId}-{developmentId}").Locator($"[data-testid=card-{cardId}]")).ToBeVisibleAsync();
        await Expect(Page.ByTestId($"card-{cardId}")).ToBeFocusedAsync();
        Page.Url.ShouldEndWith($"/plans/{planId}/roadmap", Case.Sensitive, "Alt + Left must not be the browser's Back");

        await Page.ReloadInteractiveAsync();
        await Expect(Page.ByTestId($"cell-{pilotId}-{developmentId}").Locator($"[data-testid=card-{cardId}]")).ToBeVisibleAsync();
        ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task BacklogAndSharedPage_OnALaptopAndAPhone_DoNotScrollSideways()
    {
        var (app, planId) = await StartWithDemoPlanAsync();
        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/sharing"));
        await Page.ByTestId("new-share-link").ClickAsync();
        await Page.ByTestId("share-label").FillAsync("Stakeholders");
        await Page.ByTestId("share-scope-features").CheckAsync();
        await Page.ByTestId("form-submit").ClickAsync();
        var sharedUrl = await Page.ByTestId("share-link-url").InputValueAsync();

        foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
        {
            await Page.SetViewportSizeAsync(width, height);
            await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/features"));
            await Expect(Page.ByTestId("feature-row-title").First).ToBeVisibleAsync();
            (await FitsTheWidthAsync(Page)).ShouldBeTrue($"backlog at {width} px");
            await ShouldBeWithinTheWidthAsync(Page.ByTestId("feature-row-title").First, width);
            if (width > 600)
            {
                await ShouldBeWithinTheWidthAsync(Page.ByTestId("moscow-chip").First, width);
                await ShouldBeWithinTheWidthAsync(Page.Locator("th", new() { HasText = "Phase" }).First, width);
            }

            await Page.GotoAsync(sharedUrl);
            await Expect(Page.GetByTestId("shared-roadmap").GetByText("Tool catalogue with search")).ToBeVisibleAsync();
            (await FitsTheWidthAsync(Page)).ShouldBeTrue($"shared page at {width} px");
        }

        // No check of the console here: the shared page is plain HTML without a favicon link, so the browser asks for
        // /favicon.ico and logs its 404.
    }

    private async Task<(PlannerAppServer App, int PlanId)> StartWithDemoPlanAsync()
    {
        var app = StartApp(seedDemoPlan: true);
        await Page.RegisterAsync(app, "Ada Lovelace");
        var planId = await app.QueryDbAsync(db => db.Plans.Where(p => p.Name == DemoPlanSeeder.DemoPlanName).Select(p => p.Id).SingleAsync());
        return (app, planId);
    }

    private static async Task ShouldBeWithinTheWidthAsync(ILocator element, int width)
    {
        var box = (await element.BoundingBoxAsync()).ShouldNotBeNull();
        box.X.ShouldBeGreaterThanOrEqualTo(0);
        (box.X + box.Width).ShouldBeLessThanOrEqualTo(width);
    }

    private static Task<bool> FitsTheWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
}
