using Bunit;
using MudBlazor;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Operations;
using MvpPlanner.Web.Components.Shared;
using MvpPlanner.Web.Features.Operations;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.History;

public class UndoSnackbarTests : PlannerTestContext
{
    private int _planId;

    [Fact]
    public async Task UndoSnackbar_AfterEditingATool_ClickingUndoPutsTheOldValuesBack()
    {
        _planId = await CreatePlanAsync("Tool library");
        var toolId = await AddToolAsync("Stripe", 12);
        var dialogs = Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        Render<MudPopoverProvider>();
        var page = Render<ToolsKpisPage>(p => p.Add(x => x.PlanId, _planId));

        page.Find("[data-testid=edit-tool]").Click();
        dialogs.WaitForElement("input[data-testid=tool-cost]").Change("30");
        dialogs.Find("[data-testid=form-submit]").Click();
        await WaitForToolAsync(toolId, t => t.MonthlyCost == 30);

        snackbars.WaitForAssertion(() => snackbars.Find("[data-testid=undo-message]").TextContent.ShouldContain("Tool saved."));
        snackbars.Find("[data-testid=undo-button]").Click();

        await WaitForToolAsync(toolId, t => t.MonthlyCost == 12);
        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("Undone."));
    }

    [Fact]
    public async Task UndoSnackbar_SomeoneChangedTheItemSince_OpensTheConflictDialogAndUndoAnywayPutsYoursBack()
    {
        _planId = await CreatePlanAsync("Tool library");
        var toolId = await AddToolAsync("Stripe", 12);
        var dialogs = Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        Render<MudPopoverProvider>();
        var mine = await UpdateToolAsync(toolId, "Stripe", 30);
        await snackbars.InvokeAsync(() => Get<ISnackbar>().Show(mine, "Tool saved."));
        await UpdateToolAsync(toolId, "Stripe", 45); // someone else, after me

        snackbars.WaitForElement("[data-testid=undo-button]").Click();

        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=undo-conflict-row]").Count.ShouldBe(1));
        var row = dialogs.Find("[data-testid=undo-conflict-row]").TextContent;
        row.ShouldContain("12");
        row.ShouldContain("45");
        dialogs.Find("[data-testid=undo-anyway]").Click();

        await WaitForToolAsync(toolId, t => t.MonthlyCost == 12);
    }

    [Fact]
    public async Task UndoSnackbar_ConflictAndKeepTheirs_LeavesTheirChange()
    {
        _planId = await CreatePlanAsync("Tool library");
        var toolId = await AddToolAsync("Stripe", 12);
        var dialogs = Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        Render<MudPopoverProvider>();
        var mine = await UpdateToolAsync(toolId, "Stripe", 30);
        await snackbars.InvokeAsync(() => Get<ISnackbar>().Show(mine, "Tool saved."));
        await UpdateToolAsync(toolId, "Stripe", 45);

        snackbars.WaitForElement("[data-testid=undo-button]").Click();
        dialogs.WaitForElement("[data-testid=undo-keep-theirs]").Click();

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("Kept their change."));
        (await Get<OperationsService>().GetAsync(_planId))!.Tools.Single().MonthlyCost.ShouldBe(45);
    }

    private async Task<int> AddToolAsync(string name, decimal cost) =>
        (await Get<EssentialToolService>().AddToolAsync(_planId, new ToolInput { Name = name, MonthlyCost = cost })).Value;

    private async Task<ServiceResult> UpdateToolAsync(int toolId, string name, decimal cost)
    {
        var tool = (await Get<OperationsService>().GetAsync(_planId))!.Tools.Single(t => t.Id == toolId);
        var saved = await Get<EssentialToolService>().UpdateToolAsync(_planId, toolId, new ToolInput { Name = name, MonthlyCost = cost, Version = tool.Version });
        saved.Succeeded.ShouldBeTrue(saved.Message);
        saved.Undo.ShouldNotBeNull();
        return saved;
    }

    private async Task WaitForToolAsync(int toolId, Func<ToolView, bool> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            var tool = (await Get<OperationsService>().GetAsync(_planId))!.Tools.SingleOrDefault(t => t.Id == toolId);
            if (tool is not null && condition(tool))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new ShouldAssertException("The tool never reached the expected state.");
    }
}
