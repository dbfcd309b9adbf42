using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Workshops;

/// <summary>Dot votes of a workshop: opening, voting, revealing and applying. Opening, revealing and applying need an
/// editor or owner; any member of the workspace, viewers included, can take part in a vote.</summary>
public class VoteService(
    IDbContextFactory<PlannerDbContext> dbFactory,
    PlanAccess access,
    IValidator<VoteInput> voteValidator,
    IPlanChangeNotifier notifier,
    WorkshopTimers timers,
    PlanWriter writer,
    ILogger<VoteService> logger)
{
    public async Task<ServiceResult<int>> OpenVoteAsync(int planId, VoteInput input, CancellationToken ct = default) =>
        await notifier.AnnouncedAsync(access, planId, writer.WriteAsync<VoteInput, int>(planId, input, voteValidator, async w =>
        {
            var db = w.Db;
            var session = await db.Set<WorkshopSession>().FirstOrDefaultAsync(s => s.PlanId == planId && s.EndedAt == null, ct);
            if (session is null)
            {
                return Fail.Invalid("Title", "Start a workshop first; votes belong to a workshop session.");
            }

            var ids = input.ItemIds.Distinct().ToList();
            var items = input.ItemKind == VoteItemKind.Feature
                ? await db.Features.Where(f => f.PlanId == planId && ids.Contains(f.Id)).Select(f => new VoteRoundItem { ItemId = f.Id, Label = f.Title }).ToListAsync(ct)
                : await db.Problems.Where(p => p.PlanId == planId && ids.Contains(p.Id)).Select(p => new VoteRoundItem { ItemId = p.Id, Label = p.Statement }).ToListAsync(ct);
            if (items.Count != ids.Count)
            {
                return Fail.Invalid(nameof(VoteInput.ItemIds), "A chosen item no longer exists; choose again.");
            }

            var round = new VoteRound
            {
                SessionId = session.Id,
                Title = Text.Clean(input.Title),
                ItemKind = input.ItemKind,
                DotsPerPerson = input.DotsPerPerson,
                AllowSeveralDotsPerItem = input.AllowSeveralDotsPerItem,
                CreatedAt = timers.Now,
                Items = items,
            };
            db.Add(round);
            await w.SaveAsync(ct);
            return ServiceResult<int>.Ok(round.Id, "Vote opened. Participants can place their dots now.");
        }, ct));

    public async Task<RoundView?> GetRoundAsync(int planId, int roundId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return null;
        }

        var round = await LoadRoundAsync(db, planId, roundId, tracking: false, ct);
        if (round is null)
        {
            return null;
        }

        var me = db.ActingUser!.UserId;
        var mine = round.Votes.Where(v => v.UserId == me).ToList();
        return new RoundView(round.Id, round.Title, round.ItemKind, round.DotsPerPerson, round.AllowSeveralDotsPerItem, round.IsRevealed, round.AppliedAt,
            round.Items.Select(i => new RoundItemView(i.ItemId, i.Label, mine.Where(v => v.ItemId == i.ItemId).Sum(v => v.Dots))).ToList(),
            round.DotsPerPerson - mine.Sum(v => v.Dots),
            round.Votes.Where(v => v.Dots > 0).Select(v => v.UserId).Distinct().Count(),
            round.IsRevealed ? VoteRules.Results(round) : []);
    }

    public Task<ServiceResult> PlaceDotAsync(int planId, int roundId, int itemId, CancellationToken ct = default) =>
        ChangeDotsAsync(planId, roundId, itemId, +1, ct);

    public Task<ServiceResult> TakeBackDotAsync(int planId, int roundId, int itemId, CancellationToken ct = default) =>
        ChangeDotsAsync(planId, roundId, itemId, -1, ct);

    public Task<ServiceResult> RevealAsync(int planId, int roundId, CancellationToken ct = default) =>
        notifier.AnnouncedAsync(access, planId, writer.WriteAsync(planId, WorkspaceRole.Editor, async w =>
        {
            var round = await LoadRoundAsync(w.Db, planId, roundId, tracking: true, ct);
            if (round is null)
            {
                return ServiceResult.NotFound("The vote");
            }

            round.IsRevealed = true;
            return ServiceResult.Ok("Results revealed; voting is closed.");
        }, ct));

    /// <summary>Turns the result into priorities in one step: features get a value score (1–5) from their dots and are
    /// reordered by dots inside each roadmap cell; problems get a severity (1–5) from their dots. One change: one Undo
    /// puts every value, severity and order back.</summary>
    public Task<ServiceResult> ApplyAsync(int planId, int roundId, CancellationToken ct = default) =>
        notifier.AnnouncedAsync(access, planId, writer.WriteAsync(planId, WorkspaceRole.Editor, async w =>
        {
            var db = w.Db;
            await PlanOrder.BumpAsync(db, planId, ct);
            var round = await LoadRoundAsync(db, planId, roundId, tracking: true, ct);
            if (round is null)
            {
                return ServiceResult.NotFound("The vote");
            }

            if (!round.IsRevealed)
            {
                return ServiceResult.Invalid("Round", "Reveal the results before applying them.");
            }

            var results = VoteRules.Results(round).ToDictionary(r => r.ItemId, r => r.Dots);
            var max = results.Values.DefaultIfEmpty(0).Max();
            var ids = results.Keys.ToList();
            if (round.ItemKind == VoteItemKind.Feature)
            {
                var features = await db.Features.Where(f => f.PlanId == planId && ids.Contains(f.Id)).ToListAsync(ct);
                foreach (var feature in features)
                {
                    feature.Value = VoteRules.ToScale(results[feature.Id], max);
                }

                foreach (var cell in features.GroupBy(f => (f.PhaseId, f.LaneId)))
                {
                    var ranks = cell.Select(f => f.Rank).Order().ToList();
                    var byVotes = cell.OrderByDescending(f => results[f.Id]).ThenBy(f => f.Rank).ToList();
                    for (var i = 0; i < byVotes.Count; i++)
                    {
                        byVotes[i].Rank = ranks[i];
                        w.Moved(byVotes[i]);
                    }
                }
            }
            else
            {
                var problems = await db.Problems.Where(p => p.PlanId == planId && ids.Contains(p.Id)).ToListAsync(ct);
                foreach (var problem in problems)
                {
                    problem.Severity = VoteRules.ToScale(results[problem.Id], max);
                }
            }

            round.AppliedAt = timers.Now;
            logger.LogInformation("Vote {RoundId} applied to plan {PlanId}", roundId, planId);
            return ServiceResult.Ok(round.ItemKind == VoteItemKind.Feature
                ? "Applied: features got a value score from their dots and were reordered by votes in each roadmap cell."
                : "Applied: problems got a severity from their dots.");
        }, ct));

    private async Task<ServiceResult> ChangeDotsAsync(int planId, int roundId, int itemId, int change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is { } denied)
        {
            return denied;
        }

        var round = await LoadRoundAsync(db, planId, roundId, tracking: false, ct);
        if (round is null)
        {
            return ServiceResult.NotFound("The vote");
        }

        if (round.Session!.EndedAt is not null)
        {
            return ServiceResult.Invalid("Dots", "This workshop has ended: its votes can be reviewed but no longer changed.");
        }

        var me = db.ActingUser!;
        var mine = round.Votes.Where(v => v.UserId == me.UserId).ToList();
        if (change > 0)
        {
            // The rules read from what was loaded give the clear answer; the ballot below decides the race.
            if (VoteRules.WhyNotPlace(round, mine, itemId) is { } reason)
            {
                return ServiceResult.Invalid("Dots", reason);
            }

            await EnsureBallotAsync(db, round, me.UserId, mine.Sum(v => v.Dots), ct);
        }
        else if (round.IsRevealed)
        {
            return ServiceResult.Invalid("Dots", "Voting has ended: the results are revealed.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var refused = change > 0 ? await SpendDotAsync(db, round, me, itemId, ct) : await ReturnDotAsync(db, roundId, me.UserId, itemId, ct);
        if (refused is not null)
        {
            return refused;
        }

        await tx.CommitAsync(ct);
        notifier.Announce(planId, db);
        return ServiceResult.Ok();
    }

    /// <summary>Spends one of the voter's dots in the statement that checks one is left (UPDATE … WHERE DotsUsed &lt;
    /// DotsAllowed): of two clicks on the last dot exactly one gets it. The ballot row stays locked to the commit, so the
    /// voter's other clicks wait, and the one-dot-per-item rule below reads their latest dots.</summary>
    private async Task<ServiceResult?> SpendDotAsync(PlannerDbContext db, VoteRound round, Caller me, int itemId, CancellationToken ct)
    {
        var spent = await db.Set<VoteBallot>()
            .Where(b => b.RoundId == round.Id && b.UserId == me.UserId && b.DotsUsed < b.DotsAllowed)
            .Where(b => db.Set<VoteRound>().Any(r => r.Id == b.RoundId && !r.IsRevealed && r.Session!.EndedAt == null))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.DotsUsed, b => b.DotsUsed + 1), ct);
        if (spent == 0 && !await db.Set<VoteRound>().AnyAsync(r => r.Id == round.Id && !r.IsRevealed && r.Session!.EndedAt == null, ct))
        {
            logger.LogInformation("Dot of {UserId} in vote {RoundId} refused: voting ended meanwhile", me.UserId, round.Id);
            return ServiceResult.Invalid("Dots", "Voting has ended: the results are revealed.");
        }

        if (spent == 0)
        {
            logger.LogInformation("Dot of {UserId} in vote {RoundId} refused: all {DotsPerPerson} dots already placed", me.UserId, round.Id, round.DotsPerPerson);
            return ServiceResult.Invalid("Dots", $"You have used all your {round.DotsPerPerson} dots. Take one back to move it.");
        }

        var votes = db.Set<Vote>().Where(v => v.RoundId == round.Id && v.UserId == me.UserId && v.ItemId == itemId);
        var onItem = await votes.Select(v => (int?)v.Dots).FirstOrDefaultAsync(ct);
        if (onItem > 0 && !round.AllowSeveralDotsPerItem)
        {
            logger.LogInformation("Dot of {UserId} in vote {RoundId} refused: item {ItemId} already has their dot", me.UserId, round.Id, itemId);
            return ServiceResult.Invalid("Dots", "In this vote each item takes at most one dot from you.");
        }

        if (onItem is null)
        {
            db.Add(new Vote { RoundId = round.Id, UserId = me.UserId, UserName = me.DisplayName, ItemId = itemId, Dots = 1 });
            await db.SaveChangesAsync(ct);
        }
        else
        {
            await votes.ExecuteUpdateAsync(s => s.SetProperty(v => v.Dots, v => v.Dots + 1), ct);
        }

        return null;
    }

    /// <summary>The ballot first, as when spending, so a voter's clicks always lock in the same order; undone by the
    /// rollback when there was no dot to take back.</summary>
    private static async Task<ServiceResult?> ReturnDotAsync(PlannerDbContext db, int roundId, string userId, int itemId, CancellationToken ct)
    {
        await db.Set<VoteBallot>()
            .Where(b => b.RoundId == roundId && b.UserId == userId && b.DotsUsed > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.DotsUsed, b => b.DotsUsed - 1), ct);
        var taken = await db.Set<Vote>()
            .Where(v => v.RoundId == roundId && v.UserId == userId && v.ItemId == itemId && v.Dots > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Dots, v => v.Dots - 1), ct);
        return taken == 0 ? ServiceResult.Invalid("Dots", "You have no dot on that item.") : null;
    }

    /// <summary>The voter's ballot, created at their first dot. Two first clicks at once both try; the unique index keeps one.</summary>
    private static async Task EnsureBallotAsync(PlannerDbContext db, VoteRound round, string userId, int dotsPlaced, CancellationToken ct)
    {
        if (await db.Set<VoteBallot>().AnyAsync(b => b.RoundId == round.Id && b.UserId == userId, ct))
        {
            return;
        }

        var ballot = new VoteBallot { RoundId = round.Id, UserId = userId, DotsUsed = Math.Min(dotsPlaced, round.DotsPerPerson), DotsAllowed = round.DotsPerPerson };
        db.Add(ballot);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbContextExtensions.IsUniqueViolation(e))
        {
            // Another click of the same voter created it a moment ago: that one is the ballot.
        }
        finally
        {
            db.Entry(ballot).State = EntityState.Detached;
        }
    }

    private static Task<VoteRound?> LoadRoundAsync(PlannerDbContext db, int planId, int roundId, bool tracking, CancellationToken ct)
    {
        var rounds = db.Set<VoteRound>().Include(r => r.Session).Include(r => r.Items).Include(r => r.Votes).AsSplitQuery();
        return (tracking ? rounds : rounds.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == roundId && r.Session!.PlanId == planId, ct);
    }
}
