using Bunit;
using MudBlazor;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.History;
using MvpPlanner.Core.Operations;
using MvpPlanner.Web.Features.History;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.History;

public class TrashPageTests : PlannerTestContext
{
    private int _planId;

    [Fact]
    public async Task TrashPage_DeletedTool_IsListedWithWhoDeletedIt()
    {
        _planId = await CreatePlanAsync("Tool library");
        await DeleteToolAsync(await AddToolAsync("Stripe"));
        RenderProviders();

        var page = RenderPage();

        page.Find("[data-testid=trash-item-name]").TextContent.ShouldBe("Stripe");
        page.Find("[data-testid=trash-list]").TextContent.ShouldContain("Olivia Owner");
    }

    [Fact]
    public async Task TrashPage_NothingDeleted_SaysTheTrashIsEmpty()
    {
        _planId = await CreatePlanAsync("Tool library");
        RenderProviders();

        var page = RenderPage();

        page.Find("[data-testid=trash-empty]").TextContent.ShouldContain("The trash is empty");
    }

    [Fact]
    public async Task TrashPage_Restore_BringsTheToolBackAndEmptiesTheTrash()
    {
        _planId = await CreatePlanAsync("Tool library");
        await DeleteToolAsync(await AddToolAsync("Stripe"));
        RenderProviders();
        var page = RenderPage();

        page.Find("[data-testid=trash-restore]").Click();

        page.WaitForElement("[data-testid=trash-empty]");
        (await Get<OperationsService>().GetAsync(_planId))!.Tools.Select(t => t.Name).ShouldBe(["Stripe"]);
    }

    [Fact]
    public async Task TrashPage_Editor_CanRestoreButNotDeletePermanently()
    {
        _planId = await CreatePlanAsync("Tool library");
        await DeleteToolAsync(await AddToolAsync("Stripe"));
        await ActAsMemberAsync("Eddie Editor", WorkspaceRole.Editor);
        RenderProviders();

        var page = RenderPage();

        page.FindAll("[data-testid=trash-restore]").Count.ShouldBe(1);
        page.FindAll("[data-testid=trash-delete-permanently]").ShouldBeEmpty();
    }

    [Fact]
    public async Task TrashPage_OwnerDeletesPermanentlyAfterConfirming_TheItemCanNoLongerBeRestored()
    {
        _planId = await CreatePlanAsync("Tool library");
        await DeleteToolAsync(await AddToolAsync("Stripe"));
        var dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        Render<MudPopoverProvider>();
        var page = RenderPage();

        page.Find("[data-testid=trash-delete-permanently]").Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog button").ShouldNotBeEmpty());
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Delete permanently", StringComparison.Ordinal)).Click();

        page.WaitForElement("[data-testid=trash-empty]");
        (await Get<TrashService>().ListAsync(_planId)).ShouldBeEmpty();
        (await Get<OperationsService>().GetAsync(_planId))!.Tools.ShouldBeEmpty();
    }

    private IRenderedComponent<TrashPage> RenderPage() => Render<TrashPage>(p => p.Add(x => x.PlanId, _planId));

    private async Task<int> AddToolAsync(string name) =>
        (await Get<EssentialToolService>().AddToolAsync(_planId, new ToolInput { Name = name, MonthlyCost = 30 })).Value;

    private async Task DeleteToolAsync(int toolId)
    {
        var deleted = await Get<EssentialToolService>().DeleteToolAsync(_planId, toolId);
        deleted.Succeeded.ShouldBeTrue(deleted.Message);
    }
}
