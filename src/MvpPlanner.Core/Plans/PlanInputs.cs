using FluentValidation;
using Microsoft.Extensions.Logging;
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

public class PlanInputValidator : InputValidator<PlanInput>
{
    public PlanInputValidator(ILogger<PlanInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(p => p.Name).Required("Give the plan a name.")
            .WithinLimit(TextLimits.Name);
        RuleFor(p => p.Vision).WithinLimit(TextLimits.Line);
        RuleFor(p => p.ValueProposition).WithinLimit(TextLimits.Text);
    }
}

public class OutcomeInputValidator : InputValidator<OutcomeInput>
{
    public OutcomeInputValidator(ILogger<OutcomeInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(o => o.Description).Required("Describe the change in behaviour you want to see.")
            .WithinLimit(TextLimits.Line);
        RuleFor(o => o.Metric).Required("Name the metric that shows the change.")
            .WithinLimit(TextLimits.Name);
        RuleFor(o => o.Baseline).WithinLimit(TextLimits.Name);
        RuleFor(o => o.Target).Required("Set a target so the outcome is measurable.")
            .WithinLimit(TextLimits.Name);
    }
}
