using System.Globalization;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.Roadmap;

/// <summary>What a gate condition checks.</summary>
public enum GateConditionKind
{
    /// <summary>A target outcome's latest measurement reaches a value (higher or lower, as the outcome says).</summary>
    OutcomeReaches,

    /// <summary>The operational readiness score is at least N (0–100).</summary>
    ReadinessAtLeast,

    /// <summary>The MVP launch steps up to step K are done.</summary>
    LaunchStepsDone,

    /// <summary>Someone in a named role has signed off.</summary>
    SignOff,
}

/// <summary>One checkable exit criterion of a phase. A phase's gate is met when all its conditions are met; the phase's
/// free-text exit criteria stay as the written description beside them.</summary>
public class GateCondition : EntityBase, IPlanItem
{
    protected internal override string ActivityName => Kind switch
    {
        GateConditionKind.OutcomeReaches => $"Outcome reaches {Number(Threshold)}",
        GateConditionKind.ReadinessAtLeast => $"Readiness at least {Number(Threshold)}",
        GateConditionKind.LaunchStepsDone => $"Launch steps done up to step {Number(Threshold)}",
        _ => $"Sign-off by {RoleName}",
    };

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    public int PhaseId { get; set; }

    public RoadmapPhase? Phase { get; set; }

    public GateConditionKind Kind { get; set; }

    /// <summary>For <see cref="GateConditionKind.OutcomeReaches"/>; null once the outcome is deleted (the database sets it).</summary>
    public int? OutcomeId { get; set; }

    public TargetOutcome? Outcome { get; set; }

    /// <summary>The outcome value to reach, the readiness score, or the launch step number, by kind.</summary>
    public decimal? Threshold { get; set; }

    /// <summary>For <see cref="GateConditionKind.SignOff"/>: the role that signs off, e.g. "Head of operations".</summary>
    public string RoleName { get; set; } = "";

    public DateTime? SignedOffAt { get; set; }

    public string? SignedOffById { get; set; }

    public string SignedOffByName { get; set; } = "";

    public string SignOffNote { get; set; } = "";

    private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "?";
}

/// <summary>The go/no-go call at the end of a phase.</summary>
public enum DecisionKind
{
    Persevere,
    Pivot,
    Stop,
}

/// <summary>A go/no-go decision for the next phase, with its reasons and the evidence it rests on: outcomes, feedback
/// and the phase's gate as it stood when the decision was made.</summary>
public class PhaseDecision : EntityBase, IPlanItem
{
    protected internal override string ActivityName => $"{Decision} after {PhaseName}";

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    /// <summary>The phase the decision concludes; null once that phase is deleted (its name stays in <see cref="PhaseName"/>).</summary>
    public int? PhaseId { get; set; }

    public RoadmapPhase? Phase { get; set; }

    public string PhaseName { get; set; } = "";

    public DecisionKind Decision { get; set; }

    public DateOnly DecidedOn { get; set; }

    public string Reasons { get; set; } = "";

    /// <summary>Who decided, as written (names, not accounts: decisions are often made in a room).</summary>
    public string DecidedBy { get; set; } = "";

    /// <summary>The gate's conditions and whether each was met when the decision was recorded (JSON of
    /// <see cref="GateSnapshot"/>).</summary>
    public string GateSnapshot { get; set; } = "";

    public List<TargetOutcome> Outcomes { get; set; } = [];

    public List<Feedback.FeedbackItem> FeedbackItems { get; set; } = [];
}
