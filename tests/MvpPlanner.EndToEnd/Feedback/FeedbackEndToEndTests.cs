using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MvpPlanner.Core.Plans;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.Feedback;

/// <summary>Feedback in a real browser: captured live in an office-hours session, triaged, and counted on the backlog.</summary>
public sealed class FeedbackEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task OfficeHours_CaptureWithEnterThenLinkToAFeature_BacklogShowsTheEvidence()
    {
        var app = StartApp(seedDemoPlan: true);
        await Page.RegisterAsync(app, "Ada Lovelace");
        var (planId, feature) = await app.QueryDbAsync(async db =>
        {
            var plan = await db.Plans.Where(p => p.Name == DemoPlanSeeder.DemoPlanName).Select(p => p.Id).SingleAsync();
            var title = await db.Features.Where(f => f.PlanId == plan).OrderBy(f => f.Id).Select(f => f.Title).FirstAsync();
            return (plan, title);
        });
        await Page.SetViewportSizeAsync(1366, 768);
        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/feedback"));

        // Two remarks in a row, as in a live session: Enter saves, the field clears and keeps the focus.
        var capture = Page.ByTestId("capture-text");
        await capture.FillAsync("I never know when my loan is due");
        await capture.PressAsync("Enter");
        await Expect(Page.ByTestId("feedback-item").Filter(new() { HasText = "I never know when my loan is due" })).ToBeVisibleAsync();
        await Expect(capture).ToHaveValueAsync("");
        await Expect(capture).ToBeFocusedAsync();
        await capture.PressSequentiallyAsync("Can I get a reminder the day before?");
        await capture.PressAsync("Enter");
        var item = Page.ByTestId("feedback-item").Filter(new() { HasText = "Can I get a reminder the day before?" });
        await Expect(item).ToBeVisibleAsync();
        await Expect(item.Locator("[data-testid='feedback-meta']")).ToContainTextAsync("Office hours");
        await Expect(Page.ByTestId("feedback-nav-count")).ToContainTextAsync("2");
        await Screenshots.TakeAsync(Page, "feedback-capture");

        // Triage: find the feature by name and link it.
        await item.Locator("[data-testid='feedback-link']").ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Find a problem or feature").FillAsync(feature);
        await Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = feature }).First.ClickAsync();
        await Expect(dialog.Locator("[data-testid='link-chosen']")).ToContainTextAsync(feature);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save links" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(Page.ByTestId("feedback-nav-count")).ToContainTextAsync("1");
        await Page.ByTestId("feedback-filter-linked").ClickAsync();
        await Expect(Page.ByTestId("feedback-feature")).ToContainTextAsync(feature);

        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/features"));
        var row = Page.Locator("tr.mud-table-row").Filter(new() { Has = Page.Locator("[data-testid='feature-row-title']", new() { HasTextString = feature }) });
        await Expect(row.Locator("[data-testid='evidence-items']")).ToHaveTextAsync("1");
        await Screenshots.TakeAsync(Page, "feedback-backlog-evidence");

        foreach (var (width, height, name) in new[] { (390, 844, "feedback-phone"), (1920, 1080, "feedback-projector") })
        {
            await Page.SetViewportSizeAsync(width, height);
            await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/feedback"));
            await Expect(Page.ByTestId("capture-text")).ToBeVisibleAsync();
            var scrolls = await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
            scrolls.ShouldBeFalse($"the feedback page scrolls sideways at {width} px");
            await Screenshots.TakeAsync(Page, name);
        }

        ConsoleErrors.ShouldBeEmpty();
    }
}
