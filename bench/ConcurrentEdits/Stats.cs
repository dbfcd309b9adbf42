using System.Globalization;

namespace MvpPlanner.Bench.ConcurrentEdits;

internal static class Stats
{
    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static string Summary(IReadOnlyList<double> values) =>
        values.Count == 0
            ? "n=0"
            : string.Create(CultureInfo.InvariantCulture,
                $"n={values.Count} p50={Percentile(values, 50):0.0} p95={Percentile(values, 95):0.0} p99={Percentile(values, 99):0.0} max={values.Max():0.0} mean={values.Average():0.0} ms");
}
