using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;

namespace MvpPlanner.Core.Feedback;

/// <summary>Where a piece of feedback came from (the seeds' office hours, "ask me anything" sessions, interviews, data).</summary>
public enum FeedbackSource
{
    Interview,
    OfficeHours,
    SupportTicket,
    Survey,
    Analytics,
    SalesCall,

    /// <summary>Left by someone without an account through the plan's public feedback link.</summary>
    FeedbackForm,
    Other,
}

/// <summary>Triage: new items wait for the team; only triaged items (linked) count as evidence.</summary>
public enum FeedbackState
{
    New,
    Linked,
    Archived,
}

public enum FeedbackImportance
{
    Low,
    Medium,
    High,
}

/// <summary>What a user, customer or data source told the team after (or before) launch, quoted as given, and linked
/// to the problems and features it speaks to: the evidence behind the backlog.</summary>
public class FeedbackItem : EntityBase, IPlanItem
{
    protected internal override string ActivityName => Text.Length <= 60 ? Text : string.Concat(Text.AsSpan(0, 59), "…");

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    /// <summary>The feedback in the giver's words.</summary>
    public string Text { get; set; } = "";

    public FeedbackSource Source { get; set; }

    /// <summary>Who gave it, as a persona of the plan (optional).</summary>
    public int? PersonaId { get; set; }

    public Persona? Persona { get; set; }

    /// <summary>The giver's organisation or customer account, so evidence can count distinct organisations.</summary>
    public string Organisation { get; set; } = "";

    /// <summary>The giver's name or contact, when they gave one.</summary>
    public string GivenBy { get; set; } = "";

    public DateOnly ReceivedOn { get; set; }

    public FeedbackImportance Importance { get; set; } = FeedbackImportance.Medium;

    public FeedbackState State { get; set; }

    public List<Problem> Problems { get; set; } = [];

    public List<Feature> Features { get; set; } = [];
}
