using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Plans;
using MvpPlanner.EndToEnd.Infrastructure;

namespace MvpPlanner.EndToEnd.Plans;

/// <summary>Every page on a 390 px phone and a 1366 × 768 laptop: nothing widens the page so that it scrolls sideways.</summary>
public sealed class PageWidthEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task EveryPage_OnAPhoneAndALaptop_DoesNotScrollSideways()
    {
        var app = StartApp(seedDemoPlan: true);
        await Page.RegisterAsync(app, "Ada Lovelace");
        var (planId, workspaceId) = await app.QueryDbAsync(db => db.Plans.Where(p => p.Name == DemoPlanSeeder.DemoPlanName)
            .Select(p => new ValueTuple<int, int>(p.Id, p.WorkspaceId)).SingleAsync());
        var pages = SitePages.SignedInPages(workspaceId, planId).Concat(SitePages.PlanPages.Select(p => $"/plans/{planId}{p}"))
            .Append(SitePages.PasswordPage).ToList();
        var tooWide = new List<string>();

        foreach (var (width, height) in new[] { (390, 844), (1366, 768) })
        {
            await Page.SetViewportSizeAsync(width, height);
            foreach (var path in pages)
            {
                if (path == SitePages.PasswordPage)
                {
                    await Page.GotoAsync(app.Url(path)); // no circuit on this page
                }
                else
                {
                    await Page.GotoInteractiveAsync(app.Url(path));
                }

                var scrollWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                if (scrollWidth > width)
                {
                    tooWide.Add($"{path} at {width} px: {scrollWidth} px wide");
                }
            }
        }

        tooWide.ShouldBeEmpty();
        ConsoleErrors.ShouldBeEmpty();
    }
}
