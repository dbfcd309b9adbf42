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
        var workspaces = await db.WorkspaceMembers.AsNoTracking()
            .Where(m => m.UserId == caller.UserId)
            .OrderByDescending(m => m.Workspace!.IsPersonal).ThenBy(m => m.Workspace!.Name)
            .Select(m => new WorkspaceSummary(m.WorkspaceId, m.Workspace!.Name, m.Workspace.IsPersonal, m.Role,
                m.Workspace.Members.Count, m.Workspace.Plans.Count(p => p.DeletedAt == null), m.Workspace.Version))
            .ToListAsync(ct);
        return caller.Token is null ? workspaces : [.. workspaces.Where(w => caller.MayReach(w.Id)).Select(w => w with { MyRole = caller.Limit(w.MyRole) })];
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
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockMembershipAsync(db, workspaceId, ct);
        if (await access.CheckWorkspaceAsync(db, workspaceId, WorkspaceRole.Owner, ct) is { } denied)
        {
            return denied;
        }

        // The rule is in the statement: an owner loses the role only while another owner remains.
        var changed = await db.WorkspaceMembers
            .Where(m => m.WorkspaceId == workspaceId && m.UserId == userId)
            .Where(m => m.Role != WorkspaceRole.Owner || role == WorkspaceRole.Owner || db.WorkspaceMembers.Any(o => o.WorkspaceId == workspaceId && o.Role == WorkspaceRole.Owner && o.UserId != userId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, role), ct);
        if (changed == 0)
        {
            return await RefusedAsync(db, workspaceId, userId, "A workspace needs at least one owner. Make someone else an owner first.", ct);
        }

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
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockMembershipAsync(db, workspaceId, ct);
        if (await access.CheckWorkspaceAsync(db, workspaceId, needed, ct) is { } denied)
        {
            return denied;
        }

        var removed = await db.WorkspaceMembers
            .Where(m => m.WorkspaceId == workspaceId && m.UserId == userId)
            .Where(m => m.Role != WorkspaceRole.Owner || db.WorkspaceMembers.Any(o => o.WorkspaceId == workspaceId && o.Role == WorkspaceRole.Owner && o.UserId != userId))
            .ExecuteDeleteAsync(ct);
        if (removed == 0)
        {
            return await RefusedAsync(db, workspaceId, userId, "The last owner cannot leave. Make someone else an owner first.", ct);
        }

        await tx.CommitAsync(ct);
        logger.LogInformation("Workspace {WorkspaceId}: member {UserId} removed", workspaceId, userId);
        return ServiceResult.Ok("Member removed.");
    }

    /// <summary>Two owners demoting each other at once each see the other still an owner when their statement starts
    /// (PostgreSQL, READ COMMITTED), and would both succeed: a check over several rows is not atomic on its own. So every
    /// membership change first writes the workspace row, which holds its lock to the commit: the next change of the same
    /// workspace waits, and its conditional statement then sees the committed roles. On SQLite the write lock does the same.</summary>
    private static Task<int> LockMembershipAsync(PlannerDbContext db, int workspaceId, CancellationToken ct) =>
        db.Workspaces.Where(w => w.Id == workspaceId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.IsPersonal, w => w.IsPersonal), ct);

    /// <summary>Nothing changed: the member is gone, or was the last owner (a race another owner won, or a plain refusal).</summary>
    private async Task<ServiceResult> RefusedAsync(PlannerDbContext db, int workspaceId, string userId, string lastOwner, CancellationToken ct)
    {
        if (!await db.WorkspaceMembers.AnyAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId, ct))
        {
            return ServiceResult.NotFound("That member");
        }

        logger.LogInformation("Workspace {WorkspaceId}: change of member {UserId} refused, they are its last owner", workspaceId, userId);
        return ServiceResult.Invalid("Role", lastOwner);
    }
}
