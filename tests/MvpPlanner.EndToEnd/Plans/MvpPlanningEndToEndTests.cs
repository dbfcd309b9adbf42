using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.Plans;

/// <summary>The foundation's whole path in a browser: a plan, who it is for, their problem, a feature with RICE inputs,
/// and the feature dragged into the MVP phase, still there after a reload.</summary>
public sealed partial class MvpPlanningEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task Plan_FromPersonaToFeatureDraggedIntoMvp_KeepsTheFeatureInMvpAfterReload()
    {
        var app = StartApp();
        await Page.RegisterAsync(app, "Ada Lovelace");

        await Page.ByTestId("new-plan").ClickAsync();
        await Page.ByTestId("plan-name").FillAsync("Community bike repair");
        await Page.ByTestId("form-submit").ClickAsync();
        await Page.WaitForURLAsync(PlanUrl());
        var planUrl = Page.Url;

        await Page.GotoInteractiveAsync($"{planUrl}/personas");
        await Page.ByTestId("add-persona").First.ClickAsync();
        await Page.ByTestId("persona-name").FillAsync("Weekend cyclist");
        await Page.ByTestId("form-submit").ClickAsync();
        await Expect(Page.ByTestId("persona-card").Filter(new() { HasText = "Weekend cyclist" })).ToBeVisibleAsync();

        await Page.ByTestId("add-problem").First.ClickAsync();
        await Page.ByTestId("problem-statement").FillAsync("A flat tyre ends the weekend ride");
        await Expect(Page.ByTestId("problem-personas")).ToHaveValueAsync("Weekend cyclist"); // the only persona is chosen already
        await Page.ByTestId("form-submit").ClickAsync();
        await Expect(Page.ByTestId("problem-card").Filter(new() { HasText = "A flat tyre ends the weekend ride" })).ToBeVisibleAsync();

        await Page.GotoInteractiveAsync($"{planUrl}/features");
        await Page.ByTestId("new-feature-empty").ClickAsync();
        await Page.ByTestId("feature-title").FillAsync("Book a repair slot");
        await Page.ChooseAsync("feature-problems", "A flat tyre ends the weekend ride");
        await Page.ByTestId("rice-reach").FillAsync("200");
        await Page.ChooseAsync("rice-impact", "2 – high");
        await Page.ByTestId("rice-confidence").FillAsync("80");
        await Page.ByTestId("rice-effort").FillAsync("2");
        await Page.ByTestId("feature-title").ClickAsync(); // leave the last field so its value is taken
        await Expect(Page.ByTestId("rice-score")).ToContainTextAsync("160");
        await Page.ByTestId("form-submit").ClickAsync();
        await Expect(Page.ByTestId("rice-cell")).ToHaveTextAsync("160");

        var (featureId, mvpId, laneId) = await app.QueryDbAsync(async db => (
            await db.Features.Select(f => f.Id).SingleAsync(),
            await db.RoadmapPhases.Where(p => p.Name == "MVP").Select(p => p.Id).SingleAsync(),
            await db.Lanes.Where(l => l.Name == "Development").Select(l => l.Id).SingleAsync()));

        await Page.GotoInteractiveAsync($"{planUrl}/roadmap");
        var card = Page.ByTestId($"card-{featureId}");
        var mvpCell = Page.ByTestId($"cell-{mvpId}-{laneId}");
        await Expect(Page.ByTestId("cell-none-none").Locator(card)).ToBeVisibleAsync();
        await card.DragToAsync(mvpCell);
        await Expect(mvpCell.Locator(card)).ToBeVisibleAsync();
        await WaitUntilStoredAsync(app, featureId, mvpId);

        await Page.ReloadInteractiveAsync();
        await Expect(Page.ByTestId($"cell-{mvpId}-{laneId}").Locator(Page.ByTestId($"card-{featureId}"))).ToBeVisibleAsync();
        var stored = await app.QueryDbAsync(db => db.Features.Select(f => new { f.PhaseId, f.LaneId, f.Reach, f.Impact, f.Confidence, f.Effort }).SingleAsync());
        stored.ShouldBe(new { PhaseId = (int?)mvpId, LaneId = (int?)laneId, Reach = (int?)200, Impact = (double?)2, Confidence = (int?)80, Effort = (double?)2 });
        ConsoleErrors.ShouldBeEmpty();
    }

    /// <summary>The drop is saved by the circuit after the card moved on screen; poll the database briefly.</summary>
    private static async Task WaitUntilStoredAsync(PlannerAppServer app, int featureId, int phaseId)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await app.QueryDbAsync(db => db.Features.AnyAsync(f => f.Id == featureId && f.PhaseId == phaseId)))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new ShouldAssertException($"Feature {featureId} was not stored in phase {phaseId}.");
    }

    [GeneratedRegex(@"/plans/\d+$")]
    private static partial Regex PlanUrl();
}
