using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Plans;
using MvpPlanner.EndToEnd.Accessibility;
using MvpPlanner.EndToEnd.Infrastructure;

namespace MvpPlanner.EndToEnd.Plans;

/// <summary>Every plan page on a 390 px phone: nothing widens the page so that it scrolls sideways.</summary>
public sealed class PhoneWidthEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task EveryPlanPage_OnAPhone_DoesNotScrollSideways()
    {
        var app = StartApp(seedDemoPlan: true);
        await Page.RegisterAsync(app, "Ada Lovelace");
        var planId = await app.QueryDbAsync(db => db.Plans.Where(p => p.Name == DemoPlanSeeder.DemoPlanName).Select(p => p.Id).SingleAsync());
        await Page.SetViewportSizeAsync(390, 844);
        var tooWide = new List<string>();

        foreach (var path in AccessibilityEndToEndTests.PlanPages)
        {
            await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}{path}"));
            var width = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > 390)
            {
                tooWide.Add($"{(path == "" ? "overview" : path)}: {width} px");
            }
        }

        tooWide.ShouldBeEmpty();
        ConsoleErrors.ShouldBeEmpty();
    }
}
