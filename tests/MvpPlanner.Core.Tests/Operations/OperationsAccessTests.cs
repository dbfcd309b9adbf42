using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.Operations;

/// <summary>Who may read and change the operation, across every operations service (issue 4), through <see cref="OperationsService"/> over a real SQLite file.</summary>
public class OperationsAccessTests
{
    public static TheoryData<string> Changes => new(OperationChanges.Keys);

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Change_AsViewer_IsForbiddenAndNothingChanges(string change)
    {
        await using var test = await TestDatabase.CreateAsync();
        var ops = await CreateFullOperationAsync(test);
        var viewer = await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer);
        var before = await test.OperationsSnapshotAsync(ops.PlanId);
        test.ActAs(viewer);

        var result = await OperationChanges[change](test, ops);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        result.Message.ShouldNotBeNull().ShouldContain("You can view this plan but not change it");
        test.ActAs(test.Owner);
        (await test.OperationsSnapshotAsync(ops.PlanId)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Change_ByOutsider_IsNotFoundAndNothingChanges(string change)
    {
        await using var test = await TestDatabase.CreateAsync();
        var ops = await CreateFullOperationAsync(test);
        var (outsider, _) = await test.CreateOutsiderAsync();
        var before = await test.OperationsSnapshotAsync(ops.PlanId);
        test.ActAs(outsider);

        var result = await OperationChanges[change](test, ops);

        result.Status.ShouldBe(ResultStatus.NotFound);
        result.Message.ShouldNotBeNull().ShouldContain("was not found");
        (await test.OperationsSnapshotAsync(ops.PlanId)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Change_AsEditor_Succeeds(string change)
    {
        await using var test = await TestDatabase.CreateAsync();
        var ops = await CreateFullOperationAsync(test);
        test.ActAs(await test.CreateMemberAsync("Eddie Editor", WorkspaceRole.Editor));

        var result = await OperationChanges[change](test, ops);

        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
    }

    [Fact]
    public async Task AddDefaultStages_AsViewer_IsForbiddenAndJourneyStaysEmpty()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        await test.ClearJourneyAsync(planId);
        test.ActAs(await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer));

        var result = await test.Journey().AddDefaultStagesAsync(planId);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        (await test.GetOperationsAsync(planId)).Stages.ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_AsViewer_SeesTheWholeOperation()
    {
        await using var test = await TestDatabase.CreateAsync();
        var ops = await CreateFullOperationAsync(test);
        test.ActAs(await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer));

        var view = await test.GetOperationsAsync(ops.PlanId);

        view.Commitments.ShouldHaveSingleItem();
        view.Stages.Count.ShouldBe(6);
        view.Roles.ShouldHaveSingleItem();
        view.Processes.ShouldHaveSingleItem();
        view.Tools.ShouldHaveSingleItem();
        view.Kpis.ShouldHaveSingleItem().Measurements.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Get_ByOutsiderOrSignedOut_ReturnsNothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var ops = await CreateFullOperationAsync(test);
        var (outsider, _) = await test.CreateOutsiderAsync();

        test.ActAs(outsider);
        (await test.Operations().GetAsync(ops.PlanId)).ShouldBeNull();
        test.ActAs(null);
        (await test.Operations().GetAsync(ops.PlanId)).ShouldBeNull();
    }

    private sealed record FullOperation(int PlanId, int CommitmentId, int StageId, int RoleId, int ProcessId, int ToolId, int KpiId);

    /// <summary>Every change the operations page offers, made with valid input and the current version,
    /// so only the caller's rights decide the answer.</summary>
    private static readonly Dictionary<string, Func<TestDatabase, FullOperation, Task<ServiceResult>>> OperationChanges = new()
    {
        ["commitment.add"] = async (t, o) => await t.Commitments().AddCommitmentAsync(o.PlanId, new CommitmentInput { Text = "New" }),
        ["commitment.update"] = async (t, o) => await t.Commitments().UpdateCommitmentAsync(o.PlanId, o.CommitmentId, new CommitmentInput { Text = "Changed", Version = 1 }),
        ["commitment.delete"] = async (t, o) => await t.Commitments().DeleteCommitmentAsync(o.PlanId, o.CommitmentId),
        ["stage.add"] = async (t, o) => await t.Journey().AddStageAsync(o.PlanId, new StageInput { Name = "Renewal" }),
        ["stage.update"] = async (t, o) => await t.Journey().UpdateStageAsync(o.PlanId, o.StageId, new StageInput { Name = "Changed", Version = 1 }),
        ["stage.move"] = async (t, o) => await t.Journey().MoveStageAsync(o.PlanId, o.StageId, 1),
        ["stage.delete"] = async (t, o) => await t.Journey().DeleteStageAsync(o.PlanId, o.StageId),
        ["role.add"] = async (t, o) => await t.Roles().AddRoleAsync(o.PlanId, new RoleInput { Name = "New role" }),
        ["role.update"] = async (t, o) => await t.Roles().UpdateRoleAsync(o.PlanId, o.RoleId, new RoleInput { Name = "Changed", Version = 1 }),
        ["role.delete"] = async (t, o) => await t.Roles().DeleteRoleAsync(o.PlanId, o.RoleId),
        ["process.add"] = async (t, o) => await t.Processes().AddProcessAsync(o.PlanId, new ProcessInput { Name = "New process" }),
        ["process.update"] = async (t, o) => await t.Processes().UpdateProcessAsync(o.PlanId, o.ProcessId, new ProcessInput { Name = "Changed", Version = 1 }),
        ["process.delete"] = async (t, o) => await t.Processes().DeleteProcessAsync(o.PlanId, o.ProcessId),
        ["tool.add"] = async (t, o) => await t.Tools().AddToolAsync(o.PlanId, new ToolInput { Name = "New tool" }),
        ["tool.update"] = async (t, o) => await t.Tools().UpdateToolAsync(o.PlanId, o.ToolId, new ToolInput { Name = "Changed", MonthlyCost = 1m, Version = 1 }),
        ["tool.delete"] = async (t, o) => await t.Tools().DeleteToolAsync(o.PlanId, o.ToolId),
        ["kpi.add"] = async (t, o) => await t.Kpis().AddKpiAsync(o.PlanId, new KpiInput { Name = "New KPI" }),
        ["kpi.update"] = async (t, o) => await t.Kpis().UpdateKpiAsync(o.PlanId, o.KpiId, new KpiInput { Name = "Changed", Version = 1 }),
        ["kpi.delete"] = async (t, o) => await t.Kpis().DeleteKpiAsync(o.PlanId, o.KpiId),
        ["kpi.measure"] = async (t, o) => await t.Kpis().RecordMeasurementAsync(o.PlanId, o.KpiId, new MeasurementInput { MeasuredOn = new DateTime(2026, 2, 1), Value = 5m }),
        ["kpi.review"] = async (t, o) => await t.Kpis().RecordReviewAsync(o.PlanId, o.KpiId, new ReviewInput { HeldOn = new DateTime(2026, 2, 1), Notes = "Reviewed" }),
    };

    private static async Task<FullOperation> CreateFullOperationAsync(TestDatabase test)
    {
        var sample = await test.CreateSamplePlanAsync();
        var planId = sample.PlanId;
        var stageId = (await test.GetOperationsAsync(planId)).Stages[0].Id;
        var commitment = await test.AddCommitmentAsync(planId, "Answer within 24 hours");
        var role = await test.AddRoleAsync(planId, "Support Lead");
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
        return new FullOperation(planId, commitment, stageId, role, process, tool, kpi);
    }
}
