using Bunit;
using MudBlazor;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Plans;
using MvpPlanner.Web.Features.Operations;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Operations;

public class OperationsPageTests : PlannerTestContext
{
    // Generous: the build machine is shared, and a dialog opening waits for the service and the dialog provider.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private int _planId;

    private OperationsService Operations => Get<OperationsService>();

    [Fact]
    public async Task Blueprint_StagesWithProcesses_ShowsStagesAsColumnsWithTheirProcessesOwnersAndTools()
    {
        await CreatePlanWithDefaultStagesAsync();
        var ops = (await Operations.GetAsync(_planId))!;
        var onboarding = ops.Stages.Single(s => s.Name == "Onboarding").Id;
        var support = ops.Stages.Single(s => s.Name == "Support").Id;
        var lead = await AddRoleAsync("Customer Support Lead", "Ana");
        var inbox = (await Get<EssentialToolService>().AddToolAsync(_planId, new ToolInput { Name = "Shared inbox" })).Value;
        await AddProcessAsync("Answer support requests", support, lead, toolIds: [inbox]);
        await AddProcessAsync("Send welcome email", onboarding);

        var page = RenderPage();

        var columns = page.FindAll("[data-testid=stage-column]");
        columns.Select(c => c.QuerySelector("[data-testid=stage-name]")!.TextContent).ShouldBe(OperationsDefaults.Stages);
        var supportColumn = Column(page, "Support");
        supportColumn.QuerySelector("[data-testid=process-card-name]")!.TextContent.ShouldBe("Answer support requests");
        supportColumn.QuerySelector("[data-testid=stage-owners]")!.TextContent.ShouldContain("Customer Support Lead (Ana)");
        supportColumn.QuerySelector("[data-testid=stage-tools]")!.TextContent.ShouldContain("Shared inbox");
        var onboardingColumn = Column(page, "Onboarding");
        onboardingColumn.QuerySelector("[data-testid=process-card-name]")!.TextContent.ShouldBe("Send welcome email");
        onboardingColumn.QuerySelector("[data-testid=stage-owners]")!.TextContent.ShouldContain("1 process without owner");
        Column(page, "Billing").QuerySelectorAll("[data-testid=process-card]").ShouldBeEmpty();
        page.Find("[data-testid=role-row]").TextContent.ShouldContain("Answer support requests");
    }

    [Fact]
    public async Task OperationsPage_AllStagesDeleted_OffersTheUsualStagesAndTheButtonAddsAllSix()
    {
        _planId = await CreatePlanAsync("Tool library");
        foreach (var stage in (await Operations.GetAsync(_planId))!.Stages)
        {
            (await Get<JourneyService>().DeleteStageAsync(_planId, stage.Id)).Succeeded.ShouldBeTrue();
        }

        RenderProviders();
        var page = RenderPage();
        page.Find("[data-testid=no-stages]").TextContent.ShouldContain("Map the critical-path customer journey");
        page.FindAll("[data-testid=stage-column]").ShouldBeEmpty();

        await page.Find("[data-testid=add-default-stages]").ClickAsync(new());

        page.WaitForAssertion(() => page.FindAll("[data-testid=stage-column]").Count.ShouldBe(6), Wait);
        page.FindAll("[data-testid=stage-name]").Select(s => s.TextContent).ShouldBe(["Marketing", "Sales", "Onboarding", "Billing", "Delivery", "Support"]);
        page.FindAll("[data-testid=no-stages]").ShouldBeEmpty();
        (await Operations.GetAsync(_planId))!.Stages.Count.ShouldBe(6);
    }

    [Fact]
    public async Task ProcessDialog_AddInAStage_ShowsTheProcessInThatStageWithItsOwner()
    {
        await CreatePlanWithDefaultStagesAsync();
        var support = (await Operations.GetAsync(_planId))!.Stages.Single(s => s.Name == "Support").Id;
        await AddRoleAsync("Customer Support Lead", "Ana");
        var (dialogs, popovers) = RenderDialogProviders();
        var page = RenderPage();

        page.Find($"[data-testid=add-process-{support}]").Click();
        dialogs.WaitForElement("input[data-testid=process-name]", Wait).Input("Answer chats within an hour");
        await dialogs.Find("[data-testid=add-step]").ClickAsync(new());
        dialogs.WaitForElement("input[data-testid=process-step]", Wait).Input("Check the shared inbox every hour");
        await ChooseAsync(dialogs, popovers, "process-owner", "Customer Support Lead (Ana)");
        await dialogs.Find("[data-testid=form-submit]").ClickAsync(new());

        page.WaitForAssertion(() => Column(page, "Support").QuerySelector("[data-testid=process-card-name]")!.TextContent.ShouldBe("Answer chats within an hour"), Wait);
        Column(page, "Support").QuerySelector("[data-testid=process-card-owner]")!.TextContent.ShouldContain("Customer Support Lead");
        var stored = (await Operations.GetAsync(_planId))!.Processes.ShouldHaveSingleItem();
        stored.StageId.ShouldBe(support);
        stored.IsFrontstage.ShouldBeTrue();
        stored.Automation.ShouldBe(Automation.Manual);
        stored.StepList.ShouldBe(["Check the shared inbox every hour"]);
    }

    [Fact]
    public async Task ProcessDialog_NoNameAndNoOwner_ShowsTheErrorBesideTheNameAndKeepsTheInput()
    {
        await CreatePlanWithDefaultStagesAsync();
        var sales = (await Operations.GetAsync(_planId))!.Stages.Single(s => s.Name == "Sales").Id;
        var (dialogs, _) = RenderDialogProviders();
        var page = RenderPage();

        page.Find($"[data-testid=add-process-{sales}]").Click();
        await dialogs.WaitForElement("[data-testid=add-step]", Wait).ClickAsync(new());
        dialogs.WaitForElement("input[data-testid=process-step]", Wait).Input("Call back within a day");
        await dialogs.Find("[data-testid=form-submit]").ClickAsync(new());

        dialogs.WaitForAssertion(() => dialogs.Find("input[data-testid=process-name]").Closest(".mud-input-control")!.TextContent
            .ShouldContain("Give the process a name."), Wait);
        dialogs.Find("input[data-testid=process-step]").GetAttribute("value").ShouldBe("Call back within a day");
        dialogs.Find("[data-testid=process-owner]").Closest(".mud-input-control")!.TextContent.ShouldContain("Every process needs a single owner");
        (await Operations.GetAsync(_planId))!.Processes.ShouldBeEmpty();
    }

    [Fact]
    public async Task OperationsPage_Viewer_SeesTheBlueprintAndStepsButNoEditingControls()
    {
        await CreatePlanWithDefaultStagesAsync();
        var support = (await Operations.GetAsync(_planId))!.Stages.Single(s => s.Name == "Support").Id;
        await AddProcessAsync("Answer support requests", support, await AddRoleAsync("Customer Support Lead", "Ana"), steps: "Open the shared inbox\nReply from the template");
        (await Get<CommitmentService>().AddCommitmentAsync(_planId, new CommitmentInput { Text = "We answer within 24 hours" })).Succeeded.ShouldBeTrue();
        await ActAsMemberAsync("Vic Viewer", WorkspaceRole.Viewer);

        var page = RenderPage();

        page.FindAll("[data-testid=stage-column]").Count.ShouldBe(6);
        page.FindAll("[data-testid=process-card]").ShouldHaveSingleItem();
        page.FindAll("[data-testid=commitment-row]").ShouldHaveSingleItem();
        page.FindAll("[data-testid=role-row]").ShouldHaveSingleItem();
        page.FindAll("[data-testid=read-only]").ShouldHaveSingleItem();
        await page.Find("[data-testid=toggle-steps]").ClickAsync(new());
        page.WaitForAssertion(() => page.FindAll("[data-testid=process-card-steps] li").Select(li => li.TextContent).ShouldBe(["Open the shared inbox", "Reply from the template"]), Wait);
        foreach (var control in new[] { "add-stage", "add-commitment", "edit-commitment", "edit-promise", "add-role", "edit-role", "delete-role", "delete-process", $"add-process-{support}", $"stage-menu-{support}" })
        {
            page.FindAll($"[data-testid={control}]").ShouldBeEmpty(control);
        }
    }

    [Fact]
    public async Task PromisePanel_CommitmentWithoutProcess_WarnsThatNothingKeepsIt()
    {
        await CreatePlanWithDefaultStagesAsync();
        var support = (await Operations.GetAsync(_planId))!.Stages.Single(s => s.Name == "Support").Id;
        var kept = (await Get<CommitmentService>().AddCommitmentAsync(_planId, new CommitmentInput { Text = "We answer within 24 hours" })).Value;
        (await Get<CommitmentService>().AddCommitmentAsync(_planId, new CommitmentInput { Text = "Invoices are always right" })).Succeeded.ShouldBeTrue();
        await AddProcessAsync("Answer support requests", support, commitmentIds: [kept]);

        var page = RenderPage();

        var rows = page.FindAll("[data-testid=commitment-row]");
        rows.Single(r => r.TextContent.Contains("24 hours")).TextContent.ShouldContain("Kept by Answer support requests");
        rows.Single(r => r.TextContent.Contains("Invoices")).QuerySelector("[data-testid=kept-by-none]")!.TextContent.ShouldContain("No process keeps this yet");
    }

    private IRenderedComponent<OperationsPage> RenderPage() =>
        Render<OperationsPage>(p => p.Add(x => x.PlanId, _planId));

    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<MudPopoverProvider> Popovers) RenderDialogProviders()
    {
        var dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        return (dialogs, Render<MudPopoverProvider>());
    }

    private static AngleSharp.Dom.IElement Column(IRenderedComponent<OperationsPage> page, string stage) =>
        page.FindAll("[data-testid=stage-column]").Single(c => c.QuerySelector("[data-testid=stage-name]")!.TextContent == stage);

    private static async Task ChooseAsync(IRenderedComponent<MudDialogProvider> dialogs, IRenderedComponent<MudPopoverProvider> popovers, string testId, string option)
    {
        await dialogs.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.MouseDownAsync(new());
        popovers.WaitForAssertion(() => popovers.FindAll(".mud-popover-open .mud-list-item").ShouldContain(e => e.TextContent.Trim() == option), Wait);
        await popovers.FindAll(".mud-popover-open .mud-list-item").First(e => e.TextContent.Trim() == option).ClickAsync(new());
    }

    /// <summary>A new plan starts with the seed's six journey stages.</summary>
    private async Task CreatePlanWithDefaultStagesAsync() => _planId = await CreatePlanAsync("Tool library");

    private async Task<int> AddRoleAsync(string name, string holder)
    {
        var result = await Get<OperationRoleService>().AddRoleAsync(_planId, new RoleInput { Name = name, Holder = holder });
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Value;
    }

    private async Task AddProcessAsync(
        string name, int stageId, int? ownerRoleId = null, IReadOnlyCollection<int>? toolIds = null, IReadOnlyCollection<int>? commitmentIds = null, string steps = "")
    {
        var result = await Get<CoreProcessService>().AddProcessAsync(_planId, new ProcessInput
        {
            Name = name, StageId = stageId, OwnerRoleId = ownerRoleId, ToolIds = toolIds ?? [], CommitmentIds = commitmentIds ?? [], Steps = steps,
        });
        result.Succeeded.ShouldBeTrue(result.Message);
    }
}
