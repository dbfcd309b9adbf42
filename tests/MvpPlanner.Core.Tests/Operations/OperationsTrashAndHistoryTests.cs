using MvpPlanner.Core.Common;
using MvpPlanner.Core.History;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.Operations;

/// <summary>Operations changes pass the one write path: deletions go to the plan's trash and come back whole, and
/// changes are in the plan's history.</summary>
public class OperationsTrashAndHistoryTests
{
    [Fact]
    public async Task DeleteKpi_WithMeasurementsAndReview_InTrashAndRestoredWithThem()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var kpi = await test.AddKpiAsync(planId, "Response time");
        await test.RecordMeasurementAsync(planId, kpi, new DateOnly(2026, 1, 5), 20m);
        await test.RecordMeasurementAsync(planId, kpi, new DateOnly(2026, 1, 12), 14m);
        await test.RecordReviewAsync(planId, kpi, new DateOnly(2026, 1, 13), "On track");

        (await test.Kpis().DeleteKpiAsync(planId, kpi)).Status.ShouldBe(ResultStatus.Ok);

        (await test.GetOperationsAsync(planId)).Kpis.ShouldBeEmpty();
        var trashed = (await test.Get<TrashService>().ListAsync(planId)).ShouldHaveSingleItem();
        trashed.Name.ShouldBe("Response time");
        trashed.ItemType.ShouldBe("KPI");

        var restored = await test.Get<TrashService>().RestoreAsync(planId, trashed.Id);

        restored.Status.ShouldBe(ResultStatus.Ok, restored.Message);
        (await test.Get<TrashService>().ListAsync(planId)).ShouldBeEmpty();
        var back = (await test.GetOperationsAsync(planId)).Kpis.ShouldHaveSingleItem();
        back.Name.ShouldBe("Response time");
        back.Measurements.Select(m => (m.MeasuredOn, m.Value)).ShouldBe([(new DateOnly(2026, 1, 5), 20m), (new DateOnly(2026, 1, 12), 14m)]);
        back.Reviews.ShouldHaveSingleItem().Notes.ShouldBe("On track");
    }

    [Fact]
    public async Task DeleteTool_UsedByAProcess_InTrashAndRestoredWithTheLink()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var tool = await test.AddToolAsync(planId, "Shared inbox", 12m);
        var process = await test.AddProcessAsync(planId, new ProcessInput { Name = "Answer requests", ToolIds = [tool] });

        (await test.Tools().DeleteToolAsync(planId, tool)).Status.ShouldBe(ResultStatus.Ok);

        (await test.Tools().GetAsync(planId, tool)).ShouldBeNull();
        (await test.Processes().GetAsync(planId, process)).ShouldNotBeNull().ToolIds.ShouldBeEmpty();
        var trashed = (await test.Get<TrashService>().ListAsync(planId)).ShouldHaveSingleItem();
        trashed.Name.ShouldBe("Shared inbox");

        (await test.Get<TrashService>().RestoreAsync(planId, trashed.Id)).Status.ShouldBe(ResultStatus.Ok);

        var back = (await test.GetOperationsAsync(planId)).Tools.ShouldHaveSingleItem();
        back.MonthlyCost.ShouldBe(12m);
        (await test.Processes().GetAsync(planId, process)).ShouldNotBeNull().ToolIds.ShouldBe([back.Id]);
    }

    [Fact]
    public async Task DeleteProcess_Linked_InTrashAndRestoredWithStageOwnerAndCommitment()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var stage = (await test.GetOperationsAsync(planId)).Stages[0].Id;
        var role = await test.AddRoleAsync(planId, "Support Lead");
        var commitment = await test.AddCommitmentAsync(planId, "Answer within a day");
        var process = await test.AddProcessAsync(planId, new ProcessInput
        {
            Name = "Answer requests", Steps = "Read\nReply", StageId = stage, OwnerRoleId = role, CommitmentIds = [commitment],
        });

        (await test.Processes().DeleteProcessAsync(planId, process)).Status.ShouldBe(ResultStatus.Ok);

        (await test.GetOperationsAsync(planId)).Processes.ShouldBeEmpty();
        var trashed = (await test.Get<TrashService>().ListAsync(planId)).ShouldHaveSingleItem();
        trashed.Name.ShouldBe("Answer requests");

        (await test.Get<TrashService>().RestoreAsync(planId, trashed.Id)).Status.ShouldBe(ResultStatus.Ok);

        var back = (await test.GetOperationsAsync(planId)).Processes.ShouldHaveSingleItem();
        back.StepList.ShouldBe(["Read", "Reply"]);
        back.StageId.ShouldBe(stage);
        back.OwnerRoleId.ShouldBe(role);
        back.CommitmentIds.ShouldBe([commitment]);
    }

    [Fact]
    public async Task AddDefaultStages_JourneyCleared_InHistoryAndUndoable()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        await test.ClearJourneyAsync(planId);

        var result = await test.Journey().AddDefaultStagesAsync(planId);

        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        result.Undo.ShouldNotBeNull();
        var latest = (await test.Get<HistoryService>().ListAsync(planId)).Take(6).Select(l => l.ItemName).ToList();
        latest.ShouldBe(["Marketing", "Sales", "Onboarding", "Billing", "Delivery", "Support"], ignoreOrder: true);
    }

    [Fact]
    public async Task MoveStage_InHistoryAsAChangeOfTheStage()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var sales = (await test.GetOperationsAsync(planId)).Stages.Single(s => s.Name == "Sales").Id;
        var before = await test.Get<HistoryService>().ListAsync(planId);

        var result = await test.Journey().MoveStageAsync(planId, sales, 2);

        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        result.Undo.ShouldNotBeNull();
        var after = await test.Get<HistoryService>().ListAsync(planId);
        after.Count.ShouldBeGreaterThan(before.Count);
        after[0].Sentence.ShouldBe("Olivia Owner moved journey stage Sales");
    }

    [Fact]
    public async Task RecordMeasurement_InHistoryUnderTheKpi()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var kpi = await test.AddKpiAsync(planId, "Response time");
        var before = await test.Get<HistoryService>().ListAsync(planId);

        var result = await test.Kpis().RecordMeasurementAsync(planId, kpi, new MeasurementInput { MeasuredOn = new DateTime(2026, 1, 5), Value = 20m });

        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        result.Undo.ShouldNotBeNull();
        var after = await test.Get<HistoryService>().ListAsync(planId);
        after.Count.ShouldBeGreaterThan(before.Count);
        after[0].ItemName.ShouldBe("Response time");
        after[0].Fields.ShouldBe([new FieldChangeView("measurements", "(empty)", "20 on 2026-01-05")]);

        var undone = await test.Get<UndoService>().UndoAsync(planId, result.Undo.ChangeSetId);

        undone.Succeeded.ShouldBeTrue(undone.Message);
        (await test.Kpis().GetAsync(planId, kpi))!.Measurements.ShouldBeEmpty();
    }
}
