using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MvpPlanner.Core.Common;

internal static class DbContextExtensions
{
    // SQLITE_CONSTRAINT_FOREIGNKEY: the row a link points to is gone.
    private const int ForeignKeyViolation = 787;

    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY: a unique index refused a second row.
    private const int UniqueViolation = 2067;
    private const int PrimaryKeyViolation = 1555;

    /// <summary>Saves <paramref name="entity"/> only if nobody saved it since the caller read
    /// <paramref name="expectedVersion"/>: checked here for a clear answer, and again by the database
    /// (WHERE Version = expected) for the race between the check and the write. A link to something deleted
    /// meanwhile is answered as <see cref="ServiceResult.LinkGone"/>, not thrown.</summary>
    public static async Task<ServiceResult> SaveVersionedAsync<T>(this DbContext db, T entity, int expectedVersion, string what, CancellationToken ct, ILogger? logger = null)
        where T : EntityBase
    {
        if (entity.Version != expectedVersion)
        {
            return ServiceResult.Conflict(what);
        }

        var entry = db.Entry(entity);
        entry.Property(e => e.Version).OriginalValue = expectedVersion;

        // A change to links only (many-to-many) leaves the row untouched; it is still a new version.
        if (entry.State == EntityState.Unchanged)
        {
            entry.State = EntityState.Modified;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return ServiceResult.Ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Either someone saved a newer version, or someone deleted it: say which, so nobody reloads to look for it.
            var stillThere = await db.Set<T>().AsNoTracking().AnyAsync(e => e.Id == entity.Id, ct);
            return stillThere ? ServiceResult.Conflict(what) : ServiceResult.NotFound(what);
        }
        catch (DbUpdateException e) when (IsForeignKeyViolation(e))
        {
            return LinkGone(db, e, logger);
        }
    }

    /// <summary>A link points to a row that is gone (SQLite's extended code, PostgreSQL's SQLSTATE 23503).</summary>
    public static bool IsForeignKeyViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == ForeignKeyViolation,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.ForeignKeyViolation,
        _ => false,
    };

    /// <summary>A unique index refused the row: someone else saved the one that may exist only once
    /// (SQLite's extended codes, PostgreSQL's SQLSTATE 23505).</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is UniqueViolation or PrimaryKeyViolation,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    public static ServiceResult LinkGone(DbContext db, DbUpdateException e, ILogger? logger)
    {
        // Unexpected: the existence checks run in the same transaction. Log what was being saved to find the path.
        var saving = db.ChangeTracker.Entries()
            .Where(x => x.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(x => $"{x.Metadata.ShortName()} {x.State}")
            .ToList();
        logger?.LogWarning(e, "Save refused: a linked item was deleted meanwhile. Saving {Entries}", saving);
        return ServiceResult.LinkGone();
    }
}
