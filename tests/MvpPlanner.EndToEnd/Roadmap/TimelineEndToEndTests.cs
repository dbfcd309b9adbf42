using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.Roadmap;

/// <summary>The timeline in a real browser: a bar dragged with the mouse keeps its new dates, and the page never
/// scrolls sideways on a laptop or a phone.</summary>
public sealed class TimelineEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task Timeline_DragABar_NewDatesSavedAndPageFitsLaptopAndPhone()
    {
        var app = StartApp(seedDemoPlan: true);
        await Page.RegisterAsync(app, "Ada Lovelace");
        var planId = await app.QueryDbAsync(db => db.Plans.Where(p => p.Name == DemoPlanSeeder.DemoPlanName).Select(p => p.Id).SingleAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var catalogueId = await app.QueryDbAsync(db => DateTheDemoPlanAsync(db, planId, today));
        await Page.SetViewportSizeAsync(1366, 768);

        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/timeline"));

        var bar = Page.Locator($"[data-testid='timeline-bar'][data-id='{catalogueId}']");
        await Expect(bar).ToBeVisibleAsync();
        var start = DateOnly.Parse((await bar.GetAttributeAsync("data-start"))!, CultureInfo.InvariantCulture);
        var end = DateOnly.Parse((await bar.GetAttributeAsync("data-end"))!, CultureInfo.InvariantCulture);
        (await FitsTheWidthAsync()).ShouldBeTrue();
        await Screenshots.TakeAsync(Page, "timeline");

        // Month zoom draws 5 pixels a day: 50 pixels to the right is 10 days later.
        var box = (await bar.BoundingBoxAsync()).ShouldNotBeNull();
        var (x, y) = (box.X + 8, box.Y + (box.Height / 2));
        await Page.Mouse.MoveAsync(x, y);
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(x + 20, y, new() { Steps = 4 });
        await Page.Mouse.MoveAsync(x + 50, y, new() { Steps = 6 });
        await Page.Mouse.UpAsync();

        var moved = start.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Expect(bar).ToHaveAttributeAsync("data-start", moved);
        await Expect(Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0); // the drag did not also open the feature
        await Page.ReloadInteractiveAsync();
        await Expect(bar).ToHaveAttributeAsync("data-start", moved);
        await Expect(bar).ToHaveAttributeAsync("data-end", end.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var saved = await app.QueryDbAsync(db => db.Features.Where(f => f.Id == catalogueId).Select(f => new { f.StartDate, f.StartPrecision }).SingleAsync());
        (saved.StartDate, saved.StartPrecision).ShouldBe((start.AddDays(10), DatePrecision.Day));

        await Page.SetViewportSizeAsync(390, 844);
        await Expect(Page.ByTestId("timeline-list")).ToBeVisibleAsync();
        (await FitsTheWidthAsync()).ShouldBeTrue();
        await Screenshots.TakeAsync(Page, "timeline-phone");
        ConsoleErrors.ShouldBeEmpty();
    }

    private Task<bool> FitsTheWidthAsync() =>
        Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    /// <summary>Gives the demo plan's phases dates around today, one feature its own dates, two milestones and a
    /// dependency that is out of order; returns the id of the feature to drag.</summary>
    internal static async Task<int> DateTheDemoPlanAsync(Core.Data.PlannerDbContext db, int planId, DateOnly today)
    {
        var phases = await db.RoadmapPhases.Where(p => p.PlanId == planId).OrderBy(p => p.Order).ToListAsync();
        var from = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        foreach (var phase in phases)
        {
            phase.StartDate = from;
            phase.EndDate = from.AddMonths(2).AddDays(-1);
            from = from.AddMonths(2);
        }

        var features = await db.Features.Where(f => f.PlanId == planId && f.PhaseId != null).OrderBy(f => f.Id).Include(f => f.Dependencies).ToListAsync();
        var catalogue = features.First(f => f.Title.StartsWith("Tool catalogue", StringComparison.Ordinal));
        var other = features.First(f => f.Id != catalogue.Id && f.PhaseId == catalogue.PhaseId);
        other.StartDate = phases[0].StartDate!.Value.AddDays(20);
        other.TargetDate = phases[0].StartDate!.Value.AddDays(45);
        other.Dependencies.Add(catalogue);
        var lane = await db.Lanes.Where(l => l.PlanId == planId).OrderBy(l => l.Order).FirstAsync();
        db.Milestones.Add(new Milestone { PlanId = planId, Name = "Pilot starts", Date = phases[1].StartDate!.Value, Kind = MilestoneKind.PilotStart, LaneId = lane.Id });
        db.Milestones.Add(new Milestone { PlanId = planId, Name = "Public launch", Date = phases[3].StartDate!.Value, Kind = MilestoneKind.Launch });
        await db.SaveChangesAsync();
        return catalogue.Id;
    }
}
