using MudBlazor;
using MvpPlanner.Core.Operations;

namespace MvpPlanner.Web.Features.Operations;

/// <summary>Plain words, colours and links for readiness findings: where each one is fixed.</summary>
public static class ReadinessLabels
{
    public static string Score(int score) => score switch
    {
        >= 90 => "Ready to deliver",
        >= 70 => "Almost ready",
        >= 40 => "Some gaps to close",
        _ => "Not ready to deliver yet",
    };

    public static Color ScoreColor(int score) => score switch
    {
        >= 90 => Color.Success,
        >= 70 => Color.Info,
        >= 40 => Color.Warning,
        _ => Color.Error,
    };

    public static string Severity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.High => "Fix before launch",
        FindingSeverity.Medium => "Should fix",
        _ => "Worth a look",
    };

    public static Color SeverityColor(FindingSeverity severity) => severity switch
    {
        FindingSeverity.High => Color.Error,
        FindingSeverity.Medium => Color.Warning,
        _ => Color.Info,
    };

    /// <summary>The page (and section) where a finding of this area is fixed. Promise, journey, processes and the
    /// features a process supports live on the operations page; tools and KPIs on the tools and KPIs page.</summary>
    public static string FixHref(int planId, FixArea area) => area switch
    {
        FixArea.Tools => $"/plans/{planId}/tools-kpis#tools",
        FixArea.Kpis => $"/plans/{planId}/tools-kpis#kpis",
        FixArea.Promise => $"/plans/{planId}/operations#promise",
        _ => $"/plans/{planId}/operations#blueprint",
    };

    public static string FixText(FixArea area) => area switch
    {
        FixArea.Promise => "Fix the promise and commitments",
        FixArea.Journey => "Open the customer journey",
        FixArea.Processes => "Open the core processes",
        FixArea.Features => "Add or link a process",
        FixArea.Tools => "Open the essential tools",
        _ => "Open the KPIs",
    };
}
