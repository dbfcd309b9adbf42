using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Web.Tests.Infrastructure;

/// <summary>The whole app over its own SQLite file, for HTTP tests. Production environment, so users'
/// view of errors (no stack traces) is what is tested.</summary>
public sealed class PlannerWebApplicationFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mvpplanner-http-" + Guid.NewGuid().ToString("N"));

    public bool SeedDemoPlan { get; init; } = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Planner", $"Data Source={Path.Combine(_directory, "planner.db")}");
        builder.UseSetting("Planner:DataDirectory", _directory);
        builder.UseSetting("Planner:SeedDemoPlan", SeedDemoPlan ? "true" : "false");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(_directory, "logs", "log-.txt"));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning"); // keep request logs out of the test output
    }

    /// <summary>Runs a query with one of the app's own services, in a scope as a request would.</summary>
    public async Task<TResult> QueryAsync<TService, TResult>(Func<TService, Task<TResult>> query)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>The id of the seeded demo plan.</summary>
    public async Task<int> DemoPlanIdAsync()
    {
        var plans = await QueryAsync((PlanService service) => service.ListAsync(includeArchived: true));
        return plans.Single(p => p.Name == DemoPlanSeeder.DemoPlanName).Id;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the run.
        }
    }
}
