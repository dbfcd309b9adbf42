using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.Gates;

/// <summary>A phase gate in a real browser: met once the outcome's measurement is recorded, then the go decision logged.</summary>
public sealed class GatesEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task OutcomeGate_MetAfterRecordingAMeasurement_ThenTheGoDecisionIsInTheLog()
    {
        var app = StartApp(seedDemoPlan: true);
        await Page.RegisterAsync(app, "Ada Lovelace");
        // The outcome's numbers and the condition are written straight in: the outcome editing is another page's job.
        var (planId, mvpId, outcomeId) = await app.QueryDbAsync(async db =>
        {
            var plan = await db.Plans.Where(p => p.Name == DemoPlanSeeder.DemoPlanName).Select(p => p.Id).SingleAsync();
            var mvp = await db.RoadmapPhases.Where(p => p.PlanId == plan).OrderBy(p => p.Order).Select(p => p.Id).FirstAsync();
            var outcome = await db.TargetOutcomes.Where(o => o.PlanId == plan).OrderBy(o => o.Order).FirstAsync();
            outcome.BaselineValue = 10;
            outcome.TargetValue = 60;
            db.GateConditions.Add(new GateCondition { PlanId = plan, PhaseId = mvp, Kind = GateConditionKind.OutcomeReaches, OutcomeId = outcome.Id, Threshold = 40 });
            await db.SaveChangesAsync();
            return (plan, mvp, outcome.Id);
        });
        await Page.SetViewportSizeAsync(1366, 768);
        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/roadmap"));

        var chip = Page.Locator($"[data-testid='phase-{mvpId}'] [data-testid='gate-chip']");
        await Expect(chip).ToHaveTextAsync("Gate: 0 of 1");

        // The weekly review: the new reading is recorded on the outcomes page, and the board's gate follows it.
        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/outcomes"));
        var card = Page.Locator($"[data-testid='outcome-card'][data-outcome-id='{outcomeId}']");
        await card.GetByTestId("record-outcome-measurement").ClickAsync();
        await Page.ByTestId("measurement-value").FillAsync("45");
        await Page.ByTestId("form-submit").ClickAsync();
        await Expect(card.GetByTestId("outcome-measurement-row")).ToHaveCountAsync(1);
        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/roadmap"));
        await Expect(chip).ToHaveTextAsync("Gate met");
        await chip.FocusAsync();
        await Expect(Page.Locator(".gate-tooltip")).ToContainTextAsync("Met");
        await Screenshots.TakeAsync(Page, "gate-met-board");

        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/decisions"));
        await Expect(Page.Locator("[data-testid='decisions-empty']")).ToBeVisibleAsync();
        await Page.Locator("[data-testid='record-decision']").ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.Locator("[data-testid='decision-gate']")).ToContainTextAsync("Gate met");
        await dialog.GetByLabel("Reasons").FillAsync("Loans reached 45 a month in the MVP; the pilot can start.");
        await dialog.GetByLabel("Decided by").FillAsync("Ada, Grace");
        await dialog.Locator("[data-testid='form-submit']").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        var decision = Page.Locator("[data-testid='decision']");
        await Expect(decision).ToHaveCountAsync(1);
        await Expect(decision.Locator("[data-testid='decision-kind-chip']")).ToHaveTextAsync("Go / persevere");
        await Expect(decision).ToContainTextAsync("after MVP");
        await Expect(decision).ToContainTextAsync("Gate when decided: Gate met");
        await Expect(decision).ToContainTextAsync("Loans reached 45 a month");
        await Screenshots.TakeAsync(Page, "decision-log");
        ConsoleErrors.ShouldBeEmpty();
    }
}
