using MvpPlanner.Core.Features;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.Sharing;

/// <summary>Everything a shared page shows, and nothing more: the sections outside the link's scope are null.
/// Holds names and texts only; no ids, emails or account data reach an anonymous reader.</summary>
public sealed record SharedPlanView(
    string PlanName,
    string Vision,
    ShareScope Scope,
    DateTime LastUpdatedAt,
    SharedRoadmap? Roadmap,
    SharedPersonas? Personas,
    IReadOnlyList<SharedFeature>? Features,
    SharedOperations? Operations)
{
    /// <summary>The roadmap over time; null outside the link's scope.</summary>
    public SharedTimeline? Timeline { get; init; }

    public SharedHorizons? NowNextLater { get; init; }

    public IReadOnlyList<SharedOutcome>? Outcomes { get; init; }

    /// <summary>Changes per item kind in the last <see cref="SharedChanges.Days"/> days; see <see cref="ChangesIn"/>.</summary>
    public IReadOnlyDictionary<string, int> RecentChanges { get; init; } = new Dictionary<string, int>();

    /// <summary>How many changes in the last <see cref="SharedChanges.Days"/> days touched what <paramref name="section"/> shows.</summary>
    public int ChangesIn(ShareScope section) => SharedChanges.KindsOf(section).Sum(kind => RecentChanges.GetValueOrDefault(kind));
}

/// <summary>Phases in order with their features' dates, the dated features in no phase, and the milestones.</summary>
public sealed record SharedTimeline(IReadOnlyList<SharedTimelinePhase> Phases, IReadOnlyList<SharedTimelineFeature> WithoutPhase, IReadOnlyList<SharedMilestone> Milestones);

public sealed record SharedTimelinePhase(string Name, DateOnly? StartDate, DateOnly? EndDate, IReadOnlyList<SharedTimelineFeature> Features);

/// <summary>A feature's own dates (null: its phase's) and the days they come to.</summary>
public sealed record SharedTimelineFeature(string Title, FeatureStatus Status, FuzzyDate? OwnStart, FuzzyDate? OwnTarget, DateOnly? Start, DateOnly? End, bool IsOverdue);

public sealed record SharedMilestone(string Name, DateOnly Date, MilestoneKind Kind, string? Lane);

/// <summary>Now, Next and Later in that order, each with the phases it covers and its features (Must first).</summary>
public sealed record SharedHorizons(IReadOnlyList<SharedHorizon> Columns);

public sealed record SharedHorizon(MvpPlanner.Core.Roadmap.Horizon Horizon, IReadOnlyList<SharedPhase> Phases, IReadOnlyList<SharedCard> Cards);

/// <param name="Latest">The latest measurement, if any; <paramref name="Status"/> says in words where it stands.</param>
public sealed record SharedOutcome(string Description, string Metric, string Baseline, string Target,
    MvpPlanner.Core.Plans.ProgressPoint? Latest = null, MvpPlanner.Core.Plans.ProgressStatus Status = MvpPlanner.Core.Plans.ProgressStatus.NoData);

public sealed record SharedRoadmap(IReadOnlyList<SharedPhase> Phases, IReadOnlyList<SharedLane> Lanes, int UnscheduledCount);

public sealed record SharedPhase(string Name, DateOnly? StartDate, DateOnly? EndDate, string Goal);

/// <summary>A lane (row) of the roadmap; <see cref="Cells"/> has one list of feature titles per phase, in phase order.</summary>
public sealed record SharedLane(string Name, IReadOnlyList<IReadOnlyList<SharedCard>> Cells);

public sealed record SharedCard(string Title, Moscow Moscow, FeatureStatus Status);

public sealed record SharedPersonas(IReadOnlyList<SharedPersona> People, IReadOnlyList<SharedProblem> Problems);

public sealed record SharedPersona(string Name, string UserGroup, string Goals, string Pains);

public sealed record SharedProblem(string Statement, int Severity, ProblemFrequency Frequency, IReadOnlyList<string> Personas);

public sealed record SharedFeature(string Title, Moscow Moscow, double? RiceScore, int? Value, int? EffortSize, FeatureStatus Status, string? Phase);

public sealed record SharedOperations(
    string CorePromise,
    IReadOnlyList<string> Commitments,
    IReadOnlyList<string> Stages,
    IReadOnlyList<SharedProcess> Processes,
    IReadOnlyList<SharedKpi> Kpis);

public sealed record SharedProcess(string Name, string? Stage, string? Owner, Automation Automation);

public sealed record SharedKpi(string Name, string Unit, decimal? Target, decimal? LatestValue, DateOnly? LatestOn, DateOnly? NextReviewDue);
