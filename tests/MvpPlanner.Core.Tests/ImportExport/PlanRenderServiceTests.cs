using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.ImportExport;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.ImportExport;

/// <summary>The readable exports over a real SQLite plan: what plan.md holds beside the document, and who gets it.</summary>
public sealed class PlanRenderServiceTests
{
    [Fact]
    public async Task PlanMarkdown_SamplePlan_HoldsItsFeaturesAndTheReadinessFindingsFromTheDatabase()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();

        var result = await test.Get<PlanRenderService>().PlanMarkdownAsync(plan.PlanId);

        result.Succeeded.ShouldBeTrue();
        result.Value!.ContentType.ShouldBe("text/markdown; charset=utf-8");
        var markdown = System.Text.Encoding.UTF8.GetString(result.Value.Content);
        markdown.ShouldContain("## Prioritised backlog");
        markdown.ShouldContain("Score: ");
        markdown.ShouldContain("No KPI", customMessage: "a plan without KPIs has that readiness finding");
    }

    [Fact]
    public async Task Exports_Outsider_AreNotFound()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var (outsider, _) = await test.CreateOutsiderAsync();
        test.ActAs(outsider);
        var render = test.Get<PlanRenderService>();

        (await render.PlanMarkdownAsync(plan.PlanId)).Status.ShouldBe(ResultStatus.NotFound);
        (await render.RoadmapSvgAsync(plan.PlanId)).Status.ShouldBe(ResultStatus.NotFound);
        (await render.RoadmapPngAsync(plan.PlanId)).Status.ShouldBe(ResultStatus.NotFound);
    }

    [Fact]
    public async Task RoadmapSvg_Viewer_GetsOneCardPerFeature()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var viewer = await test.CreateMemberAsync("Vera Viewer", WorkspaceRole.Viewer, plan.WorkspaceId);

        test.ActAs(viewer);
        var result = await test.Get<PlanRenderService>().RoadmapSvgAsync(plan.PlanId);

        result.Succeeded.ShouldBeTrue();
        var svg = System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(result.Value!.Content));
        svg.Descendants().Count(e => e.Name.LocalName == "g" && (string?)e.Attribute("class") == "card").ShouldBe(2);
    }
}
