namespace MvpPlanner.Core.Features;

/// <summary>Narrows the backlog to features with triaged feedback behind them, or to those without any.</summary>
public enum BacklogEvidence
{
    With,
    Without,
}

/// <summary>What the backlog is narrowed to. A choice left null matches every feature.</summary>
public sealed record BacklogFilter
{
    /// <summary>Stands for "no phase" (unscheduled) or "no lane" in the phase and lane choices; real ids start at 1.</summary>
    public const int NoneId = 0;

    public static BacklogFilter Empty { get; } = new();

    public string Search { get; init; } = "";

    public int? PersonaId { get; init; }

    public int? ProblemId { get; init; }

    public int? PhaseId { get; init; }

    public int? LaneId { get; init; }

    public FeatureStatus? Status { get; init; }

    public Moscow? Moscow { get; init; }

    public BacklogEvidence? Evidence { get; init; }

    public bool IsEmpty => this == Empty;

    public bool Matches(FeatureRow row) =>
        (PersonaId is not { } persona || row.PersonaIds.Contains(persona))
        && (ProblemId is not { } problem || row.Problems.Any(p => p.Id == problem))
        && (PhaseId is not { } phase || (row.PhaseId ?? NoneId) == phase)
        && (LaneId is not { } lane || (row.LaneId ?? NoneId) == lane)
        && (Status is not { } status || row.Status == status)
        && (Moscow is not { } category || row.Moscow == category)
        && (Evidence is not { } evidence || (evidence == BacklogEvidence.With) == (row.EvidenceCount > 0))
        && MatchesText(row);

    private bool MatchesText(FeatureRow row)
    {
        var text = Search.Trim();
        return text.Length == 0
            || row.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
            || row.Description.Contains(text, StringComparison.OrdinalIgnoreCase)
            || row.Owner.Contains(text, StringComparison.OrdinalIgnoreCase);
    }
}
