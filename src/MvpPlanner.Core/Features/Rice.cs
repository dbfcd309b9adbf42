namespace MvpPlanner.Core.Features;

/// <summary>RICE = reach × impact × confidence ÷ effort.</summary>
public static class Rice
{
    /// <summary>The impact values teams use with RICE: massive 3, high 2, medium 1, low 0.5, minimal 0.25.</summary>
    public static IReadOnlyList<(double Value, string Label)> ImpactScale { get; } =
    [
        (3, "3 – massive"),
        (2, "2 – high"),
        (1, "1 – medium"),
        (0.5, "0.5 – low"),
        (0.25, "0.25 – minimal"),
    ];

    public static bool IsImpactOnScale(double impact) => ImpactScale.Any(i => i.Value.Equals(impact));

    /// <summary>The score, or null while an input is missing or effort is zero (no meaningful ratio yet).</summary>
    public static double? Score(int? reach, double? impact, int? confidencePercent, double? effort)
    {
        if (reach is null || impact is null || confidencePercent is null || effort is null || effort <= 0)
        {
            return null;
        }

        // Half away from zero, as a spreadsheet's ROUND does: 131.25 shows as 131.3, not the banker's 131.2.
        return Math.Round(reach.Value * impact.Value * (confidencePercent.Value / 100.0) / effort.Value, 1, MidpointRounding.AwayFromZero);
    }
}
