using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.Roadmap;

/// <summary>Why a condition is met or not, for the UI to put in words.</summary>
public enum GateReason
{
    Met,
    OutcomeDeleted,
    OutcomeNotMeasured,
    OutcomeNotReached,
    ReadinessBelow,
    StepsNotDone,
    NotSignedOff,
}

/// <summary>A condition as stored, with its outcome's facts when it has one.</summary>
public sealed record GateConditionView(
    int Id,
    int PhaseId,
    GateConditionKind Kind,
    int? OutcomeId,
    string? OutcomeName,
    decimal? Threshold,
    string RoleName,
    DateTime? SignedOffAt,
    string SignedOffByName,
    string SignOffNote,
    int Version)
{
    public GateConditionInput ToInput() => new() { Kind = Kind, OutcomeId = OutcomeId, Threshold = Threshold, RoleName = RoleName, Version = Version };
}

/// <summary>An outcome's numbers: baseline and target tell whether higher or lower is better; latest is the newest measurement.</summary>
public sealed record OutcomeFacts(decimal? Baseline, decimal? Target, decimal? Latest)
{
    public bool LowerIsBetter => Baseline is { } b && Target is { } t && t < b;
}

/// <summary>What the conditions are checked against.</summary>
public sealed record GateFacts(IReadOnlyDictionary<int, OutcomeFacts> Outcomes, int? ReadinessScore, LaunchSteps DoneSteps);

/// <summary>One condition's result. <paramref name="Actual"/> is the value it was checked against (latest measurement,
/// readiness score, launch steps done in a row), when there is one.</summary>
public sealed record ConditionResult(
    int ConditionId,
    GateConditionKind Kind,
    bool IsMet,
    GateReason Reason,
    string? OutcomeName,
    decimal? Threshold,
    decimal? Actual,
    bool LowerIsBetter,
    string RoleName,
    DateTime? SignedOffAt,
    string SignedOffByName,
    string SignOffNote);

/// <summary>A phase's gate: met when every condition is met; a phase without conditions has no gate.</summary>
public sealed record GateResult(IReadOnlyList<ConditionResult> Conditions)
{
    public static GateResult None { get; } = new([]);

    public bool HasGate => Conditions.Count > 0;

    public bool IsMet => HasGate && Conditions.All(c => c.IsMet);

    public int MetCount => Conditions.Count(c => c.IsMet);
}

/// <summary>Checks a phase's conditions against the plan's facts. Pure: no database, easy to test.</summary>
public static class GateEvaluation
{
    public static GateResult Evaluate(IEnumerable<GateConditionView> conditions, GateFacts facts) =>
        new(conditions.Select(c => Check(c, facts)).ToList());

    public static ConditionResult Check(GateConditionView c, GateFacts facts)
    {
        var (met, reason, actual, lower) = c.Kind switch
        {
            GateConditionKind.OutcomeReaches => Outcome(c, facts),
            GateConditionKind.ReadinessAtLeast => facts.ReadinessScore is { } score && score >= (c.Threshold ?? 0)
                ? (true, GateReason.Met, (decimal?)score, false)
                : (false, GateReason.ReadinessBelow, facts.ReadinessScore, false),
            GateConditionKind.LaunchStepsDone => Steps(c, facts),
            _ => c.SignedOffAt is null ? (false, GateReason.NotSignedOff, null, false) : (true, GateReason.Met, null, false),
        };
        return new ConditionResult(c.Id, c.Kind, met, reason, c.OutcomeName, c.Threshold, actual, lower, c.RoleName, c.SignedOffAt, c.SignedOffByName, c.SignOffNote);
    }

    /// <summary>How many launch steps are done in a row from the first.</summary>
    public static int StepsDoneInARow(LaunchSteps done) => LaunchStepCatalog.All.TakeWhile(s => done.HasFlag(s.Step)).Count();

    private static (bool, GateReason, decimal?, bool) Outcome(GateConditionView c, GateFacts facts)
    {
        if (c.OutcomeId is not { } id || !facts.Outcomes.TryGetValue(id, out var outcome))
        {
            return (false, GateReason.OutcomeDeleted, null, false);
        }

        if (outcome.Latest is not { } latest || c.Threshold is not { } threshold)
        {
            return (false, GateReason.OutcomeNotMeasured, null, outcome.LowerIsBetter);
        }

        var reached = outcome.LowerIsBetter ? latest <= threshold : latest >= threshold;
        return (reached, reached ? GateReason.Met : GateReason.OutcomeNotReached, latest, outcome.LowerIsBetter);
    }

    private static (bool, GateReason, decimal?, bool) Steps(GateConditionView c, GateFacts facts)
    {
        var inARow = StepsDoneInARow(facts.DoneSteps);
        return inARow >= (c.Threshold ?? 0) ? (true, GateReason.Met, inARow, false) : (false, GateReason.StepsNotDone, inARow, false);
    }
}
