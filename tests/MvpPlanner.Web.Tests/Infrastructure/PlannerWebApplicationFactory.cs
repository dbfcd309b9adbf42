using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Web.Tests.Infrastructure;

/// <summary>The whole app over its own SQLite file, for HTTP tests. Production environment, so users'
/// view of errors (no stack traces) is what is tested.</summary>
public sealed class PlannerWebApplicationFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mvpplanner-http-" + Guid.NewGuid().ToString("N"));

    public const string FirstAccountEmail = "ada@example.com";

    private readonly SemaphoreSlim _firstAccount = new(1, 1);
    private bool _registered;

    public bool SeedDemoPlan { get; init; } = true;

    /// <summary>Warning keeps request logs out of the test output; a test of the request log asks for Information.</summary>
    public string MinimumLogLevel { get; init; } = "Warning";

    /// <summary>More configuration for this host, such as <c>Planner:KnownProxies:0</c>.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Services to add or replace in this host (a log sink, a Redis connection).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Where the SQLite file of this host is.</summary>
    public string DatabasePath => Path.Combine(_directory, "planner.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Planner", $"Data Source={DatabasePath}");
        builder.UseSetting("Planner:DataDirectory", _directory);
        builder.UseSetting("Planner:SeedDemoPlan", SeedDemoPlan ? "true" : "false");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(_directory, "logs", "log-.txt"));
        builder.UseSetting("Serilog:MinimumLevel:Default", MinimumLogLevel);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (TestServices is { } testServices)
        {
            builder.ConfigureTestServices(testServices);
        }
    }

    /// <summary>Runs a query with one of the app's own services, in a scope as a request would.</summary>
    public async Task<TResult> QueryAsync<TService, TResult>(Func<TService, Task<TResult>> query)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>The id of the seeded demo plan (it exists once the first account has registered).</summary>
    public async Task<int> DemoPlanIdAsync()
    {
        await SignedInAsync();
        return await QueryAsync(async (IDbContextFactory<PlannerDbContext> contexts) =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await db.Plans.Where(p => p.Name == DemoPlanSeeder.DemoPlanName).Select(p => p.Id).SingleAsync();
        });
    }

    /// <summary>A client signed in as the instance's first account (registered on first use), who owns the demo plan.</summary>
    public async Task<BrowserLikeClient> SignedInAsync()
    {
        await _firstAccount.WaitAsync();
        try
        {
            var client = BrowserLikeClient.Create(this);
            if (!_registered)
            {
                (await client.RegisterAsync("Ada Admin", FirstAccountEmail)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
                _registered = true;
            }
            else
            {
                (await client.SignInAsync(FirstAccountEmail)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
            }

            return client;
        }
        finally
        {
            _firstAccount.Release();
        }
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
