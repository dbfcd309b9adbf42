using MvpPlanner.Core.Common;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.Sharing;

/// <summary>What a shared link shows; a link can show any combination.</summary>
[Flags]
public enum ShareScope
{
    None = 0,
    Roadmap = 1,
    PersonasAndProblems = 2,

    /// <summary>Features with their priorities (MoSCoW, RICE, value and effort, status).</summary>
    Features = 4,

    /// <summary>The MVO summary: core promise, commitments, journey stages, processes with owners, KPIs.</summary>
    OperationsSummary = 8,

    /// <summary>The roadmap over time: phases with dates, features with their dates, milestones.</summary>
    Timeline = 16,

    /// <summary>The roadmap as Now / Next / Later: intent without dates.</summary>
    NowNextLater = 32,

    /// <summary>The plan's target outcomes: description, metric, baseline and target.</summary>
    Outcomes = 64,
    All = Roadmap | PersonasAndProblems | Features | OperationsSummary | Timeline | NowNextLater | Outcomes,
}

/// <summary>A read-only link to part of a plan for a stakeholder without an account. Only the token's hash is stored,
/// so the full link is shown once, when it is made. Not a plan item: making or opening a link changes no plan content
/// and leaves the plan's activity alone.</summary>
public class ShareLink : EntityBase
{
    protected internal override string ActivityName => Label;

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    /// <summary>Who the link is for, such as "Investors" or "Board, March".</summary>
    public string Label { get; set; } = "";

    public ShareScope Scope { get; set; }

    public string TokenHash { get; set; } = "";

    public DateTime? ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public DateTime? LastOpenedAt { get; set; }

    public int ViewCount { get; set; }
}
