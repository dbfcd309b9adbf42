using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.ImportExport;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.ImportExport;

/// <summary>The templates offered on "Start a plan" are in the build and each starts a complete plan.</summary>
public class PlanTemplatesTests
{
    public static TheoryData<string> TemplateIds => new(PlanTemplates.All.Select(t => t.Id));

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public async Task NewPlanFromTemplate_HasPhasesLanesJourneyProcessesAndKpis(string templateId)
    {
        await using var test = await TestDatabase.CreateAsync();

        var created = await test.Get<PlanImportService>().CreateFromTemplateAsync(test.WorkspaceId, templateId, "Our launch");

        created.Status.ShouldBe(ResultStatus.Ok, created.Message);
        var plan = (await test.Get<PlanExportService>().GetDocumentAsync(created.Value)).Value!;
        plan.Plan.Name.ShouldBe("Our launch");
        plan.Phases.Count.ShouldBeGreaterThanOrEqualTo(4);
        plan.Lanes.Count.ShouldBeGreaterThanOrEqualTo(4);
        plan.JourneyStages.ShouldNotBeEmpty();
        plan.CoreProcesses.ShouldNotBeEmpty();
        plan.Kpis.Count.ShouldBeInRange(2, 3);
        (await test.Get<PlanService>().GetOverviewAsync(created.Value))!.FeatureCount.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task TemplateIntoAWorkspaceWhereTheUserIsAViewer_IsRefused()
    {
        await using var test = await TestDatabase.CreateAsync();
        test.ActAs(await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer));

        var created = await test.Get<PlanImportService>().CreateFromTemplateAsync(test.WorkspaceId, PlanTemplates.All[0].Id);

        created.Status.ShouldBe(ResultStatus.Forbidden);
    }

    [Fact]
    public async Task UnknownTemplate_IsNotFound()
    {
        await using var test = await TestDatabase.CreateAsync();

        var created = await test.Get<PlanImportService>().CreateFromTemplateAsync(test.WorkspaceId, "../../etc/passwd");

        created.Status.ShouldBe(ResultStatus.NotFound);
    }
}
