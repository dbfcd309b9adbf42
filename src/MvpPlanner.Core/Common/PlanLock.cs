using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Common;

/// <summary>Changes to one plan take turns. SQLite lets one writer at a time into the whole file, so a change there
/// always reads what the previous one committed. PostgreSQL runs transactions side by side (READ COMMITTED), and a
/// check made inside one ("no journey yet", "the next rank is 7") could be stale by the time it commits. Locking the
/// plan's row first (SELECT … FOR UPDATE) makes the changes to one plan queue in the database, as on SQLite, while
/// changes to different plans still run at once. Version tokens and conditional updates still guard everything
/// written from a form read earlier.</summary>
internal static class PlanLock
{
    public static async Task TakeAsync(PlannerDbContext db, int planId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""SELECT 1 FROM "Plans" WHERE "Id" = {planId} FOR UPDATE""", ct);
        }
    }
}
