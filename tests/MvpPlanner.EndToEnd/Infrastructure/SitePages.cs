using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace MvpPlanner.EndToEnd.Infrastructure;

/// <summary>The app's pages as the page-wide checks (axe-core, sideways scrolling) open them. A new page goes here;
/// <see cref="SitePagesTests"/> fails while one is missing.</summary>
public static class SitePages
{
    /// <summary>Every page of a plan, by its path below <c>/plans/{id}</c>.</summary>
    public static readonly string[] PlanPages =
    [
        "", "/outcomes", "/personas", "/features", "/roadmap", "/now-next-later", "/timeline", "/value-effort", "/feedback",
        "/decisions", "/operations", "/tools-kpis", "/readiness", "/workshop", "/sharing", "/activity", "/trash", "/import",
    ];

    /// <summary>Pages of a signed-in person outside a plan, with the ids filled in.</summary>
    public static string[] SignedInPages(int workspaceId, int planId) =>
        ["/", $"/workspaces/{workspaceId}", "/plans/start", $"/plans/{planId}/print", "/account/tokens"];

    /// <summary>Pages for someone signed out; they render without a circuit.</summary>
    public static readonly string[] SignedOutPages = ["/account/login", "/account/register"];

    /// <summary>A signed-in page that renders without a circuit (it changes the sign-in cookie).</summary>
    public const string PasswordPage = "/account/password";

    /// <summary>Pages the checks reach another way: the error pages, and an invitation, which needs its token (its own
    /// tests open it).</summary>
    public static readonly string[] CheckedElsewhere = ["/not-found", "/error", "/invite/{Token}"];

    /// <summary>The route templates of every routable component in the app.</summary>
    public static IEnumerable<string> RouteTemplates() =>
        typeof(MvpPlanner.Web.Features.Plans.PlanHeader).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template);

    /// <summary>The route templates the lists above cover, in the form the components declare them.</summary>
    public static IEnumerable<string> CoveredTemplates() =>
        PlanPages.Select(p => "/plans/{PlanId:int}" + p)
            .Concat(SignedInPages(0, 0).Select(p => p.Replace("/workspaces/0", "/workspaces/{WorkspaceId:int}").Replace("/plans/0", "/plans/{PlanId:int}")))
            .Concat(SignedOutPages).Append(PasswordPage)
            .Concat(CheckedElsewhere);
}
