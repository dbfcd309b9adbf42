using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Operations;
using MvpPlanner.Web.Features.Operations;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Operations;

public class ToolsKpisPageTests : PlannerTestContext
{
    private static readonly DateTime LongAgo = new(2020, 3, 2);

    private int _planId;

    [Fact]
    public async Task ToolsKpisPage_Tools_ShowsEachToolAndTheTotalMonthlyCost()
    {
        _planId = await CreatePlanAsync("Tool library");
        await AddToolAsync("Shared inbox", "Shared inbox", 12);
        await AddToolAsync("Stripe", "Payments", 30);
        await AddToolAsync("Spreadsheet", "CRM", 0);

        var page = RenderPage();

        page.FindAll("[data-testid=tool-row]").Count.ShouldBe(3);
        page.Find("[data-testid=tools-total-cost]").TextContent.ShouldBe("42");
    }

    [Fact]
    public async Task ToolsKpisPage_ToolUsedByProcess_ShowsTheProcessName()
    {
        _planId = await CreatePlanAsync("Tool library");
        var toolId = await AddToolAsync("Shared inbox", "Shared inbox", 12);
        await Get<CoreProcessService>().AddProcessAsync(_planId, new ProcessInput { Name = "Answer support requests", ToolIds = [toolId] });

        var page = RenderPage();

        page.Find("[data-testid=tool-row]").TextContent.ShouldContain("Answer support requests");
    }

    [Fact]
    public async Task ToolsKpisPage_AddTool_AddsARowAndRaisesTheTotal()
    {
        _planId = await CreatePlanAsync("Tool library");
        await AddToolAsync("Shared inbox", "Shared inbox", 12);
        var dialogs = RenderDialogs();
        var page = RenderPage();

        page.Find("[data-testid=add-tool]").Click();
        dialogs.WaitForElement("input[data-testid=tool-name]").Change("Stripe");
        dialogs.Find("input[data-testid=tool-cost]").Change("30");
        dialogs.Find("[data-testid=form-submit]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=tool-row]").Count.ShouldBe(2));
        page.Find("[data-testid=tools-total-cost]").TextContent.ShouldBe("42");
    }

    [Fact]
    public async Task ToolDialog_MissingName_ShowsErrorBesideTheFieldAndKeepsTheInput()
    {
        _planId = await CreatePlanAsync("Tool library");
        var dialogs = RenderDialogs();
        var page = RenderPage();

        page.Find("[data-testid=add-tool]").Click();
        dialogs.WaitForElement("input[data-testid=tool-cost]").Change("30");
        dialogs.Find("[data-testid=form-submit]").Click();

        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("Name the tool."));
        NameFieldOf(dialogs, "tool-name").TextContent.ShouldContain("Name the tool.");
        dialogs.Find("input[data-testid=tool-cost]").GetAttribute("value").ShouldBe("30");
        (await Get<OperationsService>().GetAsync(_planId))!.Tools.ShouldBeEmpty();
    }

    [Fact]
    public async Task ToolsKpisPage_RecordMeasurement_UpdatesTheLatestValue()
    {
        _planId = await CreatePlanAsync("Tool library");
        var kpiId = await AddKpiAsync("Support response time", target: 24);
        await RecordMeasurementAsync(kpiId, LongAgo, 30);
        var dialogs = RenderDialogs();
        var page = RenderPage();
        page.Find("[data-testid=kpi-latest]").TextContent.ShouldStartWith("30 hours");
        page.Find("[data-testid=kpi-status]").TextContent.ShouldBe("Off track");

        page.Find("[data-testid=record-measurement]").Click();
        dialogs.WaitForElement("input[data-testid=measurement-value]").Change("18");
        dialogs.Find("[data-testid=form-submit]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=kpi-latest]").TextContent.ShouldStartWith("18 hours"));
        page.Find("[data-testid=kpi-status]").TextContent.ShouldBe("On track");
        page.FindAll("[data-testid=measurement-row]").Count.ShouldBe(2);
    }

    [Fact]
    public async Task MeasurementDialog_NoValue_ShowsErrorBesideTheFieldAndKeepsTheNote()
    {
        _planId = await CreatePlanAsync("Tool library");
        await AddKpiAsync("Support response time");
        var dialogs = RenderDialogs();
        var page = RenderPage();

        page.Find("[data-testid=record-measurement]").Click();
        dialogs.WaitForElement("input[data-testid=measurement-note]").Change("Holiday week");
        dialogs.Find("[data-testid=form-submit]").Click();

        dialogs.WaitForAssertion(() => NameFieldOf(dialogs, "measurement-value").TextContent.ShouldContain("Enter the measured value."));
        dialogs.Find("input[data-testid=measurement-note]").GetAttribute("value").ShouldBe("Holiday week");
    }

    [Fact]
    public async Task ToolsKpisPage_ReviewLongAgo_HighlightsTheNextReviewAsOverdue()
    {
        _planId = await CreatePlanAsync("Tool library");
        var kpiId = await AddKpiAsync("Support response time");
        await RecordMeasurementAsync(kpiId, LongAgo, 20);
        (await Get<KpiService>().RecordReviewAsync(_planId, kpiId, new ReviewInput { HeldOn = LongAgo, Notes = "Fine for now." })).Succeeded.ShouldBeTrue();

        var page = RenderPage();

        var next = page.Find("[data-testid=kpi-next-review]");
        next.GetAttribute("data-overdue").ShouldBe("true");
        next.TextContent.ShouldContain("Overdue since 9 Mar 2020");
        next.ClassList.ShouldContain("mud-error-text");
        page.Find("[data-testid=review-row]").TextContent.ShouldContain("Fine for now.");
    }

    [Fact]
    public async Task ToolsKpisPage_RecordReview_MovesTheNextReviewOutOfOverdue()
    {
        _planId = await CreatePlanAsync("Tool library");
        var kpiId = await AddKpiAsync("Support response time");
        await RecordMeasurementAsync(kpiId, LongAgo, 20);
        var dialogs = RenderDialogs();
        var page = RenderPage();
        page.Find("[data-testid=kpi-next-review]").GetAttribute("data-overdue").ShouldBe("true");

        page.Find("[data-testid=record-review]").Click();
        dialogs.WaitForElement("textarea[data-testid=review-notes]").Input("Response time is fine; keep the rota.");
        dialogs.Find("[data-testid=form-submit]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=kpi-next-review]").GetAttribute("data-overdue").ShouldBe("false"));
        page.Find("[data-testid=review-row]").TextContent.ShouldContain("keep the rota");
    }

    [Fact]
    public async Task ToolsKpisPage_AddKpi_ShowsItsCardWithTargetAndOwner()
    {
        _planId = await CreatePlanAsync("Tool library");
        await Get<OperationRoleService>().AddRoleAsync(_planId, new RoleInput { Name = "Support Lead", Holder = "Ana" });
        var dialogs = RenderDialogs();
        var page = RenderPage();

        page.Find("[data-testid=add-kpi]").Click();
        dialogs.WaitForElement("input[data-testid=kpi-name]").Change("Time to onboard");
        dialogs.Find("input[data-testid=kpi-unit]").Change("days");
        dialogs.Find("input[data-testid=kpi-target]").Change("3");
        dialogs.Find("[data-testid=form-submit]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=kpi-card] [data-testid=kpi-name]").TextContent.ShouldBe("Time to onboard"));
        page.Find("[data-testid=kpi-card] [data-testid=kpi-target]").TextContent.ShouldBe("≥ 3 days");
        page.Find("[data-testid=kpi-latest]").TextContent.ShouldBe("Not measured yet");
        page.FindAll("[data-testid=kpi-hint]").ShouldBeEmpty();
    }

    [Fact]
    public async Task ToolsKpisPage_NoKpis_RecommendsTwoToThree()
    {
        _planId = await CreatePlanAsync("Tool library");

        var page = RenderPage();

        page.FindAll("[data-testid=kpi-card]").ShouldBeEmpty();
        page.Find("[data-testid=kpi-hint]").TextContent.ShouldContain("recommends 2–3");
    }

    [Fact]
    public async Task ToolsKpisPage_FourKpis_WarnsThatTheSeedRecommendsTwoToThree()
    {
        _planId = await CreatePlanAsync("Tool library");
        foreach (var name in new[] { "Time to onboard", "Support satisfaction", "Fulfilment accuracy", "Churn" })
        {
            await AddKpiAsync(name);
        }

        var page = RenderPage();

        page.FindAll("[data-testid=kpi-card]").Count.ShouldBe(4);
        page.Find("[data-testid=kpi-hint]").TextContent.ShouldContain("4 KPIs: the seed recommends 2–3");
    }

    [Fact]
    public async Task ToolsKpisPage_ThreeKpis_ShowsNoHint()
    {
        _planId = await CreatePlanAsync("Tool library");
        foreach (var name in new[] { "Time to onboard", "Support satisfaction", "Fulfilment accuracy" })
        {
            await AddKpiAsync(name);
        }

        var page = RenderPage();

        page.FindAll("[data-testid=kpi-hint]").ShouldBeEmpty();
    }

    [Fact]
    public async Task ToolsKpisPage_DeleteToolConfirmed_NamesTheToolAndRemovesIt()
    {
        _planId = await CreatePlanAsync("Tool library");
        await AddToolAsync("Shared inbox", "Shared inbox", 12);
        await AddToolAsync("Stripe", "Payments", 30);
        var dialogs = RenderDialogs();
        var page = RenderPage();

        page.FindAll("[data-testid=tool-row]").Single(r => r.TextContent.Contains("Stripe")).QuerySelector("[data-testid=delete-tool]")!.Click();
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("\"Stripe\" will be removed from the plan"));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=tool-row]").Count.ShouldBe(1));
        page.Find("[data-testid=tools-total-cost]").TextContent.ShouldBe("12");
    }

    [Fact]
    public async Task ToolsKpisPage_Viewer_SeesToolsAndKpisButNoEditingControls()
    {
        _planId = await CreatePlanAsync("Tool library");
        await AddToolAsync("Shared inbox", "Shared inbox", 12);
        var kpiId = await AddKpiAsync("Support response time");
        await RecordMeasurementAsync(kpiId, LongAgo, 20);
        await ActAsMemberAsync("Vic Viewer", WorkspaceRole.Viewer);

        var page = RenderPage();

        page.FindAll("[data-testid=tool-row]").Count.ShouldBe(1);
        page.FindAll("[data-testid=kpi-card]").Count.ShouldBe(1);
        page.Find("[data-testid=kpi-latest]").TextContent.ShouldStartWith("20 hours");
        foreach (var control in new[] { "add-tool", "edit-tool", "delete-tool", "add-kpi", "edit-kpi", "delete-kpi", "record-measurement", "record-review" })
        {
            page.FindAll($"[data-testid={control}]").ShouldBeEmpty(control);
        }

        page.FindAll("[data-testid=read-only]").ShouldHaveSingleItem();
    }

    private IRenderedComponent<ToolsKpisPage> RenderPage() =>
        Render<ToolsKpisPage>(p => p.Add(x => x.PlanId, _planId));

    /// <summary>The whole form field (input, helper and error text) around the input with this test id.</summary>
    private static IElement NameFieldOf(IRenderedComponent<MudDialogProvider> dialogs, string testId) =>
        dialogs.Find($"[data-testid={testId}]").Closest(".mud-input-control")!;

    private async Task<int> AddToolAsync(string name, string category, decimal cost)
    {
        var result = await Get<EssentialToolService>().AddToolAsync(_planId, new ToolInput { Name = name, Category = category, MonthlyCost = cost });
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Value;
    }

    private async Task<int> AddKpiAsync(string name, decimal? target = null)
    {
        var result = await Get<KpiService>().AddKpiAsync(_planId, new KpiInput
        {
            Name = name, Unit = "hours", Direction = KpiDirection.LowerIsBetter, Target = target, Cadence = ReviewCadence.Weekly,
        });
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Value;
    }

    private async Task RecordMeasurementAsync(int kpiId, DateTime on, decimal value) =>
        (await Get<KpiService>().RecordMeasurementAsync(_planId, kpiId, new MeasurementInput { MeasuredOn = on, Value = value }))
            .Succeeded.ShouldBeTrue();
}
