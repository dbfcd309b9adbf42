using System.Globalization;

namespace MvpPlanner.Core.Roadmap;

/// <summary>How exact a planned date is. Teams often know "in March" or "Q3" long before they know a day, as in
/// Jira Product Discovery's fuzzy dates.</summary>
public enum DatePrecision
{
    Day,
    Month,
    Quarter,
}

/// <summary>A planned date that may be a day, a month or a quarter. Stored as the period's first day and its
/// precision; <see cref="First"/> and <see cref="Last"/> give the days it covers.</summary>
public readonly record struct FuzzyDate
{
    public FuzzyDate(DateOnly date, DatePrecision precision)
    {
        Precision = precision;
        Date = precision switch
        {
            DatePrecision.Month => new DateOnly(date.Year, date.Month, 1),
            DatePrecision.Quarter => new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1),
            _ => date,
        };
    }

    /// <summary>The first day of the period (the day itself for an exact date).</summary>
    public DateOnly Date { get; }

    public DatePrecision Precision { get; }

    public DateOnly First => Date;

    public DateOnly Last => Precision switch
    {
        DatePrecision.Month => Date.AddMonths(1).AddDays(-1),
        DatePrecision.Quarter => Date.AddMonths(3).AddDays(-1),
        _ => Date,
    };

    public static FuzzyDate? From(DateOnly? date, DatePrecision precision) => date is { } d ? new FuzzyDate(d, precision) : null;

    /// <summary>"12 Mar 2027", "Mar 2027" or "Q1 2027".</summary>
    public string ToDisplay(CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        return Precision switch
        {
            DatePrecision.Month => Date.ToString("MMM yyyy", culture),
            DatePrecision.Quarter => string.Create(CultureInfo.InvariantCulture, $"Q{((Date.Month - 1) / 3) + 1} {Date.Year}"),
            _ => Date.ToString("d MMM yyyy", culture),
        };
    }

    public override string ToString() => ToDisplay(CultureInfo.InvariantCulture);
}
