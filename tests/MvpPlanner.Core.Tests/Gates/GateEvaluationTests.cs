using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.Tests.Gates;

/// <summary>The pure gate check: each kind of condition, higher or lower better, a deleted outcome, no conditions.</summary>
public class GateEvaluationTests
{
    private static readonly DateTime Noon = new(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    private static GateConditionView Condition(GateConditionKind kind, decimal? threshold = null, int? outcomeId = null, string role = "",
        DateTime? signedOffAt = null) =>
        new(1, 10, kind, outcomeId, outcomeId is null ? null : "Loans per month", threshold, role, signedOffAt, signedOffAt is null ? "" : "Olivia", "", 1);

    private static GateFacts Facts(OutcomeFacts? outcome = null, int? score = null, LaunchSteps steps = LaunchSteps.None) =>
        new(outcome is null ? new Dictionary<int, OutcomeFacts>() : new Dictionary<int, OutcomeFacts> { [7] = outcome }, score, steps);

    [Theory]
    [InlineData(59.9, false)]
    [InlineData(60, true)]
    [InlineData(75, true)]
    public void OutcomeReaches_HigherIsBetter_MetAtOrAboveThreshold(double latest, bool met)
    {
        var result = GateEvaluation.Check(Condition(GateConditionKind.OutcomeReaches, 60, 7), Facts(new OutcomeFacts(10, 100, (decimal)latest)));

        result.IsMet.ShouldBe(met);
        result.Reason.ShouldBe(met ? GateReason.Met : GateReason.OutcomeNotReached);
        result.Actual.ShouldBe((decimal)latest);
        result.LowerIsBetter.ShouldBeFalse();
    }

    [Theory]
    [InlineData(30, false)]
    [InlineData(24, true)]
    [InlineData(12, true)]
    public void OutcomeReaches_LowerIsBetter_MetAtOrBelowThreshold(double latest, bool met)
    {
        // Baseline 48 hours to answer, target 12: the target below the baseline says lower is better.
        var result = GateEvaluation.Check(Condition(GateConditionKind.OutcomeReaches, 24, 7), Facts(new OutcomeFacts(48, 12, (decimal)latest)));

        result.IsMet.ShouldBe(met);
        result.LowerIsBetter.ShouldBeTrue();
    }

    [Fact]
    public void OutcomeReaches_NoMeasurementYet_NotMetAndSaysSo()
    {
        var result = GateEvaluation.Check(Condition(GateConditionKind.OutcomeReaches, 60, 7), Facts(new OutcomeFacts(10, 100, null)));

        result.IsMet.ShouldBeFalse();
        result.Reason.ShouldBe(GateReason.OutcomeNotMeasured);
    }

    [Fact]
    public void OutcomeReaches_OutcomeDeleted_NotMetAndSaysDeleted()
    {
        var result = GateEvaluation.Check(Condition(GateConditionKind.OutcomeReaches, 60, outcomeId: null), Facts(new OutcomeFacts(10, 100, 90)));

        result.IsMet.ShouldBeFalse();
        result.Reason.ShouldBe(GateReason.OutcomeDeleted);
    }

    [Theory]
    [InlineData(69, false)]
    [InlineData(70, true)]
    public void ReadinessAtLeast_ComparesTheScore(int score, bool met)
    {
        var result = GateEvaluation.Check(Condition(GateConditionKind.ReadinessAtLeast, 70), Facts(score: score));

        result.IsMet.ShouldBe(met);
        result.Actual.ShouldBe(score);
        result.Reason.ShouldBe(met ? GateReason.Met : GateReason.ReadinessBelow);
    }

    [Fact]
    public void LaunchStepsDone_CountsStepsDoneInARowFromTheFirst()
    {
        // Steps 1, 2 and 4 done: only two in a row, so "up to step 3" is not met, "up to step 2" is.
        var done = LaunchSteps.DefineProblem | LaunchSteps.DefinePersona | LaunchSteps.Design;

        GateEvaluation.Check(Condition(GateConditionKind.LaunchStepsDone, 3), Facts(steps: done)).IsMet.ShouldBeFalse();
        var upToTwo = GateEvaluation.Check(Condition(GateConditionKind.LaunchStepsDone, 2), Facts(steps: done));
        upToTwo.IsMet.ShouldBeTrue();
        upToTwo.Actual.ShouldBe(2);
    }

    [Fact]
    public void SignOff_MetOnlyOnceSignedOff()
    {
        GateEvaluation.Check(Condition(GateConditionKind.SignOff, role: "Head of operations"), Facts()).Reason.ShouldBe(GateReason.NotSignedOff);

        var signed = GateEvaluation.Check(Condition(GateConditionKind.SignOff, role: "Head of operations", signedOffAt: Noon), Facts());

        signed.IsMet.ShouldBeTrue();
        signed.SignedOffByName.ShouldBe("Olivia");
    }

    [Fact]
    public void Gate_NoConditions_IsNoGateAndNotMet()
    {
        var gate = GateEvaluation.Evaluate([], Facts());

        gate.HasGate.ShouldBeFalse();
        gate.IsMet.ShouldBeFalse();
    }

    [Fact]
    public void Gate_MetOnlyWhenEveryConditionIsMet()
    {
        var conditions = new[]
        {
            Condition(GateConditionKind.ReadinessAtLeast, 70),
            Condition(GateConditionKind.SignOff, role: "Sponsor", signedOffAt: Noon),
        };

        var gate = GateEvaluation.Evaluate(conditions, Facts(score: 60));
        gate.IsMet.ShouldBeFalse();
        gate.MetCount.ShouldBe(1);

        GateEvaluation.Evaluate(conditions, Facts(score: 80)).IsMet.ShouldBeTrue();
    }
}
