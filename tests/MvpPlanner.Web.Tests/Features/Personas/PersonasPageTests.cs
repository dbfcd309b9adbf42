using Bunit;
using MudBlazor;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;
using MvpPlanner.Web.Features.Personas;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Personas;

public class PersonasPageTests : PlannerTestContext
{
    [Fact]
    public async Task PersonasPage_PlanWithPersonasAndProblems_ShowsEachPersonaWithItsProblems()
    {
        var planId = await CreatePlanAsync();
        var maya = await AddPersonaAsync(planId, "Maya", "Clinic managers");
        var omar = await AddPersonaAsync(planId, "Omar", "Receptionists");
        await AddProblemAsync(planId, "Bookings get lost between phone and calendar", maya);
        await AddProblemAsync(planId, "Weekly reports take hours", maya, omar);

        var page = RenderPage(planId);

        page.WaitForAssertion(() => page.FindAll("[data-testid=persona-card]").Count.ShouldBe(2));
        var mayaCard = PersonaCard(page, "Maya");
        mayaCard.TextContent.ShouldContain("Clinic managers");
        mayaCard.TextContent.ShouldContain("Bookings get lost between phone and calendar");
        mayaCard.TextContent.ShouldContain("Weekly reports take hours");
        PersonaCard(page, "Omar").TextContent.ShouldNotContain("Bookings get lost");

        var problems = page.FindAll("[data-testid=problem-card]");
        problems.Count.ShouldBe(2);
        var shared = problems.Single(c => c.TextContent.Contains("Weekly reports take hours", StringComparison.Ordinal));
        shared.QuerySelectorAll("[data-testid=problem-persona]").Select(c => c.TextContent.Trim()).ShouldBe(["Maya", "Omar"]);
        shared.TextContent.ShouldContain("No feature addresses this yet");
        page.FindAll("[data-testid=problem-no-persona]").ShouldBeEmpty();
    }

    [Fact]
    public async Task PersonasPage_ProblemWhosePersonaWasDeleted_FlagsItWithNoPersona()
    {
        var planId = await CreatePlanAsync();
        var maya = await AddPersonaAsync(planId, "Maya");
        var omar = await AddPersonaAsync(planId, "Omar");
        await AddProblemAsync(planId, "Bookings get lost", maya);
        await AddProblemAsync(planId, "Reports take hours", maya, omar);
        (await Get<PersonaService>().DeleteAsync(planId, maya)).Succeeded.ShouldBeTrue();

        var page = RenderPage(planId);

        page.WaitForAssertion(() => page.FindAll("[data-testid=problem-card]").Count.ShouldBe(2));
        var orphan = ProblemCard(page, "Bookings get lost");
        orphan.QuerySelector("[data-testid=problem-no-persona]").ShouldNotBeNull().TextContent.ShouldContain("No persona");
        orphan.TextContent.ShouldContain("assign a persona");
        ProblemCard(page, "Reports take hours").QuerySelector("[data-testid=problem-no-persona]").ShouldBeNull();
        page.Find("[data-testid=problems-orphaned]").TextContent.ShouldContain("1 problem has no persona");
    }

    [Fact]
    public async Task PersonasPage_PlanWithoutPersonas_ExplainsPersonasAndAsksForOneBeforeProblems()
    {
        var planId = await CreatePlanAsync();

        var page = RenderPage(planId);

        page.WaitForAssertion(() => page.Find("[data-testid=personas-empty]").TextContent.ShouldContain("A persona is who the MVP is for"));
        page.FindAll("[data-testid=add-persona]").Count.ShouldBe(1);
        page.Find("[data-testid=add-problem]").HasAttribute("disabled").ShouldBeTrue();
        page.Find("[data-testid=problems-need-persona]").TextContent.ShouldContain("Add a persona first");
    }

    [Fact]
    public async Task PersonasPage_AddPersonaWithEmptyName_ShowsFieldErrorAndCreatesNothing()
    {
        var planId = await CreatePlanAsync();
        var (dialogs, _) = RenderDialogAndSnackbarProviders();
        var page = RenderPage(planId);
        page.WaitForAssertion(() => page.Find("[data-testid=add-persona]"));

        page.Find("[data-testid=add-persona]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=form-submit]"));
        dialogs.Find("[data-testid=form-submit]").Click();

        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("Give the persona a name."));
        dialogs.Find("[data-testid=form-submit]").ShouldNotBeNull();
        (await Get<PersonaService>().ListAsync(planId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PersonasPage_AddPersonaWithName_CreatesItAndShowsItsCard()
    {
        var planId = await CreatePlanAsync();
        var (dialogs, _) = RenderDialogAndSnackbarProviders();
        var page = RenderPage(planId);
        page.WaitForAssertion(() => page.Find("[data-testid=add-persona]"));

        page.Find("[data-testid=add-persona]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("input[data-testid=persona-name]"));
        dialogs.Find("input[data-testid=persona-name]").Input("Maya");
        dialogs.Find("[data-testid=form-submit]").Click();

        page.WaitForAssertion(() => PersonaCard(page, "Maya"));
        (await Get<PersonaService>().ListAsync(planId)).Select(p => p.Name).ShouldBe(["Maya"]);
        page.Find("[data-testid=add-problem]").HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task PersonasPage_AddProblemWithOnlyOnePersona_SavesItForThatPersona()
    {
        var planId = await CreatePlanAsync();
        var maya = await AddPersonaAsync(planId, "Maya");
        var (dialogs, _) = RenderDialogAndSnackbarProviders();
        var page = RenderPage(planId);
        page.WaitForAssertion(() => page.Find("[data-testid=problems-empty]"));

        page.Find("[data-testid=add-problem]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("textarea[data-testid=problem-statement]"));
        dialogs.Find("textarea[data-testid=problem-statement]").Input("Bookings get lost");
        dialogs.Find("[data-testid=form-submit]").Click();

        page.WaitForAssertion(() => ProblemCard(page, "Bookings get lost").TextContent.ShouldContain("Maya"));
        var saved = (await Get<ProblemService>().ListAsync(planId)).ShouldHaveSingleItem();
        saved.Personas.Select(p => p.Id).ShouldBe([maya]);
        saved.Severity.ShouldBe(3);
    }

    [Fact]
    public async Task PersonasPage_AddProblemWithoutChoosingPersona_ShowsFieldErrorAndCreatesNothing()
    {
        var planId = await CreatePlanAsync();
        await AddPersonaAsync(planId, "Maya");
        await AddPersonaAsync(planId, "Omar");
        var (dialogs, _) = RenderDialogAndSnackbarProviders();
        var page = RenderPage(planId);
        page.WaitForAssertion(() => page.Find("[data-testid=problems-empty]"));

        page.Find("[data-testid=add-problem]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("textarea[data-testid=problem-statement]"));
        dialogs.Find("textarea[data-testid=problem-statement]").Input("Bookings get lost");
        dialogs.Find("[data-testid=form-submit]").Click();

        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("Choose at least one persona who has this problem."));
        dialogs.Find("textarea[data-testid=problem-statement]").GetAttribute("value").ShouldBe("Bookings get lost");
        (await Get<ProblemService>().ListAsync(planId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PersonasPage_FilterByPersona_ShowsOnlyItsProblemsUntilCleared()
    {
        var planId = await CreatePlanAsync();
        var maya = await AddPersonaAsync(planId, "Maya");
        var omar = await AddPersonaAsync(planId, "Omar");
        await AddProblemAsync(planId, "Bookings get lost", maya);
        await AddProblemAsync(planId, "Phones ring all day", omar);
        var page = RenderPage(planId);
        page.WaitForAssertion(() => page.FindAll("[data-testid=problem-card]").Count.ShouldBe(2));

        PersonaCard(page, "Omar").QuerySelector("[data-testid=persona-filter]")!.Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=problem-card]").Single().TextContent.ShouldContain("Phones ring all day"));
        page.Find("[data-testid=problem-filter]").TextContent.ShouldContain("Omar");

        page.Find("[data-testid=clear-filter]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=problem-card]").Count.ShouldBe(2));
        page.FindAll("[data-testid=problem-filter]").ShouldBeEmpty();
    }

    [Fact]
    public async Task PersonasPage_DeletePersona_ConfirmationNamesProblemsLeftWithoutPersona()
    {
        var planId = await CreatePlanAsync();
        var maya = await AddPersonaAsync(planId, "Maya");
        var omar = await AddPersonaAsync(planId, "Omar");
        await AddProblemAsync(planId, "Bookings get lost", maya);
        await AddProblemAsync(planId, "Reports take hours", maya, omar);
        var (dialogs, snackbars) = RenderDialogAndSnackbarProviders();
        var page = RenderPage(planId);
        page.WaitForAssertion(() => page.FindAll("[data-testid=persona-card]").Count.ShouldBe(2));

        PersonaCard(page, "Maya").QuerySelector("[data-testid=persona-delete]")!.Click();

        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("This problem will be left with no persona"));
        var message = dialogs.Find(".mud-dialog").TextContent;
        message.ShouldContain("Bookings get lost");
        message.ShouldNotContain("Reports take hours");
        message.ShouldContain("Its problems stay in the plan");

        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Delete persona", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=persona-card]").Count.ShouldBe(1));
        ProblemCard(page, "Bookings get lost").QuerySelector("[data-testid=problem-no-persona]").ShouldNotBeNull();
        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("1 problem now has no persona."));
    }

    [Fact]
    public void DeleteImpact_ProblemAddressedByFeatures_NamesTheFeaturesThatLoseTheLink()
    {
        var problem = new ProblemView(1, "Bookings get lost", 4, ProblemFrequency.Daily, "", 1,
            [new(1, "Maya")], [new(7, "Shared calendar"), new(8, "<b>SMS</b> reminders")]);

        var text = DeleteImpact.ForProblem(problem).Value;

        text.ShouldContain("These 2 features stay but will no longer point to it");
        text.ShouldContain("Shared calendar");
        text.ShouldContain("&lt;b&gt;SMS&lt;/b&gt; reminders");
    }

    private IRenderedComponent<PersonasPage> RenderPage(int planId) => Render<PersonasPage>(p => p.Add(x => x.PlanId, planId));

    /// <summary>Like <see cref="PlannerTestContext.RenderProviders"/>, but keeps the dialog and snackbar providers to look inside them.</summary>
    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<MudSnackbarProvider> Snackbars) RenderDialogAndSnackbarProviders()
    {
        Render<MudPopoverProvider>();
        return (Render<MudDialogProvider>(), Render<MudSnackbarProvider>());
    }

    private static AngleSharp.Dom.IElement PersonaCard(IRenderedComponent<PersonasPage> page, string name) =>
        page.FindAll("[data-testid=persona-card]").Single(c => c.QuerySelector("[data-testid=persona-card-name]")!.TextContent.Trim() == name);

    private static AngleSharp.Dom.IElement ProblemCard(IRenderedComponent<PersonasPage> page, string statement) =>
        page.FindAll("[data-testid=problem-card]").Single(c => c.TextContent.Contains(statement, StringComparison.Ordinal));

    [Fact]
    public async Task PersonasPage_Viewer_SeesPersonasAndProblemsWithoutEditingControls()
    {
        var planId = await CreatePlanAsync();
        var personaId = await AddPersonaAsync(planId, "Nadia the nurse");
        await AddProblemAsync(planId, "Double bookings", personaId);
        await ActAsMemberAsync("Vic Viewer", MvpPlanner.Core.Accounts.WorkspaceRole.Viewer);

        var page = RenderPage(planId);

        page.WaitForAssertion(() => page.FindAll("[data-testid=persona-card]").Count.ShouldBe(1));
        page.FindAll("[data-testid=problem-card]").Count.ShouldBe(1);
        page.FindAll("[data-testid=add-persona], [data-testid=add-problem], [data-testid=persona-edit], [data-testid=persona-delete], [data-testid=problem-edit], [data-testid=problem-delete]").ShouldBeEmpty();
    }

    private async Task<int> AddPersonaAsync(int planId, string name, string userGroup = "")
    {
        var result = await Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = name, UserGroup = userGroup });
        result.Succeeded.ShouldBeTrue();
        return result.Value;
    }

    private async Task AddProblemAsync(int planId, string statement, params int[] personaIds)
    {
        var result = await Get<ProblemService>().CreateAsync(planId, new ProblemInput { Statement = statement, PersonaIds = personaIds });
        result.Succeeded.ShouldBeTrue();
    }
}
