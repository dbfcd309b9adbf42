using System.Globalization;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Web.Features.Gates;

/// <summary>The words for gates and decisions: Core gives kinds and reason codes, users read these.</summary>
public static class GateLabels
{
    public static string Kind(GateConditionKind kind) => kind switch
    {
        GateConditionKind.OutcomeReaches => "An outcome reaches a value",
        GateConditionKind.ReadinessAtLeast => "Operational readiness score at least",
        GateConditionKind.LaunchStepsDone => "Launch steps done up to a step",
        _ => "Sign-off by a role",
    };

    /// <summary>"Gate met" or "Gate: 2 of 3".</summary>
    public static string Chip(GateResult gate) => gate.IsMet ? "Gate met" : $"Gate: {gate.MetCount} of {gate.Conditions.Count}";

    /// <summary>The chip's accessible name: its visible words first, then every condition.</summary>
    public static string Summary(GateResult gate) =>
        $"{Chip(gate)}. {string.Join(" ", gate.Conditions.Select(c => $"{Condition(c)}: {Status(c)}."))}";

    /// <summary>"Pilot's gate is not met yet: 1 of 3 conditions."</summary>
    public static string NotMetWarning(string phaseName, GateResult gate) =>
        $"{phaseName}'s gate is not met yet: {gate.MetCount} of {gate.Conditions.Count} conditions.";

    public static string Condition(ConditionResult c) => c.Kind switch
    {
        GateConditionKind.OutcomeReaches =>
            $"{c.OutcomeName ?? "Outcome deleted"} {(c.LowerIsBetter ? "falls to" : "reaches")} {Number(c.Threshold)}",
        GateConditionKind.ReadinessAtLeast => $"Readiness score at least {Number(c.Threshold)}",
        GateConditionKind.LaunchStepsDone => $"Launch steps done up to step {Number(c.Threshold)} ({StepTitle(c.Threshold)})",
        _ => $"Signed off by {c.RoleName}",
    };

    public static string Status(ConditionResult c) => c.Reason switch
    {
        GateReason.Met when c.Kind == GateConditionKind.SignOff => $"met, signed off by {c.SignedOffByName} on {Date(c.SignedOffAt)}",
        GateReason.Met when c.Actual is { } actual && c.Kind == GateConditionKind.OutcomeReaches => $"met, latest {Number(actual)}",
        GateReason.Met when c.Actual is { } actual && c.Kind == GateConditionKind.ReadinessAtLeast => $"met, score {Number(actual)}",
        GateReason.Met => "met",
        GateReason.OutcomeDeleted => "not met: the outcome was deleted",
        GateReason.OutcomeNotMeasured => "not met: no measurement yet",
        GateReason.OutcomeNotReached => $"not met: latest {Number(c.Actual)}",
        GateReason.ReadinessBelow => c.Actual is null ? "not met: no score yet" : $"not met: score {Number(c.Actual)}",
        GateReason.StepsNotDone => $"not met: {Number(c.Actual)} of {Number(c.Threshold)} steps done",
        _ => "not met: not signed off yet",
    };

    public static string Decision(DecisionKind kind) => kind switch
    {
        DecisionKind.Persevere => "Go / persevere",
        DecisionKind.Pivot => "Pivot",
        _ => "Stop",
    };

    public static string DecisionHint(DecisionKind kind) => kind switch
    {
        DecisionKind.Persevere => "The evidence supports going on to the next phase.",
        DecisionKind.Pivot => "Change course: a different persona, problem or solution.",
        _ => "Stop the work here.",
    };

    public static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.CurrentCulture) ?? "?";

    public static string Date(DateTime? at) => at?.ToString("d MMM yyyy", CultureInfo.CurrentCulture) ?? "";

    private static string StepTitle(decimal? step) =>
        step is { } s && s >= 1 && s <= LaunchStepCatalog.All.Count && decimal.Truncate(s) == s ? LaunchStepCatalog.All[(int)s - 1].Title : "unknown step";
}
