using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.Features;

/// <summary>One row of the backlog. Mutable so the grid can edit the priority fields in place.</summary>
public sealed class FeatureRow
{
    public int Id { get; init; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public string Owner { get; set; } = "";

    public FeatureStatus Status { get; set; }

    public Moscow Moscow { get; set; }

    public int? Reach { get; set; }

    public double? Impact { get; set; }

    public int? Confidence { get; set; }

    public double? Effort { get; set; }

    public int? Value { get; set; }

    public int? EffortSize { get; set; }

    public int? PhaseId { get; set; }

    public string? PhaseName { get; set; }

    public int? LaneId { get; set; }

    public string? LaneName { get; set; }

    public int Version { get; set; }

    public bool NeedsOperationalSupport { get; set; }

    public DateOnly? StartDate { get; set; }

    public DatePrecision StartPrecision { get; set; }

    public DateOnly? TargetDate { get; set; }

    public DatePrecision TargetPrecision { get; set; }

    /// <summary>Its phase's dates, shown when the feature has none of its own.</summary>
    public DateOnly? PhaseStart { get; set; }

    public DateOnly? PhaseEnd { get; set; }

    public IReadOnlyList<LinkedItem> Problems { get; set; } = [];

    public IReadOnlyList<int> PersonaIds { get; set; } = [];

    /// <summary>Triaged feedback linked to the feature (the evidence), and the distinct organisations it came from.</summary>
    public int EvidenceCount { get; set; }

    public int EvidenceOrganisations { get; set; }

    public double? RiceScore => Rice.Score(Reach, Impact, Confidence, Effort);

    public FeaturePriorityInput ToPriorityInput() => new()
    {
        Status = Status,
        Moscow = Moscow,
        Reach = Reach,
        Impact = Impact,
        Confidence = Confidence,
        Effort = Effort,
        Value = Value,
        EffortSize = EffortSize,
        Version = Version,
    };

    public FeatureInput ToInput() => new()
    {
        Title = Title,
        Description = Description,
        Owner = Owner,
        Status = Status,
        Moscow = Moscow,
        Reach = Reach,
        Impact = Impact,
        Confidence = Confidence,
        Effort = Effort,
        Value = Value,
        EffortSize = EffortSize,
        PhaseId = PhaseId,
        LaneId = LaneId,
        ProblemIds = Problems.Select(p => p.Id).ToList(),
        NeedsOperationalSupport = NeedsOperationalSupport,
        StartDate = FeatureDates.ToDateTime(StartDate),
        StartPrecision = StartPrecision,
        TargetDate = FeatureDates.ToDateTime(TargetDate),
        TargetPrecision = TargetPrecision,
        Version = Version,
    };
}
