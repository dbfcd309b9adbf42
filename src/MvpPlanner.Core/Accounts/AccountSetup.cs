using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.Accounts;

/// <summary>What happens when someone registers: a personal workspace for everyone; for the very first
/// account of an instance also the administrator flag and, when enabled, a demo workspace with the demo plan.</summary>
public class AccountSetup(IDbContextFactory<PlannerDbContext> dbFactory, DemoPlanSeeder demo, ILogger<AccountSetup> logger)
{
    public async Task<bool> IsFirstAccountAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return !await db.Users.AnyAsync(ct);
    }

    public async Task SetUpAsync(string userId, bool seedDemoPlan, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        db.ActingUser = new Caller(user.Id, user.DisplayName);
        var isFirst = await db.Users.CountAsync(ct) == 1;
        user.IsInstanceAdmin = isFirst;
        var now = DateTime.UtcNow;
        db.Workspaces.Add(new Workspace
        {
            Name = $"{user.DisplayName}'s workspace",
            IsPersonal = true,
            Members = [new WorkspaceMember { UserId = userId, Role = WorkspaceRole.Owner, JoinedAt = now }],
        });
        Workspace? demoWorkspace = null;
        if (isFirst && seedDemoPlan)
        {
            demoWorkspace = new Workspace
            {
                Name = "Demo workspace",
                Members = [new WorkspaceMember { UserId = userId, Role = WorkspaceRole.Owner, JoinedAt = now }],
            };
            db.Workspaces.Add(demoWorkspace);
        }

        if (!await db.InstanceSettings.AnyAsync(ct))
        {
            db.InstanceSettings.Add(new InstanceSettings { Id = 1, RegistrationOpen = true });
        }

        await db.SaveChangesAsync(ct);
        if (demoWorkspace is not null)
        {
            await demo.SeedAsync(demoWorkspace.Id, db.ActingUser, ct);
        }

        logger.LogInformation("Set up account {UserId}; instance administrator: {IsAdmin}", userId, isFirst);
    }
}
