using Microsoft.Extensions.Options;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Web.Hosting;

/// <summary>Migrations once per deploy: <c>dotnet MvpPlanner.Web.dll migrate</c> applies them and exits, and
/// <c>Planner:MigrateAtStart=false</c> keeps several instances starting together from racing to apply them.</summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    public static bool IsRequested(string[] args) => args is [Name, ..];

    /// <summary>Applies pending migrations without starting the web server; the exit code tells the deploy script.</summary>
    public static async Task<int> RunAsync(WebApplication app)
    {
        await app.PrepareDatabaseAsync();
        app.Logger.LogInformation("Database migrated; the app can start with Planner:MigrateAtStart=false");
        return 0;
    }

    /// <summary>At start: migrate, or (when the operator migrates) say loudly if someone forgot to.</summary>
    public static async Task PrepareDatabaseAtStartAsync(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<PlannerOptions>>().Value.MigrateAtStart)
        {
            await app.PrepareDatabaseAsync();
            return;
        }

        var pending = await app.Services.GetRequiredService<PlannerDatabase>().PendingMigrationsAsync();
        if (pending.Count > 0)
        {
            app.Logger.LogError(
                "The database lacks {PendingCount} migrations ({PendingMigrations}) and Planner:MigrateAtStart is false: run `dotnet MvpPlanner.Web.dll migrate` once for this deploy",
                pending.Count, pending);
        }
    }
}
