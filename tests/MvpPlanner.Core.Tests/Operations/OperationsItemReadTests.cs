using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.Operations;

/// <summary>Each operations service reads one item for a dialog (its reload after a conflict), the same as the page shows
/// it, without reading the whole operation.</summary>
public class OperationsItemReadTests
{
    [Fact]
    public async Task GetAsync_EachItemOfTheOperation_SameAsThePageShowsIt()
    {
        await using var test = await TestDatabase.CreateAsync();
        var ops = await CreateOperationAsync(test);
        var page = await test.GetOperationsAsync(ops.PlanId);

        (await test.Commitments().GetAsync(ops.PlanId, ops.CommitmentId)).ShouldNotBeNull().ShouldBeEquivalentTo(page.Commitments.Single());
        (await test.Journey().GetAsync(ops.PlanId, ops.StageId)).ShouldNotBeNull().ShouldBeEquivalentTo(page.Stages.Single(s => s.Id == ops.StageId));
        (await test.Roles().GetAsync(ops.PlanId, ops.RoleId)).ShouldNotBeNull().ShouldBeEquivalentTo(page.Roles.Single());
        (await test.Processes().GetAsync(ops.PlanId, ops.ProcessId)).ShouldNotBeNull().ShouldBeEquivalentTo(page.Processes.Single());
        (await test.Tools().GetAsync(ops.PlanId, ops.ToolId)).ShouldNotBeNull().ShouldBeEquivalentTo(page.Tools.Single());
        (await test.Kpis().GetAsync(ops.PlanId, ops.KpiId)).ShouldNotBeNull().ShouldBeEquivalentTo(page.Kpis.Single());
    }

    [Fact]
    public async Task GetAsync_Process_ReadsItsLinksAndVersion()
    {
        await using var test = await TestDatabase.CreateAsync();
        var ops = await CreateOperationAsync(test);

        var process = (await test.Processes().GetAsync(ops.PlanId, ops.ProcessId)).ShouldNotBeNull();

        process.Name.ShouldBe("Support inbox");
        process.StageId.ShouldBe(ops.StageId);
        process.OwnerRoleId.ShouldBe(ops.RoleId);
        process.CommitmentIds.ShouldBe([ops.CommitmentId]);
        process.ToolIds.ShouldBe([ops.ToolId]);
        process.FeatureIds.ShouldBe([ops.FeatureId]);
        process.Version.ShouldBe(1);
    }

    [Fact]
    public async Task GetAsync_Kpi_MeasurementsOldestFirstReviewsNewestFirst()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var kpi = await test.AddKpiAsync(planId, "Response time");
        await test.RecordMeasurementAsync(planId, kpi, new DateOnly(2026, 1, 12), 14m);
        await test.RecordMeasurementAsync(planId, kpi, new DateOnly(2026, 1, 5), 20m);
        await test.RecordReviewAsync(planId, kpi, new DateOnly(2026, 1, 6), "First look");
        await test.RecordReviewAsync(planId, kpi, new DateOnly(2026, 1, 13), "Better");

        var view = (await test.Kpis().GetAsync(planId, kpi)).ShouldNotBeNull();

        view.Measurements.Select(m => m.Value).ShouldBe([20m, 14m]);
        view.Latest.ShouldNotBeNull().Value.ShouldBe(14m);
        view.Reviews.Select(r => r.Notes).ShouldBe(["Better", "First look"]);
    }

    [Fact]
    public async Task GetAsync_ItemOfAnotherPlanOrUnknown_ReturnsNothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var ops = await CreateOperationAsync(test);
        var otherPlan = await test.CreatePlanAsync("Other plan");

        (await test.Commitments().GetAsync(otherPlan, ops.CommitmentId)).ShouldBeNull();
        (await test.Journey().GetAsync(otherPlan, ops.StageId)).ShouldBeNull();
        (await test.Roles().GetAsync(otherPlan, ops.RoleId)).ShouldBeNull();
        (await test.Processes().GetAsync(otherPlan, ops.ProcessId)).ShouldBeNull();
        (await test.Tools().GetAsync(otherPlan, ops.ToolId)).ShouldBeNull();
        (await test.Kpis().GetAsync(otherPlan, ops.KpiId)).ShouldBeNull();
        (await test.Kpis().GetAsync(ops.PlanId, 999_999)).ShouldBeNull();
        (await test.Processes().GetAsync(ops.PlanId, ops.ToolId + 999_999)).ShouldBeNull();
    }

    [Fact]
    public async Task GetAsync_AsViewer_ReadsTheItem()
    {
        await using var test = await TestDatabase.CreateAsync();
        var ops = await CreateOperationAsync(test);
        test.ActAs(await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer));

        (await test.Kpis().GetAsync(ops.PlanId, ops.KpiId)).ShouldNotBeNull().Name.ShouldBe("Response time");
        (await test.Roles().GetAsync(ops.PlanId, ops.RoleId)).ShouldNotBeNull().Label.ShouldBe("Support Lead (Sam)");
    }

    [Fact]
    public async Task GetAsync_ByOutsiderOrSignedOut_ReturnsNothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var ops = await CreateOperationAsync(test);
        var (outsider, _) = await test.CreateOutsiderAsync();

        foreach (var asOutsider in new[] { true, false })
        {
            test.ActAs(asOutsider ? outsider : null);
            (await test.Commitments().GetAsync(ops.PlanId, ops.CommitmentId)).ShouldBeNull();
            (await test.Journey().GetAsync(ops.PlanId, ops.StageId)).ShouldBeNull();
            (await test.Roles().GetAsync(ops.PlanId, ops.RoleId)).ShouldBeNull();
            (await test.Processes().GetAsync(ops.PlanId, ops.ProcessId)).ShouldBeNull();
            (await test.Tools().GetAsync(ops.PlanId, ops.ToolId)).ShouldBeNull();
            (await test.Kpis().GetAsync(ops.PlanId, ops.KpiId)).ShouldBeNull();
            (await test.Roles().ListAsync(ops.PlanId)).ShouldBeNull();
        }
    }

    [Fact]
    public async Task ListRoles_ByName_AsThePageListsThem()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        await test.AddRoleAsync(planId, "Support Lead", "Sam");
        await test.AddRoleAsync(planId, "Billing Clerk");

        var roles = (await test.Roles().ListAsync(planId)).ShouldNotBeNull();

        roles.Select(r => r.Label).ShouldBe(["Billing Clerk", "Support Lead (Sam)"]);
        roles.ShouldBeEquivalentTo((await test.GetOperationsAsync(planId)).Roles);
    }

    private sealed record Operation(int PlanId, int FeatureId, int CommitmentId, int StageId, int RoleId, int ProcessId, int ToolId, int KpiId);

    private static async Task<Operation> CreateOperationAsync(TestDatabase test)
    {
        var sample = await test.CreateSamplePlanAsync();
        var planId = sample.PlanId;
        var stageId = (await test.GetOperationsAsync(planId)).Stages[1].Id;
        var commitment = await test.AddCommitmentAsync(planId, "Answer within 24 hours");
        var role = await test.AddRoleAsync(planId, "Support Lead", "Sam");
        var tool = await test.AddToolAsync(planId, "Inbox", 9m);
        var process = await test.AddProcessAsync(planId, new ProcessInput
        {
            Name = "Support inbox",
            StageId = stageId,
            OwnerRoleId = role,
            CommitmentIds = [commitment],
            ToolIds = [tool],
            FeatureIds = [sample.FeatureId],
        });
        var kpi = await test.AddKpiAsync(planId, "Response time", ownerRoleId: role);
        await test.RecordMeasurementAsync(planId, kpi, new DateOnly(2026, 1, 1), 20m);
        await test.RecordReviewAsync(planId, kpi, new DateOnly(2026, 1, 2));
        return new Operation(planId, sample.FeatureId, commitment, stageId, role, process, tool, kpi);
    }
}
