using Bunit;
using MudBlazor;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Web.Features.Gates;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Gates;

/// <summary>Correcting a recorded decision on the decisions page: the call, reasons and evidence change; the phase and
/// the gate as recorded are shown, not offered.</summary>
public class DecisionsPageTests : PlannerTestContext
{
    private int _planId;

    [Fact]
    public async Task EditDecision_NewReasonsSaved_PhaseShownAsRecordedNotChoosable()
    {
        await SetUpAsync();
        var dialogs = RenderDialogs();
        var page = Render<DecisionsPage>(p => p.Add(x => x.PlanId, _planId));

        page.WaitForElement("[data-testid=edit-decision]").Click();
        dialogs.WaitForElement("[data-testid=decision-phase-recorded]").TextContent.ShouldContain("MVP");
        dialogs.FindAll("[data-testid=decision-phase]").ShouldBeEmpty();
        dialogs.Find("textarea[data-testid=decision-reasons]").Input("Loans doubled; <b>lenders</b> stayed.");
        dialogs.Find("[data-testid=form-submit]").Click();

        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=form-submit]").ShouldBeEmpty());
        page.WaitForAssertion(() => page.Find("[data-testid=decision-reasons-text]").TextContent.ShouldBe("Loans doubled; <b>lenders</b> stayed."));
        (await Get<DecisionService>().ListAsync(_planId)).ShouldHaveSingleItem().PhaseName.ShouldBe("MVP");
    }

    [Fact]
    public async Task Viewer_SeesTheLogButNoEditOrDelete()
    {
        await SetUpAsync();
        await ActAsMemberAsync("Vera Viewer", WorkspaceRole.Viewer);

        var page = Render<DecisionsPage>(p => p.Add(x => x.PlanId, _planId));

        page.WaitForElement("[data-testid=decision]");
        page.FindAll("[data-testid=edit-decision]").ShouldBeEmpty();
        page.FindAll("[data-testid=record-decision]").ShouldBeEmpty();
    }

    private async Task SetUpAsync()
    {
        _planId = await CreatePlanAsync("Tool library");
        var mvpId = (await Get<RoadmapService>().GetBoardAsync(_planId)).Phases[0].Id;
        var recorded = await Get<DecisionService>().RecordAsync(_planId, new DecisionInput
        {
            PhaseId = mvpId, DecidedOn = new DateTime(2026, 5, 4), Reasons = "Loans doubled.", DecidedBy = "Olivia",
        });
        recorded.Succeeded.ShouldBeTrue(recorded.Message);
    }
}
