using MvpPlanner.Core.Common;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.Reviews;

/// <summary>A calendar subscription address for one plan's review dates and milestones: a capability URL like a share
/// link. Only the token's hash is stored, so the address is shown once, when it is made. Not a plan item: making,
/// fetching or revoking a feed leaves the plan's activity alone.</summary>
public class CalendarFeed : EntityBase
{
    protected internal override string ActivityName => Label;

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    /// <summary>Whose calendar it is for, such as "Team calendar" or "Ana's Outlook".</summary>
    public string Label { get; set; } = "";

    public string TokenHash { get; set; } = "";

    public DateTime? RevokedAt { get; set; }

    /// <summary>When a calendar app last fetched the feed (written at most every few minutes).</summary>
    public DateTime? LastFetchedAt { get; set; }
}

/// <summary>When a member last opened a plan, and the visit before that: "what changed since your last visit" is the
/// plan's activity after <see cref="PreviousVisitAt"/> by other people. One row per person and plan.</summary>
public class PlanVisit
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public int PlanId { get; set; }

    /// <summary>The latest time the person opened any page of the plan.</summary>
    public DateTime LastVisitedAt { get; set; }

    /// <summary>The last time seen before the current visit began; null on the first visit (nothing counts as new).</summary>
    public DateTime? PreviousVisitAt { get; set; }
}
