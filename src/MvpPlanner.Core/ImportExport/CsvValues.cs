using System.Globalization;
using MvpPlanner.Core.Problems;

namespace MvpPlanner.Core.ImportExport;

/// <summary>Reads the numbers and words of one CSV cell strictly. A file may come from a spreadsheet that writes
/// "2,5" or one that writes "2.5", so a single separator followed by one or two digits is a decimal point either way;
/// "1,500" or "1.500" could be a thousand and a half or one and a half, so it is refused with a message instead of
/// being read a factor of a thousand wrong.</summary>
internal static class CsvValues
{
    private const NumberStyles Style = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public static bool TryDecimal(string text, out double? value, out string? error)
    {
        value = null;
        error = null;
        var t = text.Trim();
        if (t.Length == 0)
        {
            return true;
        }

        var separators = t.Count(c => c is '.' or ',');
        if (separators > 1)
        {
            error = $"\"{t}\" is not a number this import reads: write it without thousands separators, such as 1500 or 2.5.";
            return false;
        }

        var at = t.IndexOfAny(['.', ',']);
        if (at >= 0 && t.Length - at - 1 == 3 && at > 0 && char.IsAsciiDigit(t[at - 1]))
        {
            error = $"\"{t}\" could mean {t[..at]}{t[(at + 1)..]} or {t[..at]}.{t[(at + 1)..]}. Write it without a thousands separator, such as {t[..at]}{t[(at + 1)..]}, or with fewer decimals.";
            return false;
        }

        if (double.TryParse(t.Replace(',', '.'), Style, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
        {
            value = parsed;
            return true;
        }

        error = $"\"{t}\" is not a number.";
        return false;
    }

    public static bool TryWhole(string text, out int? value, out string? error)
    {
        value = null;
        if (!TryDecimal(text.Trim().TrimEnd('%'), out var number, out error))
        {
            return false;
        }

        if (number is null)
        {
            return true;
        }

        if (number != Math.Floor(number.Value) || number > int.MaxValue || number < int.MinValue)
        {
            error = $"\"{text.Trim()}\" is not a whole number.";
            return false;
        }

        value = (int)number.Value;
        return true;
    }

    public static bool TryYesNo(string text, out bool value)
    {
        var key = CsvLabels.Key(text);
        value = key is "yes" or "y" or "true" or "1" or "x" or "ja" or "oui";
        return value || key is "" or "no" or "n" or "false" or "0" or "nein" or "non";
    }

    /// <summary>Severity as a number 1–5 or as its word (Minor … Blocking).</summary>
    public static bool TrySeverity(string text, out int? value, out string? error)
    {
        error = null;
        value = CsvLabels.Key(text) switch
        {
            "minor" => 1,
            "annoying" => 2,
            "painful" => 3,
            "severe" => 4,
            "blocking" => 5,
            _ => null,
        };
        return value is not null || TryWhole(text, out value, out error);
    }

    public static bool TryFrequency(string text, out ProblemFrequency? value)
    {
        value = CsvLabels.Key(text) switch
        {
            "" => null,
            "rarely" or "rare" or "yearly" => ProblemFrequency.Rarely,
            "monthly" or "everymonth" or "month" => ProblemFrequency.Monthly,
            "weekly" or "everyweek" or "week" => ProblemFrequency.Weekly,
            "daily" or "everyday" or "day" => ProblemFrequency.Daily,
            "constantly" or "allthetime" or "always" or "hourly" => ProblemFrequency.Constantly,
            _ => (ProblemFrequency)(-1),
        };
        return value is null || Enum.IsDefined(value.Value);
    }

    /// <summary>Names in one cell, as our export writes them ("Bo; Ana"); a line break separates too.</summary>
    public static IReadOnlyList<string> List(string text) =>
        text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>How two titles are compared for duplicates and names for lookups: trimmed, without case.</summary>
    public static string NameKey(string? text) => Common.Text.Clean(text).ToLowerInvariant();
}
