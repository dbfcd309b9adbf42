using FluentValidation;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Personas;

namespace MvpPlanner.Core.Feedback;

/// <summary>One piece of feedback as captured or edited. Quick capture fills only <see cref="Text"/> and keeps the
/// session's defaults (source, persona, organisation) in the other fields.</summary>
public class FeedbackInput
{
    public string Text { get; set; } = "";

    public FeedbackSource Source { get; set; } = FeedbackSource.OfficeHours;

    public int? PersonaId { get; set; }

    public string Organisation { get; set; } = "";

    public string GivenBy { get; set; } = "";

    /// <summary>When it was given; empty means today.</summary>
    public DateTime? ReceivedOn { get; set; }

    public FeedbackImportance Importance { get; set; } = FeedbackImportance.Medium;

    public int Version { get; set; }
}

public class FeedbackInputValidator : InputValidator<FeedbackInput>
{
    public FeedbackInputValidator(ILogger<FeedbackInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(f => f.Text).Required("Type what was said.").WithinLimit(TextLimits.Text);
        RuleFor(f => f.Source).IsInEnum();
        RuleFor(f => f.Importance).IsInEnum();
        RuleFor(f => f.Organisation).WithinLimit(TextLimits.Name);
        RuleFor(f => f.GivenBy).WithinLimit(TextLimits.Name);
    }
}

/// <summary>The problems and features one piece of feedback speaks to, as a whole set.</summary>
public class FeedbackLinksInput
{
    public IReadOnlyCollection<int> ProblemIds { get; set; } = [];

    public IReadOnlyCollection<int> FeatureIds { get; set; } = [];

    public int Version { get; set; }
}

public class FeedbackLinksInputValidator : InputValidator<FeedbackLinksInput>
{
    public FeedbackLinksInputValidator(ILogger<FeedbackLinksInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(l => l.ProblemIds.Count + l.FeatureIds.Count).LessThanOrEqualTo(FeedbackQuery.MaxLinks)
            .OverridePropertyName(nameof(FeedbackLinksInput.FeatureIds))
            .WithMessage($"Link at most {FeedbackQuery.MaxLinks} problems and features.");
    }
}

/// <summary>What the feedback list is narrowed to; a choice left null matches every item. Newest first.</summary>
public sealed record FeedbackQuery
{
    public const int MaxTake = 200;

    public const int MaxLinks = 50;

    public FeedbackState? State { get; init; }

    public FeedbackSource? Source { get; init; }

    public int? PersonaId { get; init; }

    public int? ProblemId { get; init; }

    public int? FeatureId { get; init; }

    public string Search { get; init; } = "";

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}

public sealed record FeedbackRow(
    int Id,
    string Text,
    FeedbackSource Source,
    int? PersonaId,
    string? PersonaName,
    string Organisation,
    string GivenBy,
    DateOnly ReceivedOn,
    FeedbackImportance Importance,
    FeedbackState State,
    int Version,
    IReadOnlyList<LinkedItem> Problems,
    IReadOnlyList<LinkedItem> Features)
{
    public FeedbackInput ToInput() => new()
    {
        Text = Text,
        Source = Source,
        PersonaId = PersonaId,
        Organisation = Organisation,
        GivenBy = GivenBy,
        ReceivedOn = ReceivedOn.ToDateTime(TimeOnly.MinValue),
        Importance = Importance,
        Version = Version,
    };

    public FeedbackLinksInput ToLinksInput() => new()
    {
        ProblemIds = Problems.Select(p => p.Id).ToList(),
        FeatureIds = Features.Select(f => f.Id).ToList(),
        Version = Version,
    };
}

/// <summary>A page of feedback and how many items match the filter.</summary>
public sealed record FeedbackSlice(IReadOnlyList<FeedbackRow> Rows, int MatchingCount)
{
    public static FeedbackSlice Empty { get; } = new([], 0);
}

/// <summary>How many items wait in each triage state; <see cref="New"/> is the "to triage" badge.</summary>
public sealed record FeedbackCounts(int New, int Linked, int Archived)
{
    public static FeedbackCounts None { get; } = new(0, 0, 0);
}
