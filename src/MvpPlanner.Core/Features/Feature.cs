using MvpPlanner.Core.Common;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Feedback;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.Features;

public enum FeatureStatus
{
    Idea,
    Planned,
    InProgress,
    Shipped,
    Dropped,
}

public enum Moscow
{
    Unset,
    Must,
    Should,
    Could,
    Wont,
}

public class Feature : EntityBase, IOrdered
{
    protected internal override string ActivityName => Title;

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public FeatureStatus Status { get; set; }

    public string Owner { get; set; } = "";

    public Moscow Moscow { get; set; }

    /// <summary>RICE reach: people or events per period.</summary>
    public int? Reach { get; set; }

    /// <summary>RICE impact on the usual scale 0.25, 0.5, 1, 2, 3.</summary>
    public double? Impact { get; set; }

    /// <summary>RICE confidence, 0–100 %.</summary>
    public int? Confidence { get; set; }

    /// <summary>RICE effort in person-weeks.</summary>
    public double? Effort { get; set; }

    /// <summary>Value for the value-vs-effort view, 1–5.</summary>
    public int? Value { get; set; }

    /// <summary>Effort for the value-vs-effort view, 1–5 (a rough size, unlike the RICE effort).</summary>
    public int? EffortSize { get; set; }

    public int? PhaseId { get; set; }

    public RoadmapPhase? Phase { get; set; }

    public int? LaneId { get; set; }

    public Lane? Lane { get; set; }

    /// <summary>Position inside its board cell (phase × lane), 0 first.</summary>
    public int Rank { get; set; }

    public List<Problem> Problems { get; set; } = [];

    /// <summary>True when delivering the feature needs people or a process behind it (a chat needs someone to answer).</summary>
    public bool NeedsOperationalSupport { get; set; }

    public List<CoreProcess> CoreProcesses { get; set; } = [];

    /// <summary>Its own planned start (first day of the day, month or quarter); null to take its phase's start.</summary>
    public DateOnly? StartDate { get; set; }

    public DatePrecision StartPrecision { get; set; }

    /// <summary>Its own target date (first day of the period); null to take its phase's end.</summary>
    public DateOnly? TargetDate { get; set; }

    public DatePrecision TargetPrecision { get; set; }

    public FuzzyDate? Start => FuzzyDate.From(StartDate, StartPrecision);

    public FuzzyDate? Target => FuzzyDate.From(TargetDate, TargetPrecision);

    /// <summary>The features this one needs first.</summary>
    public List<Feature> Dependencies { get; set; } = [];

    /// <summary>The features that need this one first.</summary>
    public List<Feature> Dependents { get; set; } = [];

    /// <summary>Feedback that speaks to this feature; only triaged (linked) items count as evidence.</summary>
    public List<FeedbackItem> Feedback { get; set; } = [];

    public double? RiceScore => Rice.Score(Reach, Impact, Confidence, Effort);

    int IOrdered.Order { get => Rank; set => Rank = value; }
}
