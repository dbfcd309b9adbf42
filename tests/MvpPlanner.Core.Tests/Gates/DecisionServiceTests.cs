using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Feedback;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.Gates;

/// <summary>The go/no-go decision log through <see cref="DecisionService"/>.</summary>
public class DecisionServiceTests
{
    private static async Task<int> AddFeedbackAsync(TestDatabase test, int planId, string text)
    {
        await using var db = await test.NewContextAsync();
        var item = new FeedbackItem { PlanId = planId, Text = text, ReceivedOn = new DateOnly(2026, 4, 20), State = FeedbackState.Linked };
        db.FeedbackItems.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    private static DecisionInput Go(int phaseId, params int[] outcomeIds) => new()
    {
        PhaseId = phaseId,
        Decision = DecisionKind.Persevere,
        DecidedOn = new DateTime(2026, 5, 4),
        Reasons = "Loans doubled in the pilot.",
        DecidedBy = "Olivia, Mia",
        OutcomeIds = outcomeIds,
    };

    [Fact]
    public async Task Record_WithEvidence_KeepsReasonsLinksAndTheGateAsItWas()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var mvpId = (await test.GetBoardAsync(planId)).Phases[0].Id;
        var outcomeId = await test.AddOutcomeAsync(planId, "Loans per month", 10, 60);
        var feedbackId = await AddFeedbackAsync(test, planId, "I borrowed a drill in five minutes <script>x</script>");
        await test.Get<GateService>().AddConditionAsync(planId, mvpId, new GateConditionInput { Kind = GateConditionKind.OutcomeReaches, OutcomeId = outcomeId, Threshold = 40 });
        await test.MeasureAsync(outcomeId, new DateOnly(2026, 5, 1), 42);
        var input = Go(mvpId, outcomeId);
        input.FeedbackIds = [feedbackId];

        var recorded = await test.Get<DecisionService>().RecordAsync(planId, input);

        recorded.Status.ShouldBe(ResultStatus.Ok, recorded.Message);
        await test.MeasureAsync(outcomeId, new DateOnly(2026, 5, 3), 5); // later numbers do not change the record
        var decision = (await test.Get<DecisionService>().ListAsync(planId)).ShouldHaveSingleItem();
        decision.PhaseName.ShouldBe("MVP");
        decision.Decision.ShouldBe(DecisionKind.Persevere);
        decision.Reasons.ShouldBe("Loans doubled in the pilot.");
        decision.DecidedBy.ShouldBe("Olivia, Mia");
        decision.RecordedBy.ShouldBe("Olivia Owner");
        decision.Outcomes.ShouldHaveSingleItem().Text.ShouldBe("Loans per month");
        decision.Feedback.ShouldHaveSingleItem().Text.ShouldContain("<script>");
        decision.Gate.IsMet.ShouldBeTrue();
        decision.Gate.Conditions.ShouldHaveSingleItem().Actual.ShouldBe(42);
    }

    [Fact]
    public async Task List_IsNewestFirst_AndSurvivesThePhasesDeletion()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var phases = (await test.GetBoardAsync(planId)).Phases;
        var decisions = test.Get<DecisionService>();
        (await decisions.RecordAsync(planId, Go(phases[0].Id))).Succeeded.ShouldBeTrue();
        var later = Go(phases[1].Id);
        later.Decision = DecisionKind.Pivot;
        later.DecidedOn = new DateTime(2026, 7, 1);
        (await decisions.RecordAsync(planId, later)).Succeeded.ShouldBeTrue();

        (await test.Get<RoadmapService>().DeletePhaseAsync(planId, phases[1].Id)).Succeeded.ShouldBeTrue();

        var list = await decisions.ListAsync(planId);
        list.Select(d => d.Decision).ShouldBe([DecisionKind.Pivot, DecisionKind.Persevere]);
        list[0].PhaseName.ShouldBe("Pilot");
        list[0].PhaseId.ShouldBeNull();
    }

    [Fact]
    public async Task Record_WithoutReasonsOrPhase_IsInvalidBesideThoseFields()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await test.Get<DecisionService>().RecordAsync(planId, new DecisionInput { DecidedOn = new DateTime(2026, 5, 4), Reasons = " ", DecidedBy = "Olivia" });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ErrorsFor(nameof(DecisionInput.Reasons)).ShouldNotBeEmpty();
        result.ErrorsFor(nameof(DecisionInput.PhaseId)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Record_EvidenceFromAnotherPlan_IsRefusedAndNothingSaved()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var mvpId = (await test.GetBoardAsync(planId)).Phases[0].Id;
        var otherPlan = await test.CreatePlanAsync("Other");
        var foreign = await test.AddOutcomeAsync(otherPlan, "Not ours", 0, 10);

        var result = await test.Get<DecisionService>().RecordAsync(planId, Go(mvpId, foreign));

        result.Succeeded.ShouldBeFalse();
        await using var db = await test.NewContextAsync();
        (await db.PhaseDecisions.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Viewer_CannotRecordADecision()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var mvpId = (await test.GetBoardAsync(planId)).Phases[0].Id;
        test.ActAs(await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer));

        (await test.Get<DecisionService>().RecordAsync(planId, Go(mvpId))).Status.ShouldBe(ResultStatus.Forbidden);
    }

    private static async Task<DecisionView> RecordGoAsync(DecisionService decisions, int planId, int phaseId)
    {
        (await decisions.RecordAsync(planId, Go(phaseId))).Succeeded.ShouldBeTrue();
        return (await decisions.ListAsync(planId)).ShouldHaveSingleItem();
    }

    private static DecisionInput Correction(DecisionView recorded, string reasons, int[] outcomeIds, int[] feedbackIds) => new()
    {
        PhaseId = recorded.PhaseId,
        Decision = DecisionKind.Pivot,
        DecidedOn = new DateTime(2026, 5, 5),
        Reasons = reasons,
        DecidedBy = "Olivia, Mia, Noah",
        OutcomeIds = outcomeIds,
        FeedbackIds = feedbackIds,
        Version = recorded.Version,
    };

    [Fact]
    public async Task Edit_CorrectsTheCallReasonsAndEvidence_ButKeepsThePhaseAndTheGateAsRecorded()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var phases = (await test.GetBoardAsync(planId)).Phases;
        var outcomeId = await test.AddOutcomeAsync(planId, "Loans per month", 10, 60);
        var feedbackId = await AddFeedbackAsync(test, planId, "Took too long to find a ladder");
        await test.Get<GateService>().AddConditionAsync(planId, phases[0].Id, new GateConditionInput { Kind = GateConditionKind.OutcomeReaches, OutcomeId = outcomeId, Threshold = 40 });
        await test.MeasureAsync(outcomeId, new DateOnly(2026, 5, 1), 42);
        var decisions = test.Get<DecisionService>();
        (await decisions.RecordAsync(planId, Go(phases[0].Id, outcomeId))).Succeeded.ShouldBeTrue();
        var recorded = (await decisions.ListAsync(planId)).ShouldHaveSingleItem();
        await test.MeasureAsync(outcomeId, new DateOnly(2026, 5, 3), 5);
        var correction = Correction(recorded, "Loans doubled, but finding tools is slow: change the catalogue first.", [], [feedbackId]);
        correction.PhaseId = phases[1].Id; // ignored: the phase is part of the record

        var saved = await decisions.UpdateAsync(planId, recorded.Id, correction);

        saved.Status.ShouldBe(ResultStatus.Ok, saved.Message);
        var decision = (await decisions.ListAsync(planId)).ShouldHaveSingleItem();
        decision.Decision.ShouldBe(DecisionKind.Pivot);
        decision.DecidedOn.ShouldBe(new DateOnly(2026, 5, 5));
        decision.Reasons.ShouldStartWith("Loans doubled, but");
        decision.DecidedBy.ShouldBe("Olivia, Mia, Noah");
        decision.Outcomes.ShouldBeEmpty();
        decision.Feedback.ShouldHaveSingleItem().Id.ShouldBe(feedbackId);
        decision.PhaseId.ShouldBe(phases[0].Id);
        decision.PhaseName.ShouldBe("MVP");
        decision.Gate.Conditions.ShouldHaveSingleItem().Actual.ShouldBe(42);
        decision.Version.ShouldBeGreaterThan(recorded.Version);
    }

    [Fact]
    public async Task Edit_ByTwoPeopleFromTheSameVersion_SecondIsAConflictAndTheFirstCorrectionStays()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var mvpId = (await test.GetBoardAsync(planId)).Phases[0].Id;
        var decisions = test.Get<DecisionService>();
        var recorded = await RecordGoAsync(decisions, planId, mvpId);

        (await decisions.UpdateAsync(planId, recorded.Id, Correction(recorded, "First correction.", [], []))).Succeeded.ShouldBeTrue();
        var second = await decisions.UpdateAsync(planId, recorded.Id, Correction(recorded, "Second correction.", [], []));

        second.Status.ShouldBe(ResultStatus.Conflict);
        (await decisions.ListAsync(planId)).ShouldHaveSingleItem().Reasons.ShouldBe("First correction.");
    }

    [Fact]
    public async Task Edit_DecisionWhosePhaseWasDeleted_CanStillBeCorrected()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var pilotId = (await test.GetBoardAsync(planId)).Phases[1].Id;
        var decisions = test.Get<DecisionService>();
        (await decisions.RecordAsync(planId, Go(pilotId))).Succeeded.ShouldBeTrue();
        (await test.Get<RoadmapService>().DeletePhaseAsync(planId, pilotId)).Succeeded.ShouldBeTrue();
        var recorded = (await decisions.ListAsync(planId)).ShouldHaveSingleItem();

        var saved = await decisions.UpdateAsync(planId, recorded.Id, Correction(recorded, "Stopped: the pilot never found lenders.", [], []));

        saved.Status.ShouldBe(ResultStatus.Ok, saved.Message);
        var decision = (await decisions.ListAsync(planId)).ShouldHaveSingleItem();
        decision.PhaseId.ShouldBeNull();
        decision.PhaseName.ShouldBe("Pilot");
        decision.Reasons.ShouldBe("Stopped: the pilot never found lenders.");
    }

    [Fact]
    public async Task Edit_WithoutReasonsOrWithEvidenceFromAnotherPlan_IsRefusedAndTheRecordStays()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var mvpId = (await test.GetBoardAsync(planId)).Phases[0].Id;
        var foreign = await test.AddOutcomeAsync(await test.CreatePlanAsync("Other"), "Not ours", 0, 10);
        var decisions = test.Get<DecisionService>();
        var recorded = await RecordGoAsync(decisions, planId, mvpId);

        var blank = await decisions.UpdateAsync(planId, recorded.Id, Correction(recorded, " ", [], []));
        var foreignEvidence = await decisions.UpdateAsync(planId, recorded.Id, Correction(recorded, "Looks fine.", [foreign], []));

        blank.ErrorsFor(nameof(DecisionInput.Reasons)).ShouldNotBeEmpty();
        foreignEvidence.Succeeded.ShouldBeFalse();
        var decision = (await decisions.ListAsync(planId)).ShouldHaveSingleItem();
        decision.Reasons.ShouldBe("Loans doubled in the pilot.");
        decision.Outcomes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Viewer_CannotEditADecision()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var mvpId = (await test.GetBoardAsync(planId)).Phases[0].Id;
        var decisions = test.Get<DecisionService>();
        var recorded = await RecordGoAsync(decisions, planId, mvpId);
        test.ActAs(await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer));

        (await decisions.UpdateAsync(planId, recorded.Id, Correction(recorded, "Not mine to change.", [], []))).Status.ShouldBe(ResultStatus.Forbidden);
        (await decisions.ListAsync(planId)).ShouldHaveSingleItem().Reasons.ShouldBe("Loans doubled in the pilot.");
    }
}
