using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MvpPlanner.Core.Plans;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.Prioritization;

/// <summary>The demo plan's value-vs-effort chart in a real browser, on a laptop and on a phone.</summary>
public sealed class ValueEffortEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task ValueEffort_DemoPlan_FitsLaptopAndPhoneShowsTheQuickWinAndOpensTheFeature()
    {
        var app = StartApp(seedDemoPlan: true);
        await Page.RegisterAsync(app, "Ada Lovelace");
        var planId = await app.QueryDbAsync(db => db.Plans.Where(p => p.Name == DemoPlanSeeder.DemoPlanName).Select(p => p.Id).SingleAsync());
        await Page.SetViewportSizeAsync(1366, 768);

        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/value-effort"));

        var quickWin = Page.GetByRole(AriaRole.Button, new() { Name = "Tool catalogue with search: value 5, effort 3, quick win" });
        await Expect(quickWin).ToBeVisibleAsync();
        (await IsInsideAsync(quickWin, Page.ByTestId("quadrant-quick-win"))).ShouldBeTrue();
        (await FitsTheWidthAsync()).ShouldBeTrue();
        await Screenshots.TakeAsync(Page, "value-effort");

        await Page.SetViewportSizeAsync(390, 844);
        await Expect(quickWin).ToBeVisibleAsync();
        (await IsInsideAsync(quickWin, Page.ByTestId("quadrant-quick-win"))).ShouldBeTrue();
        (await FitsTheWidthAsync()).ShouldBeTrue();

        await Page.SetViewportSizeAsync(1366, 768);
        await quickWin.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Edit \"Tool catalogue with search\"");
        ConsoleErrors.ShouldBeEmpty();
    }

    private Task<bool> FitsTheWidthAsync() =>
        Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    private static async Task<bool> IsInsideAsync(ILocator dot, ILocator area)
    {
        var d = (await dot.BoundingBoxAsync()).ShouldNotBeNull();
        var a = (await area.BoundingBoxAsync()).ShouldNotBeNull();
        var (x, y) = (d.X + d.Width / 2, d.Y + d.Height / 2);
        return x >= a.X && x <= a.X + a.Width && y >= a.Y && y <= a.Y + a.Height;
    }
}
