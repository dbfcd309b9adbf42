using Bunit;
using MudBlazor;
using MvpPlanner.Core.Operations;
using MvpPlanner.Web.Features.Operations;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.History;

public class ItemHistoryDialogTests : PlannerTestContext
{
    private int _planId;

    [Fact]
    public async Task ItemHistory_ToolWhoseCostChanged_ShowsTheCostBeforeAndAfter()
    {
        _planId = await CreatePlanAsync("Tool library");
        var toolId = await AddToolAsync("Stripe", 12);
        await UpdateToolAsync(toolId, "Stripe", 30);
        var dialogs = RenderDialogs();
        var page = Render<ToolsKpisPage>(p => p.Add(x => x.PlanId, _planId));

        page.Find("[data-testid=tool-history]").Click();

        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=item-history-line]").Count.ShouldBe(2));
        dialogs.Find("[data-testid=field-before]").TextContent.ShouldContain("12");
        dialogs.Find("[data-testid=field-after]").TextContent.ShouldContain("30");
        dialogs.Find("[data-testid=item-history-lines]").TextContent.ShouldContain("Olivia Owner");
    }

    [Fact]
    public async Task ItemHistory_RestoreThisVersion_PutsTheEarlierValuesBack()
    {
        _planId = await CreatePlanAsync("Tool library");
        var toolId = await AddToolAsync("Stripe", 12);
        await UpdateToolAsync(toolId, "Stripe payments", 30);
        var dialogs = RenderDialogs();
        var page = Render<ToolsKpisPage>(p => p.Add(x => x.PlanId, _planId));

        page.Find("[data-testid=tool-history]").Click();
        // Only the older line can be restored; the newest is the current version.
        dialogs.WaitForElement("[data-testid=restore-version]").Click();

        await WaitForToolAsync(toolId, t => t.Name == "Stripe" && t.MonthlyCost == 12);
        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=item-history-line]").Count.ShouldBe(3));
    }

    [Fact]
    public async Task ItemHistory_Viewer_SeesNoRestoreButton()
    {
        _planId = await CreatePlanAsync("Tool library");
        var toolId = await AddToolAsync("Stripe", 12);
        await UpdateToolAsync(toolId, "Stripe", 30);
        await ActAsMemberAsync("Vera Viewer", Core.Accounts.WorkspaceRole.Viewer);
        var dialogs = RenderDialogs();
        var page = Render<ToolsKpisPage>(p => p.Add(x => x.PlanId, _planId));

        page.Find("[data-testid=tool-history]").Click();

        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=item-history-line]").Count.ShouldBe(2));
        dialogs.FindAll("[data-testid=restore-version]").ShouldBeEmpty();
    }

    private async Task<int> AddToolAsync(string name, decimal cost) =>
        (await Get<EssentialToolService>().AddToolAsync(_planId, new ToolInput { Name = name, MonthlyCost = cost })).Value;

    private async Task UpdateToolAsync(int toolId, string name, decimal cost)
    {
        var tool = (await Get<OperationsService>().GetAsync(_planId))!.Tools.Single(t => t.Id == toolId);
        var saved = await Get<EssentialToolService>().UpdateToolAsync(_planId, toolId, new ToolInput { Name = name, MonthlyCost = cost, Version = tool.Version });
        saved.Succeeded.ShouldBeTrue(saved.Message);
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
