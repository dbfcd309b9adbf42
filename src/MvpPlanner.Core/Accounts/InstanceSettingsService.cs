using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Accounts;

public class InstanceSettingsService(IDbContextFactory<PlannerDbContext> dbFactory, PlanAccess access, ILogger<InstanceSettingsService> logger)
{
    /// <summary>Open until the administrator closes it; after that only invited people may register.</summary>
    public async Task<bool> IsRegistrationOpenAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InstanceSettings.OrderBy(s => s.Id).Select(s => (bool?)s.RegistrationOpen).FirstOrDefaultAsync(ct) ?? true;
    }

    public async Task<bool> CallerIsAdminAsync(CancellationToken ct = default)
    {
        if (await access.GetCallerAsync() is not { } caller)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AnyAsync(u => u.Id == caller.UserId && u.IsInstanceAdmin, ct);
    }

    public async Task<ServiceResult> SetRegistrationOpenAsync(bool open, CancellationToken ct = default)
    {
        if (!await CallerIsAdminAsync(ct))
        {
            return ServiceResult.Forbidden("Only the instance administrator can change who may register.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.InstanceSettings.OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new InstanceSettings { Id = 1 };
            db.InstanceSettings.Add(settings);
        }

        settings.RegistrationOpen = open;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Registration open: {RegistrationOpen}", open);
        return ServiceResult.Ok(open ? "Anyone can now register." : "Registration closed: only people with an invitation can register.");
    }
}
