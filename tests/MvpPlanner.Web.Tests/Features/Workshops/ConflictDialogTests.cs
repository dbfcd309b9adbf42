using Bunit;
using MudBlazor;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Personas;
using MvpPlanner.Web.Features.Personas;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Workshops;

public class ConflictDialogTests : PlannerTestContext
{
    [Fact]
    public async Task EditDialog_SomeoneElseSavedFirst_ShowsBothVersionsAndKeepMineSavesMine()
    {
        var planId = await CreatePlanAsync();
        var personaId = (await Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = "Maya", Goals = "Book fast" })).Value;
        var dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var page = Render<PersonasPage>(p => p.Add(x => x.PlanId, planId));
        page.WaitForAssertion(() => page.Find("[data-testid=persona-edit]"));
        page.Find("[data-testid=persona-edit]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("input[data-testid=persona-name]"));

        // Meanwhile a colleague renames the same persona.
        var me = CallerAccessor.Caller;
        await ActAsMemberAsync("Eddie Editor", WorkspaceRole.Editor);
        var theirs = (await Get<PersonaService>().ListAsync(planId)).Single().ToInput();
        theirs.Name = "Maya the manager";
        (await Get<PersonaService>().UpdateAsync(planId, personaId, theirs)).Succeeded.ShouldBeTrue();
        CallerAccessor.Caller = me;

        dialogs.Find("input[data-testid=persona-name]").Input("Maya, clinic lead");
        dialogs.Find("[data-testid=form-submit]").Click();

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=conflict]"));
        var row = dialogs.Find("[data-testid=conflict-row][data-field=Name]");
        row.TextContent.ShouldContain("Maya, clinic lead");
        row.TextContent.ShouldContain("Maya the manager");
        (await Get<PersonaService>().ListAsync(planId)).Single().Name.ShouldBe("Maya the manager");

        dialogs.Find("[data-testid=conflict-keep-mine]").Click();

        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=conflict]").ShouldBeEmpty());
        (await Get<PersonaService>().ListAsync(planId)).Single().Name.ShouldBe("Maya, clinic lead");
    }

    [Fact]
    public async Task EditDialog_UseTheirsForOneFieldThenSave_SavesWithoutConflictingAgain()
    {
        var planId = await CreatePlanAsync();
        var personaId = (await Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = "Maya", Goals = "Book fast" })).Value;
        var dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var page = Render<PersonasPage>(p => p.Add(x => x.PlanId, planId));
        page.WaitForAssertion(() => page.Find("[data-testid=persona-edit]"));
        page.Find("[data-testid=persona-edit]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("input[data-testid=persona-name]"));

        var me = CallerAccessor.Caller;
        await ActAsMemberAsync("Eddie Editor", WorkspaceRole.Editor);
        var theirs = (await Get<PersonaService>().ListAsync(planId)).Single().ToInput();
        theirs.Name = "Maya the manager";
        (await Get<PersonaService>().UpdateAsync(planId, personaId, theirs)).Succeeded.ShouldBeTrue();
        CallerAccessor.Caller = me;

        dialogs.Find("input[data-testid=persona-name]").Input("Maya, clinic lead");
        dialogs.Find("textarea[data-testid=persona-goals]").Input("Book in one tap");
        dialogs.Find("[data-testid=form-submit]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=conflict-row][data-field=Name]"));

        dialogs.Find("[data-testid=conflict-row][data-field=Name] button").Click();
        dialogs.Find("[data-testid=form-submit]").Click();

        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=form-submit]").ShouldBeEmpty());
        var saved = (await Get<PersonaService>().ListAsync(planId)).Single();
        saved.Name.ShouldBe("Maya the manager");
        saved.Goals.ShouldBe("Book in one tap");
    }
}
