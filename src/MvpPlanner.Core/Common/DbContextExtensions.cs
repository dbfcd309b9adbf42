using Microsoft.EntityFrameworkCore;

namespace MvpPlanner.Core.Common;

internal static class DbContextExtensions
{
    /// <summary>Saves <paramref name="entity"/> only if nobody saved it since the caller read
    /// <paramref name="expectedVersion"/>: checked here for a clear answer, and again by the database
    /// (WHERE Version = expected) for the race between the check and the write.</summary>
    public static async Task<ServiceResult> SaveVersionedAsync<T>(this DbContext db, T entity, int expectedVersion, string what, CancellationToken ct)
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
            return ServiceResult.Conflict(what);
        }
    }
}
