using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Workshops;
using MvpPlanner.Web.Features.Personas;
using MvpPlanner.Web.Features.Plans;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Plans;

/// <summary>Presence says what someone is editing, and an edit dialog says who else has the same item open.</summary>
public class PresenceEditingTests : PlannerTestContext
{
    [Fact]
    public async Task EditDialog_SomeoneElseEditsTheSamePersona_DialogSaysSoAndPresenceShowsWhatIAmEditing()
    {
        var planId = await CreatePlanAsync();
        var personaId = (await Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = "Bo the borrower" })).Value;
        var tracker = Services.GetRequiredService<PresenceTracker>();
        tracker.Enter(planId, "mine", Owner.UserId, Owner.DisplayName, "Personas & problems");
        Services.GetRequiredService<PresenceHere>().Joined(planId, "mine");
        tracker.Enter(planId, "theirs", "ana", "Ana Analyst", "Personas & problems");
        tracker.SetEditing(planId, "theirs", "Edit persona", $"persona:{personaId}");
        var dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var page = Render<PersonasPage>(p => p.Add(x => x.PlanId, planId));

        page.WaitForElement("[data-testid=persona-edit]").Click();

        dialogs.WaitForElement("[data-testid=also-editing]").TextContent.ShouldContain("Ana Analyst is editing this too.");
        tracker.InPlan(planId).Single(p => p.ConnectionId == "mine").EditingKey.ShouldBe($"persona:{personaId}");

        dialogs.Find("[data-testid=form-cancel]").Click();

        dialogs.WaitForAssertion(() => tracker.InPlan(planId).Single(p => p.ConnectionId == "mine").Editing.ShouldBeNull());
    }
}
