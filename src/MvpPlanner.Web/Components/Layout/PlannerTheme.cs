using MudBlazor;

namespace MvpPlanner.Web.Components.Layout;

/// <summary>High-contrast colours that stay readable on a projector.</summary>
public static class PlannerTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#00796b",
            AppbarBackground = "#1f4e79",
            Background = "#f6f7f9",
            TextPrimary = "#1b1f24",
        },
    };
}
