using MudBlazor;
using MvpPlanner.Core.Sharing;

namespace MvpPlanner.Web.Features.Sharing;

/// <summary>The words the sharing page uses for scopes and link states, in one place.</summary>
public static class ShareLabels
{
    /// <summary>Each part of a plan a link can show, with the data-testid suffix of its checkbox.</summary>
    public static IReadOnlyList<(ShareScope Scope, string Label, string TestId)> Scopes { get; } =
    [
        (ShareScope.Roadmap, "Roadmap", "roadmap"),
        (ShareScope.PersonasAndProblems, "Personas & problems", "personas"),
        (ShareScope.NowNextLater, "Now / Next / Later", "now-next-later"),
        (ShareScope.Features, "Features with priorities", "features"),
        (ShareScope.Outcomes, "Target outcomes", "outcomes"),
        (ShareScope.OperationsSummary, "Operations summary (MVO, KPIs)", "operations"),
        (ShareScope.Timeline, "Timeline (dates and milestones)", "timeline"),
    ];

    public static IEnumerable<string> Parts(ShareScope scope) =>
        Scopes.Where(s => scope.HasFlag(s.Scope)).Select(s => s.Label);

    public static string State(ShareLinkState state) => state switch
    {
        ShareLinkState.Active => "Active",
        ShareLinkState.Expired => "Expired",
        _ => "Revoked",
    };

    public static Color StateColor(ShareLinkState state) => state switch
    {
        ShareLinkState.Active => Color.Success,
        ShareLinkState.Expired => Color.Warning,
        _ => Color.Default,
    };
}
