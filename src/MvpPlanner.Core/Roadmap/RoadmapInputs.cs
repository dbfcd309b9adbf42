using FluentValidation;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;

namespace MvpPlanner.Core.Roadmap;

public class PhaseInput
{
    public string Name { get; set; } = "";

    public DateTime? StartDate { get; set; }

    public DateTime? EndDate { get; set; }

    public string Goal { get; set; } = "";

    public string ExitCriteria { get; set; } = "";

    public int Version { get; set; }
}

public class LaneInput
{
    public string Name { get; set; } = "";

    public int Version { get; set; }
}

public class PhaseInputValidator : InputValidator<PhaseInput>
{
    public PhaseInputValidator(ILogger<PhaseInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(p => p.Name).Required("Give the phase a name.").WithinLimit(TextLimits.Name);
        RuleFor(p => p.Goal).WithinLimit(TextLimits.Text);
        RuleFor(p => p.ExitCriteria).WithinLimit(TextLimits.Text);
        RuleFor(p => p.EndDate).GreaterThanOrEqualTo(p => p.StartDate)
            .When(p => p.StartDate is not null && p.EndDate is not null)
            .WithMessage("The phase cannot end before it starts.");
    }
}

public class LaneInputValidator : InputValidator<LaneInput>
{
    public LaneInputValidator(ILogger<LaneInputValidator>? logger = null)
        : base(logger) =>
        RuleFor(l => l.Name).Required("Give the lane a name.").WithinLimit(TextLimits.Name);
}

public sealed record PhaseView(int Id, string Name, int Order, DateOnly? StartDate, DateOnly? EndDate, string Goal, string ExitCriteria, int Version)
{
    public PhaseInput ToInput() => new()
    {
        Name = Name,
        StartDate = StartDate?.ToDateTime(TimeOnly.MinValue),
        EndDate = EndDate?.ToDateTime(TimeOnly.MinValue),
        Goal = Goal,
        ExitCriteria = ExitCriteria,
        Version = Version,
    };
}

public sealed record LaneView(int Id, string Name, int Order, int Version);

public sealed record BoardCard(
    int Id, string Title, FeatureStatus Status, Moscow Moscow, double? RiceScore, string Owner, int? PhaseId, int? LaneId, int Rank, bool NeedsOperationalSupport = false);

public sealed record RoadmapBoard(IReadOnlyList<PhaseView> Phases, IReadOnlyList<LaneView> Lanes, IReadOnlyList<BoardCard> Cards)
{
    /// <summary>True when some feature has no lane, so the board shows a "No lane" row for it.</summary>
    public bool HasCardsWithoutLane => Counts.Count > 0 ? Counts.Any(c => c.LaneId is null) : Cards.Any(c => c.LaneId is null);

    /// <summary>How many features each non-empty cell holds; more than <see cref="Cards"/> shows when the board was read
    /// with a limit per cell.</summary>
    public IReadOnlyList<CellCount> Counts { get; init; } = [];
}

/// <summary>The number of features in one cell of the board: a phase (null: Unscheduled) × a lane (null: no lane).</summary>
public sealed record CellCount(int? PhaseId, int? LaneId, int Count);

/// <summary>Cards read again by id (a deleted feature is missing), with every cell's count as of the same read.</summary>
public sealed record BoardCards(IReadOnlyList<BoardCard> Cards, IReadOnlyList<CellCount> Counts);
