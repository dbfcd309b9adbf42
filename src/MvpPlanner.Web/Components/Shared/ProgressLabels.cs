using MudBlazor;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Web.Components.Shared;

/// <summary>How a measured value's status reads: always in words, the colour and icon only repeat it.</summary>
public static class ProgressLabels
{
    public static string Text(ProgressStatus status) => status switch
    {
        ProgressStatus.Met => "Target met",
        ProgressStatus.OnTrack => "On track",
        ProgressStatus.OffTrack => "Off track",
        ProgressStatus.Measuring => "Measuring",
        _ => "No measurements yet",
    };

    public static Color Color(ProgressStatus status) => status switch
    {
        ProgressStatus.Met or ProgressStatus.OnTrack => MudBlazor.Color.Success,
        ProgressStatus.OffTrack => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    public static string Icon(ProgressStatus status) => status switch
    {
        ProgressStatus.Met => Icons.Material.Filled.EmojiEvents,
        ProgressStatus.OnTrack => Icons.Material.Filled.TrendingUp,
        ProgressStatus.OffTrack => Icons.Material.Filled.Warning,
        _ => Icons.Material.Filled.HourglassEmpty,
    };

    /// <summary>A value with its unit: "12.5 loans", "30 %".</summary>
    public static string Value(decimal value, string unit) =>
        string.IsNullOrEmpty(unit) ? value.ToString("0.##", System.Globalization.CultureInfo.CurrentCulture) : $"{value.ToString("0.##", System.Globalization.CultureInfo.CurrentCulture)} {unit}";
}
