using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Core.Data;
using MvpPlanner.Web.Tests.Infrastructure;
using Serilog.Core;
using Serilog.Events;

namespace MvpPlanner.Web.Tests.Hosting;

/// <summary>Migrations once per deploy: the <c>migrate</c> command, and instances that start without migrating.</summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task MigrateCommand_NewDatabase_AppliesEveryMigrationAndExitsWithoutServing()
    {
        var directory = Directory.CreateTempSubdirectory("mvpplanner-migrate-").FullName;
        var database = Path.Combine(directory, "planner.db");
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment =
                {
                    ["ConnectionStrings__Planner"] = $"Data Source={database}",
                    ["Planner__DataDirectory"] = directory,
                    ["Serilog__WriteTo__1__Args__path"] = Path.Combine(directory, "logs", "log-.txt"),
                    ["Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime"] = "Information",
                    ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                },
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MvpPlanner.Web.dll"));
            start.ArgumentList.Add("migrate");
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);

            process.ExitCode.ShouldBe(0, await errors);
            (await output).ShouldNotContain("Now listening");
            await using var db = new PlannerDbContext(new DbContextOptionsBuilder<PlannerDbContext>().UseSqlite($"Data Source={database}").Options);
            (await db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Start_MigrateAtStartOffAndMigrationsPending_LeavesTheDatabaseAndLogsAnError()
    {
        var sink = new RecordingSink();
        await using var factory = new PlannerWebApplicationFactory
        {
            SeedDemoPlan = false,
            Settings = new Dictionary<string, string?> { ["Planner:MigrateAtStart"] = "false" },
            TestServices = services => services.AddSingleton<ILogEventSink>(sink),
        };

        (await factory.CreateClient().GetAsync(new Uri("/healthz/live", UriKind.Relative))).EnsureSuccessStatusCode();

        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlannerDbContext>>().CreateDbContextAsync();
        (await db.Database.GetPendingMigrationsAsync()).ShouldNotBeEmpty();
        sink.Events.ShouldContain(e => e.Level == LogEventLevel.Error && e.RenderMessage(null).Contains("migrate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_MigrateAtStartOffAndDatabaseCurrent_LogsNoError()
    {
        var sink = new RecordingSink();
        await using var migrated = new PlannerWebApplicationFactory { SeedDemoPlan = false };
        migrated.CreateClient(); // starts with the default, so the database is migrated
        await using var factory = new PlannerWebApplicationFactory
        {
            SeedDemoPlan = false,
            Settings = new Dictionary<string, string?>
            {
                ["Planner:MigrateAtStart"] = "false",
                ["ConnectionStrings:Planner"] = $"Data Source={migrated.DatabasePath}",
            },
            TestServices = services => services.AddSingleton<ILogEventSink>(sink),
        };

        (await factory.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative))).EnsureSuccessStatusCode();

        sink.Events.ShouldNotContain(e => e.Level >= LogEventLevel.Error);
    }

    private sealed class RecordingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyList<LogEvent> Events => [.. _events];

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
