using System.Security.Cryptography;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Feedback;

namespace MvpPlanner.Core.Sharing;

/// <summary>Makes, lists and revokes a plan's feedback links (members only), and takes in what people without an
/// account send through them: one new feedback item per submission, for the team to triage.</summary>
public class FeedbackLinkService(
    IDbContextFactory<PlannerDbContext> dbFactory,
    PlanAccess access,
    IValidator<FeedbackLinkInput> validator,
    IValidator<FeedbackFormInput> formValidator,
    TimeProvider clock,
    PlanWriter writer,
    ILogger<FeedbackLinkService> logger)
{
    /// <summary>Lets a visitor's address be told apart in this instance's logs without being written there.</summary>
    private static readonly string ClientSalt = Tokens.Create();

    /// <summary>Owners and editors make links. The full token is in the result this once; only its hash is kept.</summary>
    public Task<ServiceResult<CreatedFeedbackLink>> CreateAsync(int planId, FeedbackLinkInput input, CancellationToken ct = default) =>
        writer.WriteAsync<FeedbackLinkInput, CreatedFeedbackLink>(planId, input, validator, async w =>
        {
            var token = Tokens.Create();
            var link = new FeedbackLink { PlanId = planId, Label = Text.Clean(input.Label), TokenHash = Tokens.Hash(token), ExpiresAt = input.ExpiresAt };
            w.Db.FeedbackLinks.Add(link);
            await w.SaveAsync(ct);
            logger.LogInformation("Plan {PlanId}: feedback link {FeedbackLinkId} created, expires {ExpiresAt}", planId, link.Id, link.ExpiresAt);
            return ServiceResult<CreatedFeedbackLink>.Ok(new CreatedFeedbackLink(link.Id, token),
                $"Feedback link for \"{link.Label}\" created. Copy it now: it is shown only once.");
        }, ct);

    /// <summary>Every member sees the plan's feedback links and how much came in; the tokens are never shown again.</summary>
    public async Task<IReadOnlyList<FeedbackLinkView>> ListAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var links = await db.FeedbackLinks.AsNoTracking()
            .Where(l => l.PlanId == planId)
            .OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
            .Select(l => new { l.Id, l.Label, l.CreatedAt, l.ExpiresAt, l.RevokedAt, l.LastUsedAt, l.SubmissionCount })
            .ToListAsync(ct);
        return links.Select(l => new FeedbackLinkView(l.Id, l.Label, l.CreatedAt, l.ExpiresAt, l.RevokedAt, l.LastUsedAt, l.SubmissionCount,
            ShareLinkService.StateOf(l.RevokedAt, l.ExpiresAt, now))).ToList();
    }

    /// <summary>Not undoable, like share links: a link revoked because it attracted spam must stay dead.</summary>
    public Task<ServiceResult> RevokeAsync(int planId, int linkId, CancellationToken ct = default) =>
        writer.WriteAsync(planId, WorkspaceRole.Editor, async w =>
        {
            var link = await w.Db.FeedbackLinks.FirstOrDefaultAsync(l => l.Id == linkId && l.PlanId == planId, ct);
            if (link is null)
            {
                return ServiceResult.NotFound("The feedback link");
            }

            link.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
            logger.LogInformation("Plan {PlanId}: feedback link {FeedbackLinkId} revoked", planId, linkId);
            return ServiceResult.Ok($"Feedback link for \"{link.Label}\" revoked. Its form no longer takes feedback.");
        }, ct);

    /// <summary>The form's page for a visitor; null for an unknown, expired or revoked link alike.</summary>
    public async Task<FeedbackFormView?> OpenAsync(string? token, CancellationToken ct = default) =>
        await FindActiveAsync(token, ct) is { } link ? new FeedbackFormView(link.PlanName) : null;

    /// <summary>Writes what a visitor sent as a new feedback item, through the plan's one write path with the link as
    /// the permission. An unknown, expired or revoked link is "not found" and writes nothing.</summary>
    /// <param name="clientKey">The visitor's address: logged only as a salted hash, to tell a flood apart from many people.</param>
    public async Task<ServiceResult<int>> SubmitAsync(string? token, FeedbackFormInput input, string clientKey, CancellationToken ct = default)
    {
        var client = Tokens.Hash(ClientSalt + clientKey)[..12];
        var link = await FindActiveAsync(token, ct);
        if (link is null)
        {
            logger.LogInformation("Feedback from client {Client} refused: the link is not valid", client);
            return Fail.NotFound("The feedback link");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var result = await writer.WriteAsync<FeedbackFormInput, int>(new LinkGrant(link, now), input, formValidator, async w =>
        {
            var item = new FeedbackItem
            {
                PlanId = w.PlanId,
                Text = Text.Clean(input.Text),
                GivenBy = Text.Clean(input.Name),
                Organisation = Text.Clean(input.Organisation),
                Source = FeedbackSource.FeedbackForm,
                State = FeedbackState.New,
                ReceivedOn = DateOnly.FromDateTime(now),
            };
            w.Db.FeedbackItems.Add(item);
            await w.SaveAsync(ct);
            return ServiceResult<int>.Ok(item.Id, "Thank you: your feedback was sent to the team.");
        }, ct);
        logger.LogInformation("Feedback through link {FeedbackLinkId} of plan {PlanId} from client {Client}: {Outcome}",
            link.Id, link.PlanId, client, result.Status);
        return result;
    }

    /// <summary>One indexed read by the token's hash; the found hash is compared in constant time all the same.</summary>
    private async Task<LinkRow?> FindActiveAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Tokens.Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.FeedbackLinks.AsNoTracking()
            .Where(l => l.TokenHash == hash && l.Plan!.DeletedAt == null)
            .Select(l => new LinkRow(l.Id, l.PlanId, l.Label, l.TokenHash, l.ExpiresAt, l.RevokedAt, l.Plan!.Name))
            .FirstOrDefaultAsync(ct);
        return link is not null
            && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(link.TokenHash), Convert.FromHexString(hash))
            && ShareLinkService.StateOf(link.RevokedAt, link.ExpiresAt, clock.GetUtcNow().UtcDateTime) == ShareLinkState.Active
            ? link
            : null;
    }

    private sealed record LinkRow(int Id, int PlanId, string Label, string TokenHash, DateTime? ExpiresAt, DateTime? RevokedAt, string PlanName);

    /// <summary>A feedback link as permission to add one new, untriaged feedback item to its plan. Claiming it counts the
    /// submission in one conditional update, which also finds a link revoked or expired since it was read.</summary>
    private sealed class LinkGrant(LinkRow link, DateTime now)
        : PlanGrant(link.PlanId, Caller.WithoutAccount($"Someone via feedback link \"{Shorten(link.Label)}\""))
    {
        protected internal override async Task<ServiceResult?> ClaimAsync(PlannerDbContext db, CancellationToken ct)
        {
            var claimed = await db.FeedbackLinks
                .Where(l => l.Id == link.Id && l.RevokedAt == null && (l.ExpiresAt == null || l.ExpiresAt > now) && l.Plan!.DeletedAt == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(l => l.SubmissionCount, l => l.SubmissionCount + 1)
                    .SetProperty(l => l.LastUsedAt, now), ct);
            return claimed == 1 ? null : ServiceResult.NotFound("The feedback link");
        }

        protected internal override bool Covers(EntityEntry entry) =>
            entry is { State: Microsoft.EntityFrameworkCore.EntityState.Added, Entity: FeedbackItem { State: FeedbackState.New, Source: FeedbackSource.FeedbackForm, Problems.Count: 0, Features.Count: 0 } item }
            && item.PlanId == PlanId;

        // The history's author column holds a name; a long label is cut so the whole phrase fits.
        private static string Shorten(string label) => label.Length <= 120 ? label : string.Concat(label.AsSpan(0, 119), "…");
    }
}
