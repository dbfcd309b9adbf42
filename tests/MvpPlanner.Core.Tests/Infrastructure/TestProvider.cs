using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Data;
using Npgsql;

namespace MvpPlanner.Core.Tests.Infrastructure;

/// <summary>The database engine this test run uses: SQLite files by default; PostgreSQL when
/// <c>MVPPLANNER_TEST_DATABASE=PostgreSql</c> (test.sh runs the core suite once on each). Each test gets a database of
/// its own, copied from one migrated template: a file copy on SQLite, <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL.</summary>
public static class TestProvider
{
    public static DatabaseProvider Current { get; } =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("MVPPLANNER_TEST_DATABASE"), ignoreCase: true, out var provider)
            ? provider
            : DatabaseProvider.Sqlite;

    /// <summary>The server the PostgreSQL run uses (test.sh starts one on loopback).</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("MVPPLANNER_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException("MVPPLANNER_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL.");

    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    /// <summary>A new, migrated, empty database for one test: its connection string, and how to remove it.</summary>
    public static async Task<(string ConnectionString, Func<Task> Drop)> CreateDatabaseAsync()
    {
        var template = await Template.Value;
        if (Current == DatabaseProvider.PostgreSql)
        {
            var name = "mvp_test_" + Guid.NewGuid().ToString("N");
            await ExecuteOnServerAsync($"""CREATE DATABASE "{name}" TEMPLATE "{template}" """);
            var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
            return (connectionString, async () =>
            {
                using (var connection = new NpgsqlConnection(connectionString))
                {
                    NpgsqlConnection.ClearPool(connection);
                }

                await ExecuteOnServerAsync($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""");
            });
        }

        var directory = Path.Combine(Path.GetTempPath(), "mvpplanner-core-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var filePath = Path.Combine(directory, "planner.db");
        File.Copy(template, filePath);
        return ($"Data Source={filePath}", () =>
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open (Windows) must not fail the test; the temp folder is cleaned by the OS.
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>Migrations run once per test run, into a template every test copies: the same schema, without
    /// paying for the migration in each of the hundreds of tests.</summary>
    private static async Task<string> CreateTemplateAsync()
    {
        if (Current == DatabaseProvider.PostgreSql)
        {
            var name = "mvp_template_" + Guid.NewGuid().ToString("N");
            await ExecuteOnServerAsync($"""CREATE DATABASE "{name}" """);
            var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Pooling = false }.ConnectionString;
            await new PlannerDatabase(DatabaseProvider.PostgreSql, connectionString).MigrateAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                ExecuteOnServerAsync($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""").GetAwaiter().GetResult();
            return name;
        }

        var directory = Path.Combine(Path.GetTempPath(), "mvpplanner-core-tests", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var filePath = Path.Combine(directory, "planner.db");

        // No pooling: closing the connection folds the write-ahead log into the file, so a plain copy is complete.
        await new PlannerDatabase(DatabaseProvider.Sqlite, $"Data Source={filePath};Pooling=False").MigrateAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(directory, recursive: true);
        return filePath;
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A test of something only SQLite has (its file format, its migrations from older versions); skipped on the
/// PostgreSQL run, where the same behaviour has no meaning.</summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute()
    {
        if (TestProvider.Current != DatabaseProvider.Sqlite)
        {
            Skip = "SQLite only";
        }
    }
}
