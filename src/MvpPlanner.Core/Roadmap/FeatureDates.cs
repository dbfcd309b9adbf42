using FluentValidation;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;

namespace MvpPlanner.Core.Roadmap;

/// <summary>A feature's own start and target, each a day, month or quarter; empty to take the phase's dates.</summary>
public class FeatureDatesInput
{
    public DateTime? StartDate { get; set; }

    public DatePrecision StartPrecision { get; set; }

    public DateTime? TargetDate { get; set; }

    public DatePrecision TargetPrecision { get; set; }

    public int Version { get; set; }

    public FuzzyDate? Start => FeatureDates.ToFuzzy(StartDate, StartPrecision);

    public FuzzyDate? Target => FeatureDates.ToFuzzy(TargetDate, TargetPrecision);
}

public static class FeatureDates
{
    public const string TargetBeforeStartMessage = "The target cannot be before the start.";

    public static FuzzyDate? ToFuzzy(DateTime? date, DatePrecision precision) =>
        date is { } d ? new FuzzyDate(DateOnly.FromDateTime(d), precision) : null;

    public static DateTime? ToDateTime(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    /// <summary>A target period that ends before the start period begins. "Q2" to "April" is fine: they overlap, and a
    /// fuzzy plan should not be refused for being fuzzy.</summary>
    public static bool TargetBeforeStart(FuzzyDate? start, FuzzyDate? target) =>
        start is { } s && target is { } t && t.Last < s.First;

    /// <summary>Stores the input on the feature, each date as its period's first day.</summary>
    public static void Apply(Features.Feature feature, FuzzyDate? start, FuzzyDate? target)
    {
        feature.StartDate = start?.Date;
        feature.StartPrecision = start?.Precision ?? DatePrecision.Day;
        feature.TargetDate = target?.Date;
        feature.TargetPrecision = target?.Precision ?? DatePrecision.Day;
    }
}

public class FeatureDatesInputValidator : InputValidator<FeatureDatesInput>
{
    public FeatureDatesInputValidator(ILogger<FeatureDatesInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(f => f.StartPrecision).IsInEnum();
        RuleFor(f => f.TargetPrecision).IsInEnum();
        RuleFor(f => f.TargetDate).Must((f, _) => !FeatureDates.TargetBeforeStart(f.Start, f.Target))
            .WithMessage(FeatureDates.TargetBeforeStartMessage);
    }
}
