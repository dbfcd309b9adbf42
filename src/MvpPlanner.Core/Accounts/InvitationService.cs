using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Accounts;

public class InvitationService(
    IDbContextFactory<PlannerDbContext> dbFactory,
    PlanAccess access,
    IValidator<InvitationInput> validator,
    TimeProvider clock,
    ILogger<InvitationService> logger)
{
    public async Task<ServiceResult<CreatedInvitation>> CreateAsync(int workspaceId, InvitationInput input, CancellationToken ct = default)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return Fail.Invalid(validation);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckWorkspaceAsync(db, workspaceId, WorkspaceRole.Owner, ct) is { } denied)
        {
            return Fail.From(denied);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var token = Tokens.Create();
        var invitation = new Invitation
        {
            WorkspaceId = workspaceId,
            TokenHash = Tokens.Hash(token),
            Role = input.Role,
            MaxUses = input.MaxUses,
            ExpiresAt = now.AddDays(input.ExpiresInDays),
            Label = Text.Clean(input.Label),
            CreatedAt = now,
            CreatedById = db.ActingUser!.UserId,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Workspace {WorkspaceId}: invitation {InvitationId} created as {Role} for {MaxUses} uses", workspaceId, invitation.Id, input.Role, input.MaxUses);
        return ServiceResult<CreatedInvitation>.Ok(new CreatedInvitation(invitation.Id, token), "Invitation created. Copy the link now: it is shown only once.");
    }

    public async Task<IReadOnlyList<InvitationView>> ListAsync(int workspaceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckWorkspaceAsync(db, workspaceId, WorkspaceRole.Owner, ct) is not null)
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.WorkspaceId == workspaceId)
            .OrderByDescending(i => i.CreatedAt)
            .ToListAsync(ct);
        return invitations.Select(i => new InvitationView(i.Id, i.Label, i.Role, i.MaxUses, i.Uses, i.ExpiresAt, i.RevokedAt, i.CreatedAt, StateOf(i, now))).ToList();
    }

    public async Task<ServiceResult> RevokeAsync(int workspaceId, int invitationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckWorkspaceAsync(db, workspaceId, WorkspaceRole.Owner, ct) is { } denied)
        {
            return denied;
        }

        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.WorkspaceId == workspaceId, ct);
        if (invitation is null)
        {
            return ServiceResult.NotFound("The invitation");
        }

        invitation.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Workspace {WorkspaceId}: invitation {InvitationId} revoked", workspaceId, invitationId);
        return ServiceResult.Ok("Invitation revoked. The link no longer works.");
    }

    /// <summary>What the invitation page shows before anyone signs in: whether the link works, and for which workspace.</summary>
    public async Task<InvitationPreview> PreviewAsync(string token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var invitation = await FindAsync(db, token, ct);
        if (invitation is null)
        {
            return new InvitationPreview(InvitationState.Unknown, null, null);
        }

        var state = StateOf(invitation, clock.GetUtcNow().UtcDateTime);
        return state == InvitationState.Valid
            ? new InvitationPreview(state, invitation.Workspace!.Name, invitation.Role)
            : new InvitationPreview(state, null, null);
    }

    /// <summary>Joins the caller to the invitation's workspace. Someone already a member keeps the higher of the two roles.</summary>
    public async Task<ServiceResult<int>> AcceptAsync(string token, CancellationToken ct = default)
    {
        if (await access.GetCallerAsync() is not { } caller)
        {
            return Fail.Forbidden("Please sign in to accept the invitation.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var invitation = await FindAsync(db, token, ct);
        var state = invitation is null ? InvitationState.Unknown : StateOf(invitation, clock.GetUtcNow().UtcDateTime);
        if (invitation is null || state != InvitationState.Valid)
        {
            logger.LogWarning("User {UserId} followed an invitation that is {InvitationState}", caller.UserId, state);
            return Fail.Invalid("Token", InvalidMessage(state));
        }

        var member = await db.WorkspaceMembers.FirstOrDefaultAsync(m => m.WorkspaceId == invitation.WorkspaceId && m.UserId == caller.UserId, ct);
        if (member is null || member.Role < invitation.Role)
        {
            if (await UseAsync(db, invitation, caller.UserId, ct) is { } refused)
            {
                return Fail.From(refused);
            }

            if (member is null)
            {
                db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = invitation.WorkspaceId, UserId = caller.UserId, Role = invitation.Role, JoinedAt = clock.GetUtcNow().UtcDateTime });
            }
            else
            {
                member.Role = invitation.Role;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbContextExtensions.IsUniqueViolation(e))
        {
            // The same person accepted in another tab at the same moment: that one joined them, and counted the use.
            logger.LogInformation("User {UserId} accepted invitation {InvitationId} twice at once; the other acceptance joined them", caller.UserId, invitation.Id);
            return ServiceResult<int>.Ok(invitation.WorkspaceId, $"You joined \"{invitation.Workspace!.Name}\".");
        }

        await tx.CommitAsync(ct);
        logger.LogInformation("User {UserId} joined workspace {WorkspaceId} through invitation {InvitationId}", caller.UserId, invitation.WorkspaceId, invitation.Id);
        return ServiceResult<int>.Ok(invitation.WorkspaceId, $"You joined \"{invitation.Workspace!.Name}\" as {invitation.Role}.");
    }

    /// <summary>Registration through an invitation: uses the invitation and makes the new account a member, inside the
    /// transaction <paramref name="db"/> has open, in which the caller has just created the account. Refused (and
    /// then the caller rolls the account back) when the invitation cannot admit anyone more.</summary>
    public async Task<ServiceResult<int>> AdmitNewAccountAsync(PlannerDbContext db, string token, string userId, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Create the account and admit it in one transaction.");
        }

        var invitation = await FindAsync(db, token, ct);
        var state = invitation is null ? InvitationState.Unknown : StateOf(invitation, clock.GetUtcNow().UtcDateTime);
        if (invitation is null || state != InvitationState.Valid)
        {
            logger.LogInformation("Registration through an invitation that is {InvitationState} refused", state);
            return Fail.Invalid("Token", InvalidMessage(state));
        }

        if (await UseAsync(db, invitation, userId, ct) is { } refused)
        {
            return Fail.From(refused);
        }

        db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = invitation.WorkspaceId, UserId = userId, Role = invitation.Role, JoinedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("User {UserId} registered into workspace {WorkspaceId} through invitation {InvitationId}", userId, invitation.WorkspaceId, invitation.Id);
        return ServiceResult<int>.Ok(invitation.WorkspaceId, $"You joined \"{invitation.Workspace!.Name}\" as {invitation.Role}.");
    }

    /// <summary>Counts one use in the statement that checks it may be used (UPDATE … WHERE Uses &lt; MaxUses AND not
    /// revoked or expired): of several people using the last place at once, exactly one gets it. Null when used.</summary>
    private async Task<ServiceResult?> UseAsync(PlannerDbContext db, Invitation invitation, string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var used = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.RevokedAt == null && i.ExpiresAt > now && i.Uses < i.MaxUses)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Uses, i => i.Uses + 1), ct);
        if (used == 1)
        {
            return null;
        }

        var current = await db.Invitations.AsNoTracking().FirstAsync(i => i.Id == invitation.Id, ct);
        var state = StateOf(current, now);
        logger.LogInformation("Invitation {InvitationId} refused user {UserId}: it became {InvitationState} meanwhile", invitation.Id, userId, state);
        return ServiceResult.Invalid("Token", InvalidMessage(state == InvitationState.Valid ? InvitationState.UsedUp : state));
    }

    public static string InvalidMessage(InvitationState state) => state switch
    {
        InvitationState.Expired => "This invitation has expired. Ask the workspace owner for a new link.",
        InvitationState.Revoked => "This invitation was revoked by the workspace owner. Ask them for a new link.",
        InvitationState.UsedUp => "This invitation has already been used as many times as allowed. Ask the workspace owner for a new link.",
        _ => "This invitation link is not valid. Check that you copied the whole link, or ask for a new one.",
    };

    private static Task<Invitation?> FindAsync(PlannerDbContext db, string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return Task.FromResult<Invitation?>(null);
        }

        var hash = Tokens.Hash(token);
        return db.Invitations.Include(i => i.Workspace).FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
    }

    private static InvitationState StateOf(Invitation invitation, DateTime now) =>
        invitation.RevokedAt is not null ? InvitationState.Revoked
        : invitation.ExpiresAt <= now ? InvitationState.Expired
        : invitation.Uses >= invitation.MaxUses ? InvitationState.UsedUp
        : InvitationState.Valid;
}
