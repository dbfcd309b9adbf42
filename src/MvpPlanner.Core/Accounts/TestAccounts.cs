using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Accounts;

/// <summary>Creates people and workspaces straight in the database, without Identity's password hashing:
/// for tests and for seeding a benchmark.</summary>
public static class TestAccounts
{
    public static async Task<Caller> CreateUserAsync(IDbContextFactory<PlannerDbContext> dbFactory, string name, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var email = $"{Guid.NewGuid():N}@example.test";
        var user = new PlannerUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = name, CreatedAt = DateTime.UtcNow };
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return new Caller(user.Id, name);
    }

    public static async Task<int> CreateWorkspaceAsync(IDbContextFactory<PlannerDbContext> dbFactory, string name, params (Caller Member, WorkspaceRole Role)[] members)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var workspace = new Workspace
        {
            Name = name,
            Members = members.Select(m => new WorkspaceMember { UserId = m.Member.UserId, Role = m.Role, JoinedAt = DateTime.UtcNow }).ToList(),
        };
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync();
        return workspace.Id;
    }

    public static async Task AddMemberAsync(IDbContextFactory<PlannerDbContext> dbFactory, int workspaceId, Caller member, WorkspaceRole role)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = workspaceId, UserId = member.UserId, Role = role, JoinedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }
}
