using MvpPlanner.Core.Common;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.Sharing;

/// <summary>A public form where people without an account leave feedback for one plan, such as a link handed out at
/// customer office hours. Like a <see cref="ShareLink"/>: only the token's hash is stored, the full link is shown once,
/// and it can expire or be revoked. Not a plan item: the feedback it brings in is.</summary>
public class FeedbackLink : EntityBase
{
    protected internal override string ActivityName => Label;

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    /// <summary>Where the link is handed out, such as "Customer office hours".</summary>
    public string Label { get; set; } = "";

    public string TokenHash { get; set; } = "";

    public DateTime? ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    /// <summary>When feedback last came in through the link.</summary>
    public DateTime? LastUsedAt { get; set; }

    /// <summary>Feedback items written through the link; raised in the database with each one (no read-then-write).</summary>
    public int SubmissionCount { get; set; }
}
