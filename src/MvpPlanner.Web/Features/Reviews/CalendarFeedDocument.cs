using System.Globalization;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Reviews;
using MvpPlanner.Web.Features.Roadmap;

namespace MvpPlanner.Web.Features.Reviews;

/// <summary>Turns a plan's review dates into the events of its calendar feed, in the words the app uses, and writes them
/// as iCalendar text. UIDs name the item and plan only, so an event keeps its identity when the feed is fetched again.</summary>
public static class CalendarFeedDocument
{
    public static string Write(CalendarFeedContent content, DateTime stampUtc) =>
        ICalendarWriter.Calendar(content.PlanName, Events(content), stampUtc);

    public static IEnumerable<CalendarEvent> Events(CalendarFeedContent content)
    {
        var host = $"plan-{content.PlanId}.mvpplanner";
        foreach (var kpi in content.Kpis)
        {
            yield return new CalendarEvent($"kpi-{kpi.Id}@{host}", kpi.NextReview, $"KPI review: {kpi.Name}", KpiDescription(kpi, content.PlanName),
                Rule(kpi.Cadence), "KPI review");
        }

        foreach (var outcome in content.Outcomes)
        {
            var lines = new List<string> { $"Target outcome of {content.PlanName}: {outcome.Description}" };
            if (outcome.Metric.Length > 0)
            {
                lines.Add($"Measured by: {outcome.Metric}");
            }

            if (outcome.Target.Length > 0)
            {
                lines.Add($"Target: {outcome.Target}");
            }

            lines.Add("Check whether the target was reached by this date.");
            yield return new CalendarEvent($"outcome-{outcome.Id}@{host}", outcome.TargetDate, $"Outcome review: {outcome.Description}",
                string.Join('\n', lines), Category: "Outcome review");
        }

        foreach (var milestone in content.Milestones)
        {
            var lines = new List<string> { $"{TimelineLabels.Kind(milestone.Kind)} milestone of {content.PlanName}" };
            if (milestone.Lane is { Length: > 0 } lane)
            {
                lines.Add($"Lane: {lane}");
            }

            if (milestone.Notes.Length > 0)
            {
                lines.Add(milestone.Notes);
            }

            yield return new CalendarEvent($"milestone-{milestone.Id}@{host}", milestone.Date, milestone.Name, string.Join('\n', lines),
                Category: TimelineLabels.Kind(milestone.Kind));
        }
    }

    /// <summary>The cadence as a recurrence from the next review on. Monthly is a calendar month here, where the app's
    /// own due date counts 30 days; after each review the feed starts again from the new date.</summary>
    public static string Rule(ReviewCadence cadence) => cadence switch
    {
        ReviewCadence.Weekly => "FREQ=WEEKLY",
        ReviewCadence.BiWeekly => "FREQ=WEEKLY;INTERVAL=2",
        _ => "FREQ=MONTHLY",
    };

    private static string KpiDescription(CalendarKpi kpi, string planName)
    {
        var lines = new List<string> { $"Review the KPI \"{kpi.Name}\" of {planName} ({Cadences.Label(kpi.Cadence).ToLowerInvariant()})." };
        if (kpi.Target is { } target)
        {
            var unit = kpi.Unit.Length > 0 ? " " + kpi.Unit : "";
            var direction = kpi.Direction == KpiDirection.LowerIsBetter ? "lower is better" : "higher is better";
            lines.Add($"Target: {target.ToString("0.##", CultureInfo.InvariantCulture)}{unit} ({direction})");
        }

        if (kpi.Owner is { } owner)
        {
            lines.Add($"Owner: {owner}");
        }

        return string.Join('\n', lines);
    }
}
