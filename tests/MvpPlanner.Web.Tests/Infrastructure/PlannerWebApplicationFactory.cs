using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

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
