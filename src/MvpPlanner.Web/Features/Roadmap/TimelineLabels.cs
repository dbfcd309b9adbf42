using System.Globalization;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Web.Features.Backlog;

namespace MvpPlanner.Web.Features.Roadmap;

/// <summary>The timeline's words as users read them.</summary>
public static class TimelineLabels
{
    public static string Zoom(TimelineZoom zoom) => zoom switch
    {
        TimelineZoom.Week => "Weeks",
        TimelineZoom.Month => "Months",
        _ => "Quarters",
    };

    public static string Precision(DatePrecision precision) => precision switch
    {
        DatePrecision.Month => "Month",
        DatePrecision.Quarter => "Quarter",
        _ => "Day",
    };

    public static string Kind(MilestoneKind kind) => kind switch
    {
        MilestoneKind.Launch => "Launch",
        MilestoneKind.PilotStart => "Pilot start",
        MilestoneKind.BetaStart => "Beta start",
        MilestoneKind.GoNoGo => "Go / no-go",
        MilestoneKind.Announcement => "Announcement",
        MilestoneKind.Review => "Review",
        _ => "Other",
    };

    public static string StatusCss(FeatureStatus status) => status switch
    {
        FeatureStatus.Idea => "idea",
        FeatureStatus.Planned => "planned",
        FeatureStatus.InProgress => "in-progress",
        FeatureStatus.Shipped => "shipped",
        _ => "dropped",
    };

    public static string Day(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    public static string ShortDay(DateOnly date) => date.ToString("d MMM", CultureInfo.CurrentCulture);

    /// <summary>"Mar 2027 – Q3 2027", "from phase: 1 Apr – 31 May 2027", or one end only.</summary>
    public static string Dates(TimelineBar bar)
    {
        if (bar.IsInherited)
        {
            return $"from phase: {Range(bar.Schedule.Start, bar.Schedule.End)}";
        }

        var start = bar.OwnStart?.ToDisplay() ?? (bar.Schedule.Start is { } s ? $"{Day(s)} (phase)" : null);
        var end = bar.OwnTarget?.ToDisplay() ?? (bar.Schedule.End is { } e ? $"{Day(e)} (phase)" : null);
        return (start, end) switch
        {
            ({ } a, { } b) => $"{a} – {b}",
            ({ } a, null) => $"from {a}",
            (null, { } b) => $"by {b}",
            _ => "",
        };
    }

    public static string Range(DateOnly? start, DateOnly? end) => (start, end) switch
    {
        ({ } a, { } b) when a.Year == b.Year => $"{ShortDay(a)} – {Day(b)}",
        ({ } a, { } b) => $"{Day(a)} – {Day(b)}",
        ({ } a, null) => $"from {Day(a)}",
        (null, { } b) => $"until {Day(b)}",
        _ => "no dates",
    };

    /// <summary>What a screen reader says for a bar: title, status, dates and whether it is late.</summary>
    public static string BarLabel(TimelineBar bar) =>
        $"{bar.Title}: {FeatureLabels.Status(bar.Status)}, {Dates(bar)}{(bar.IsOverdue ? ", overdue" : "")}";

    public static string MilestoneLabel(MilestoneView milestone) =>
        $"Milestone {milestone.Name}: {Kind(milestone.Kind)}, {Day(milestone.Date)}";
}
