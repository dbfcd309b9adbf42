using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using MvpPlanner.Core.Personas;
using MvpPlanner.Web.Components.Shared;
using MvpPlanner.Web.Features.Personas;
using MvpPlanner.Web.Features.Plans;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Components;

/// <summary>Unsaved dialog input kept in the browser (drafts.js over localStorage, faked here by bUnit's JS interop):
/// kept while typing, offered back when the same dialog opens again, forgotten on save or cancel.</summary>
public class FormDialogDraftTests : PlannerTestContext
{
    private readonly BunitJSModuleInterop _drafts;
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    public FormDialogDraftTests()
    {
        _drafts = JSInterop.SetupModule("./drafts.js");
        _drafts.Setup<bool>("save", _ => true).SetResult(true);
        _drafts.SetupVoid("remove", _ => true).SetVoidResult();
    }

    [Fact]
    public async Task PersonaDialog_UserTypes_KeepsDraftUnderUserPlanAndKey()
    {
        var planId = await CreatePlanAsync();
        NoStoredDraft();
        await OpenNewPersonaDialogAsync(planId);

        _dialogs.Find("input[data-testid=persona-name]").Input("Maya");
        _dialogs.Find("textarea[data-testid=persona-goals]").Input("Book appointments fast");

        var key = $"mvpplanner-draft:{Owner.UserId}:{planId}:persona:new";
        await EventuallyAsync(() => Saved(key).Any(json => json.Contains("Book appointments fast", StringComparison.Ordinal)));
        var kept = JsonSerializer.Deserialize<PersonaInput>(Saved(key).Last())!;
        kept.Name.ShouldBe("Maya");
        kept.Goals.ShouldBe("Book appointments fast");
    }

    [Fact]
    public async Task PersonaDialog_ReopenedWithStoredDraft_OffersItAndRestoreFillsTheFields()
    {
        var planId = await CreatePlanAsync();
        StoredDraft(new PersonaInput { Name = "Maya", Goals = "Book appointments fast" }, "10:42");
        await OpenNewPersonaDialogAsync(planId);

        var banner = _dialogs.WaitForElement("[data-testid=draft-banner]");
        banner.TextContent.ShouldContain("You have unsaved changes from 10:42");
        _dialogs.Find("input[data-testid=persona-name]").GetAttribute("value").ShouldBeNullOrEmpty();

        _dialogs.Find("[data-testid=draft-restore]").Click();

        _dialogs.WaitForAssertion(() => _dialogs.Find("input[data-testid=persona-name]").GetAttribute("value").ShouldBe("Maya"));
        TextOf(_dialogs.Find("textarea[data-testid=persona-goals]")).ShouldBe("Book appointments fast");
        _dialogs.FindAll("[data-testid=draft-banner]").ShouldBeEmpty();

        _dialogs.Find("[data-testid=form-submit]").Click();

        _dialogs.WaitForAssertion(() => _dialogs.FindAll("[data-testid=form-submit]").ShouldBeEmpty());
        var saved = (await Get<PersonaService>().ListAsync(planId)).ShouldHaveSingleItem();
        saved.Goals.ShouldBe("Book appointments fast");
        Removed().ShouldContain($"mvpplanner-draft:{Owner.UserId}:{planId}:persona:new");
    }

    [Fact]
    public async Task PersonaDialog_DraftDiscarded_HidesBannerKeepsEmptyFormAndRemovesDraft()
    {
        var planId = await CreatePlanAsync();
        StoredDraft(new PersonaInput { Name = "Maya" }, "10:42");
        await OpenNewPersonaDialogAsync(planId);
        _dialogs.WaitForElement("[data-testid=draft-banner]");

        _dialogs.Find("[data-testid=draft-discard]").Click();

        _dialogs.WaitForAssertion(() => _dialogs.FindAll("[data-testid=draft-banner]").ShouldBeEmpty());
        _dialogs.Find("input[data-testid=persona-name]").GetAttribute("value").ShouldBeNullOrEmpty();
        Removed().ShouldContain($"mvpplanner-draft:{Owner.UserId}:{planId}:persona:new");
    }

    [Fact]
    public async Task PersonaDialog_DraftSameAsSavedPersona_ShowsNoBanner()
    {
        var planId = await CreatePlanAsync();
        (await Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = "Maya" })).Succeeded.ShouldBeTrue();
        var persona = (await Get<PersonaService>().ListAsync(planId)).Single();
        StoredDraft(persona.ToInput(), "10:42");
        var page = RenderPersonasPage(planId);

        page.WaitForElement("[data-testid=persona-edit]").Click();

        _dialogs.WaitForElement("input[data-testid=persona-name]");
        _drafts.Invocations["load"].ShouldNotBeEmpty();
        _dialogs.FindAll("[data-testid=draft-banner]").ShouldBeEmpty();
    }

    [Fact]
    public async Task PersonaDialog_SavedAfterTyping_RemovesDraft()
    {
        var planId = await CreatePlanAsync();
        NoStoredDraft();
        await OpenNewPersonaDialogAsync(planId);
        _dialogs.Find("input[data-testid=persona-name]").Input("Maya");

        _dialogs.Find("[data-testid=form-submit]").Click();

        _dialogs.WaitForAssertion(() => _dialogs.FindAll("[data-testid=form-submit]").ShouldBeEmpty());
        (await Get<PersonaService>().ListAsync(planId)).ShouldHaveSingleItem().Name.ShouldBe("Maya");
        Removed().ShouldContain($"mvpplanner-draft:{Owner.UserId}:{planId}:persona:new");
    }

    [Fact]
    public async Task PersonaDialog_Cancelled_RemovesDraft()
    {
        var planId = await CreatePlanAsync();
        NoStoredDraft();
        await OpenNewPersonaDialogAsync(planId);
        _dialogs.Find("input[data-testid=persona-name]").Input("Maya");

        _dialogs.Find("[data-testid=form-cancel]").Click();

        _dialogs.WaitForAssertion(() => _dialogs.FindAll("[data-testid=form-cancel]").ShouldBeEmpty());
        Removed().ShouldContain($"mvpplanner-draft:{Owner.UserId}:{planId}:persona:new");
        (await Get<PersonaService>().ListAsync(planId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PersonaDialog_BrowserStorageFails_DialogStillSaves()
    {
        var planId = await CreatePlanAsync();
        _drafts.Setup<FormDraft?>("load", _ => true).SetException(new JSException("localStorage is disabled"));
        _drafts.Setup<bool>("save", _ => true).SetException(new JSException("QuotaExceededError"));
        await OpenNewPersonaDialogAsync(planId);
        _dialogs.Find("input[data-testid=persona-name]").Input("Maya");

        _dialogs.Find("[data-testid=form-submit]").Click();

        _dialogs.WaitForAssertion(() => _dialogs.FindAll("[data-testid=form-submit]").ShouldBeEmpty());
        (await Get<PersonaService>().ListAsync(planId)).ShouldHaveSingleItem().Name.ShouldBe("Maya");
    }

    [Fact]
    public async Task PersonaDialog_RestoredDraftOfPersonaChangedSince_SaveShowsBothVersions()
    {
        var planId = await CreatePlanAsync();
        var id = (await Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = "Maya" })).Value;
        var typedBeforeTheDrop = (await Get<PersonaService>().ListAsync(planId)).Single().ToInput();
        typedBeforeTheDrop.Goals = "Book appointments fast";
        StoredDraft(typedBeforeTheDrop, "10:42");
        var renamed = (await Get<PersonaService>().ListAsync(planId)).Single().ToInput();
        renamed.Name = "Maya the manager";
        (await Get<PersonaService>().UpdateAsync(planId, id, renamed)).Succeeded.ShouldBeTrue();
        var page = RenderPersonasPage(planId);
        page.WaitForElement("[data-testid=persona-edit]").Click();

        _dialogs.WaitForElement("[data-testid=draft-restore]").Click();
        _dialogs.Find("[data-testid=form-submit]").Click();

        _dialogs.WaitForAssertion(() => _dialogs.Find("[data-testid=conflict-row][data-field=Name]").TextContent.ShouldContain("Maya the manager"));
        (await Get<PersonaService>().ListAsync(planId)).Single().Name.ShouldBe("Maya the manager");
    }

    [Fact]
    public async Task PlanDialog_NewPlanCreatedAndOpened_RemovesTheDraftKeptOnThePlansPage()
    {
        NoStoredDraft();
        Get<NavigationManager>().NavigateTo("/");
        _dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var page = Render<PlansPage>();
        page.WaitForElement("[data-testid=new-plan]").Click();
        _dialogs.WaitForElement("input[data-testid=plan-name]").Input("Clinic bookings");

        _dialogs.Find("[data-testid=form-submit]").Click();

        _dialogs.WaitForAssertion(() => _dialogs.FindAll("[data-testid=form-submit]").ShouldBeEmpty());
        // Saving opened the new plan; the draft is removed under the key it was kept with, on the plans page.
        Removed().ShouldBe([$"mvpplanner-draft:{Owner.UserId}:-:plan:new:{WorkspaceId}"]);
    }

    private static string TextOf(AngleSharp.Dom.IElement textarea) => textarea.GetAttribute("value") ?? textarea.TextContent;

    private void NoStoredDraft() => _drafts.Setup<FormDraft?>("load", _ => true).SetResult(null);

    private void StoredDraft(PersonaInput input, string savedAt) =>
        _drafts.Setup<FormDraft?>("load", _ => true).SetResult(new FormDraft(JsonSerializer.Serialize(input), savedAt));

    private List<string> Saved(string key) =>
        _drafts.Invocations["save"].Where(i => (string?)i.Arguments[0] == key).Select(i => (string)i.Arguments[1]!).ToList();

    private List<string> Removed() => _drafts.Invocations["remove"].Select(i => (string)i.Arguments[0]!).ToList();

    private IRenderedComponent<PersonasPage> RenderPersonasPage(int planId)
    {
        // The store scopes drafts by the plan in the address, as in the app.
        Get<NavigationManager>().NavigateTo($"/plans/{planId}/personas");
        _dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        return Render<PersonasPage>(p => p.Add(x => x.PlanId, planId));
    }

    private async Task OpenNewPersonaDialogAsync(int planId)
    {
        var page = RenderPersonasPage(planId);
        page.WaitForElement("[data-testid=add-persona]").Click();
        _dialogs.WaitForElement("input[data-testid=persona-name]");
        await EventuallyAsync(() => _drafts.Invocations["load"].Count > 0);
    }

    /// <summary>The draft is written after a short pause in typing, outside any render; poll for it.</summary>
    private static async Task EventuallyAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 100 && !condition(); attempt++)
        {
            await Task.Delay(100);
        }

        condition().ShouldBeTrue();
    }
}
