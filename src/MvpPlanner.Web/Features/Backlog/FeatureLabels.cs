using MvpPlanner.Core.Features;
using MudBlazor;

namespace MvpPlanner.Web.Features.Backlog;

/// <summary>The words the UI uses for feature enums, in one place.</summary>
public static class FeatureLabels
{
    public static string Status(FeatureStatus status) => status switch
    {
        FeatureStatus.Idea => "Idea",
        FeatureStatus.Planned => "Planned",
        FeatureStatus.InProgress => "In progress",
        FeatureStatus.Shipped => "Shipped",
        FeatureStatus.Dropped => "Dropped",
        _ => status.ToString(),
    };

    public static string Moscow(Moscow category) => category switch
    {
        Core.Features.Moscow.Unset => "Not set",
        Core.Features.Moscow.Must => "Must have",
        Core.Features.Moscow.Should => "Should have",
        Core.Features.Moscow.Could => "Could have",
        Core.Features.Moscow.Wont => "Won't have (now)",
        _ => category.ToString(),
    };

    public static Color MoscowColor(Moscow category) => category switch
    {
        Core.Features.Moscow.Must => Color.Error,
        Core.Features.Moscow.Should => Color.Warning,
        Core.Features.Moscow.Could => Color.Info,
        _ => Color.Default,
    };
}
