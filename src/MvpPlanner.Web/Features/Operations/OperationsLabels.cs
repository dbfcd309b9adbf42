using MudBlazor;
using MvpPlanner.Core.Operations;

namespace MvpPlanner.Web.Features.Operations;

public static class OperationsLabels
{
    public static string Automation(Automation automation) => automation switch
    {
        Core.Operations.Automation.Manual => "Manual (concierge)",
        Core.Operations.Automation.PartlyAutomated => "Partly automated",
        _ => "Automated",
    };

    public static string AutomationIcon(Automation automation) => automation switch
    {
        Core.Operations.Automation.Manual => Icons.Material.Filled.PanTool,
        Core.Operations.Automation.PartlyAutomated => Icons.Material.Filled.Tune,
        _ => Icons.Material.Filled.SmartToy,
    };

    /// <summary>The seed's advice, shown where the automation level is chosen.</summary>
    public const string AutomationHint =
        "Start manual: a \"concierge\" process run by hand lets you learn and refine it with real customers before investing in software.";

    public const string NoStagesHint =
        "Map the critical-path customer journey: from the first point of contact to the moment customers receive value and beyond. "
        + "Each stage becomes a column of the blueprint, with the touchpoints, the \"good enough\" processes behind them, the tools and the owners.";
}
