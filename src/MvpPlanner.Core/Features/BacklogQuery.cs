using System.Linq.Expressions;
using MvpPlanner.Core.Feedback;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.Features;

/// <summary>The columns the backlog can be sorted by. <see cref="Default"/> is the roadmap's order: phase, then the
/// place inside the board cell.</summary>
public enum BacklogSort
{
    Default,
    Title,
    Status,
    Moscow,
    Reach,
    Impact,
    Confidence,
    Effort,
    Rice,
    Value,
    Size,
    Phase,
    Lane,
    Owner,

    /// <summary>By how much triaged feedback supports the feature.</summary>
    Evidence,
}

/// <summary>One page of the backlog: what it is narrowed to, how it is sorted, which rows.</summary>
public sealed record BacklogQuery
{
    public const int MaxTake = 200;

    public BacklogFilter Filter { get; init; } = BacklogFilter.Empty;

    public BacklogSort Sort { get; init; }

    /// <summary>Reverses the chosen column; features without a value (no score, not set, unscheduled) stay last.</summary>
    public bool Descending { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}

/// <summary>A page of rows, how many features match the filter and how many the plan has.</summary>
public sealed record BacklogSlice(IReadOnlyList<FeatureRow> Rows, int MatchingCount, int PlanCount)
{
    public static BacklogSlice Empty { get; } = new([], 0, 0);
}

/// <summary>What the backlog's filter bar and feature dialog choose from, without the features themselves.</summary>
public sealed record BacklogLookups(
    IReadOnlyList<LinkedItem> Personas,
    IReadOnlyList<LinkedItem> Problems,
    IReadOnlyList<PhaseView> Phases,
    IReadOnlyList<LaneView> Lanes)
{
    public static BacklogLookups Empty { get; } = new([], [], [], []);
}

/// <summary>Turns a <see cref="BacklogQuery"/> into SQL: every filter and sort key is an expression EF translates, so
/// only the page's rows leave the database.</summary>
internal static class BacklogQueryable
{
    // Same formula as Rice.Score, rounded half away from zero to one decimal as the model rounds. floor(x × 10 + 0.5) ÷ 10
    // is that rounding for the score (never negative) on both engines: PostgreSQL has no round(double, digits).
    private static readonly Expression<Func<Feature, bool>> Unscorable =
        f => f.Reach == null || f.Impact == null || f.Confidence == null || f.Effort == null || f.Effort <= 0;

    private static readonly Expression<Func<Feature, double>> RiceScore =
        f => Math.Floor(((double)f.Reach!.Value * f.Impact!.Value * (f.Confidence!.Value / 100.0) / f.Effort!.Value * 10) + 0.5) / 10;

    // Status and MoSCoW are stored as text: rank them in the plan's order, not the alphabet's.
    private static readonly Expression<Func<Feature, int>> StatusRank = f =>
        f.Status == FeatureStatus.Idea ? 0
        : f.Status == FeatureStatus.Planned ? 1
        : f.Status == FeatureStatus.InProgress ? 2
        : f.Status == FeatureStatus.Shipped ? 3
        : 4;

    private static readonly Expression<Func<Feature, int>> MoscowRank = f =>
        f.Moscow == Moscow.Must ? 0
        : f.Moscow == Moscow.Should ? 1
        : f.Moscow == Moscow.Could ? 2
        : 3;

    public static IQueryable<Feature> Matching(this IQueryable<Feature> features, BacklogFilter filter)
    {
        if (filter.PersonaId is { } personaId)
        {
            features = features.Where(f => f.Problems.Any(p => p.Personas.Any(x => x.Id == personaId)));
        }

        if (filter.ProblemId is { } problemId)
        {
            features = features.Where(f => f.Problems.Any(p => p.Id == problemId));
        }

        if (filter.PhaseId is { } phaseId)
        {
            features = phaseId == BacklogFilter.NoneId ? features.Where(f => f.PhaseId == null) : features.Where(f => f.PhaseId == phaseId);
        }

        if (filter.LaneId is { } laneId)
        {
            features = laneId == BacklogFilter.NoneId ? features.Where(f => f.LaneId == null) : features.Where(f => f.LaneId == laneId);
        }

        if (filter.Status is { } status)
        {
            features = features.Where(f => f.Status == status);
        }

        if (filter.Moscow is { } moscow)
        {
            features = features.Where(f => f.Moscow == moscow);
        }

        if (filter.Evidence is { } evidence)
        {
            features = evidence == BacklogEvidence.With
                ? features.Where(f => f.Feedback.Any(x => x.State == FeedbackState.Linked))
                : features.Where(f => !f.Feedback.Any(x => x.State == FeedbackState.Linked));
        }

        // Contains becomes instr()/strpos(), so % and _ in the search are plain characters; lower() is made
        // Unicode-aware on SQLite (see DatabaseSetup).
        var text = filter.Search.Trim().ToLowerInvariant();
        if (text.Length > 0)
        {
            features = features.Where(f => f.Title.ToLower().Contains(text) || f.Description.ToLower().Contains(text) || f.Owner.ToLower().Contains(text));
        }

        return features;
    }

    public static IQueryable<Feature> Sorted(this IQueryable<Feature> features, BacklogSort sort, bool descending)
    {
        var d = descending;
        var sorted = sort switch
        {
            BacklogSort.Title => By(features, f => f.Title.ToLower(), d),
            BacklogSort.Status => By(features, StatusRank, d),
            BacklogSort.Moscow => By(features.OrderBy(f => f.Moscow == Moscow.Unset), MoscowRank, d),
            BacklogSort.Reach => By(features.OrderBy(f => f.Reach == null), f => f.Reach, d),
            BacklogSort.Impact => By(features.OrderBy(f => f.Impact == null), f => f.Impact, d),
            BacklogSort.Confidence => By(features.OrderBy(f => f.Confidence == null), f => f.Confidence, d),
            BacklogSort.Effort => By(features.OrderBy(f => f.Effort == null), f => f.Effort, d),
            BacklogSort.Rice => By(features.OrderBy(Unscorable), RiceScore, d),
            BacklogSort.Value => By(features.OrderBy(f => f.Value == null), f => f.Value, d),
            BacklogSort.Size => By(features.OrderBy(f => f.EffortSize == null), f => f.EffortSize, d),
            BacklogSort.Phase => By(features.OrderBy(f => f.PhaseId == null), f => f.Phase!.Order, d),
            BacklogSort.Lane => By(features.OrderBy(f => f.LaneId == null), f => f.Lane!.Order, d),
            BacklogSort.Owner => By(features.OrderBy(f => f.Owner == ""), f => f.Owner.ToLower(), d),
            BacklogSort.Evidence => By(features, f => f.Feedback.Count(x => x.State == FeedbackState.Linked), d),
            _ => features.OrderBy(f => f.Phase == null ? int.MaxValue : f.Phase.Order).ThenBy(f => f.Rank),
        };

        // A unique last key keeps pages stable: a row never shows on two pages or on none.
        return sorted.ThenBy(f => f.Id);
    }

    private static IOrderedQueryable<Feature> By<TKey>(IQueryable<Feature> features, Expression<Func<Feature, TKey>> key, bool descending) =>
        descending ? features.OrderByDescending(key) : features.OrderBy(key);

    private static IOrderedQueryable<Feature> By<TKey>(IOrderedQueryable<Feature> features, Expression<Func<Feature, TKey>> key, bool descending) =>
        descending ? features.ThenByDescending(key) : features.ThenBy(key);
}
