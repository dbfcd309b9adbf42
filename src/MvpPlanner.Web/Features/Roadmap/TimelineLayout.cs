using System.Globalization;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Web.Features.Roadmap;

public enum TimelineZoom
{
    Week,
    Month,
    Quarter,
}

/// <summary>A mark on the time axis: where it is and what it says.</summary>
public sealed record TimelineTick(double X, string Label, DateOnly Date);

/// <summary>Where a bar sits in its lane: x and width in pixels, and the row it is stacked on.</summary>
public sealed record PlacedBar(TimelineBar Bar, double X, double Width, int Row, double Y);

public sealed record PlacedMilestone(MilestoneView Milestone, double X, double Y);

/// <summary>A lane's band on the canvas with what it holds, from <see cref="Top"/> for <see cref="Height"/> pixels.</summary>
public sealed record PlacedLane(int? LaneId, string Name, double Top, double Height, IReadOnlyList<PlacedBar> Bars, IReadOnlyList<PlacedMilestone> Milestones);

/// <summary>The maths of the timeline without a browser: dates to pixels and back at a zoom level, the axis, bar
/// positions with a minimum width, and bars that overlap in time stacked on rows of their own.</summary>
public sealed class TimelineLayout
{
    public const double MinBarWidth = 24;
    public const double RowHeight = 36;
    public const double BarHeight = 28;
    public const double MilestoneStripHeight = 40;
    public const double LanePadding = 8;

    public TimelineLayout(DateOnly from, DateOnly to, TimelineZoom zoom)
    {
        Zoom = zoom;
        (PixelsPerDay, Start, End) = zoom switch
        {
            // A little room before the first and after the last date, aligned to the ticks of the zoom.
            TimelineZoom.Week => (24.0, Monday(from).AddDays(-7), Monday(to).AddDays(13)),
            TimelineZoom.Month => (5.0, MonthStart(from), MonthStart(to).AddMonths(1).AddDays(-1)),
            _ => (1.6, QuarterStart(from), QuarterStart(to).AddMonths(3).AddDays(-1)),
        };
    }

    public TimelineZoom Zoom { get; }

    public double PixelsPerDay { get; }

    /// <summary>The first day shown (at x = 0).</summary>
    public DateOnly Start { get; }

    /// <summary>The last day shown.</summary>
    public DateOnly End { get; }

    public double Width => X(End.AddDays(1));

    public double X(DateOnly date) => (date.DayNumber - Start.DayNumber) * PixelsPerDay;

    /// <summary>The day at <paramref name="x"/> pixels from the left edge.</summary>
    public DateOnly DateAt(double x) => Start.AddDays((int)Math.Floor(x / PixelsPerDay));

    /// <summary>How many days a drag of <paramref name="pixels"/> moves something, to the nearest day.</summary>
    public int DaysFor(double pixels) => (int)Math.Round(pixels / PixelsPerDay, MidpointRounding.AwayFromZero);

    /// <summary>A bar from the start of <paramref name="first"/> to the end of <paramref name="last"/>, at least
    /// <see cref="MinBarWidth"/> wide so a one-day feature can still be seen and grabbed.</summary>
    public (double X, double Width) Bar(DateOnly first, DateOnly last)
    {
        var x = X(first);
        return (x, Math.Max(MinBarWidth, X(last.AddDays(1)) - x));
    }

    public double? TodayX(DateOnly today) => today >= Start && today <= End ? X(today) : null;

    public IReadOnlyList<TimelineTick> Ticks
    {
        get
        {
            var ticks = new List<TimelineTick>();
            var culture = CultureInfo.CurrentCulture;
            for (var date = Zoom == TimelineZoom.Week ? Monday(Start) : Start; date <= End; date = Next(date))
            {
                var label = Zoom switch
                {
                    TimelineZoom.Week => date.ToString("d MMM", culture),
                    TimelineZoom.Month => date.Month == 1 || ticks.Count == 0 ? date.ToString("MMM yyyy", culture) : date.ToString("MMM", culture),
                    _ => new FuzzyDate(date, DatePrecision.Quarter).ToDisplay(culture),
                };
                ticks.Add(new TimelineTick(X(date), label, date));
            }

            return ticks;
        }
    }

    /// <summary>Puts each bar on the first row where it does not overlap the previous bar's extent (the bar, or its
    /// label when that is wider). Returns the row of each bar, in the order given.</summary>
    public static IReadOnlyList<int> StackRows(IReadOnlyList<(double X, double Extent)> bars)
    {
        var rows = new int[bars.Count];
        var rowEnds = new List<double>();
        foreach (var i in Enumerable.Range(0, bars.Count).OrderBy(i => bars[i].X).ThenBy(i => i))
        {
            var (x, extent) = bars[i];
            var row = rowEnds.FindIndex(end => end <= x);
            if (row < 0)
            {
                row = rowEnds.Count;
                rowEnds.Add(0);
            }

            rowEnds[row] = x + extent;
            rows[i] = row;
        }

        return rows;
    }

    /// <summary>How wide a bar's label needs to be read beside a short bar: a rough width per character, capped.</summary>
    public static double LabelExtent(string title) => Math.Min(220, 16 + (title.Length * 7.5));

    /// <summary>Places the lanes one under another ("No lane" last when it holds anything), each with its milestones on
    /// a strip at the top and its bars stacked below.</summary>
    public IReadOnlyList<PlacedLane> PlaceLanes(TimelineView view)
    {
        var lanes = view.Lanes.Select(l => ((int?)l.Id, l.Name)).ToList();
        if (view.HasBarsWithoutLane || view.Milestones.Any(m => m.LaneId is null) || lanes.Count == 0)
        {
            lanes.Add((null, "No lane"));
        }

        var placed = new List<PlacedLane>();
        var top = 0.0;
        foreach (var (laneId, name) in lanes)
        {
            var milestones = view.Milestones.Where(m => m.LaneId == laneId).ToList();
            var strip = milestones.Count > 0 ? MilestoneStripHeight : 0;
            var bars = view.Bars.Where(b => b.LaneId == laneId).ToList();
            var spans = bars.Select(b => Bar(b.First, b.Last)).ToList();
            var rows = StackRows(spans.Select((s, i) => (s.X, Math.Max(s.Width, LabelExtent(bars[i].Title)))).ToList());
            var rowCount = rows.Count == 0 ? 1 : rows.Max() + 1;
            var placedBars = bars.Select((b, i) => new PlacedBar(b, spans[i].X, spans[i].Width, rows[i],
                top + LanePadding + strip + (rows[i] * RowHeight))).ToList();
            var placedMilestones = milestones.Select(m => new PlacedMilestone(m, X(m.Date), top + LanePadding)).ToList();
            var height = (LanePadding * 2) + strip + (rowCount * RowHeight);
            placed.Add(new PlacedLane(laneId, name, top, height, placedBars, placedMilestones));
            top += height;
        }

        return placed;
    }

    private DateOnly Next(DateOnly date) => Zoom switch
    {
        TimelineZoom.Week => date.AddDays(7),
        TimelineZoom.Month => date.AddMonths(1),
        _ => date.AddMonths(3),
    };

    private static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static DateOnly MonthStart(DateOnly date) => new(date.Year, date.Month, 1);

    private static DateOnly QuarterStart(DateOnly date) => new FuzzyDate(date, DatePrecision.Quarter).First;
}
