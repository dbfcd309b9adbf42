using System.Globalization;
using MvpPlanner.Core.Features;

namespace MvpPlanner.Web.Features.Prioritization;

/// <summary>The words and numbers of the value-vs-effort chart as users read them.</summary>
public static class ValueEffortLabels
{
    public static string Name(Quadrant quadrant) => quadrant switch
    {
        Quadrant.QuickWin => "Quick wins",
        Quadrant.BigBet => "Big bets",
        Quadrant.FillIn => "Fill-ins",
        _ => "Money pits",
    };

    public static string One(Quadrant quadrant) => quadrant switch
    {
        Quadrant.QuickWin => "quick win",
        Quadrant.BigBet => "big bet",
        Quadrant.FillIn => "fill-in",
        _ => "money pit",
    };

    public static string Hint(Quadrant quadrant) => quadrant switch
    {
        Quadrant.QuickWin => "High value, low effort: do these first.",
        Quadrant.BigBet => "High value, high effort: plan them with care.",
        Quadrant.FillIn => "Low value, low effort: when there is time.",
        _ => "Low value, high effort: question or drop them.",
    };

    public static string CssName(Quadrant quadrant) => quadrant switch
    {
        Quadrant.QuickWin => "quick-win",
        Quadrant.BigBet => "big-bet",
        Quadrant.FillIn => "fill-in",
        _ => "money-pit",
    };

    public static string ValueAxis(ValueEffortMode mode) => mode == ValueEffortMode.Size ? "Value (1–5)" : "Reach × impact";

    public static string EffortAxis(ValueEffortMode mode) => mode == ValueEffortMode.Size ? "Effort size (1–5)" : "Effort (person-weeks)";

    public static string Number(double value) => value.ToString("0.##", CultureInfo.CurrentCulture);

    public static string AriaLabel(ValueEffortPoint point, ValueEffortMode mode) => mode == ValueEffortMode.Size
        ? $"{point.Feature.Title}: value {Number(point.Value)}, effort {Number(point.Effort)}, {One(point.Quadrant)}"
        : $"{point.Feature.Title}: reach × impact {Number(point.Value)}, effort {Number(point.Effort)} person-weeks, {One(point.Quadrant)}";

    /// <summary>What a feature lacks before it can be placed.</summary>
    public static string Missing(FeatureRow row, ValueEffortMode mode)
    {
        var missing = mode == ValueEffortMode.Size
            ? new[] { (row.Value is null, "value"), (row.EffortSize is null, "effort size") }
            : [(row.Reach is null, "reach"), (row.Impact is null, "impact"), (row.Effort is not > 0, "effort")];
        var names = missing.Where(m => m.Item1).Select(m => m.Item2).ToList();
        return names.Count == 0 ? "" : "No " + string.Join(", ", names);
    }
}
