using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.History;

/// <summary>No click loses work: a deleted persona comes back from the trash with its problems, and a board move is undone.</summary>
public sealed partial class UndoEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task DeletedPersonaWithProblems_RestoredFromTheTrash_IsBackWithItsProblemsLinked()
    {
        var app = StartApp();
        var planUrl = await NewPlanAsync(app);
        await Page.GotoInteractiveAsync($"{planUrl}/personas");
        await Page.ByTestId("add-persona").First.ClickAsync();
        await Page.ByTestId("persona-name").FillAsync("Weekend cyclist");
        await Page.ByTestId("form-submit").ClickAsync();
        await Expect(Page.ByTestId("persona-card").Filter(new() { HasText = "Weekend cyclist" })).ToBeVisibleAsync();
        await Page.ByTestId("add-problem").First.ClickAsync();
        await Page.ByTestId("problem-statement").FillAsync("A flat tyre ends the weekend ride");
        await Page.ByTestId("form-submit").ClickAsync();
        await Expect(Page.ByTestId("persona-problems")).ToContainTextAsync("A flat tyre ends the weekend ride");

        await Page.ByTestId("persona-delete").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete persona", Exact = true }).ClickAsync();
        await Expect(Page.ByTestId("persona-card")).ToHaveCountAsync(0);

        await Page.GotoInteractiveAsync($"{planUrl}/trash");
        await Expect(Page.ByTestId("trash-item-name")).ToHaveTextAsync("Weekend cyclist");
        await Page.ByTestId("trash-restore").ClickAsync();
        await Expect(Page.ByTestId("trash-empty")).ToBeVisibleAsync();

        await Page.GotoInteractiveAsync($"{planUrl}/personas");
        await Expect(Page.ByTestId("persona-card").Filter(new() { HasText = "Weekend cyclist" }).GetByTestId("persona-problems"))
            .ToContainTextAsync("A flat tyre ends the weekend ride");
        ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task CardDraggedIntoMvp_UndoInTheConfirmation_PutsItBackUnscheduled()
    {
        var app = StartApp();
        var planUrl = await NewPlanAsync(app);
        await Page.GotoInteractiveAsync($"{planUrl}/features");
        await Page.ByTestId("new-feature-empty").ClickAsync();
        await Page.ByTestId("feature-title").FillAsync("Book a repair slot");
        await Page.ByTestId("form-submit").ClickAsync();
        await Expect(Page.ByTestId("backlog-count")).ToContainTextAsync("1 of 1");
        var (featureId, mvpId, laneId) = await app.QueryDbAsync(async db => (
            await db.Features.Select(f => f.Id).SingleAsync(),
            await db.RoadmapPhases.Where(p => p.Name == "MVP").Select(p => p.Id).SingleAsync(),
            await db.Lanes.Where(l => l.Name == "Development").Select(l => l.Id).SingleAsync()));

        await Page.GotoInteractiveAsync($"{planUrl}/roadmap");
        var card = Page.ByTestId($"card-{featureId}");
        var mvpCell = Page.ByTestId($"cell-{mvpId}-{laneId}");
        await card.DragToAsync(mvpCell);
        await Expect(mvpCell.Locator(card)).ToBeVisibleAsync();
        await WaitUntilAsync(app, db => db.Features.AnyAsync(f => f.Id == featureId && f.PhaseId == mvpId));

        await Page.ByTestId("undo-button").Last.ClickAsync();

        await Expect(Page.ByTestId("cell-none-none").Locator(card)).ToBeVisibleAsync();
        await WaitUntilAsync(app, db => db.Features.AnyAsync(f => f.Id == featureId && f.PhaseId == null && f.LaneId == null));
        ConsoleErrors.ShouldBeEmpty();
    }

    private async Task<string> NewPlanAsync(PlannerAppServer app)
    {
        await Page.RegisterAsync(app, "Ada Lovelace");
        await Page.ByTestId("new-plan").ClickAsync();
        await Page.ByTestId("plan-name").FillAsync("Community bike repair");
        await Page.ByTestId("form-submit").ClickAsync();

        // The plan page is reached by the circuit's own navigation; a busy machine may be slow to fire "load".
        await Page.WaitForURLAsync(PlanUrl(), new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        await Page.WaitForInteractiveAsync();
        return Page.Url;
    }

    /// <summary>A save is made by the circuit after the screen changed; poll the database briefly.</summary>
    private static async Task WaitUntilAsync(PlannerAppServer app, Func<Core.Data.PlannerDbContext, Task<bool>> stored)
    {
        for (var attempt = 0; attempt < 50 && !await app.QueryDbAsync(stored); attempt++)
        {
            await Task.Delay(100);
        }

        (await app.QueryDbAsync(stored)).ShouldBeTrue();
    }

    [GeneratedRegex(@"/plans/\d+$")]
    private static partial Regex PlanUrl();
}
