using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Web.Features.Backlog;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Backlog;

public class BacklogPageTests : PlannerTestContext
{
    private int _planId;

    [Fact]
    public async Task BacklogPage_WithFeatures_ShowsOneRowPerFeatureWithItsRiceScore()
    {
        await CreateFieldAppAsync();
        await AddFeatureAsync("Offline mode", reach: 100, impact: 2, confidence: 80, effort: 4);
        await AddFeatureAsync("Dark theme");

        var page = RenderPage();

        page.FindAll("[data-testid=feature-row]").Count.ShouldBe(2);
        RiceOf(page, "Offline mode").ShouldBe("40");
        RiceOf(page, "Dark theme").ShouldBe("–");
        page.Find("[data-testid=backlog-count]").TextContent.ShouldBe("2 of 2 features");
    }

    [Fact]
    public async Task BacklogPage_SortByRiceHeader_OrdersFeaturesByScore()
    {
        await CreateFieldAppAsync();
        await AddFeatureAsync("Middle", reach: 100, impact: 1, confidence: 100, effort: 1);
        await AddFeatureAsync("Lowest", reach: 10, impact: 1, confidence: 100, effort: 1);
        await AddFeatureAsync("Highest", reach: 1000, impact: 1, confidence: 100, effort: 1);
        var page = RenderPage();

        await page.FindAll("th").Single(h => h.QuerySelector(".sortable-column-header")?.TextContent == "RICE")
            .QuerySelector("button[aria-label=Sort]")!.ClickAsync(new());

        page.WaitForAssertion(() => Titles(page).ShouldBe(["Lowest", "Middle", "Highest"]));
    }

    [Fact]
    public async Task BacklogPage_SearchText_ShowsOnlyMatchingFeatures()
    {
        await CreateFieldAppAsync();
        await AddFeatureAsync("Offline mode", owner: "Alice");
        await AddFeatureAsync("Dark theme", owner: "Bob");
        await AddFeatureAsync("Export to CSV", owner: "Alice");
        var page = RenderPage();

        page.Find("input[data-testid=backlog-search]").Input("alice");

        page.WaitForAssertion(() => Titles(page).ShouldBe(["Offline mode", "Export to CSV"], ignoreOrder: true));
        page.Find("[data-testid=backlog-count]").TextContent.ShouldBe("2 of 3 features");
    }

    [Fact]
    public async Task BacklogPage_FilterByMoscow_ShowsOnlyThatCategoryUntilCleared()
    {
        await CreateFieldAppAsync();
        await AddFeatureAsync("Sign-in", moscow: Moscow.Must);
        await AddFeatureAsync("Dark theme", moscow: Moscow.Could);
        var popovers = RenderProviders();
        var page = RenderPage();

        await ChooseAsync(page, popovers, "filter-moscow", "Must have");

        page.WaitForAssertion(() => Titles(page).ShouldBe(["Sign-in"]));
        page.Find("[data-testid=clear-filters]").Click();
        page.WaitForAssertion(() => Titles(page).Count.ShouldBe(2));
    }

    [Fact]
    public async Task BacklogPage_FilterByUnscheduledPhase_ShowsOnlyFeaturesWithoutPhase()
    {
        await CreateFieldAppAsync();
        var board = await Get<RoadmapService>().GetBoardAsync(_planId);
        await AddFeatureAsync("Sign-in", phaseId: board.Phases[0].Id);
        await AddFeatureAsync("Dark theme");
        var popovers = RenderProviders();
        var page = RenderPage();

        await ChooseAsync(page, popovers, "filter-phase", "Unscheduled");

        page.WaitForAssertion(() => Titles(page).ShouldBe(["Dark theme"]));
    }

    [Fact]
    public async Task BacklogPage_NoFeatures_ExplainsFeaturesAndSuggestsProblemsFirst()
    {
        await CreateFieldAppAsync();

        var page = RenderPage();

        page.Find("[data-testid=backlog-empty]").TextContent.ShouldContain("solve one of your personas' problems");
        page.Find("[data-testid=backlog-no-problems] a").GetAttribute("href").ShouldBe($"/plans/{_planId}/personas");
        page.FindAll("[data-testid=new-feature-empty]").ShouldHaveSingleItem();
        page.FindAll("[data-testid=backlog-grid]").ShouldBeEmpty();
    }

    [Fact]
    public async Task BacklogPage_NoFeaturesButProblems_DoesNotAskForProblems()
    {
        await CreateFieldAppAsync();
        await AddProblemAsync("Field staff lose work when the network drops");

        var page = RenderPage();

        page.FindAll("[data-testid=backlog-empty]").ShouldHaveSingleItem();
        page.FindAll("[data-testid=backlog-no-problems]").ShouldBeEmpty();
    }

    [Fact]
    public async Task BacklogPage_FeatureLinkedToProblem_ShowsTheProblemUnderItsTitle()
    {
        await CreateFieldAppAsync();
        var problemId = await AddProblemAsync("Field staff lose work when the network drops");
        await AddFeatureAsync("Offline mode", problemIds: [problemId]);

        var page = RenderPage();

        page.Find("[data-testid=feature-row]").TextContent.ShouldContain("Solves: Field staff lose work when the network drops");
    }

    [Fact]
    public async Task BacklogPage_EditReachInCell_SavesAndUpdatesRiceScore()
    {
        await CreateFieldAppAsync();
        var id = await AddFeatureAsync("Offline mode", reach: 100, impact: 2, confidence: 80, effort: 4);
        var page = RenderPage();

        await EditCellAsync(page, "cell-reach", "200");

        page.WaitForAssertion(() => RiceOf(page, "Offline mode").ShouldBe("80"));
        // The score shows at once; the save finishes a moment later.
        page.WaitForAssertion(() => StoredAsync(id).GetAwaiter().GetResult().Reach.ShouldBe(200));

        // The row carries the new version, so a second edit in the same session is not taken for someone else's.
        await EditCellAsync(page, "cell-confidence", "50");
        page.WaitForAssertion(() => RiceOf(page, "Offline mode").ShouldBe("50"));
        page.WaitForAssertion(() => StoredAsync(id).GetAwaiter().GetResult().Confidence.ShouldBe(50));

        // Each edit is confirmed with its Undo; none was refused.
        Get<ISnackbar>().ShownSnackbars.Select(s => s.Severity).ShouldBe([Severity.Success, Severity.Success]);
    }

    [Fact]
    public async Task BacklogPage_EditAfterSomeoneElseSaved_ShowsConflictAndTheirValues()
    {
        await CreateFieldAppAsync();
        var id = await AddFeatureAsync("Offline mode", reach: 100, impact: 2, confidence: 80, effort: 4);
        var page = RenderPage();
        await page.WaitForElement("button[data-testid=cell-reach]").ClickAsync(new());
        var editor = page.WaitForElement("input[data-testid=cell-reach]");

        // Their save lands while the editor is open, written straight to the database so no announcement patches the row first.
        await using (var db = await Get<IDbContextFactory<PlannerDbContext>>().CreateDbContextAsync())
        {
            await db.Features.Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Reach, 300).SetProperty(f => f.Version, f => f.Version + 1));
        }

        editor.Change("200");

        page.WaitForAssertion(() => Get<ISnackbar>().ShownSnackbars.ShouldContain(s => s.Message != null && s.Message.Contains("changed by someone else")));
        page.WaitForAssertion(() => RiceOf(page, "Offline mode").ShouldBe("120"));
        page.Find("input[data-testid=cell-reach]").GetAttribute("value").ShouldBe("300");
        (await StoredAsync(id)).Reach.ShouldBe(300);
    }

    [Fact]
    public async Task BacklogPage_InvalidValueInCell_ShowsTheRuleMessageBesideTheCellKeepsTheTypedValueAndTheStoredOne()
    {
        await CreateFieldAppAsync();
        var id = await AddFeatureAsync("Offline mode", reach: 100, impact: 2, confidence: 80, effort: 4);
        var page = RenderPage();

        await EditCellAsync(page, "cell-effort", "0");

        page.WaitForAssertion(() => page.Find("input[data-testid=cell-effort]").Closest(".mud-input-control")!.TextContent
            .ShouldContain("Effort is in person-weeks and must be more than 0."));
        page.Find("input[data-testid=cell-effort]").GetAttribute("value").ShouldBe("0");
        RiceOf(page, "Offline mode").ShouldBe("40");
        (await StoredAsync(id)).Effort.ShouldBe(4);
        Get<ISnackbar>().ShownSnackbars.ShouldBeEmpty();
    }

    [Fact]
    public async Task BacklogPage_ChooseMoscowFromChip_SavesTheNewCategory()
    {
        await CreateFieldAppAsync();
        var id = await AddFeatureAsync("Offline mode", moscow: Moscow.Could);
        var popovers = RenderProviders();
        var page = RenderPage();

        await page.WaitForElement("button[data-testid=moscow-chip]").ClickAsync(new());
        popovers.WaitForAssertion(() => popovers.FindAll("[data-testid=moscow-option]").Count.ShouldBe(5));
        await popovers.FindAll("[data-testid=moscow-option]").First(e => e.TextContent.Trim() == "Must have").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=moscow-chip]").TextContent.ShouldBe("Must have"));
        page.WaitForAssertion(() => StoredAsync(id).GetAwaiter().GetResult().Moscow.ShouldBe(Moscow.Must));
    }

    [Fact]
    public async Task BacklogPage_NewFeature_AddsARowToTheGrid()
    {
        await CreateFieldAppAsync();
        await AddFeatureAsync("Offline mode");
        var dialogs = RenderProvidersWithDialogs();
        var page = RenderPage();

        page.Find("[data-testid=new-feature]").Click();
        dialogs.WaitForElement("input[data-testid=feature-title]").Change("Export to CSV");
        dialogs.Find("[data-testid=form-submit]").Click();

        page.WaitForAssertion(() => Titles(page).ShouldBe(["Offline mode", "Export to CSV"], ignoreOrder: true));
    }

    [Fact]
    public async Task BacklogPage_DeleteConfirmed_RemovesTheNamedFeature()
    {
        await CreateFieldAppAsync();
        await AddFeatureAsync("Offline mode");
        await AddFeatureAsync("Dark theme");
        var dialogs = RenderProvidersWithDialogs();
        var page = RenderPage();

        page.FindAll("tr.mud-table-row").Single(r => r.TextContent.Contains("Dark theme"))
            .QuerySelector("[data-testid=delete-feature]")!.Click();
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("\"Dark theme\" will be removed"));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Titles(page).ShouldBe(["Offline mode"]));
        (await Get<FeatureService>().ListAsync(_planId)).Select(f => f.Title).ShouldBe(["Offline mode"]);
    }

    /// <summary>Like <see cref="PlannerTestContext.RenderProviders"/>, but hands back the dialog provider to read dialogs from.</summary>
    private IRenderedComponent<MudDialogProvider> RenderProvidersWithDialogs()
    {
        var dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        Render<MudPopoverProvider>();
        return dialogs;
    }

    [Fact]
    public async Task BacklogPage_Viewer_SeesFeaturesButNoEditingControls()
    {
        await CreateFieldAppAsync();
        await AddFeatureAsync("Offline mode", reach: 100, impact: 2, confidence: 80, effort: 4);
        await ActAsMemberAsync("Vic Viewer", MvpPlanner.Core.Accounts.WorkspaceRole.Viewer);

        var page = RenderPage();

        page.FindAll("[data-testid=feature-row]").Count.ShouldBe(1);
        RiceOf(page, "Offline mode").ShouldBe("40");
        page.FindAll("[data-testid=new-feature]").ShouldBeEmpty();
        page.FindAll("[data-testid=edit-feature]").ShouldBeEmpty();
        page.FindAll("[data-testid=delete-feature]").ShouldBeEmpty();
        page.FindAll("[data-testid=cell-reach]").ShouldBeEmpty();
    }

    [Fact]
    public async Task BacklogPage_PriorityCell_IsAButtonNamedForTheFeatureThatOpensOnlyItsEditor()
    {
        await CreateFieldAppAsync();
        await AddFeatureAsync("Offline mode", reach: 100);
        await AddFeatureAsync("Dark theme");
        var page = RenderPage();

        var status = page.WaitForElement("button[data-testid=cell-status][aria-label^='Status of Offline mode']");
        status.GetAttribute("aria-label").ShouldBe("Status of Offline mode: Idea, edit");
        page.FindAll("button[data-testid=cell-reach]").Select(b => b.GetAttribute("aria-label"))
            .ShouldBe(["Reach of Offline mode: 100, edit", "Reach of Dark theme: not set, edit"], ignoreOrder: true);
        page.FindAll("input").Where(i => i.GetAttribute("data-testid")?.StartsWith("cell-", StringComparison.Ordinal) == true).ShouldBeEmpty();

        await page.FindAll("button[data-testid=cell-reach]").First(b => b.GetAttribute("aria-label")!.Contains("Dark theme")).KeyDownAsync(new KeyboardEventArgs { Key = "F2" });

        page.WaitForAssertion(() => page.FindAll("input[data-testid=cell-reach]").ShouldHaveSingleItem().GetAttribute("aria-label").ShouldBe("Reach of Dark theme"));
        page.FindAll("button[data-testid=cell-reach]").ShouldHaveSingleItem();
    }

    private static async Task EditCellAsync(IRenderedComponent<BacklogPage> page, string testId, string value)
    {
        await page.WaitForElement($"button[data-testid={testId}]").ClickAsync(new());
        page.WaitForElement($"input[data-testid={testId}]").Change(value);
    }

    private IRenderedComponent<BacklogPage> RenderPage() =>
        Render<BacklogPage>(p => p.Add(x => x.PlanId, _planId));

    private static List<string> Titles(IRenderedComponent<BacklogPage> page) =>
        page.FindAll("[data-testid=feature-row-title]").Select(e => e.TextContent).ToList();

    private static string RiceOf(IRenderedComponent<BacklogPage> page, string title) =>
        page.FindAll("tr.mud-table-row")
            .Single(r => r.QuerySelector("[data-testid=feature-row-title]")?.TextContent == title)
            .QuerySelector("[data-testid=rice-cell]")!.TextContent;

    private static async Task ChooseAsync(IRenderedComponent<BacklogPage> page, IRenderedComponent<MudPopoverProvider> popovers, string testId, string option)
    {
        await page.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.MouseDownAsync(new());
        popovers.WaitForAssertion(() => popovers.FindAll(".mud-popover-open .mud-list-item").ShouldContain(e => e.TextContent.Trim() == option));
        await popovers.FindAll(".mud-popover-open .mud-list-item").First(e => e.TextContent.Trim() == option).ClickAsync(new());
    }

    private async Task CreateFieldAppAsync() => _planId = await CreatePlanAsync("Field app");

    private async Task<int> AddProblemAsync(string statement)
    {
        var persona = await Get<PersonaService>().CreateAsync(_planId, new PersonaInput { Name = "Field technician" });
        var problem = await Get<ProblemService>().CreateAsync(_planId, new ProblemInput { Statement = statement, PersonaIds = [persona.Value] });
        return problem.Value;
    }

    private async Task<int> AddFeatureAsync(
        string title, int? reach = null, double? impact = null, int? confidence = null, double? effort = null,
        Moscow moscow = Moscow.Unset, string owner = "", int? phaseId = null, IReadOnlyCollection<int>? problemIds = null)
    {
        var result = await Get<FeatureService>().CreateAsync(_planId, new FeatureInput
        {
            Title = title, Owner = owner, Moscow = moscow, PhaseId = phaseId, ProblemIds = problemIds ?? [],
            Reach = reach, Impact = impact, Confidence = confidence, Effort = effort,
        });
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Value;
    }

    private async Task<FeatureRow> StoredAsync(int id) =>
        (await Get<FeatureService>().ListAsync(_planId)).Single(f => f.Id == id);
}
