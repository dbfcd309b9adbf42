using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MvpPlanner.Core.Data;

/// <summary>Which database engine holds the plans. SQLite is one file next to one app instance; PostgreSQL is for
/// several instances and teams that run a database server anyway.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Everything that differs between the providers when connecting and migrating, in one place: the rest of the
/// code speaks EF Core and SQL that both engines run.</summary>
public sealed class PlannerDatabase(DatabaseProvider provider, string connectionString)
{
    public DatabaseProvider Provider { get; } = provider;

    public string ConnectionString { get; } = connectionString;

    public void Configure(DbContextOptionsBuilder options)
    {
        // Split queries: a read that loads several collections (a process with its tools, commitments and features)
        // runs one query per collection instead of one row per combination of them.
        if (Provider == DatabaseProvider.PostgreSql)
        {
            options.UseNpgsql(ConnectionString, npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
        }
        else
        {
            options.UseSqlite(ConnectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .AddInterceptors(new SqliteConnectionSetup());
        }
    }

    /// <summary>Applies the provider's migrations (never EnsureCreated). EF Core holds a database-wide lock while it
    /// migrates, so instances starting together apply each migration once. SQLite then switches the file to WAL so
    /// readers never wait for writers.</summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = CreateMigrationContext();
        await db.Database.MigrateAsync(ct);
        if (Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>The migrations this database has not applied yet.</summary>
    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken ct = default)
    {
        await using var db = CreateMigrationContext();
        return [.. await db.Database.GetPendingMigrationsAsync(ct)];
    }

    /// <summary>The context whose migrations belong to this provider: EF Core keeps each provider's set under its own context type.</summary>
    private PlannerDbContext CreateMigrationContext()
    {
        if (Provider == DatabaseProvider.PostgreSql)
        {
            var postgres = new DbContextOptionsBuilder<PostgreSqlPlannerDbContext>();
            Configure(postgres);
            return new PostgreSqlPlannerDbContext(postgres.Options);
        }

        var sqlite = new DbContextOptionsBuilder<PlannerDbContext>();
        Configure(sqlite);
        return new PlannerDbContext(sqlite.Options);
    }

    /// <summary>Sets up each SQLite connection: wait for a busy database, and a lower() that lowers every letter
    /// (SQLite's own only knows ASCII), so a search for "über" finds "Über" as it does on PostgreSQL.</summary>
    private sealed class SqliteConnectionSetup : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            AddUnicodeLower(connection);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = 5000;";
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            AddUnicodeLower(connection);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = 5000;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private static void AddUnicodeLower(DbConnection connection) =>
            ((SqliteConnection)connection).CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
    }
}

/// <summary>The same model as <see cref="PlannerDbContext"/>; it exists so PostgreSQL has migrations of its own
/// (Data/PostgreSqlMigrations) beside SQLite's. Only <see cref="PlannerDatabase.MigrateAsync"/> uses it.</summary>
public sealed class PostgreSqlPlannerDbContext(DbContextOptions<PostgreSqlPlannerDbContext> options) : PlannerDbContext(options);
