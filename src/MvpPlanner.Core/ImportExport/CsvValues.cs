using System.Globalization;
using System.Text.RegularExpressions;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.ImportExport;

/// <summary>Reads the numbers and words of one CSV cell strictly. A file may come from a spreadsheet that writes
/// "2,5" or one that writes "2.5", so a single separator followed by one or two digits is a decimal point either way;
/// "1,500" or "1.500" could be a thousand and a half or one and a half, so it is refused with a message instead of
/// being read a factor of a thousand wrong.</summary>
internal static partial class CsvValues
{
    /// <summary>Jira's date-times ("15/Mar/27 12:00 AM"), read as the day they name.</summary>
    private static readonly string[] JiraFormats =
        ["d/MMM/yy h:mm tt", "d/MMM/yyyy h:mm tt", "d/MMM/yy H:mm", "d/MMM/yyyy H:mm", "d/MMM/yy", "d/MMM/yyyy"];

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

    /// <summary>A day (2027-03-15), a month (2027-03) or a quarter (2027-Q1, Q1 2027). A date-time as Jira
    /// (15/Mar/27 12:00 AM), Trello or a database (2027-03-15 09:00, 2027-03-15T09:00:00Z) writes it is the day written,
    /// whatever the time zone. 03/04/2027 could be either month first, so it is refused rather than guessed.</summary>
    public static bool TryDate(string text, out FuzzyDate? value, out string? error)
    {
        value = null;
        error = null;
        var t = text.Trim();
        if (t.Length == 0)
        {
            return true;
        }

        if (IsoDay().Match(t) is { Success: true } day)
        {
            value = Day(int.Parse(day.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(day.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(day.Groups[3].Value, CultureInfo.InvariantCulture));
        }
        else if (IsoMonth().Match(t) is { Success: true } month)
        {
            var m = int.Parse(month.Groups[2].Value, CultureInfo.InvariantCulture);
            var y = int.Parse(month.Groups[1].Value, CultureInfo.InvariantCulture);
            value = m is >= 1 and <= 12 && y >= 1 ? new FuzzyDate(new DateOnly(y, m, 1), DatePrecision.Month) : null;
        }
        else if (Quarter().Match(t) is { Success: true } quarter)
        {
            var y = int.Parse(quarter.Groups["year"].Value, CultureInfo.InvariantCulture);
            var q = int.Parse(quarter.Groups["q"].Value, CultureInfo.InvariantCulture);
            value = y >= 1 ? new FuzzyDate(new DateOnly(y, ((q - 1) * 3) + 1, 1), DatePrecision.Quarter) : null;
        }
        else if (DateTime.TryParseExact(t, JiraFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out var jira))
        {
            value = new FuzzyDate(DateOnly.FromDateTime(jira), DatePrecision.Day);
        }
        else if (NumericDay().IsMatch(t))
        {
            error = $"\"{t}\" could be day first or month first. Write it as year-month-day, such as 2027-03-15.";
            return false;
        }

        if (value is null)
        {
            error = $"\"{t}\" is not a date this import reads. Write a day as 2027-03-15, a month as 2027-03 or a quarter as 2027-Q1.";
            return false;
        }

        return true;

        static FuzzyDate? Day(int year, int month, int day) =>
            month is >= 1 and <= 12 && year >= 1 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
                ? new FuzzyDate(new DateOnly(year, month, day), DatePrecision.Day)
                : null;
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

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?\s*(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDay();

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoMonth();

    [GeneratedRegex(@"^(?:(?<year>[0-9]{4})\s*[- ]?\s*Q(?<q>[1-4])|Q(?<q>[1-4])\s*[- ]?\s*(?<year>[0-9]{4}))$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Quarter();

    [GeneratedRegex(@"^[0-9]{1,2}[/.][0-9]{1,2}[/.][0-9]{2,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDay();
}
