using MudBlazor;
using MvpPlanner.Core.Problems;

namespace MvpPlanner.Web.Features.Personas;

/// <summary>The words and colours the UI uses for a problem's severity and frequency, in one place.</summary>
public static class ProblemLabels
{
    public static readonly IReadOnlyList<int> Severities = [1, 2, 3, 4, 5];

    public static string Severity(int severity) => severity switch
    {
        1 => "Minor",
        2 => "Annoying",
        3 => "Painful",
        4 => "Severe",
        5 => "Blocking",
        _ => "Unknown",
    };

    public static string SeverityWithNumber(int severity) => $"{severity} – {Severity(severity)}";

    public static Color SeverityColor(int severity) => severity switch
    {
        >= 5 => Color.Error,
        4 => Color.Warning,
        3 => Color.Info,
        _ => Color.Default,
    };

    public static string Frequency(ProblemFrequency frequency) => frequency switch
    {
        ProblemFrequency.Rarely => "Rarely",
        ProblemFrequency.Monthly => "Every month",
        ProblemFrequency.Weekly => "Every week",
        ProblemFrequency.Daily => "Every day",
        ProblemFrequency.Constantly => "All the time",
        _ => frequency.ToString(),
    };
}
