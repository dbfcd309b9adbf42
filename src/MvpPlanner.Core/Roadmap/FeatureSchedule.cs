using MvpPlanner.Core.Features;

namespace MvpPlanner.Core.Roadmap;

/// <summary>When a feature is planned to happen: its own start and target when it has them, otherwise its phase's
/// dates. Either end may be unknown.</summary>
public sealed record FeatureSchedule(DateOnly? Start, DateOnly? End, bool OwnStart, bool OwnTarget)
{
    public static FeatureSchedule Of(FuzzyDate? start, FuzzyDate? target, DateOnly? phaseStart, DateOnly? phaseEnd) =>
        new(start?.First ?? phaseStart, target?.Last ?? phaseEnd, start is not null, target is not null);

    public static FeatureSchedule Of(Feature feature, RoadmapPhase? phase) =>
        Of(feature.Start, feature.Target, phase?.StartDate, phase?.EndDate);

    /// <summary>Past its target (own or its phase's end) and neither shipped nor dropped.</summary>
    public bool IsOverdue(FeatureStatus status, DateOnly today) =>
        End is { } end && end < today && status is not (FeatureStatus.Shipped or FeatureStatus.Dropped);
}
