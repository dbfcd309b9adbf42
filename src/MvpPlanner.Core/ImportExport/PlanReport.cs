using System.Globalization;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Problems;

namespace MvpPlanner.Core.ImportExport;

/// <summary>The readable views of a <see cref="PlanDocument"/> that plan.md, the roadmap image and the print page share,
/// so the three never disagree on order or wording: the backlog in priority order, the board's columns and cells.</summary>
public static class PlanReport
{
    public sealed record BacklogRow(FeatureDoc Feature, double? Rice, PhaseDoc? Phase, LaneDoc? Lane);

    /// <summary>One board column: a phase, or the unscheduled features (Phase null) that the board shows first.</summary>
    public sealed record Column(PhaseDoc? Phase, IReadOnlyList<Cell> Cells)
    {
        public int FeatureCount => Cells.Sum(c => c.Features.Count);
    }

    /// <summary>One lane of a column; Lane null holds the features of that column with no lane.</summary>
    public sealed record Cell(LaneDoc? Lane, IReadOnlyList<FeatureDoc> Features);

    /// <summary>MoSCoW first (Must … Won't, unset last), then RICE high to low (no score last), then title.</summary>
    public static IReadOnlyList<BacklogRow> Backlog(PlanDocument document)
    {
        var phases = document.Phases.ToDictionary(p => p.Key);
        var lanes = document.Lanes.ToDictionary(l => l.Key);
        return document.Features
            .Select(f => new BacklogRow(
                f,
                Rice.Score(f.Reach, f.Impact, f.Confidence, f.Effort),
                f.Phase is null ? null : phases.GetValueOrDefault(f.Phase),
                f.Lane is null ? null : lanes.GetValueOrDefault(f.Lane)))
            .OrderBy(r => MoscowOrder(r.Feature.Moscow))
            .ThenBy(r => r.Rice is null ? 1 : 0)
            .ThenByDescending(r => r.Rice ?? 0)
            .ThenBy(r => r.Feature.Title, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>The board as the roadmap page draws it: the unscheduled column first (only when it holds features),
    /// then each phase; in each column one cell per lane, then a "no lane" cell when some feature has none.</summary>
    public static IReadOnlyList<Column> Board(PlanDocument document)
    {
        var phaseKeys = document.Phases.Select(p => p.Key).ToHashSet();
        var laneKeys = document.Lanes.Select(l => l.Key).ToHashSet();
        var columns = new List<Column>();
        var unscheduled = document.Features.Where(f => f.Phase is null || !phaseKeys.Contains(f.Phase)).ToList();
        if (unscheduled.Count > 0)
        {
            columns.Add(new Column(null, Cells(unscheduled)));
        }

        foreach (var phase in document.Phases)
        {
            columns.Add(new Column(phase, Cells(document.Features.Where(f => f.Phase == phase.Key).ToList())));
        }

        return columns;

        IReadOnlyList<Cell> Cells(List<FeatureDoc> features)
        {
            var cells = document.Lanes
                .Select(lane => new Cell(lane, Ordered(features.Where(f => f.Lane == lane.Key))))
                .ToList();
            var laneless = Ordered(features.Where(f => f.Lane is null || !laneKeys.Contains(f.Lane)));
            if (laneless.Count > 0 || cells.Count == 0)
            {
                cells.Add(new Cell(null, laneless));
            }

            return cells;
        }
    }

    private static List<FeatureDoc> Ordered(IEnumerable<FeatureDoc> features) =>
        features.OrderBy(f => f.Rank).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();

    private static int MoscowOrder(Moscow moscow) => moscow switch
    {
        Moscow.Must => 0,
        Moscow.Should => 1,
        Moscow.Could => 2,
        Moscow.Wont => 3,
        _ => 4,
    };

    public static string Label(Moscow moscow) => moscow switch
    {
        Moscow.Must => "Must",
        Moscow.Should => "Should",
        Moscow.Could => "Could",
        Moscow.Wont => "Won't",
        _ => "Not set",
    };

    public static string Label(FeatureStatus status) => status switch
    {
        FeatureStatus.Idea => "Idea",
        FeatureStatus.Planned => "Planned",
        FeatureStatus.InProgress => "In progress",
        FeatureStatus.Shipped => "Shipped",
        _ => "Dropped",
    };

    public static string Label(ProblemFrequency frequency) => frequency switch
    {
        ProblemFrequency.Rarely => "Rarely",
        ProblemFrequency.Monthly => "Monthly",
        ProblemFrequency.Weekly => "Weekly",
        ProblemFrequency.Daily => "Daily",
        _ => "Constantly",
    };

    public static string Label(Automation automation) => automation switch
    {
        Automation.Manual => "Manual",
        Automation.PartlyAutomated => "Partly automated",
        _ => "Automated",
    };

    public static string Label(KpiDirection direction) => direction == KpiDirection.HigherIsBetter ? "Higher is better" : "Lower is better";

    public static string Label(FindingSeverity severity) => severity switch
    {
        FindingSeverity.High => "High",
        FindingSeverity.Medium => "Medium",
        _ => "Low",
    };

    /// <summary>"1 Mar 2027 – 30 Apr 2027", "from 1 Mar 2027", "until …", or "No dates".</summary>
    public static string Dates(PhaseDoc phase) => (phase.StartDate, phase.EndDate) switch
    {
        ({ } start, { } end) => $"{Date(start)} – {Date(end)}",
        ({ } start, null) => $"From {Date(start)}",
        (null, { } end) => $"Until {Date(end)}",
        _ => "No dates",
    };

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The latest measurement of a KPI as "42 min on 3 Mar 2027", or null when none is recorded.</summary>
    public static string? Latest(KpiDoc kpi) => kpi.Measurements.OrderBy(m => m.MeasuredOn).LastOrDefault() is { } m
        ? $"{Number(m.Value)}{(kpi.Unit.Length > 0 ? " " + kpi.Unit : "")} on {Date(m.MeasuredOn)}"
        : null;

    public static string? Target(KpiDoc kpi) => kpi.Target is { } t ? $"{Number(t)}{(kpi.Unit.Length > 0 ? " " + kpi.Unit : "")}" : null;

    /// <summary>Splits a multi-line field into its non-empty trimmed lines.</summary>
    public static IReadOnlyList<string> LinesOf(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
