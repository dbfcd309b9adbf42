using FluentValidation;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;

namespace MvpPlanner.Core.Operations;

public class CommitmentInput
{
    public string Text { get; set; } = "";

    public int Version { get; set; }
}

public class StageInput
{
    public string Name { get; set; } = "";

    public string Touchpoints { get; set; } = "";

    public string InternalActions { get; set; } = "";

    public int Version { get; set; }
}

public class RoleInput
{
    public string Name { get; set; } = "";

    public string Holder { get; set; } = "";

    public int Version { get; set; }
}

public class ProcessInput
{
    public string Name { get; set; } = "";

    public int? StageId { get; set; }

    public string Steps { get; set; } = "";

    public bool IsFrontstage { get; set; }

    public Automation Automation { get; set; }

    public bool HasRunManually { get; set; }

    public int? OwnerRoleId { get; set; }

    public bool KeepsCorePromise { get; set; }

    public IReadOnlyCollection<int> CommitmentIds { get; set; } = [];

    public IReadOnlyCollection<int> ToolIds { get; set; } = [];

    public IReadOnlyCollection<int> FeatureIds { get; set; } = [];

    public int Version { get; set; }
}

public class ToolInput
{
    public string Name { get; set; } = "";

    public string Category { get; set; } = "";

    public decimal MonthlyCost { get; set; }

    public int Version { get; set; }
}

public class KpiInput
{
    public string Name { get; set; } = "";

    public string Unit { get; set; } = "";

    public KpiDirection Direction { get; set; }

    public decimal? Target { get; set; }

    public int? OwnerRoleId { get; set; }

    public ReviewCadence Cadence { get; set; } = ReviewCadence.Weekly;

    public int Version { get; set; }
}

public class MeasurementInput
{
    public DateTime? MeasuredOn { get; set; } = DateTime.Today;

    public decimal? Value { get; set; }

    public string Note { get; set; } = "";
}

public class ReviewInput
{
    public DateTime? HeldOn { get; set; } = DateTime.Today;

    public string Notes { get; set; } = "";
}

public class CommitmentInputValidator : InputValidator<CommitmentInput>
{
    public CommitmentInputValidator(ILogger<CommitmentInputValidator>? logger = null)
        : base(logger) =>
        RuleFor(c => c.Text).Required("Write the commitment, for example \"we answer support requests within 24 hours\".")
            .WithinLimit(TextLimits.Line);
}

public class StageInputValidator : InputValidator<StageInput>
{
    public StageInputValidator(ILogger<StageInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(s => s.Name).Required("Give the stage a name.").WithinLimit(TextLimits.Name);
        RuleFor(s => s.Touchpoints).WithinLimit(TextLimits.Text);
        RuleFor(s => s.InternalActions).WithinLimit(TextLimits.Text);
    }
}

public class RoleInputValidator : InputValidator<RoleInput>
{
    public RoleInputValidator(ILogger<RoleInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(r => r.Name).Required("Name the role, for example \"Customer Support Lead\".").WithinLimit(TextLimits.Name);
        RuleFor(r => r.Holder).WithinLimit(TextLimits.Name);
    }
}

public class ProcessInputValidator : InputValidator<ProcessInput>
{
    public ProcessInputValidator(ILogger<ProcessInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(p => p.Name).Required("Give the process a name.").WithinLimit(TextLimits.Name);
        RuleFor(p => p.Steps).WithinLimit(TextLimits.Text);
        RuleFor(p => p.Automation).IsInEnum();
    }
}

public class ToolInputValidator : InputValidator<ToolInput>
{
    public ToolInputValidator(ILogger<ToolInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(t => t.Name).Required("Name the tool.").WithinLimit(TextLimits.Name);
        RuleFor(t => t.Category).WithinLimit(TextLimits.Name);
        RuleFor(t => t.MonthlyCost).InclusiveBetween(0, 1_000_000).WithMessage("Monthly cost is between 0 and 1,000,000.");
    }
}

public class KpiInputValidator : InputValidator<KpiInput>
{
    public KpiInputValidator(ILogger<KpiInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(k => k.Name).Required("Name the KPI, for example \"time to onboard\".").WithinLimit(TextLimits.Name);
        RuleFor(k => k.Unit).WithinLimit(TextLimits.Unit);
        RuleFor(k => k.Direction).IsInEnum();
        RuleFor(k => k.Cadence).IsInEnum();
        RuleFor(k => k.Target).InclusiveBetween(-1_000_000_000, 1_000_000_000).When(k => k.Target is not null)
            .WithMessage("That target is out of range.");
    }
}

public class MeasurementInputValidator : InputValidator<MeasurementInput>
{
    public MeasurementInputValidator(ILogger<MeasurementInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(m => m.MeasuredOn).NotNull().WithMessage("Pick the date of the measurement.");
        RuleFor(m => m.Value).NotNull().WithMessage("Enter the measured value.")
            .InclusiveBetween(-1_000_000_000, 1_000_000_000).WithMessage("That value is out of range.");
        RuleFor(m => m.Note).WithinLimit(TextLimits.Line);
    }
}

public class ReviewInputValidator : InputValidator<ReviewInput>
{
    public ReviewInputValidator(ILogger<ReviewInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(r => r.HeldOn).NotNull().WithMessage("Pick the date of the review.");
        RuleFor(r => r.Notes).Required("Note what the review found or decided.").WithinLimit(TextLimits.Text);
    }
}
