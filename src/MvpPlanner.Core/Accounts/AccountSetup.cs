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
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // The first account is the one that creates the instance's settings row: the database lets exactly one
        // insert of row 1 through, however many people register at the same moment (counting users would let two
        // registrations both see "2" and neither become administrator, or both see "1").
        var isFirst = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "InstanceSettings" ("Id", "RegistrationOpen") VALUES (1, {true}) ON CONFLICT DO NOTHING""", ct) == 1;
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

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (demoWorkspace is not null)
        {
            await demo.SeedAsync(demoWorkspace.Id, db.ActingUser, ct);
        }

        logger.LogInformation("Set up account {UserId}; instance administrator: {IsAdmin}", userId, isFirst);
    }
}
