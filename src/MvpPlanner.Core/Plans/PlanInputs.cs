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

    /// <summary>The baseline as a number, for the chart and the status (optional).</summary>
    public decimal? BaselineValue { get; set; }

    public decimal? TargetValue { get; set; }

    public DateTime? TargetDate { get; set; }

    public int? PersonaId { get; set; }

    public IReadOnlyCollection<int> FeatureIds { get; set; } = [];

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
        RuleFor(o => o.BaselineValue).InclusiveBetween(-MaxValue, MaxValue).When(o => o.BaselineValue is not null)
            .WithMessage("That baseline is out of range.");
        RuleFor(o => o.TargetValue).InclusiveBetween(-MaxValue, MaxValue).When(o => o.TargetValue is not null)
            .WithMessage("That target is out of range.");
        RuleFor(o => o.TargetValue).Must((o, target) => target != o.BaselineValue).When(o => o.TargetValue is not null && o.BaselineValue is not null)
            .WithMessage("The target value equals the baseline: set where you want to get to, above or below it.");
        RuleFor(o => o.TargetValue).NotNull().When(o => o.TargetDate is not null)
            .WithMessage("Set a target value to go with the target date.");
        RuleFor(o => o.TargetDate).InclusiveBetween(new DateTime(2000, 1, 1), new DateTime(2100, 12, 31)).When(o => o.TargetDate is not null)
            .WithMessage("Pick a target date between 2000 and 2100.");
    }

    /// <summary>The same range as a KPI's values.</summary>
    public const decimal MaxValue = 1_000_000_000m;
}
