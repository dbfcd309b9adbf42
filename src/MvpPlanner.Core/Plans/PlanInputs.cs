using FluentValidation;
using MvpPlanner.Core.Common;

namespace MvpPlanner.Core.Plans;

public class PlanInput
{
    public string Name { get; set; } = "";

    public string Vision { get; set; } = "";

    public string ValueProposition { get; set; } = "";

    public int Version { get; set; }
}

public class OutcomeInput
{
    public string Description { get; set; } = "";

    public string Metric { get; set; } = "";

    public string Baseline { get; set; } = "";

    public string Target { get; set; } = "";

    public int Version { get; set; }
}

public class PlanInputValidator : AbstractValidator<PlanInput>
{
    public PlanInputValidator()
    {
        RuleFor(p => p.Name).NotEmpty().WithMessage("Give the plan a name.")
            .MaximumLength(TextLimits.Name);
        RuleFor(p => p.Vision).MaximumLength(TextLimits.Line);
        RuleFor(p => p.ValueProposition).MaximumLength(TextLimits.Text);
    }
}

public class OutcomeInputValidator : AbstractValidator<OutcomeInput>
{
    public OutcomeInputValidator()
    {
        RuleFor(o => o.Description).NotEmpty().WithMessage("Describe the change in behaviour you want to see.")
            .MaximumLength(TextLimits.Line);
        RuleFor(o => o.Metric).NotEmpty().WithMessage("Name the metric that shows the change.")
            .MaximumLength(TextLimits.Name);
        RuleFor(o => o.Baseline).MaximumLength(TextLimits.Name);
        RuleFor(o => o.Target).NotEmpty().WithMessage("Set a target so the outcome is measurable.")
            .MaximumLength(TextLimits.Name);
    }
}
