namespace MvpPlanner.Core.Features;

/// <summary>What the value-vs-effort chart plots: the 1–5 value and size, or RICE reach × impact against person-weeks.</summary>
public enum ValueEffortMode
{
    Size,
    Rice,
}

public enum Quadrant
{
    QuickWin,
    BigBet,
    FillIn,
    MoneyPit,
}

/// <summary>One feature on the chart. X (effort) and Y (value) run from 0 at the bottom left to 1 at the top right;
/// features on the same spot are spread a little around it, always the same way, so none hides another.</summary>
public sealed record ValueEffortPoint(FeatureRow Feature, double Value, double Effort, Quadrant Quadrant, double X, double Y);

/// <summary>A tick on an axis, at a position from 0 to 1.</summary>
public sealed record AxisTick(double Position, double Value);

public sealed record ValueEffortChart(
    ValueEffortMode Mode,
    IReadOnlyList<ValueEffortPoint> Points,
    IReadOnlyList<FeatureRow> NotSized,
    double ValueSplit,
    double EffortSplit,
    IReadOnlyList<AxisTick> ValueTicks,
    IReadOnlyList<AxisTick> EffortTicks,
    int PlanCount)
{
    public static ValueEffortChart Empty { get; } = new(ValueEffortMode.Size, [], [], 0.7, 0.7, [], [], 0);

    public int MatchingCount => Points.Count + NotSized.Count;
}

/// <summary>The quadrant maths of the value-vs-effort chart, without a database.</summary>
public static class ValueEffort
{
    /// <summary>On the 1–5 scales, 4 and 5 are high and 1 to 3 are low: a middling 3 is not yet a reason to build
    /// first (value) nor a reason to hold back (effort), so a quick win needs a clear 4 or 5 in value.</summary>
    public const int HighFrom = 4;

    // Points sharing a spot are laid out on a small grid around it, this far apart (a fraction of the chart).
    private const double Spread = 0.035;

    // Keeps dots off the chart's edges in RICE mode.
    private const double Margin = 0.06;

    public static bool IsHigh(int score) => score >= HighFrom;

    public static Quadrant QuadrantOf(int value, int effort) => QuadrantOf(IsHigh(value), IsHigh(effort));

    public static Quadrant QuadrantOf(bool highValue, bool highEffort) => (highValue, highEffort) switch
    {
        (true, false) => Quadrant.QuickWin,
        (true, true) => Quadrant.BigBet,
        (false, false) => Quadrant.FillIn,
        (false, true) => Quadrant.MoneyPit,
    };

    /// <summary>Lays out the features: those without the numbers the mode needs are set aside as not sized yet.
    /// Size mode: each score 1–5 sits at the middle of its fifth of the axis; the split is between 3 and 4.
    /// RICE mode: reach × impact and person-weeks have no fixed scale, so both axes are logarithmic over the decades
    /// the features span, and a feature is high when it is above the median of the features shown (the median
    /// itself counts as low, like the 3 on the 1–5 scale); the split line falls between the highest low and the
    /// lowest high.</summary>
    public static ValueEffortChart Build(IReadOnlyList<FeatureRow> rows, ValueEffortMode mode, int planCount)
    {
        return mode == ValueEffortMode.Size ? BuildSize(rows, planCount) : BuildRice(rows, planCount);
    }

    private static ValueEffortChart BuildSize(IReadOnlyList<FeatureRow> rows, int planCount)
    {
        static double At(int score) => (score - 0.5) / 5;
        var sized = rows.Where(r => r.Value is >= 1 and <= 5 && r.EffortSize is >= 1 and <= 5).ToList();
        var points = sized.Select(r => (Row: r, Value: (double)r.Value!.Value, Effort: (double)r.EffortSize!.Value,
            Quadrant: QuadrantOf(r.Value!.Value, r.EffortSize!.Value), X: At(r.EffortSize!.Value), Y: At(r.Value!.Value)));
        var ticks = Enumerable.Range(1, 5).Select(s => new AxisTick(At(s), s)).ToList();
        var split = (At(HighFrom - 1) + At(HighFrom)) / 2;
        return new ValueEffortChart(ValueEffortMode.Size, Spreaded(points), NotSized(rows, sized), split, split, ticks, ticks, planCount);
    }

    private static ValueEffortChart BuildRice(IReadOnlyList<FeatureRow> rows, int planCount)
    {
        var sized = rows.Where(r => r.Reach is >= 0 && r.Impact is >= 0 && r.Effort is > 0).ToList();
        var values = sized.Select(r => r.Reach!.Value * r.Impact!.Value).ToList();
        var efforts = sized.Select(r => r.Effort!.Value).ToList();
        var valueAxis = LogAxis.Over(values, floor: 1);
        var effortAxis = LogAxis.Over(efforts, floor: 0.1);
        var valueMedian = Median(values);
        var effortMedian = Median(efforts);
        var points = sized.Select((r, i) => (Row: r, Value: values[i], Effort: efforts[i],
            Quadrant: QuadrantOf(values[i] > valueMedian, efforts[i] > effortMedian),
            X: effortAxis.At(efforts[i]), Y: valueAxis.At(values[i])));
        return new ValueEffortChart(ValueEffortMode.Rice, Spreaded(points), NotSized(rows, sized),
            valueAxis.SplitAbove(values, valueMedian), effortAxis.SplitAbove(efforts, effortMedian),
            valueAxis.Ticks(), effortAxis.Ticks(), planCount);
    }

    private static List<FeatureRow> NotSized(IReadOnlyList<FeatureRow> rows, List<FeatureRow> sized)
    {
        var ids = sized.Select(r => r.Id).ToHashSet();
        return rows.Where(r => !ids.Contains(r.Id)).ToList();
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Features on the same spot, in id order, take places on a small centred grid: the first stays nearest
    /// the true spot, and the layout is the same on every render and for every viewer.</summary>
    private static List<ValueEffortPoint> Spreaded(IEnumerable<(FeatureRow Row, double Value, double Effort, Quadrant Quadrant, double X, double Y)> points)
    {
        var result = new List<ValueEffortPoint>();
        foreach (var group in points.GroupBy(p => (Math.Round(p.X, 3), Math.Round(p.Y, 3))))
        {
            var members = group.OrderBy(p => p.Row.Id).ToList();
            var columns = (int)Math.Ceiling(Math.Sqrt(members.Count));
            var rows = (int)Math.Ceiling(members.Count / (double)columns);
            for (var i = 0; i < members.Count; i++)
            {
                var p = members[i];
                var dx = (i % columns - (columns - 1) / 2.0) * Spread;
                var dy = ((rows - 1) / 2.0 - i / columns) * Spread;
                result.Add(new ValueEffortPoint(p.Row, p.Value, p.Effort, p.Quadrant, Math.Clamp(p.X + dx, 0, 1), Math.Clamp(p.Y + dy, 0, 1)));
            }
        }

        return result.OrderBy(p => p.Feature.Id).ToList();
    }

    /// <summary>A base-10 axis over whole decades, from the decade below the smallest value to the one above the largest.</summary>
    private sealed record LogAxis(double Low, double High, double Floor)
    {
        public static LogAxis Over(List<double> values, double floor)
        {
            var logs = values.Select(v => Math.Log10(Math.Max(v, floor))).DefaultIfEmpty(Math.Log10(floor)).ToList();
            var low = Math.Floor(logs.Min());
            var high = Math.Max(Math.Ceiling(logs.Max()), low + 1);
            return new LogAxis(low, high, floor);
        }

        public double At(double value) => Margin + (1 - 2 * Margin) * (Math.Log10(Math.Max(value, Floor)) - Low) / (High - Low);

        public double SplitAbove(List<double> values, double median)
        {
            var lows = values.Where(v => v <= median).ToList();
            var highs = values.Where(v => v > median).ToList();
            if (lows.Count == 0)
            {
                return 0.5;
            }

            var highestLow = At(lows.Max());
            return highs.Count == 0 ? (highestLow + 1) / 2 : (highestLow + At(highs.Min())) / 2;
        }

        public List<AxisTick> Ticks() =>
            Enumerable.Range((int)Low, (int)(High - Low) + 1).Select(e => new AxisTick(At(Math.Pow(10, e)), Math.Pow(10, e))).ToList();
    }
}
