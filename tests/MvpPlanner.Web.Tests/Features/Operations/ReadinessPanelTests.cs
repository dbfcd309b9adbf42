using Bunit;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Web.Features.Operations;
using MvpPlanner.Web.Features.Plans;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Operations;

public class ReadinessPanelTests : PlannerTestContext
{
    private int _planId;

    [Fact]
    public async Task ReadinessPage_MvpFeatureNeedingSupportWithoutProcess_ListsFindingUntilAProcessSupportsIt()
    {
        _planId = await CreatePlanAsync("Tool library");
        var featureId = await AddMvpFeatureAsync("Chat with the lender");
        var page = RenderPage();

        var finding = page.Find("[data-testid=finding][data-rule=feature-without-process]");
        finding.TextContent.ShouldContain("Chat with the lender");
        finding.TextContent.ShouldContain("no core process supports it");

        var added = await Get<CoreProcessService>().AddProcessAsync(_planId, new ProcessInput { Name = "Answer chats within an hour", FeatureIds = [featureId] });
        added.Succeeded.ShouldBeTrue(added.Message);

        page.WaitForAssertion(() => page.FindAll("[data-testid=finding][data-rule=feature-without-process]").ShouldBeEmpty());
    }

    [Fact]
    public async Task ReadinessPage_EmptyPlan_ListsMissingPromiseKpisAndStageProcessesWithTheScore()
    {
        _planId = await CreatePlanAsync("Empty plan");
        var report = (await Get<ReadinessService>().CheckAsync(_planId))!;

        var page = RenderPage();

        Rules(page).ShouldContain("no-promise");
        Rules(page).ShouldContain("no-kpi");
        Rules(page).ShouldContain("stage-without-process");
        Rules(page).Count.ShouldBe(report.Findings.Count);
        page.Find("[data-testid=readiness-score]").TextContent.ShouldBe(report.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        report.Score.ShouldBeLessThan(100);
        page.FindAll("[data-testid=readiness-all-clear]").ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadinessPage_Findings_AreGroupedWorstFirst()
    {
        _planId = await CreatePlanAsync("Empty plan");

        var page = RenderPage();

        page.FindAll("[data-testid=finding-group]").Select(g => g.GetAttribute("data-severity"))
            .ShouldBe(["High", "Medium"]);
        page.Find("[data-testid=finding-group][data-severity=High]").TextContent.ShouldContain("Fix before launch");
    }

    [Fact]
    public async Task ReadinessPage_FixLinks_PointAtThePageWhereEachFindingIsFixed()
    {
        _planId = await CreatePlanAsync("Tool library");
        await AddMvpFeatureAsync("Chat with the lender");

        var page = RenderPage();

        FixLink(page, "no-kpi").ShouldBe($"/plans/{_planId}/tools-kpis#kpis");
        FixLink(page, "no-promise").ShouldBe($"/plans/{_planId}/operations#promise");
        FixLink(page, "stage-without-process").ShouldBe($"/plans/{_planId}/operations#blueprint");
        FixLink(page, "feature-without-process").ShouldBe($"/plans/{_planId}/operations#blueprint");
        page.Find("[data-testid=finding][data-rule=feature-without-process] [data-testid=finding-feature-link]")
            .GetAttribute("href").ShouldBe($"/plans/{_planId}/features");
    }

    [Fact]
    public async Task ReadinessPage_EveryRuleMet_ShowsAllClearAndFullScore()
    {
        await CreateReadyPlanAsync();

        var page = RenderPage();

        page.FindAll("[data-testid=finding]").ShouldBeEmpty();
        page.Find("[data-testid=readiness-all-clear]").TextContent.ShouldContain("All clear");
        page.Find("[data-testid=readiness-score]").TextContent.ShouldBe("100");
    }

    [Fact]
    public async Task ReadinessPage_MvpBesideMvo_ShowsTheSeedRowsWithThisPlansFacts()
    {
        _planId = await CreatePlanAsync("Tool library");
        await AddMvpFeatureAsync("Chat with the lender");
        await Get<EssentialToolService>().AddToolAsync(_planId, new ToolInput { Name = "Shared inbox", MonthlyCost = 12 });

        var page = RenderPage();

        var summary = page.Find("[data-testid=mvp-mvo-summary]");
        summary.QuerySelectorAll("[data-testid=summary-row] th").Select(h => h.TextContent)
            .ShouldBe(["Focus", "Core question", "Audience", "Primary output", "Risk mitigated"]);
        summary.TextContent.ShouldContain("Is this business deliverable?");
        summary.TextContent.ShouldContain("1 feature, 1 in the MVP phase");
        summary.TextContent.ShouldContain("1 tool at 12 a month");
    }

    [Fact]
    public async Task PlanOverview_ReadinessCard_ShowsScoreTopFindingsAndLinkToAll()
    {
        _planId = await CreatePlanAsync("Empty plan");
        var report = (await Get<ReadinessService>().CheckAsync(_planId))!;

        var page = Render<PlanOverviewPage>(p => p.Add(x => x.PlanId, _planId));

        var card = page.Find("[data-testid=readiness-card]");
        card.QuerySelector("[data-testid=readiness-card-score]")!.TextContent.ShouldBe(report.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        card.QuerySelectorAll("[data-testid=readiness-card-finding]").Select(f => f.TextContent.Trim())
            .ShouldBe(report.Findings.Take(3).Select(f => f.Title));
        card.QuerySelector("[data-testid=readiness-see-all]")!.GetAttribute("href").ShouldBe($"/plans/{_planId}/readiness");
    }

    private IRenderedComponent<ReadinessPage> RenderPage() =>
        Render<ReadinessPage>(p => p.Add(x => x.PlanId, _planId));

    private static List<string?> Rules(IRenderedComponent<ReadinessPage> page) =>
        page.FindAll("[data-testid=finding]").Select(f => f.GetAttribute("data-rule")).ToList();

    private static string? FixLink(IRenderedComponent<ReadinessPage> page, string rule) =>
        page.FindAll($"[data-testid=finding][data-rule={rule}] [data-testid=finding-fix-link]")[0].GetAttribute("href");

    private async Task<int> AddMvpFeatureAsync(string title)
    {
        var board = await Get<RoadmapService>().GetBoardAsync(_planId);
        var created = await Get<FeatureService>().CreateAsync(_planId, new FeatureInput
        {
            Title = title, PhaseId = board.Phases[0].Id, NeedsOperationalSupport = true,
        });
        created.Succeeded.ShouldBeTrue(created.Message);
        return created.Value;
    }

    /// <summary>A plan with a promise, an owned process on every journey stage and one KPI measured and reviewed today.</summary>
    private async Task CreateReadyPlanAsync()
    {
        var created = await Get<PlanService>().CreateAsync(WorkspaceId, new PlanInput { Name = "Ready plan", ValueProposition = "Borrow a tool within a day." });
        _planId = created.Value;
        var operations = Get<OperationsService>();
        var role = await Get<OperationRoleService>().AddRoleAsync(_planId, new RoleInput { Name = "Operations Lead", Holder = "Olivia" });
        var stages = (await operations.GetAsync(_planId))!.Stages;
        for (var i = 0; i < stages.Count; i++)
        {
            var process = await Get<CoreProcessService>().AddProcessAsync(_planId, new ProcessInput
            {
                Name = $"{stages[i].Name} checklist", StageId = stages[i].Id, OwnerRoleId = role.Value, KeepsCorePromise = i == 0,
            });
            process.Succeeded.ShouldBeTrue(process.Message);
        }

        var kpi = await Get<KpiService>().AddKpiAsync(_planId, new KpiInput { Name = "Time to first loan", Unit = "hours", Direction = KpiDirection.LowerIsBetter, Target = 24, OwnerRoleId = role.Value });
        var today = Get<TimeProvider>().GetUtcNow().UtcDateTime.Date;
        (await Get<KpiService>().RecordMeasurementAsync(_planId, kpi.Value, new MeasurementInput { MeasuredOn = today, Value = 20 })).Succeeded.ShouldBeTrue();
        (await Get<KpiService>().RecordReviewAsync(_planId, kpi.Value, new ReviewInput { HeldOn = today, Notes = "On target." })).Succeeded.ShouldBeTrue();
    }
}
