using FluentValidation;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.Reviews;

public class CalendarFeedInput
{
    public string Label { get; set; } = "";
}

public class CalendarFeedInputValidator : InputValidator<CalendarFeedInput>
{
    public CalendarFeedInputValidator(ILogger<CalendarFeedInputValidator>? logger = null)
        : base(logger) =>
        RuleFor(f => f.Label).Required("Say whose calendar it is for, such as \"Team calendar\".").WithinLimit(TextLimits.Name);
}

public sealed record CreatedCalendarFeed(int Id, string Token);

public sealed record CalendarFeedView(int Id, string Label, DateTime CreatedAt, DateTime? RevokedAt, DateTime? LastFetchedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>What a calendar feed holds: the plan's name and its dated review points. Web turns it into iCalendar text.</summary>
public sealed record CalendarFeedContent(
    int PlanId,
    string PlanName,
    IReadOnlyList<CalendarKpi> Kpis,
    IReadOnlyList<CalendarOutcome> Outcomes,
    IReadOnlyList<CalendarMilestone> Milestones);

/// <summary>A KPI with its next review (see <see cref="Cadences.NextReview"/>); KPIs never measured nor reviewed have none.</summary>
public sealed record CalendarKpi(int Id, string Name, string Unit, decimal? Target, KpiDirection Direction, ReviewCadence Cadence, string? Owner, DateOnly NextReview);

public sealed record CalendarOutcome(int Id, string Description, string Metric, string Target, DateOnly TargetDate);

public sealed record CalendarMilestone(int Id, string Name, DateOnly Date, MilestoneKind Kind, string Notes, string? Lane);
