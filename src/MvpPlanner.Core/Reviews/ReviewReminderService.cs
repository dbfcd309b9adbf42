using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Operations;

namespace MvpPlanner.Core.Reviews;

/// <summary>A plan's reviews that need attention: due in the coming seven days (today included), or overdue.</summary>
public sealed record ReviewsDue(int DueThisWeek, int Overdue)
{
    public static ReviewsDue None { get; } = new(0, 0);
}

/// <summary>When a review date counts as due or overdue, and when an outcome counts as reached.</summary>
public static class ReviewRules
{
    /// <summary>"This week": today and the six days after it.</summary>
    public const int DueWindowDays = 7;

    public static ReviewsDue Count(IEnumerable<DateOnly> dueDates, DateOnly today)
    {
        int due = 0, overdue = 0;
        foreach (var date in dueDates)
        {
            if (date < today)
            {
                overdue++;
            }
            else if (date < today.AddDays(DueWindowDays))
            {
                due++;
            }
        }

        return new ReviewsDue(due, overdue);
    }

    /// <summary>Reached when the latest measurement is at or past the target, in the direction from baseline to target
    /// (a target below the baseline means lower is better). Without a numeric target or a measurement: not reached.</summary>
    public static bool IsReached(decimal? baseline, decimal? target, decimal? latest) =>
        target is { } t && latest is { } v && (baseline is { } b && b > t ? v <= t : v >= t);
}

/// <summary>Due and overdue reviews for the plans list: KPI reviews by their cadence (<see cref="Cadences.NextReview"/>)
/// and outcomes not yet reached whose target date is this week or past.</summary>
public class ReviewReminderService(IDbContextFactory<PlannerDbContext> dbFactory, PlanAccess access, TimeProvider clock)
{
    /// <summary>Two queries for all the plans on the page, whatever their number; plans with nothing due are left out.</summary>
    public async Task<IReadOnlyDictionary<int, ReviewsDue>> DueAsync(IReadOnlyCollection<int> planIds, CancellationToken ct = default)
    {
        if (planIds.Count == 0 || await access.GetCallerAsync() is not { } caller)
        {
            return new Dictionary<int, ReviewsDue>();
        }

        var userId = caller.UserId;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var windowEnd = today.AddDays(ReviewRules.DueWindowDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Plans.Where(p => planIds.Contains(p.Id) && p.DeletedAt == null && p.Workspace!.Members.Any(m => m.UserId == userId))
            .Select(p => p.Id);
        var kpis = await db.Kpis.AsNoTracking().Where(k => visible.Contains(k.PlanId))
            .Select(k => new
            {
                k.PlanId,
                k.Cadence,
                FirstMeasured = k.Measurements.Min(m => (DateOnly?)m.MeasuredOn),
                LastReview = k.Reviews.Max(r => (DateOnly?)r.HeldOn),
            })
            .ToListAsync(ct);
        var outcomes = await db.TargetOutcomes.AsNoTracking()
            .Where(o => visible.Contains(o.PlanId) && o.TargetDate != null && o.TargetDate < windowEnd)
            .Select(o => new
            {
                o.PlanId,
                TargetDate = o.TargetDate!.Value,
                o.BaselineValue,
                o.TargetValue,
                Latest = o.Measurements.OrderByDescending(m => m.MeasuredOn).ThenByDescending(m => m.Id).Select(m => (decimal?)m.Value).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var dates = kpis
            .Select(k => (k.PlanId, Date: Cadences.NextReview(k.LastReview, k.FirstMeasured, k.Cadence)))
            .Where(k => k.Date is not null)
            .Select(k => (k.PlanId, Date: k.Date!.Value))
            .Concat(outcomes.Where(o => !ReviewRules.IsReached(o.BaselineValue, o.TargetValue, o.Latest)).Select(o => (o.PlanId, Date: o.TargetDate)));
        return dates.GroupBy(d => d.PlanId)
            .Select(g => (PlanId: g.Key, Due: ReviewRules.Count(g.Select(d => d.Date), today)))
            .Where(p => p.Due.DueThisWeek + p.Due.Overdue > 0)
            .ToDictionary(p => p.PlanId, p => p.Due);
    }
}
