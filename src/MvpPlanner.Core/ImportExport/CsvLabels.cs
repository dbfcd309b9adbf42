using MvpPlanner.Core.Features;
using System.Globalization;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.ImportExport;

/// <summary>The words a CSV file uses for enum values: the ones the app shows, so an exported file reads like the
/// backlog and imports back unchanged. They live in Core because the export is made here; the Web labels say the same.</summary>
public static class CsvLabels
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

    public static string Moscow(Moscow moscow) => moscow switch
    {
        Features.Moscow.Must => "Must have",
        Features.Moscow.Should => "Should have",
        Features.Moscow.Could => "Could have",
        Features.Moscow.Wont => "Won't have (now)",
        _ => "",
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

    /// <summary>A feature's own date as a person and a spreadsheet read it and the import reads it back exactly: a day
    /// <c>2027-03-12</c>, a month <c>2027-03</c>, a quarter <c>2027-Q1</c>; empty when there is none.</summary>
    public static string Date(FuzzyDate? date) => date switch
    {
        null => "",
        { Precision: DatePrecision.Month } d => d.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        { Precision: DatePrecision.Quarter } d => string.Create(CultureInfo.InvariantCulture, $"{d.Date.Year:D4}-Q{((d.Date.Month - 1) / 3) + 1}"),
        { } d => d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>Several names in one cell ("Bo; Ana"): a semicolon, because names often contain commas.</summary>
    public const string ListSeparator = "; ";

    /// <summary>A header or value as it is compared: letters and digits only, lower case ("Story Points" = "storypoints").</summary>
    public static string Key(string? text) =>
        string.Concat((text ?? "").Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
