using FluentValidation;
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

public class CommitmentInputValidator : AbstractValidator<CommitmentInput>
{
    public CommitmentInputValidator() =>
        RuleFor(c => c.Text).NotEmpty().WithMessage("Write the commitment, for example \"we answer support requests within 24 hours\".")
            .MaximumLength(TextLimits.Line);
}

public class StageInputValidator : AbstractValidator<StageInput>
{
    public StageInputValidator()
    {
        RuleFor(s => s.Name).NotEmpty().WithMessage("Give the stage a name.").MaximumLength(TextLimits.Name);
        RuleFor(s => s.Touchpoints).MaximumLength(TextLimits.Text);
        RuleFor(s => s.InternalActions).MaximumLength(TextLimits.Text);
    }
}

public class RoleInputValidator : AbstractValidator<RoleInput>
{
    public RoleInputValidator()
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage("Name the role, for example \"Customer Support Lead\".").MaximumLength(TextLimits.Name);
        RuleFor(r => r.Holder).MaximumLength(TextLimits.Name);
    }
}

public class ProcessInputValidator : AbstractValidator<ProcessInput>
{
    public ProcessInputValidator()
    {
        RuleFor(p => p.Name).NotEmpty().WithMessage("Give the process a name.").MaximumLength(TextLimits.Name);
        RuleFor(p => p.Steps).MaximumLength(TextLimits.Text);
        RuleFor(p => p.Automation).IsInEnum();
    }
}

public class ToolInputValidator : AbstractValidator<ToolInput>
{
    public ToolInputValidator()
    {
        RuleFor(t => t.Name).NotEmpty().WithMessage("Name the tool.").MaximumLength(TextLimits.Name);
        RuleFor(t => t.Category).MaximumLength(TextLimits.Name);
        RuleFor(t => t.MonthlyCost).InclusiveBetween(0, 1_000_000).WithMessage("Monthly cost is between 0 and 1,000,000.");
    }
}

public class KpiInputValidator : AbstractValidator<KpiInput>
{
    public KpiInputValidator()
    {
        RuleFor(k => k.Name).NotEmpty().WithMessage("Name the KPI, for example \"time to onboard\".").MaximumLength(TextLimits.Name);
        RuleFor(k => k.Unit).MaximumLength(50);
        RuleFor(k => k.Direction).IsInEnum();
        RuleFor(k => k.Cadence).IsInEnum();
        RuleFor(k => k.Target).InclusiveBetween(-1_000_000_000, 1_000_000_000).When(k => k.Target is not null)
            .WithMessage("That target is out of range.");
    }
}

public class MeasurementInputValidator : AbstractValidator<MeasurementInput>
{
    public MeasurementInputValidator()
    {
        RuleFor(m => m.MeasuredOn).NotNull().WithMessage("Pick the date of the measurement.");
        RuleFor(m => m.Value).NotNull().WithMessage("Enter the measured value.")
            .InclusiveBetween(-1_000_000_000, 1_000_000_000).WithMessage("That value is out of range.");
        RuleFor(m => m.Note).MaximumLength(TextLimits.Line);
    }
}

public class ReviewInputValidator : AbstractValidator<ReviewInput>
{
    public ReviewInputValidator()
    {
        RuleFor(r => r.HeldOn).NotNull().WithMessage("Pick the date of the review.");
        RuleFor(r => r.Notes).NotEmpty().WithMessage("Note what the review found or decided.").MaximumLength(TextLimits.Text);
    }
}
