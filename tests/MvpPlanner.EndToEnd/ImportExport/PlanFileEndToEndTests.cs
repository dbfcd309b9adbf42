using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.ImportExport;

/// <summary>A team starts from a template, takes the plan out as plan.json and brings it back in as a new plan.</summary>
public sealed partial class PlanFileEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task StartFromTemplate_ExportPlanJson_ImportItAsANewPlan_ThenUndoTheImport()
    {
        var app = StartApp();
        await Page.RegisterAsync(app, "Ada Lovelace");

        await Page.ByTestId("start-plan").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Start a plan", Level = 1 })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(Page, "start-plan");
        await Page.ByTestId("template-card").Filter(new() { HasText = "concierge" }).GetByRole(AriaRole.Button).ClickAsync();

        await Page.WaitForURLAsync(PlanUrl());
        await Expect(Page.GetByText("Bookkeeping for small shops").First).ToBeVisibleAsync();
        var templatePlanId = await app.QueryDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());

        await Page.ByTestId("export-menu").GetByRole(AriaRole.Button).ClickAsync();
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Menuitem, new() { Name = "Whole plan (plan.json)" }).ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".json");
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-plan.json");
        await download.SaveAsAsync(file);

        await Page.GotoInteractiveAsync(app.Url("/plans/start"));
        await Page.GetByLabel("Plan name (optional)").FillAsync("Bookkeeping, second team");
        await Page.ChooseFileAsync("plan-file", file);
        await Expect(Page.ByTestId("plan-file-summary")).ToContainTextAsync("10 features");
        await Page.ByTestId("import-plan").ClickAsync();

        await Page.WaitForURLAsync(PlanUrl());
        await Expect(Page.GetByText("Bookkeeping, second team").First).ToBeVisibleAsync();
        var plans = await app.QueryDbAsync(db => db.Plans.Where(p => p.DeletedAt == null).Select(p => new { p.Id, Features = p.Features.Count }).ToListAsync());
        plans.Count.ShouldBe(2);
        plans.Select(p => p.Features).Distinct().ShouldHaveSingleItem().ShouldBe(10);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Expect(Page.GetByText("Removed the imported plan")).ToBeVisibleAsync();
        (await app.QueryDbAsync(db => db.Plans.Where(p => p.DeletedAt == null).Select(p => p.Id).ToListAsync())).ShouldBe([templatePlanId]);
        File.Delete(file);
        ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task ImportAFileThatIsNotAPlan_ShowsWhyAndCreatesNothing()
    {
        var app = StartApp();
        await Page.RegisterAsync(app, "Ada Lovelace");
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-plan.json");
        await File.WriteAllTextAsync(file, """{ "schemaVersion": 7, "plan": { "name": "From the future" } }""");

        await Page.GotoInteractiveAsync(app.Url("/plans/start"));
        await Page.ChooseFileAsync("plan-file", file);

        await Expect(Page.ByTestId("plan-file-errors")).ToContainTextAsync("newer version of MvpPlanner");
        await Expect(Page.ByTestId("import-plan")).ToHaveCountAsync(0);
        (await app.QueryDbAsync(db => db.Plans.CountAsync())).ShouldBe(0);
        File.Delete(file);
    }

    [GeneratedRegex(@"/plans/\d+$")]
    private static partial Regex PlanUrl();
}
