namespace MvpPlanner.Core.Workshops;

public sealed record SessionView(int Id, string Name, string FacilitatorName, DateTime StartedAt, DateTime? EndedAt);

public sealed record RoundSummary(int Id, int SessionId, string Title, VoteItemKind ItemKind, bool IsRevealed, DateTime? AppliedAt, DateTime CreatedAt);

public sealed record RoundItemView(int ItemId, string Label, int MyDots);

public sealed record RoundView(
    int Id,
    string Title,
    VoteItemKind ItemKind,
    int DotsPerPerson,
    bool AllowSeveralDotsPerItem,
    bool IsRevealed,
    DateTime? AppliedAt,
    IReadOnlyList<RoundItemView> Items,
    int MyDotsLeft,
    int VoterCount,
    IReadOnlyList<VoteResult> Results);

public sealed record WorkshopView(SessionView? Active, IReadOnlyList<SessionView> Sessions, IReadOnlyList<RoundSummary> Rounds);
