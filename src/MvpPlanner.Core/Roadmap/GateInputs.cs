using FluentValidation;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.Roadmap;

public class GateConditionInput
{
    public GateConditionKind Kind { get; set; } = GateConditionKind.OutcomeReaches;

    public int? OutcomeId { get; set; }

    public decimal? Threshold { get; set; }

    public string RoleName { get; set; } = "";

    public int Version { get; set; }
}

public class GateConditionInputValidator : InputValidator<GateConditionInput>
{
    public GateConditionInputValidator(ILogger<GateConditionInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(c => c.Kind).IsInEnum();
        When(c => c.Kind == GateConditionKind.OutcomeReaches, () =>
        {
            RuleFor(c => c.OutcomeId).NotNull().WithMessage("Choose the outcome to reach.");
            RuleFor(c => c.Threshold).NotNull().WithMessage("Type the value the outcome must reach.");
        });
        When(c => c.Kind == GateConditionKind.ReadinessAtLeast, () =>
            RuleFor(c => c.Threshold).NotNull().WithMessage("Type the readiness score needed, from 0 to 100.")
                .InclusiveBetween(0, 100).WithMessage("The readiness score goes from 0 to 100.")
                .Must(IsWhole).WithMessage("Type a whole number."));
        When(c => c.Kind == GateConditionKind.LaunchStepsDone, () =>
            RuleFor(c => c.Threshold).NotNull().WithMessage("Choose the launch step that must be done.")
                .InclusiveBetween(1, LaunchStepCatalog.All.Count).WithMessage($"Choose a step from 1 to {LaunchStepCatalog.All.Count}.")
                .Must(IsWhole).WithMessage("Type a whole number."));
        When(c => c.Kind == GateConditionKind.SignOff, () =>
            RuleFor(c => c.RoleName).Required("Name the role that signs off, for example Head of operations.").WithinLimit(TextLimits.Name));
        RuleFor(c => c.RoleName).WithinLimit(TextLimits.Name);
    }

    private static bool IsWhole(decimal? value) => value is null || decimal.Truncate(value.Value) == value.Value;
}

public class SignOffInput
{
    public bool SignedOff { get; set; } = true;

    public string Note { get; set; } = "";

    public int Version { get; set; }
}

public class SignOffInputValidator : InputValidator<SignOffInput>
{
    public SignOffInputValidator(ILogger<SignOffInputValidator>? logger = null)
        : base(logger) => RuleFor(s => s.Note).WithinLimit(TextLimits.Line);
}

public class DecisionInput
{
    public int? PhaseId { get; set; }

    public DecisionKind Decision { get; set; } = DecisionKind.Persevere;

    public DateTime? DecidedOn { get; set; }

    public string Reasons { get; set; } = "";

    public string DecidedBy { get; set; } = "";

    public IReadOnlyCollection<int> OutcomeIds { get; set; } = [];

    public IReadOnlyCollection<int> FeedbackIds { get; set; } = [];

    /// <summary>The version read when editing a recorded decision; 0 for a new one.</summary>
    public int Version { get; set; }
}

public class DecisionInputValidator : InputValidator<DecisionInput>
{
    public DecisionInputValidator(ILogger<DecisionInputValidator>? logger = null)
        : base(logger)
    {
        // A recorded decision keeps its phase (and the gate as it stood), even once that phase is deleted.
        RuleFor(d => d.PhaseId).NotNull().When(d => d.Version == 0).WithMessage("Choose the phase the decision concludes.");
        RuleFor(d => d.Decision).IsInEnum();
        RuleFor(d => d.DecidedOn).NotNull().WithMessage("Choose the day of the decision.");
        RuleFor(d => d.Reasons).Required("Say why: the reasons are what the next team will read.").WithinLimit(TextLimits.Text);
        RuleFor(d => d.DecidedBy).Required("Name who decided.").WithinLimit(TextLimits.Line);
    }
}

/// <summary>A phase's gate as the board and timeline show it.</summary>
public sealed record PhaseGate(int PhaseId, string PhaseName, int Order, IReadOnlyList<GateConditionView> Conditions, GateResult Result);

public sealed record EvidenceOption(int Id, string Text);

public sealed record DecisionEvidenceOptions(IReadOnlyList<EvidenceOption> Outcomes, IReadOnlyList<EvidenceOption> Feedback);

public sealed record DecisionView(
    int Id,
    int? PhaseId,
    string PhaseName,
    DecisionKind Decision,
    DateOnly DecidedOn,
    string Reasons,
    string DecidedBy,
    IReadOnlyList<EvidenceOption> Outcomes,
    IReadOnlyList<EvidenceOption> Feedback,
    GateResult Gate,
    string RecordedBy,
    int Version);
