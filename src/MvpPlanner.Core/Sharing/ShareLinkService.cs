using System.Security.Cryptography;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Sharing;

/// <summary>Makes, lists and revokes a plan's read-only links (members only), and opens them for anonymous readers.</summary>
public class ShareLinkService(
    IDbContextFactory<PlannerDbContext> dbFactory,
    PlanAccess access,
    IValidator<ShareLinkInput> validator,
    ShareViewCounter views,
    OpenedLinkCache openedLinks,
    TimeProvider clock,
    PlanWriter writer,
    ILogger<ShareLinkService> logger)
{
    /// <summary>Owners and editors make links. The full token is in the result this once; only its hash is kept.</summary>
    public Task<ServiceResult<CreatedShareLink>> CreateAsync(int planId, ShareLinkInput input, CancellationToken ct = default) =>
        writer.WriteAsync<ShareLinkInput, CreatedShareLink>(planId, input, validator, async w =>
        {
            var token = Tokens.Create();
            var link = new ShareLink
            {
                PlanId = planId,
                Label = Text.Clean(input.Label),
                Scope = input.Scope,
                TokenHash = Tokens.Hash(token),
                ExpiresAt = input.ExpiresAt,
            };
            w.Db.ShareLinks.Add(link);
            await w.SaveAsync(ct);
            logger.LogInformation("Plan {PlanId}: share link {ShareLinkId} created with scope {ShareScope}, expires {ExpiresAt}", planId, link.Id, link.Scope, link.ExpiresAt);
            return ServiceResult<CreatedShareLink>.Ok(new CreatedShareLink(link.Id, token), $"Link for \"{link.Label}\" created. Copy it now: it is shown only once.");
        }, ct);

    /// <summary>Every member sees the plan's links; the tokens themselves are never shown again.</summary>
    public async Task<IReadOnlyList<ShareLinkView>> ListAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return [];
        }

        await views.FlushAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var links = await db.ShareLinks.AsNoTracking()
            .Where(l => l.PlanId == planId)
            .OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
            .Select(l => new { l.Id, l.Label, l.Scope, l.CreatedAt, l.ExpiresAt, l.RevokedAt, l.LastOpenedAt, l.ViewCount })
            .ToListAsync(ct);
        return links.Select(l => new ShareLinkView(l.Id, l.Label, l.Scope, l.CreatedAt, l.ExpiresAt, l.RevokedAt, l.LastOpenedAt, l.ViewCount,
            StateOf(l.RevokedAt, l.ExpiresAt, now))).ToList();
    }

    /// <summary>Revoking is not undoable on purpose: a link revoked because it leaked must stay dead.</summary>
    public Task<ServiceResult> RevokeAsync(int planId, int linkId, CancellationToken ct = default) =>
        writer.WriteAsync(planId, WorkspaceRole.Editor, async w =>
        {
            var link = await w.Db.ShareLinks.FirstOrDefaultAsync(l => l.Id == linkId && l.PlanId == planId, ct);
            if (link is null)
            {
                return ServiceResult.NotFound("The link");
            }

            link.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
            logger.LogInformation("Plan {PlanId}: share link {ShareLinkId} revoked", planId, linkId);
            return ServiceResult.Ok($"Link for \"{link.Label}\" revoked. It no longer opens the plan.");
        }, ct);

    /// <summary>Resolves a token for an anonymous reader, with the plan's content stamp in the same indexed read, and counts the view (written in batches, see <see cref="ShareViewCounter"/>). Unknown, revoked and expired links all
    /// give the same null, so a reader learns nothing about a link that does not work.</summary>
    public async Task<OpenedShareLink?> OpenAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Tokens.Hash(token);
        var link = openedLinks.Get(hash) ?? await openedLinks.ReadAndKeepAsync(hash, () => ReadLinkAsync(hash, ct));

        // The database finds the row by hash; this compares the found hash in constant time all the same, so no
        // collation or index quirk can ever make a near-miss count as a match.
        var now = clock.GetUtcNow().UtcDateTime;
        if (link is null
            || !CryptographicOperations.FixedTimeEquals(Convert.FromHexString(link.TokenHash), Convert.FromHexString(hash))
            || StateOf(link.RevokedAt, link.ExpiresAt, now) != ShareLinkState.Active)
        {
            return null;
        }

        await views.RecordAsync(link.Id, now);
        return new OpenedShareLink(link.Id, link.PlanId, link.Scope, link.ContentStamp, DateOnly.FromDateTime(now));
    }

    /// <summary>One indexed read: the link by its token's hash, with its plan's content stamp.</summary>
    private async Task<ShareLinkRow?> ReadLinkAsync(string hash, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.ShareLinks.AsNoTracking()
            .Where(l => l.TokenHash == hash && l.Plan!.DeletedAt == null)
            .Select(l => new ShareLinkRow(l.Id, l.PlanId, l.Scope, l.TokenHash, l.ExpiresAt, l.RevokedAt, l.Plan!.ContentStamp))
            .FirstOrDefaultAsync(ct);
        return row;
    }

    /// <summary>The shared page's content, only for the link's scope. No caller check: the opened link is the permission.</summary>
    public Task<SharedPlanView?> GetViewAsync(OpenedShareLink link, CancellationToken ct = default) =>
        SharedPlanQuery.LoadAsync(dbFactory, link, link.OpenedOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);

    internal static ShareLinkState StateOf(DateTime? revokedAt, DateTime? expiresAt, DateTime now) =>
        revokedAt is not null ? ShareLinkState.Revoked
        : expiresAt is { } at && at <= now ? ShareLinkState.Expired
        : ShareLinkState.Active;
}
