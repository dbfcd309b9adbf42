namespace MvpPlanner.Core.Plans;

/// <summary>Where a measured value stands against its target. <see cref="Measuring"/>: measured, but with no target date
/// (or no target) there is no line to be on or off.</summary>
public enum ProgressStatus
{
    NoData,
    Measuring,
    OnTrack,
    OffTrack,
    Met,
}

/// <summary>One reading on a day.</summary>
public readonly record struct ProgressPoint(DateOnly On, decimal Value);

/// <summary>How far an outcome (or a KPI) has come from its baseline toward its target, and whether it is on track:
/// behind the straight line from the baseline at the start to the target at the target date is off track.</summary>
public sealed class OutcomeProgress
{
    private OutcomeProgress()
    {
    }

    /// <summary>Higher values are better: the target lies above the baseline (or at it).</summary>
    public bool HigherIsBetter { get; private init; }

    public ProgressPoint? Latest { get; private init; }

    /// <summary>The share of the way from baseline to target the latest value has come (1 = there; may pass 1 or fall
    /// below 0); null without baseline, target or measurement.</summary>
    public decimal? Share { get; private init; }

    /// <summary>Where the straight line from baseline to target says the value should be on the latest measurement's day.</summary>
    public decimal? Expected { get; private init; }

    public ProgressStatus Status { get; private init; }

    /// <param name="measurements">In any order; the latest by date (then by position) counts.</param>
    /// <param name="start">When the line starts: the outcome's creation, or the first measurement if that is earlier
    /// (a team recording readings from before the plan).</param>
    /// <param name="today">A target date passed without reaching the target is off track, whatever the line said.</param>
    /// <param name="higherIsBetter">Given for KPIs, which say so; outcomes derive it from baseline and target.</param>
    public static OutcomeProgress Of(decimal? baseline, decimal? target, DateOnly? targetDate, IReadOnlyList<ProgressPoint> measurements,
        DateOnly start, DateOnly today, bool? higherIsBetter = null)
    {
        var higher = higherIsBetter ?? !(baseline is { } b && target is { } t && t < b);
        if (measurements.Count == 0)
        {
            return new OutcomeProgress { HigherIsBetter = higher, Status = ProgressStatus.NoData };
        }

        var ordered = measurements.Select((m, i) => (m, i)).OrderBy(x => x.m.On).ThenBy(x => x.i).Select(x => x.m).ToList();
        var latest = ordered[^1];
        var share = baseline is { } from && target is { } to && to != from ? (latest.Value - from) / (to - from) : (decimal?)null;
        if (target is not { } goal)
        {
            return new OutcomeProgress { HigherIsBetter = higher, Latest = latest, Share = share, Status = ProgressStatus.Measuring };
        }

        var met = higher ? latest.Value >= goal : latest.Value <= goal;
        if (met || targetDate is not { } due)
        {
            return new OutcomeProgress { HigherIsBetter = higher, Latest = latest, Share = share, Status = met ? ProgressStatus.Met : ProgressStatus.Measuring };
        }

        var lineStart = ordered[0].On < start ? ordered[0].On : start;
        var expected = ExpectedOn(latest.On, baseline ?? ordered[0].Value, goal, lineStart, due);
        var behind = higher ? latest.Value < expected : latest.Value > expected;
        return new OutcomeProgress
        {
            HigherIsBetter = higher,
            Latest = latest,
            Share = share,
            Expected = expected,
            Status = behind || today > due ? ProgressStatus.OffTrack : ProgressStatus.OnTrack,
        };
    }

    /// <summary>The value on the straight line from <paramref name="from"/> on <paramref name="start"/> to
    /// <paramref name="to"/> on <paramref name="due"/>; the target itself from the due day on.</summary>
    public static decimal ExpectedOn(DateOnly day, decimal from, decimal to, DateOnly start, DateOnly due)
    {
        var span = due.DayNumber - start.DayNumber;
        if (span <= 0 || day >= due)
        {
            return to;
        }

        var elapsed = Math.Max(0, day.DayNumber - start.DayNumber);
        return from + ((to - from) * elapsed / span);
    }
}
