using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MvpPlanner.Core.Plans;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.Roadmap;

/// <summary>Dependencies in a real browser: added from the feature dialog by name, warned about when the order is wrong.</summary>
public sealed class DependenciesEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task FeatureDialog_AddADependencyPlannedLater_WarnsInTheDialogAndOnTheCard()
    {
        var app = StartApp(seedDemoPlan: true);
        await Page.RegisterAsync(app, "Ada Lovelace");
        var (planId, mvpFeature, laterFeature) = await app.QueryDbAsync(async db =>
        {
            var plan = await db.Plans.Where(p => p.Name == DemoPlanSeeder.DemoPlanName).Select(p => p.Id).SingleAsync();
            var phases = await db.RoadmapPhases.Where(p => p.PlanId == plan).OrderBy(p => p.Order).Select(p => p.Id).ToListAsync();
            var first = await db.Features.Where(f => f.PlanId == plan && f.PhaseId == phases[0]).OrderBy(f => f.Id).Select(f => new { f.Id, f.Title }).FirstAsync();
            var later = await db.Features.Where(f => f.PlanId == plan && f.PhaseId != null && f.PhaseId != phases[0]).OrderBy(f => f.Id).Select(f => new { f.Id, f.Title }).FirstAsync();
            return (plan, (first.Id, first.Title), (later.Id, later.Title));
        });
        await Page.SetViewportSizeAsync(1366, 768);
        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/roadmap"));

        await Page.ByTestId($"card-{mvpFeature.Id}").Locator(".feature-card-title").ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.ByTestId("feature-dependencies")).ToBeVisibleAsync();
        var picker = dialog.GetByLabel("Add something it needs");
        await picker.FillAsync(laterFeature.Title[..Math.Min(8, laterFeature.Title.Length)]);
        await Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = laterFeature.Title }).First.ClickAsync();
        await dialog.ByTestId("add-dependency").ClickAsync();

        await Expect(dialog.ByTestId("depends-on-list")).ToContainTextAsync(laterFeature.Title);
        await Expect(dialog.ByTestId("dependency-early")).ToContainTextAsync($"Planned to start before \"{laterFeature.Title}\" is done.");
        await Expect(dialog.ByTestId("dependency-status")).ToContainTextAsync("Careful: it is planned to start before");

        await Screenshots.TakeAsync(Page, "dependencies-dialog");
        // Saving the rest of the form afterwards is not a conflict with the dependency just added.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        var card = Page.ByTestId($"card-{mvpFeature.Id}");
        await Expect(card.ByTestId("card-dependencies")).ToContainTextAsync("Needs 1");
        await Expect(card.ByTestId("card-dependency-warning")).ToContainTextAsync("Out of order");
        await Screenshots.TakeAsync(Page, "dependencies-board");
        ConsoleErrors.ShouldBeEmpty();
    }
}

file static class LocatorExtensions
{
    public static ILocator ByTestId(this ILocator locator, string testId) => locator.Locator($"[data-testid='{testId}']");
}
