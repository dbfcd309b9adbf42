using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.ImportExport;

/// <summary>Printing (and Save as PDF) the roadmap and the whole plan: in print media at the printable width of A4 and
/// Letter landscape (page width less 10 mm margins at 96 px per inch), every board column is on the page and nothing
/// runs off its right edge.</summary>
public sealed class PrintEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    /// <summary>A4 landscape 297 × 210 mm and Letter landscape 11 × 8.5 in, less 2 × 10 mm, in CSS pixels.</summary>
    public static TheoryData<string, int, int> Papers => new()
    {
        { "A4", 1047, 718 },
        { "Letter", 980, 740 },
    };

    private const string RightmostEdge = """
        selector => Math.max(0, ...Array.from(document.querySelectorAll(selector)).map(e => e.getBoundingClientRect().right))
        """;

    [Theory]
    [MemberData(nameof(Papers))]
    public async Task RoadmapPage_PrintedLandscape_ShowsEveryPhaseColumnWithinThePage(string paper, int width, int height)
    {
        var (app, planId, phases) = await PlanWithManyPhasesAsync();
        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/roadmap"));
        await Expect(Page.ByTestId("print")).ToBeVisibleAsync();

        await Page.SetViewportSizeAsync(width, height);
        await Page.EmulateMediaAsync(new() { Media = Media.Print });

        await Expect(Page.ByTestId("print")).ToBeHiddenAsync();
        await Expect(Page.Locator(".mud-appbar")).ToBeHiddenAsync();
        var headers = Page.Locator("[data-testid='board'] .board-header");
        (await headers.CountAsync()).ShouldBe(phases + 1, "Unscheduled and every phase");
        var right = await Page.EvaluateAsync<double>(RightmostEdge, "[data-testid='board'] > *");
        right.ShouldBeLessThanOrEqualTo(width + 0.5, $"{paper}: a board column reaches past the page");
        (await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width, paper);
        await Screenshots.TakeAsync(Page, $"roadmap-print-{paper.ToLowerInvariant()}");
        ConsoleErrors.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Papers))]
    public async Task PlanPrintPage_PrintedLandscape_HasNoHorizontalOverflow(string paper, int width, int height)
    {
        var (app, planId, phases) = await PlanWithManyPhasesAsync();
        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/print"));

        await Page.SetViewportSizeAsync(width, height);
        await Page.EmulateMediaAsync(new() { Media = Media.Print });

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = DemoPlanSeeder.DemoPlanName, Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.ByTestId("print")).ToBeHiddenAsync();
        (await Page.ByTestId("print-phase").CountAsync()).ShouldBe(phases + 1);
        (await Page.EvaluateAsync<double>(RightmostEdge, ".plan-print *")).ShouldBeLessThanOrEqualTo(width + 0.5, paper);
        (await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width, paper);
        await Expect(Page.ByTestId("print-backlog")).ToContainTextAsync("Tool catalogue with search");
        await Screenshots.TakeAsync(Page, $"plan-print-{paper.ToLowerInvariant()}");
        ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task PlanPrintPage_OnAPhone_ReadsWithoutSidewaysScrollOpensThePrintDialogAndSavesAsPdf()
    {
        var (app, planId, _) = await PlanWithManyPhasesAsync();
        await Page.SetViewportSizeAsync(390, 844);
        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/print"));

        await Expect(Page.ByTestId("print")).ToBeVisibleAsync();
        (await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await Screenshots.TakeAsync(Page, "plan-print-phone");
        await Page.EvaluateAsync("() => { window.__printed = 0; window.print = () => window.__printed++; }");
        await Page.ByTestId("print").ClickAsync();
        (await Page.EvaluateAsync<int>("() => window.__printed")).ShouldBe(1, "the button opens the print dialog");

        var pdf = await Page.PdfAsync(new() { Landscape = true, Format = "A4", PrintBackground = true });
        pdf.Take(5).ShouldBe("%PDF-"u8.ToArray());
        ConsoleErrors.ShouldBeEmpty();
    }

    /// <summary>The demo plan with six more phases, each holding a feature whose title has no place to break, so a
    /// board that only fits by scrolling would show it.</summary>
    private async Task<(PlannerAppServer App, int PlanId, int Phases)> PlanWithManyPhasesAsync()
    {
        var app = StartApp(seedDemoPlan: true);
        await Page.RegisterAsync(app, "Ada Lovelace");
        var planId = await app.QueryDbAsync(db => db.Plans.Where(p => p.Name == DemoPlanSeeder.DemoPlanName).Select(p => p.Id).SingleAsync());
        var phases = await app.QueryDbAsync(async db =>
        {
            var order = await db.RoadmapPhases.Where(p => p.PlanId == planId).MaxAsync(p => p.Order);
            var laneId = await db.Lanes.Where(l => l.PlanId == planId).OrderBy(l => l.Order).Select(l => (int?)l.Id).FirstOrDefaultAsync();
            var now = DateTime.UtcNow;
            for (var i = 1; i <= 6; i++)
            {
                var phase = new RoadmapPhase
                {
                    PlanId = planId, Name = $"Expansion wave {i} with a long name", Order = order + i, CreatedAt = now, UpdatedAt = now,
                    StartDate = new DateOnly(2027, i, 1), EndDate = new DateOnly(2027, i, 28),
                };
                db.RoadmapPhases.Add(phase);
                db.Features.Add(new Feature
                {
                    PlanId = planId, Phase = phase, LaneId = laneId, Rank = 0, Moscow = Moscow.Should, CreatedAt = now, UpdatedAt = now,
                    Title = $"Internationalisation{new string('x', 60)}{i} of the lending flow",
                });
            }

            await db.SaveChangesAsync();
            return await db.RoadmapPhases.CountAsync(p => p.PlanId == planId);
        });
        return (app, planId, phases);
    }
}
