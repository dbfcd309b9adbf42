using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Accounts;

public class WorkspaceService(
    IDbContextFactory<PlannerDbContext> dbFactory,
    PlanAccess access,
    IValidator<WorkspaceInput> validator,
    ILogger<WorkspaceService> logger)
{
    public async Task<IReadOnlyList<WorkspaceSummary>> ListMineAsync(CancellationToken ct = default)
    {
        if (await access.GetCallerAsync() is not { } caller)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WorkspaceMembers.AsNoTracking()
            .Where(m => m.UserId == caller.UserId)
            .OrderByDescending(m => m.Workspace!.IsPersonal).ThenBy(m => m.Workspace!.Name)
            .Select(m => new WorkspaceSummary(m.WorkspaceId, m.Workspace!.Name, m.Workspace.IsPersonal, m.Role,
                m.Workspace.Members.Count, m.Workspace.Plans.Count(p => p.DeletedAt == null), m.Workspace.Version))
            .ToListAsync(ct);
    }

    public async Task<WorkspaceSummary?> GetAsync(int workspaceId, CancellationToken ct = default)
    {
        var all = await ListMineAsync(ct);
        return all.FirstOrDefault(w => w.Id == workspaceId);
    }

    public async Task<ServiceResult<int>> CreateAsync(WorkspaceInput input, CancellationToken ct = default)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return Fail.Invalid(validation);
        }

        if (await access.GetCallerAsync() is not { } caller)
        {
            return Fail.Forbidden("Please sign in to continue.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActingUser = caller;
        var workspace = new Workspace
        {
            Name = Text.Clean(input.Name),
            Members = [new WorkspaceMember { UserId = caller.UserId, Role = WorkspaceRole.Owner, JoinedAt = DateTime.UtcNow }],
        };
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("User {UserId} created workspace {WorkspaceId}", caller.UserId, workspace.Id);
        return ServiceResult<int>.Ok(workspace.Id, $"Created workspace \"{workspace.Name}\".");
    }

    public async Task<ServiceResult> RenameAsync(int workspaceId, WorkspaceInput input, CancellationToken ct = default)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return ServiceResult.Invalid(validation);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckWorkspaceAsync(db, workspaceId, WorkspaceRole.Owner, ct) is { } denied)
        {
            return denied;
        }

        var workspace = await db.Workspaces.FirstAsync(w => w.Id == workspaceId, ct);
        workspace.Name = Text.Clean(input.Name);
        return await db.SaveVersionedAsync(workspace, input.Version, "The workspace", ct);
    }

    public async Task<IReadOnlyList<MemberView>> ListMembersAsync(int workspaceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckWorkspaceAsync(db, workspaceId, WorkspaceRole.Viewer, ct) is not null)
        {
            return [];
        }

        return await db.WorkspaceMembers.AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId)
            // Roles are stored as text, so ordering by the column would be alphabetical; rank them by rights instead.
            .OrderByDescending(m => m.Role == WorkspaceRole.Owner ? 2 : m.Role == WorkspaceRole.Editor ? 1 : 0).ThenBy(m => m.User!.DisplayName)
            .Select(m => new MemberView(m.UserId, m.User!.DisplayName, m.User.Email ?? "", m.Role, m.JoinedAt))
            .ToListAsync(ct);
    }

    public async Task<ServiceResult> ChangeRoleAsync(int workspaceId, string userId, WorkspaceRole role, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckWorkspaceAsync(db, workspaceId, WorkspaceRole.Owner, ct) is { } denied)
        {
            return denied;
        }

        // One write transaction: a member removed meanwhile is "not found", and two owners demoting each other
        // at once cannot leave the workspace without an owner.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var member = await db.WorkspaceMembers.FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId, ct);
        if (member is null)
        {
            return ServiceResult.NotFound("That member");
        }

        if (member.Role == WorkspaceRole.Owner && role != WorkspaceRole.Owner && await IsLastOwnerAsync(db, workspaceId, ct))
        {
            return ServiceResult.Invalid("Role", "A workspace needs at least one owner. Make someone else an owner first.");
        }

        member.Role = role;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Workspace {WorkspaceId}: member {UserId} is now {Role}", workspaceId, userId, role);
        return ServiceResult.Ok($"Role changed to {role}.");
    }

    /// <summary>Owners remove others; anyone may leave. The last owner cannot leave an orphaned workspace behind.</summary>
    public async Task<ServiceResult> RemoveMemberAsync(int workspaceId, string userId, CancellationToken ct = default)
    {
        var caller = await access.GetCallerAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var needed = caller?.UserId == userId ? WorkspaceRole.Viewer : WorkspaceRole.Owner;
        if (await access.CheckWorkspaceAsync(db, workspaceId, needed, ct) is { } denied)
        {
            return denied;
        }

        // One write transaction: of two owners removing the same member at once, the second is told they are gone,
        // and two owners removing each other at once cannot leave the workspace without an owner.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var member = await db.WorkspaceMembers.FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId, ct);
        if (member is null)
        {
            return ServiceResult.NotFound("That member");
        }

        if (member.Role == WorkspaceRole.Owner && await IsLastOwnerAsync(db, workspaceId, ct))
        {
            return ServiceResult.Invalid("Role", "The last owner cannot leave. Make someone else an owner first.");
        }

        db.WorkspaceMembers.Remove(member);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Workspace {WorkspaceId}: member {UserId} removed", workspaceId, userId);
        return ServiceResult.Ok("Member removed.");
    }

    private static async Task<bool> IsLastOwnerAsync(PlannerDbContext db, int workspaceId, CancellationToken ct) =>
        await db.WorkspaceMembers.CountAsync(m => m.WorkspaceId == workspaceId && m.Role == WorkspaceRole.Owner, ct) <= 1;
}
