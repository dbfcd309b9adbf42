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

            // MudBlazor's defaults for these fall below WCAG AA (4.5:1) with white text on them, or as text on the
            // page's background; these keep the hue and reach at least 4.7:1 both ways (checked by axe in the tests).
            TextSecondary = "#4f5966",
            Error = "#c62828",
            Warning = "#9a4f00",
            Info = "#0b66b2",
            Success = "#2e7d32",
        },
    };
}
