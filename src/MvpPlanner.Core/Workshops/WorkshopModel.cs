using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.Workshops;

/// <summary>A facilitated planning session on one plan. Its vote rounds are kept so the session can be reviewed later.</summary>
public class WorkshopSession
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    public string Name { get; set; } = "";

    public string FacilitatorId { get; set; } = "";

    public string FacilitatorName { get; set; } = "";

    public DateTime StartedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public List<VoteRound> Rounds { get; set; } = [];
}

public enum VoteItemKind
{
    Feature,
    Problem,
}

/// <summary>A dot vote over a set of features or problems.</summary>
public class VoteRound
{
    public int Id { get; set; }

    public int SessionId { get; set; }

    public WorkshopSession? Session { get; set; }

    public string Title { get; set; } = "";

    public VoteItemKind ItemKind { get; set; }

    public int DotsPerPerson { get; set; } = 3;

    public bool AllowSeveralDotsPerItem { get; set; }

    /// <summary>Votes stay hidden until the facilitator reveals them; revealing also ends the voting.</summary>
    public bool IsRevealed { get; set; }

    public DateTime? AppliedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<VoteRoundItem> Items { get; set; } = [];

    public List<Vote> Votes { get; set; } = [];
}

public class VoteRoundItem
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public int ItemId { get; set; }

    /// <summary>The item's name when the vote opened, so the record reads well after the item is renamed or deleted.</summary>
    public string Label { get; set; } = "";
}

/// <summary>One participant's dots on one item.</summary>
public class Vote
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public string UserId { get; set; } = "";

    public string UserName { get; set; } = "";

    public int ItemId { get; set; }

    public int Dots { get; set; }
}

/// <summary>How many dots one participant has placed in one round. The database keeps the count within the round's
/// budget (a CHECK on the row, and a conditional UPDATE that spends a dot only while one is left), so two quick clicks
/// on the last dot cannot both count, whichever database runs it.</summary>
public class VoteBallot
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public string UserId { get; set; } = "";

    public int DotsUsed { get; set; }

    /// <summary>The round's dots per person, copied so the CHECK constraint can hold the limit within the row.</summary>
    public int DotsAllowed { get; set; }
}
