using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MvpPlanner.Core.Plans;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.Plans;

/// <summary>Projector mode on a 1920 × 1080 screen: P turns it on, it lasts across the plan's pages, Esc or the toggle leaves it.</summary>
public sealed class ProjectorModeEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task ProjectorMode_POnRoadmap_HidesChromeEnlargesTypeAndLastsAcrossPlanPages()
    {
        var app = StartApp(seedDemoPlan: true);
        await Page.RegisterAsync(app, "Ada Lovelace");
        var planId = await app.QueryDbAsync(db => db.Plans.Where(p => p.Name == DemoPlanSeeder.DemoPlanName).Select(p => p.Id).SingleAsync());
        await Page.SetViewportSizeAsync(1920, 1080);
        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/roadmap"));
        await Expect(Page.Locator(".mud-appbar")).ToBeVisibleAsync();
        var normalSize = await RootFontSizeAsync();
        await Expect(Page.Locator("html[data-projector-keys=on]")).ToHaveCountAsync(1); // the key listener is attached

        await Page.Keyboard.PressAsync("p");

        await Expect(Page.Locator(".mud-layout.projector")).ToHaveCountAsync(1);
        await Expect(Page.Locator(".mud-appbar")).ToHaveCountAsync(0);
        await Expect(Page.ByTestId("projector-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
        (await RootFontSizeAsync()).ShouldBeGreaterThanOrEqualTo(normalSize * 1.3);
        await Expect(Page.GetByText("Tool catalogue with search").First).ToBeVisibleAsync();
        await Screenshots.TakeAsync(Page, "projector-roadmap");

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Plan sections" }).GetByRole(AriaRole.Link, new() { Name = "Now / Next / Later" }).ClickAsync();
        await Page.WaitForURLAsync(u => u.EndsWith("/now-next-later", StringComparison.Ordinal));
        await Expect(Page.Locator(".mud-layout.projector")).ToHaveCountAsync(1);
        await Expect(Page.Locator(".mud-appbar")).ToHaveCountAsync(0);

        // Esc straight after moving to another section leaves it: the keys belong to the layout, not to one page.
        await Page.Keyboard.PressAsync("Escape");
        await Expect(Page.Locator(".mud-appbar")).ToBeVisibleAsync();
        await Expect(Page.Locator(".mud-layout.projector")).ToHaveCountAsync(0);

        await Page.Keyboard.PressAsync("p");
        await Expect(Page.Locator(".mud-layout.projector")).ToHaveCountAsync(1);
        await Page.ByTestId("projector-toggle").ClickAsync();

        await Expect(Page.Locator(".mud-appbar")).ToBeVisibleAsync();
        await Expect(Page.Locator(".mud-layout.projector")).ToHaveCountAsync(0);
        ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task ProjectorMode_TypingPInAField_DoesNotToggle()
    {
        var app = StartApp(seedDemoPlan: true);
        await Page.RegisterAsync(app, "Ada Lovelace");
        var planId = await app.QueryDbAsync(db => db.Plans.Where(p => p.Name == DemoPlanSeeder.DemoPlanName).Select(p => p.Id).SingleAsync());
        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/workshop"));

        await Page.ByTestId("timer-minutes").FocusAsync();
        await Page.Keyboard.PressAsync("p");
        await Page.ByTestId("projector-toggle").ClickAsync();

        await Expect(Page.Locator(".mud-layout.projector")).ToHaveCountAsync(1);
        await Expect(Page.Locator(".mud-appbar")).ToHaveCountAsync(0);
    }

    private Task<double> RootFontSizeAsync() =>
        Page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)");
}
