using System.Globalization;
using Bunit;
using MudBlazor;
using MvpPlanner.Core.Operations;
using MvpPlanner.Web.Features.Operations;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Operations;

/// <summary>Changing the operation's structure from the page: stages, roles, and edits that meet someone else's.</summary>
public class OperationsEditingTests : PlannerTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private int _planId;

    private OperationsService Operations => Get<OperationsService>();

    [Fact]
    public async Task DeleteStage_AfterConfirmationNamingItsProcesses_KeepsThemUnderNoStage()
    {
        var sales = await CreatePlanWithStageAsync("Sales");
        await AddProcessAsync("Call back every lead", sales);
        var (dialogs, popovers) = RenderDialogProviders();
        var page = RenderPage();

        page.Find($"[data-testid=stage-menu-{sales}] button").Click();
        popovers.WaitForElements(".mud-menu-item", Wait).Single(i => i.TextContent.Contains("Delete stage", StringComparison.Ordinal)).Click();
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("Its 1 process (Call back every lead) will not be deleted"), Wait);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete stage").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=stage-column]").Count.ShouldBe(5), Wait);
        page.Find("[data-testid=stage-none]").TextContent.ShouldContain("Call back every lead");
    }

    [Fact]
    public async Task MoveStage_RightFromTheMenu_SwapsItWithTheNextStage()
    {
        var sales = await CreatePlanWithStageAsync("Sales");
        var (_, popovers) = RenderDialogProviders();
        var page = RenderPage();

        page.Find($"[data-testid=stage-menu-{sales}] button").Click();
        popovers.WaitForElements(".mud-menu-item", Wait).Single(i => i.TextContent.Contains("Move right", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => StageNames(page).ShouldBe(["Marketing", "Onboarding", "Sales", "Billing", "Delivery", "Support"]), Wait);
    }

    [Fact]
    public async Task DeleteRole_AfterConfirmationNamingItsProcesses_LeavesThemWithoutOwner()
    {
        var support = await CreatePlanWithStageAsync("Support");
        var role = (await Get<OperationRoleService>().AddRoleAsync(_planId, new RoleInput { Name = "Customer Support Lead", Holder = "Ana" })).Value;
        await AddProcessAsync("Answer support requests", support, role);
        var (dialogs, _) = RenderDialogProviders();
        var page = RenderPage();

        page.Find("[data-testid=delete-role]").Click();
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("Answer support requests will lose their owner."), Wait);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete role").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=role-row]").ShouldBeEmpty(), Wait);
        page.Find("[data-testid=process-card-owner]").TextContent.ShouldContain("No owner");
        page.Find("[data-testid=no-roles]");
    }

    [Fact]
    public async Task ProcessDialog_SavedBySomeoneElseMeanwhile_ShowsBothVersionsAndKeepsTheDialogOpen()
    {
        var support = await CreatePlanWithStageAsync("Support");
        await AddProcessAsync("Answer support requests", support);
        var (dialogs, _) = RenderDialogProviders();
        var page = RenderPage();
        page.Find("[data-testid=process-card]").Click();
        dialogs.WaitForElement("input[data-testid=process-name]", Wait).Input("Answer every request");
        var theirs = (await Operations.GetAsync(_planId))!.Processes.Single();
        var input = theirs.ToInput();
        input.Name = "Answer requests within a day";
        (await Get<CoreProcessService>().UpdateProcessAsync(_planId, theirs.Id, input)).Succeeded.ShouldBeTrue();

        await dialogs.Find("[data-testid=form-submit]").ClickAsync(new());

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=conflict-row][data-field=Name]").TextContent.ShouldContain("Answer requests within a day"), Wait);
        dialogs.Find("input[data-testid=process-name]").GetAttribute("value").ShouldBe("Answer every request");
    }

    [Fact]
    public async Task EditStage_TouchpointsOnePerLine_ShowInTheTouchpointsRowOfThatStage()
    {
        var onboarding = await CreatePlanWithStageAsync("Onboarding");
        var (dialogs, popovers) = RenderDialogProviders();
        var page = RenderPage();

        page.Find($"[data-testid=stage-menu-{onboarding}] button").Click();
        popovers.WaitForElements(".mud-menu-item", Wait).Single(i => i.TextContent.Contains("Edit stage", StringComparison.Ordinal)).Click();
        var touchpoints = dialogs.WaitForElement("[data-testid=stage-touchpoints]", Wait);
        (touchpoints.TagName == "TEXTAREA" ? touchpoints : touchpoints.QuerySelector("textarea")!).Change("Signs up on the website\nReceives the welcome email");
        await dialogs.Find("[data-testid=form-submit]").ClickAsync(new());

        page.WaitForAssertion(() => page.FindAll("[data-testid=stage-column]").Single(c => c.GetAttribute("data-stage-id") == onboarding.ToString(CultureInfo.InvariantCulture))
            .QuerySelectorAll("[data-testid=stage-touchpoints] li").Select(li => li.TextContent).ShouldBe(["Signs up on the website", "Receives the welcome email"]), Wait);
    }

    [Fact]
    public async Task ProcessDialog_NewRoleFromTheOwnerField_CreatesTheRoleAndMakesItTheOwner()
    {
        var billing = await CreatePlanWithStageAsync("Billing");
        var (dialogs, _) = RenderDialogProviders();
        var page = RenderPage();

        page.Find($"[data-testid=add-process-{billing}]").Click();
        dialogs.WaitForElement("input[data-testid=process-name]", Wait).Input("Send invoices");
        dialogs.Find("[data-testid=process-new-role]").Click();
        dialogs.WaitForElement("input[data-testid=role-name]", Wait).Input("Billing Manager");
        await dialogs.FindAll("[data-testid=form-submit]")[^1].ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.FindAll("input[data-testid=role-name]").ShouldBeEmpty(), Wait);
        await dialogs.Find("[data-testid=form-submit]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=process-card-owner]").TextContent.ShouldContain("Billing Manager"), Wait);
        var ops = (await Operations.GetAsync(_planId))!;
        ops.Processes.ShouldHaveSingleItem().OwnerRoleId.ShouldBe(ops.Roles.ShouldHaveSingleItem().Id);
    }

    /// <summary>A new plan with the seed's six stages; returns the id of the named one.</summary>
    private async Task<int> CreatePlanWithStageAsync(string stage)
    {
        _planId = await CreatePlanAsync();
        return (await Operations.GetAsync(_planId))!.Stages.Single(s => s.Name == stage).Id;
    }

    private async Task AddProcessAsync(string name, int stageId, int? ownerRoleId = null)
    {
        var result = await Get<CoreProcessService>().AddProcessAsync(_planId, new ProcessInput { Name = name, StageId = stageId, OwnerRoleId = ownerRoleId });
        result.Succeeded.ShouldBeTrue(result.Message);
    }

    private IRenderedComponent<OperationsPage> RenderPage() => Render<OperationsPage>(p => p.Add(x => x.PlanId, _planId));

    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<MudPopoverProvider> Popovers) RenderDialogProviders()
    {
        var dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        return (dialogs, Render<MudPopoverProvider>());
    }

    private static List<string> StageNames(IRenderedComponent<OperationsPage> page) =>
        page.FindAll("[data-testid=stage-name]").Select(s => s.TextContent).ToList();
}
