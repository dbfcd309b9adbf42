using System.Globalization;

namespace MvpPlanner.Bench.Browser;

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

    public static string Summary(IReadOnlyList<double> values, string unit = "ms") =>
        values.Count == 0
            ? "n=0"
            : string.Create(CultureInfo.InvariantCulture,
                $"n={values.Count} p50={Percentile(values, 50):0.0}{unit} p95={Percentile(values, 95):0.0}{unit} min={values.Min():0.0}{unit} max={values.Max():0.0}{unit} mean={values.Average():0.0}{unit}");

    public static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
