using System.Security.Cryptography;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Operations;

namespace MvpPlanner.Core.Reviews;

/// <summary>Makes, lists and revokes a plan's calendar feeds (members only), and reads a feed for a calendar app that
/// presents its token. Editors and owners make and revoke feeds, as they do share links: a feed shows the plan's review
/// dates to whoever has its address.</summary>
public class CalendarFeedService(
    IDbContextFactory<PlannerDbContext> dbFactory,
    PlanAccess access,
    IValidator<CalendarFeedInput> validator,
    TimeProvider clock,
    PlanWriter writer,
    ILogger<CalendarFeedService> logger)
{
    /// <summary>Calendar apps poll every few minutes to hours; recording each fetch would be a write per poll.</summary>
    private static readonly TimeSpan FetchRecordInterval = TimeSpan.FromMinutes(15);

    /// <summary>The full token is in the result this once; only its hash is kept.</summary>
    public Task<ServiceResult<CreatedCalendarFeed>> CreateAsync(int planId, CalendarFeedInput input, CancellationToken ct = default) =>
        writer.WriteAsync<CalendarFeedInput, CreatedCalendarFeed>(planId, input, validator, async w =>
        {
            var token = Tokens.Create();
            var feed = new CalendarFeed { PlanId = planId, Label = Text.Clean(input.Label), TokenHash = Tokens.Hash(token) };
            w.Db.CalendarFeeds.Add(feed);
            await w.SaveAsync(ct);
            logger.LogInformation("Plan {PlanId}: calendar feed {CalendarFeedId} created", planId, feed.Id);
            return ServiceResult<CreatedCalendarFeed>.Ok(new CreatedCalendarFeed(feed.Id, token),
                $"Calendar feed \"{feed.Label}\" created. Copy its address now: it is shown only once.");
        }, ct);

    /// <summary>Every member sees the plan's feeds, newest first; the addresses themselves are never shown again.</summary>
    public async Task<IReadOnlyList<CalendarFeedView>> ListAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return [];
        }

        return await db.CalendarFeeds.AsNoTracking()
            .Where(f => f.PlanId == planId)
            .OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id)
            .Select(f => new CalendarFeedView(f.Id, f.Label, f.CreatedAt, f.RevokedAt, f.LastFetchedAt))
            .ToListAsync(ct);
    }

    /// <summary>Not undoable, like revoking a share link: an address revoked because it leaked must stay dead.</summary>
    public Task<ServiceResult> RevokeAsync(int planId, int feedId, CancellationToken ct = default) =>
        writer.WriteAsync(planId, WorkspaceRole.Editor, async w =>
        {
            var feed = await w.Db.CalendarFeeds.FirstOrDefaultAsync(f => f.Id == feedId && f.PlanId == planId, ct);
            if (feed is null)
            {
                return ServiceResult.NotFound("The calendar feed");
            }

            feed.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
            logger.LogInformation("Plan {PlanId}: calendar feed {CalendarFeedId} revoked", planId, feedId);
            return ServiceResult.Ok($"Calendar feed \"{feed.Label}\" revoked. Calendars subscribed to it get no more updates.");
        }, ct);

    /// <summary>The feed's content for an anonymous calendar app. Unknown and revoked tokens, and deleted plans, all
    /// give the same null. No caller check: the token is the permission.</summary>
    public async Task<CalendarFeedContent?> OpenAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Tokens.Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var feed = await db.CalendarFeeds.AsNoTracking()
            .Where(f => f.TokenHash == hash && f.RevokedAt == null && f.Plan!.DeletedAt == null)
            .Select(f => new { f.Id, f.PlanId, f.TokenHash, PlanName = f.Plan!.Name })
            .FirstOrDefaultAsync(ct);
        if (feed is null || !CryptographicOperations.FixedTimeEquals(Convert.FromHexString(feed.TokenHash), Convert.FromHexString(hash)))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var recordBefore = now - FetchRecordInterval;
        await db.CalendarFeeds.Where(f => f.Id == feed.Id && (f.LastFetchedAt == null || f.LastFetchedAt < recordBefore))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.LastFetchedAt, now), ct);
        return await ReadContentAsync(db, feed.PlanId, feed.PlanName, ct);
    }

    private static async Task<CalendarFeedContent> ReadContentAsync(PlannerDbContext db, int planId, string planName, CancellationToken ct)
    {
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.PlanId == planId)
            .OrderBy(k => k.Name).ThenBy(k => k.Id)
            .Select(k => new
            {
                k.Id,
                k.Name,
                k.Unit,
                k.Target,
                k.Direction,
                k.Cadence,
                Role = k.OwnerRole == null ? null : k.OwnerRole.Name,
                Holder = k.OwnerRole == null ? null : k.OwnerRole.Holder,
                FirstMeasured = k.Measurements.Min(m => (DateOnly?)m.MeasuredOn),
                LastReview = k.Reviews.Max(r => (DateOnly?)r.HeldOn),
            })
            .ToListAsync(ct);
        var outcomes = await db.TargetOutcomes.AsNoTracking().Where(o => o.PlanId == planId && o.TargetDate != null)
            .OrderBy(o => o.TargetDate).ThenBy(o => o.Id)
            .Select(o => new CalendarOutcome(o.Id, o.Description, o.Metric, o.Target, o.TargetDate!.Value))
            .ToListAsync(ct);
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.PlanId == planId)
            .OrderBy(m => m.Date).ThenBy(m => m.Id)
            .Select(m => new CalendarMilestone(m.Id, m.Name, m.Date, m.Kind, m.Notes, m.Lane == null ? null : m.Lane.Name))
            .ToListAsync(ct);
        var dated = kpis
            .Select(k => (Kpi: k, Next: Cadences.NextReview(k.LastReview, k.FirstMeasured, k.Cadence)))
            .Where(k => k.Next is not null)
            .Select(k => new CalendarKpi(k.Kpi.Id, k.Kpi.Name, k.Kpi.Unit, k.Kpi.Target, k.Kpi.Direction, k.Kpi.Cadence,
                k.Kpi.Role is null ? null : RoleView.LabelOf(k.Kpi.Role, k.Kpi.Holder), k.Next!.Value))
            .ToList();
        return new CalendarFeedContent(planId, planName, dated, outcomes, milestones);
    }
}
