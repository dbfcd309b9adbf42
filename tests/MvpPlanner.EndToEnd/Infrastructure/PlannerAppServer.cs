using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Core.Data;

namespace MvpPlanner.EndToEnd.Infrastructure;

/// <summary>The real app on Kestrel at a free loopback port, over its own SQLite file, in the Production
/// environment: what a browser talks to in the end-to-end tests (the in-memory TestServer is not reachable
/// from a browser).</summary>
public sealed class PlannerAppServer : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mvpplanner-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly bool _seedDemoPlan;
    private readonly IReadOnlyDictionary<string, string> _settings;

    private PlannerAppServer(bool seedDemoPlan, IReadOnlyDictionary<string, string>? settings)
    {
        _seedDemoPlan = seedDemoPlan;
        _settings = settings ?? new Dictionary<string, string>();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The address the server listens on, e.g. <c>http://127.0.0.1:41234</c>, without a trailing slash.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>Starts the app; <paramref name="settings"/> override its configuration (e.g. PostgreSQL and Redis for
    /// one of several instances).</summary>
    public static PlannerAppServer Start(bool seedDemoPlan = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = new PlannerAppServer(seedDemoPlan, settings);
        try
        {
            server.StartServer();
            var addresses = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            server.BaseAddress = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>An absolute URL on this server for a path such as <c>/plans/1</c>.</summary>
    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>Runs a query with one of the app's own services (e.g. <c>PlanService</c>, to check what was saved),
    /// in a scope as a request would.</summary>
    public async Task<TResult> QueryAsync<TService, TResult>(Func<TService, Task<TResult>> query)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Reads the database directly (services need a signed-in caller; this checks what was stored).</summary>
    public async Task<TResult> QueryDbAsync<TResult>(Func<PlannerDbContext, Task<TResult>> query)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<PlannerDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await query(db);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment("Production");

        // A published app serves these from wwwroot; a test runs the build output, so it reads the
        // static web assets manifest (blazor.web.js, MudBlazor's css and js) as Development does.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Planner", $"Data Source={Path.Combine(_directory, "planner.db")}");
        builder.UseSetting("Planner:DataDirectory", _directory);
        builder.UseSetting("Planner:SeedDemoPlan", _seedDemoPlan ? "true" : "false");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(_directory, "logs", "log-.txt"));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning"); // keep request logs out of the test output
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
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
