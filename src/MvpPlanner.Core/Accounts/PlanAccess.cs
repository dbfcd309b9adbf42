using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Accounts;

/// <summary>The one gate every plan operation passes: the caller must be a member of the plan's workspace,
/// with at least the role the operation needs. A non-member is told "not found", never that the plan exists. A call
/// through an API token is held to the token too: outside its workspaces nothing exists, and a read-only token views.</summary>
public class PlanAccess(ICallerAccessor callers)
{
    public Task<Caller?> GetCallerAsync() => callers.GetCallerAsync();

    /// <summary>Null when allowed (and the context then records the caller as the author of its changes);
    /// otherwise the refusal to return.</summary>
    public async Task<ServiceResult?> CheckPlanAsync(PlannerDbContext db, int planId, WorkspaceRole needed, CancellationToken ct)
    {
        var caller = await callers.GetCallerAsync();
        if (caller is null)
        {
            return ServiceResult.Forbidden("Please sign in to continue.");
        }

        // A deleted plan waits in its workspace's trash: to everything plan-scoped it is not there.
        var membership = await db.Plans.Where(p => p.Id == planId && p.DeletedAt == null)
            .SelectMany(p => p.Workspace!.Members)
            .Where(m => m.UserId == caller.UserId)
            .Select(m => new { m.WorkspaceId, m.Role })
            .FirstOrDefaultAsync(ct);
        return Decide(db, caller, membership is null || !caller.MayReach(membership.WorkspaceId) ? null : membership.Role, needed, "The plan");
    }

    public async Task<ServiceResult?> CheckWorkspaceAsync(PlannerDbContext db, int workspaceId, WorkspaceRole needed, CancellationToken ct)
    {
        var caller = await callers.GetCallerAsync();
        if (caller is null)
        {
            return ServiceResult.Forbidden("Please sign in to continue.");
        }

        var role = caller.MayReach(workspaceId) ? await RoleInWorkspaceAsync(db, workspaceId, caller.UserId, ct) : null;
        return Decide(db, caller, role, needed, "The workspace");
    }

    public static Task<WorkspaceRole?> RoleInWorkspaceAsync(PlannerDbContext db, int workspaceId, string userId, CancellationToken ct) =>
        db.WorkspaceMembers.Where(m => m.WorkspaceId == workspaceId && m.UserId == userId)
            .Select(m => (WorkspaceRole?)m.Role)
            .FirstOrDefaultAsync(ct);

    private static ServiceResult? Decide(PlannerDbContext db, Caller caller, WorkspaceRole? role, WorkspaceRole needed, string what)
    {
        if (role is null)
        {
            return ServiceResult.NotFound(what);
        }

        if (caller.Limit(role.Value) < needed)
        {
            return ServiceResult.Forbidden(caller.Token is { CanWrite: false }
                ? $"The API token \"{caller.Token.TokenName}\" is read-only. Use a read-write token to make changes."
                : needed == WorkspaceRole.Owner
                ? "Only owners of this workspace can do that."
                : "You can view this plan but not change it: your role in this workspace is Viewer. Ask an owner to make you an editor.");
        }

        db.ActingUser = caller;
        return null;
    }
}
