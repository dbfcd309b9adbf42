using FluentValidation;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.Features;

/// <summary>The fields edited inline in the backlog grid.</summary>
public class FeaturePriorityInput
{
    public FeatureStatus Status { get; set; }

    public Moscow Moscow { get; set; }

    public int? Reach { get; set; }

    public double? Impact { get; set; }

    public int? Confidence { get; set; }

    public double? Effort { get; set; }

    public int? Value { get; set; }

    public int? EffortSize { get; set; }

    public int Version { get; set; }
}

public class FeatureInput : FeaturePriorityInput
{
    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public string Owner { get; set; } = "";

    public int? PhaseId { get; set; }

    public int? LaneId { get; set; }

    public IReadOnlyCollection<int> ProblemIds { get; set; } = [];

    public bool NeedsOperationalSupport { get; set; }

    /// <summary>Its own start; empty to take the phase's start.</summary>
    public DateTime? StartDate { get; set; }

    public DatePrecision StartPrecision { get; set; }

    /// <summary>Its own target; empty to take the phase's end.</summary>
    public DateTime? TargetDate { get; set; }

    public DatePrecision TargetPrecision { get; set; }
}

public class FeaturePriorityInputValidator : InputValidator<FeaturePriorityInput>
{
    public FeaturePriorityInputValidator(ILogger<FeaturePriorityInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(f => f.Status).IsInEnum();
        RuleFor(f => f.Moscow).IsInEnum();
        RuleFor(f => f.Reach).GreaterThanOrEqualTo(0).WithMessage("Reach is a count of people or events; it cannot be negative.");
        RuleFor(f => f.Impact).Must(i => i is null || Rice.IsImpactOnScale(i.Value))
            .WithMessage("Impact is one of 0.25, 0.5, 1, 2 or 3.");
        RuleFor(f => f.Confidence).InclusiveBetween(0, 100).WithMessage("Confidence is a percentage from 0 to 100.");
        RuleFor(f => f.Effort).GreaterThan(0).WithMessage("Effort is in person-weeks and must be more than 0.")
            .LessThanOrEqualTo(10_000).WithMessage("Effort is in person-weeks; 10,000 is the most it can be.");
        RuleFor(f => f.Value).InclusiveBetween(1, 5).WithMessage("Value goes from 1 to 5.");
        RuleFor(f => f.EffortSize).InclusiveBetween(1, 5).WithMessage("Effort size goes from 1 to 5.");
    }
}

public class FeatureInputValidator : InputValidator<FeatureInput>
{
    public FeatureInputValidator(ILogger<FeatureInputValidator>? logger = null)
        : base(logger)
    {
        Include(new FeaturePriorityInputValidator());
        RuleFor(f => f.Title).Required("Give the feature a title.").WithinLimit(TextLimits.Name);
        RuleFor(f => f.Description).WithinLimit(TextLimits.Text);
        RuleFor(f => f.Owner).WithinLimit(TextLimits.Name);
        RuleFor(f => f.StartPrecision).IsInEnum();
        RuleFor(f => f.TargetPrecision).IsInEnum();
        RuleFor(f => f.TargetDate)
            .Must((f, _) => !FeatureDates.TargetBeforeStart(FeatureDates.ToFuzzy(f.StartDate, f.StartPrecision), FeatureDates.ToFuzzy(f.TargetDate, f.TargetPrecision)))
            .WithMessage(FeatureDates.TargetBeforeStartMessage);
    }
}
