using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Workshops;

/// <summary>Workshop sessions: the workshop view, starting and ending a session. Facilitating needs an editor or owner;
/// any member of the workspace, viewers included, can see the workshop.</summary>
public class WorkshopSessionService(
    IDbContextFactory<PlannerDbContext> dbFactory,
    PlanAccess access,
    IPlanChangeNotifier notifier,
    WorkshopTimers timers,
    PlanWriter writer,
    ILogger<WorkshopSessionService> logger)
{
    private const string AlreadyRunning = "A workshop is already running on this plan. Join it, or end it first.";

    public async Task<WorkshopView?> GetAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return null;
        }

        var sessions = await db.Set<WorkshopSession>().AsNoTracking().Where(s => s.PlanId == planId)
            .OrderByDescending(s => s.StartedAt)
            .Select(s => new SessionView(s.Id, s.Name, s.FacilitatorName, s.StartedAt, s.EndedAt)).ToListAsync(ct);
        var rounds = await db.Set<VoteRound>().AsNoTracking().Where(r => r.Session!.PlanId == planId)
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new RoundSummary(r.Id, r.SessionId, r.Title, r.ItemKind, r.IsRevealed, r.AppliedAt, r.CreatedAt)).ToListAsync(ct);
        return new WorkshopView(sessions.FirstOrDefault(s => s.EndedAt is null), sessions, rounds);
    }

    public async Task<ServiceResult<int>> StartSessionAsync(int planId, string name, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Editor, ct) is { } denied)
        {
            return Fail.From(denied);
        }

        // A quick answer for the usual case; the unique index on running sessions decides the race below.
        if (await db.Set<WorkshopSession>().AnyAsync(s => s.PlanId == planId && s.EndedAt == null, ct))
        {
            return Fail.Invalid("Name", AlreadyRunning);
        }

        var session = new WorkshopSession
        {
            PlanId = planId,
            Name = string.IsNullOrWhiteSpace(name) ? $"Workshop {timers.Now:d MMM yyyy}" : Text.Clean(name)[..Math.Min(Text.Clean(name).Length, TextLimits.Name)],
            FacilitatorId = db.ActingUser!.UserId,
            FacilitatorName = db.ActingUser.DisplayName,
            StartedAt = timers.Now,
        };
        db.Add(session);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbContextExtensions.IsUniqueViolation(e))
        {
            logger.LogInformation("Workshop start on plan {PlanId} by {UserId} refused: another facilitator started one at the same moment", planId, session.FacilitatorId);
            return Fail.Invalid("Name", AlreadyRunning);
        }

        notifier.Announce(planId, db);
        logger.LogInformation("Workshop {SessionId} started on plan {PlanId} by {UserId}", session.Id, planId, session.FacilitatorId);
        return ServiceResult<int>.Ok(session.Id, "Workshop started. Share an invitation link so participants can join.");
    }

    public Task<ServiceResult> EndSessionAsync(int planId, CancellationToken ct = default) =>
        notifier.AnnouncedAsync(access, planId, writer.WriteAsync(planId, WorkspaceRole.Editor, async w =>
        {
            var session = await w.Db.Set<WorkshopSession>().FirstOrDefaultAsync(s => s.PlanId == planId && s.EndedAt == null, ct);
            if (session is null)
            {
                return ServiceResult.NotFound("The running workshop");
            }

            session.EndedAt = timers.Now;
            return ServiceResult.Ok("Workshop ended. Its votes stay available for review.");
        }, ct));
}
