using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Accounts;

/// <summary>Makes, lists and revokes the caller's personal access tokens, and tells the API who presents a secret.
/// Tokens belong to one account and change no plan, so they stay out of the plan write path.</summary>
public class ApiTokenService(
    IDbContextFactory<PlannerDbContext> dbFactory,
    ICallerAccessor callers,
    IValidator<ApiTokenInput> validator,
    TimeProvider clock,
    ILogger<ApiTokenService> logger)
{
    /// <summary>A busy script calls many times a minute; recording each call would be a write per request.</summary>
    private static readonly TimeSpan LastUsedInterval = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<ApiTokenView>> ListMineAsync(CancellationToken ct = default)
    {
        // A token cannot list or make tokens: only the person, signed in.
        if (await callers.GetCallerAsync() is not { Token: null } caller)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == caller.UserId)
            .OrderBy(t => t.RevokedAt != null).ThenByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .ToListAsync(ct);
        var ids = tokens.SelectMany(t => t.WorkspaceIds).Distinct().ToList();
        var names = await db.Workspaces.AsNoTracking().Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        return
        [
            .. tokens.Select(t => new ApiTokenView(t.Id, t.Name, t.Hint, [.. t.WorkspaceIds.Where(names.ContainsKey).Select(id => names[id]).Order()],
                t.CanWrite, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt)),
        ];
    }

    public async Task<ServiceResult<CreatedApiToken>> CreateAsync(ApiTokenInput input, CancellationToken ct = default)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return Fail.Invalid(validation);
        }

        if (await callers.GetCallerAsync() is not { Token: null } caller)
        {
            return Fail.Forbidden("Please sign in to make an API token.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var wanted = input.WorkspaceIds.Distinct().ToList();
        var mine = await db.WorkspaceMembers.Where(m => m.UserId == caller.UserId && wanted.Contains(m.WorkspaceId)).CountAsync(ct);
        if (mine != wanted.Count)
        {
            return Fail.Invalid(nameof(ApiTokenInput.WorkspaceIds), "You are no longer a member of one of the chosen workspaces. Choose again.");
        }

        var secret = ApiToken.SecretPrefix + Tokens.Create();
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new ApiToken
        {
            UserId = caller.UserId,
            Name = Text.Clean(input.Name),
            SecretHash = Tokens.Hash(secret),
            Hint = secret[..(ApiToken.SecretPrefix.Length + 4)],
            WorkspaceIds = wanted,
            CanWrite = input.CanWrite,
            CreatedAt = now,
            ExpiresAt = now.AddDays(input.ExpiresInDays),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("User {UserId} created API token {ApiTokenId} ({Access}, {WorkspaceCount} workspace(s))",
            caller.UserId, token.Id, token.CanWrite ? "read-write" : "read-only", wanted.Count);
        return ServiceResult<CreatedApiToken>.Ok(new CreatedApiToken(token.Id, secret),
            $"API token \"{token.Name}\" created. Copy it now: it is shown only once.");
    }

    /// <summary>Stops the token at once, on every instance: the next call presenting it is refused.</summary>
    public async Task<ServiceResult> RevokeAsync(int tokenId, CancellationToken ct = default)
    {
        if (await callers.GetCallerAsync() is not { Token: null } caller)
        {
            return ServiceResult.Forbidden("Please sign in to revoke an API token.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var revoked = await db.ApiTokens.Where(t => t.Id == tokenId && t.UserId == caller.UserId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        if (revoked == 0)
        {
            return await db.ApiTokens.AnyAsync(t => t.Id == tokenId && t.UserId == caller.UserId, ct)
                ? ServiceResult.Ok("The token was already revoked.")
                : ServiceResult.NotFound("The API token");
        }

        logger.LogInformation("User {UserId} revoked API token {ApiTokenId}", caller.UserId, tokenId);
        return ServiceResult.Ok("Token revoked. Scripts using it are refused from now on.");
    }

    /// <summary>The caller a secret stands for; null for an unknown, revoked or expired secret, or an account that is gone.
    /// History names changes made with it "Ada (API token: Status report)".</summary>
    public async Task<Caller?> AuthenticateAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }

        var hash = Tokens.Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.SecretHash == hash && t.RevokedAt == null && t.ExpiresAt > now)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, u.DisplayName, u.LockoutEnd })
            .FirstOrDefaultAsync(ct);
        if (found is null || found.LockoutEnd > clock.GetUtcNow())
        {
            return null;
        }

        var token = found.Token;
        if (token.LastUsedAt is null || token.LastUsedAt < now - LastUsedInterval)
        {
            var seenBefore = now - LastUsedInterval;
            await db.ApiTokens.Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt < seenBefore))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        }

        var name = $"{found.DisplayName} (API token: {token.Name})";
        return new Caller(token.UserId, name.Length > TextLimits.Name ? name[..TextLimits.Name] : name)
        {
            Token = new ApiTokenScope(token.Id, token.Name, token.WorkspaceIds, token.CanWrite),
        };
    }
}
