using System.Globalization;
using MvpPlanner.Web.Features.History;

namespace MvpPlanner.Web.Features.Reviews;

/// <summary>Which page of a plan shows an item of each kind (as history names kinds), for links from lists of changes.</summary>
public static class ItemPages
{
    public static string For(int planId, string itemKind, bool isDeleted = false) => $"/plans/{planId}" + (isDeleted ? "/trash" : itemKind switch
    {
        ItemKinds.Persona or ItemKinds.Problem => "/personas",
        ItemKinds.Feature => "/features",
        ItemKinds.Phase or ItemKinds.Lane => "/roadmap",
        nameof(Core.Roadmap.Milestone) => "/timeline",
        ItemKinds.Outcome => "/outcomes",
        nameof(Core.Plans.Plan) => "",
        ItemKinds.Feedback => "/feedback",
        nameof(Core.Roadmap.GateCondition) => "/roadmap",
        nameof(Core.Roadmap.PhaseDecision) => "/decisions",
        ItemKinds.Stage or ItemKinds.Process or ItemKinds.Role or ItemKinds.Commitment => "/operations",
        ItemKinds.Tool or ItemKinds.Kpi => "/tools-kpis",
        _ => "/activity",
    });

    /// <summary>"just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then the date.</summary>
    public static string Ago(DateTime at, DateTime now)
    {
        var age = now - at;
        return age.TotalMinutes < 1 ? "just now"
            : age.TotalHours < 1 ? $"{(int)age.TotalMinutes} min ago"
            : age.TotalDays < 1 ? $"{(int)age.TotalHours} h ago"
            : age.TotalDays < 2 ? "yesterday"
            : age.TotalDays < 7 ? $"{(int)age.TotalDays} days ago"
            : at.ToString("d MMM yyyy", CultureInfo.CurrentCulture);
    }
}
