using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.History;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.Gates;

/// <summary>Phase gates through <see cref="GateService"/> over a real SQLite file.</summary>
public class GateServiceTests
{
    private static readonly DateTimeOffset Noon = new(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);

    private static async Task<(TestDatabase Test, int PlanId, int MvpId, int PilotId)> PlanAsync(TimeProvider? clock = null)
    {
        var test = clock is null ? await TestDatabase.CreateAsync() : await TestDatabase.CreateAsync(clock);
        var planId = await test.CreatePlanAsync("Tool library");
        var board = await test.GetBoardAsync(planId);
        return (test, planId, board.Phases[0].Id, board.Phases[1].Id);
    }

    private static async Task<int> AddAsync(TestDatabase test, int planId, int phaseId, GateConditionInput input)
    {
        var added = await test.Get<GateService>().AddConditionAsync(planId, phaseId, input);
        added.Status.ShouldBe(ResultStatus.Ok, added.Message);
        return added.Value;
    }

    private static async Task<PhaseGate> GateAsync(TestDatabase test, int planId, int phaseId) =>
        (await test.Get<GateService>().GetGateAsync(planId, phaseId))!;

    [Fact]
    public async Task AddConditions_EachKind_ShowOnThePhasesGateInOrder()
    {
        var (test, planId, mvpId, pilotId) = await PlanAsync();
        await using var _ = test;
        var outcomeId = await test.AddOutcomeAsync(planId, "Residents borrow instead of buying", 10, 60);

        await AddAsync(test, planId, mvpId, new GateConditionInput { Kind = GateConditionKind.OutcomeReaches, OutcomeId = outcomeId, Threshold = 40 });
        await AddAsync(test, planId, mvpId, new GateConditionInput { Kind = GateConditionKind.ReadinessAtLeast, Threshold = 50 });
        await AddAsync(test, planId, mvpId, new GateConditionInput { Kind = GateConditionKind.LaunchStepsDone, Threshold = 2 });
        await AddAsync(test, planId, mvpId, new GateConditionInput { Kind = GateConditionKind.SignOff, RoleName = " Head of operations " });

        var gate = await GateAsync(test, planId, mvpId);
        gate.Conditions.Select(c => c.Kind).ShouldBe([GateConditionKind.OutcomeReaches, GateConditionKind.ReadinessAtLeast, GateConditionKind.LaunchStepsDone, GateConditionKind.SignOff]);
        gate.Conditions[0].OutcomeName.ShouldBe("Residents borrow instead of buying");
        gate.Conditions[3].RoleName.ShouldBe("Head of operations");
        gate.Result.HasGate.ShouldBeTrue();
        gate.Result.IsMet.ShouldBeFalse();
        (await GateAsync(test, planId, pilotId)).Result.HasGate.ShouldBeFalse();
    }

    [Fact]
    public async Task OutcomeReaches_LatestMeasurementCounts_ByDayThenByEntry()
    {
        var (test, planId, mvpId, _) = await PlanAsync();
        await using var _ = test;
        var outcomeId = await test.AddOutcomeAsync(planId, "Loans per month", 10, 60);
        await AddAsync(test, planId, mvpId, new GateConditionInput { Kind = GateConditionKind.OutcomeReaches, OutcomeId = outcomeId, Threshold = 40 });

        (await GateAsync(test, planId, mvpId)).Result.Conditions[0].Reason.ShouldBe(GateReason.OutcomeNotMeasured);
        await test.MeasureAsync(outcomeId, new DateOnly(2026, 5, 2), 45);
        await test.MeasureAsync(outcomeId, new DateOnly(2026, 4, 1), 20); // an older reading entered later does not count

        var gate = await GateAsync(test, planId, mvpId);
        gate.Result.IsMet.ShouldBeTrue();
        gate.Result.Conditions[0].Actual.ShouldBe(45);
    }

    [Fact]
    public async Task DeletingTheOutcome_LeavesTheConditionSayingOutcomeDeleted()
    {
        var (test, planId, mvpId, _) = await PlanAsync();
        await using var _ = test;
        var outcomeId = await test.AddOutcomeAsync(planId, "Loans per month", 10, 60);
        await test.MeasureAsync(outcomeId, new DateOnly(2026, 5, 2), 80);
        await AddAsync(test, planId, mvpId, new GateConditionInput { Kind = GateConditionKind.OutcomeReaches, OutcomeId = outcomeId, Threshold = 40 });

        (await test.Get<PlanService>().DeleteOutcomeAsync(planId, outcomeId)).Succeeded.ShouldBeTrue();

        var condition = (await GateAsync(test, planId, mvpId)).Result.Conditions.ShouldHaveSingleItem();
        condition.IsMet.ShouldBeFalse();
        condition.Reason.ShouldBe(GateReason.OutcomeDeleted);
    }

    [Fact]
    public async Task SignOff_RecordsWhoAndWhen_AndCanBeTakenBack()
    {
        var clock = new TestClock(Noon);
        var (test, planId, mvpId, _) = await PlanAsync(clock);
        await using var _ = test;
        var id = await AddAsync(test, planId, mvpId, new GateConditionInput { Kind = GateConditionKind.SignOff, RoleName = "Sponsor" });
        var gates = test.Get<GateService>();

        var signed = await gates.SignOffAsync(planId, id, new SignOffInput { Note = "Pilot numbers look right <b>ok</b>", Version = 1 });

        signed.Status.ShouldBe(ResultStatus.Ok, signed.Message);
        var condition = (await GateAsync(test, planId, mvpId)).Result.Conditions.ShouldHaveSingleItem();
        condition.IsMet.ShouldBeTrue();
        condition.SignedOffByName.ShouldBe("Olivia Owner");
        condition.SignedOffAt.ShouldBe(Noon.UtcDateTime);
        condition.SignOffNote.ShouldBe("Pilot numbers look right <b>ok</b>");

        (await gates.SignOffAsync(planId, id, new SignOffInput { SignedOff = false, Version = 2 })).Succeeded.ShouldBeTrue();
        var unsigned = (await GateAsync(test, planId, mvpId)).Result.Conditions.ShouldHaveSingleItem();
        unsigned.IsMet.ShouldBeFalse();
        unsigned.SignedOffByName.ShouldBe("");
    }

    [Fact]
    public async Task Viewer_CannotAddConditionsOrSignOff_ButSeesTheGate()
    {
        var (test, planId, mvpId, _) = await PlanAsync();
        await using var _ = test;
        var id = await AddAsync(test, planId, mvpId, new GateConditionInput { Kind = GateConditionKind.SignOff, RoleName = "Sponsor" });
        test.ActAs(await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer));
        var gates = test.Get<GateService>();

        (await gates.AddConditionAsync(planId, mvpId, new GateConditionInput { Kind = GateConditionKind.ReadinessAtLeast, Threshold = 50 })).Status.ShouldBe(ResultStatus.Forbidden);
        (await gates.SignOffAsync(planId, id, new SignOffInput { Version = 1 })).Status.ShouldBe(ResultStatus.Forbidden);

        (await GateAsync(test, planId, mvpId)).Result.Conditions.ShouldHaveSingleItem().IsMet.ShouldBeFalse();
    }

    [Fact]
    public async Task SignOff_BasedOnAnOldVersion_IsAConflict()
    {
        var (test, planId, mvpId, _) = await PlanAsync();
        await using var _ = test;
        var id = await AddAsync(test, planId, mvpId, new GateConditionInput { Kind = GateConditionKind.SignOff, RoleName = "Sponsor" });
        var gates = test.Get<GateService>();
        (await gates.UpdateConditionAsync(planId, id, new GateConditionInput { Kind = GateConditionKind.SignOff, RoleName = "Product sponsor", Version = 1 })).Succeeded.ShouldBeTrue();

        var stale = await gates.SignOffAsync(planId, id, new SignOffInput { Version = 1 });

        stale.Status.ShouldBe(ResultStatus.Conflict);
        (await GateAsync(test, planId, mvpId)).Result.IsMet.ShouldBeFalse();
    }

    [Theory]
    [InlineData(GateConditionKind.ReadinessAtLeast, 101.0, nameof(GateConditionInput.Threshold))]
    [InlineData(GateConditionKind.ReadinessAtLeast, 50.5, nameof(GateConditionInput.Threshold))]
    [InlineData(GateConditionKind.LaunchStepsDone, 9.0, nameof(GateConditionInput.Threshold))]
    [InlineData(GateConditionKind.OutcomeReaches, 10.0, nameof(GateConditionInput.OutcomeId))]
    [InlineData(GateConditionKind.SignOff, null, nameof(GateConditionInput.RoleName))]
    public async Task AddCondition_Incomplete_IsInvalidOnThatField(GateConditionKind kind, double? threshold, string field)
    {
        var (test, planId, mvpId, _) = await PlanAsync();
        await using var _ = test;

        var result = await test.Get<GateService>().AddConditionAsync(planId, mvpId, new GateConditionInput { Kind = kind, Threshold = (decimal?)threshold });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ErrorsFor(field).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task AddCondition_OutcomeOfAnotherPlan_IsRefused()
    {
        var (test, planId, mvpId, _) = await PlanAsync();
        await using var _ = test;
        var otherPlan = await test.CreatePlanAsync("Other");
        var foreign = await test.AddOutcomeAsync(otherPlan, "Not ours", 0, 10);

        var result = await test.Get<GateService>().AddConditionAsync(planId, mvpId, new GateConditionInput { Kind = GateConditionKind.OutcomeReaches, OutcomeId = foreign, Threshold = 5 });

        result.ErrorsFor(nameof(GateConditionInput.OutcomeId)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task AddCondition_IsInHistory_AndUndoRemovesIt()
    {
        var (test, planId, mvpId, _) = await PlanAsync();
        await using var _ = test;

        var added = await test.Get<GateService>().AddConditionAsync(planId, mvpId, new GateConditionInput { Kind = GateConditionKind.ReadinessAtLeast, Threshold = 70 });

        var line = (await test.Get<HistoryService>().ListAsync(planId))[0];
        line.ItemType.ShouldBe("gate condition");
        (await test.Get<UndoService>().UndoAsync(planId, added.Undo!.ChangeSetId)).Succeeded.ShouldBeTrue();
        (await GateAsync(test, planId, mvpId)).Result.HasGate.ShouldBeFalse();
    }

    [Fact]
    public async Task ReadinessAndLaunchSteps_AreReadFromThePlan()
    {
        var (test, planId, mvpId, _) = await PlanAsync();
        await using var _ = test;
        await AddAsync(test, planId, mvpId, new GateConditionInput { Kind = GateConditionKind.ReadinessAtLeast, Threshold = 0 });
        await AddAsync(test, planId, mvpId, new GateConditionInput { Kind = GateConditionKind.LaunchStepsDone, Threshold = 1 });

        (await GateAsync(test, planId, mvpId)).Result.MetCount.ShouldBe(1); // readiness 0+ is met; step 1 not yet
        await test.CreateProblemAsync(planId, "Cannot find a tool nearby", await test.CreatePersonaAsync(planId)); // a problem written down proves step 1

        var gate = await GateAsync(test, planId, mvpId);
        gate.Result.IsMet.ShouldBeTrue();
        await using var db = await test.NewContextAsync();
        (await db.GateConditions.CountAsync()).ShouldBe(2);
    }
}
