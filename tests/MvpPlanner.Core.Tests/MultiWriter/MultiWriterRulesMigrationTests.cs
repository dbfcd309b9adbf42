using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Tests.Infrastructure;
using MvpPlanner.Core.Workshops;

namespace MvpPlanner.Core.Tests.MultiWriter;

/// <summary>The MultiWriterRules migration over data written before its rules held.</summary>
public class MultiWriterRulesMigrationTests
{
    [SqliteOnlyFact]
    public async Task Migration_DataFromBeforeTheRules_CleanedUpAndCounted()
    {
        var directory = Path.Combine(Path.GetTempPath(), "mvpplanner-core-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "old.db");
        try
        {
            var options = new DbContextOptionsBuilder<PlannerDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options;
            await using (var db = new PlannerDbContext(options))
            {
                await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync("20261202184452_PlanContentStamp");
            }

            // What two clicks at once could leave before: three sessions running on plan 1, a voter over budget.
            await using (var raw = new SqliteConnection($"Data Source={file};Pooling=False;Foreign Keys=False"))
            {
                await raw.OpenAsync();
                await using var insert = raw.CreateCommand();
                insert.CommandText = """
                    INSERT INTO "WorkshopSession" ("Id", "PlanId", "Name", "FacilitatorId", "FacilitatorName", "StartedAt", "EndedAt") VALUES
                      (1, 1, 'A', 'u', 'U', '2026-01-01 09:00:00', NULL),
                      (2, 1, 'B', 'u', 'U', '2026-01-01 09:00:01', NULL),
                      (3, 1, 'C', 'u', 'U', '2026-01-01 09:00:02', NULL),
                      (4, 1, 'Old', 'u', 'U', '2025-01-01 09:00:00', '2025-01-01 10:00:00'),
                      (5, 2, 'Other plan', 'u', 'U', '2026-01-01 09:00:00', NULL);
                    INSERT INTO "VoteRound" ("Id", "SessionId", "Title", "ItemKind", "DotsPerPerson", "AllowSeveralDotsPerItem", "IsRevealed", "AppliedAt", "CreatedAt") VALUES
                      (1, 3, 'MVP?', 'Feature', 2, 1, 0, NULL, '2026-01-01 09:01:00');
                    INSERT INTO "Vote" ("RoundId", "UserId", "UserName", "ItemId", "Dots") VALUES
                      (1, 'ann', 'Ann', 10, 1), (1, 'ann', 'Ann', 11, 1), (1, 'bob', 'Bob', 10, 3);
                    """;
                await insert.ExecuteNonQueryAsync();
            }

            await using (var db = new PlannerDbContext(options))
            {
                await db.Database.MigrateAsync();
                var running = await db.Set<WorkshopSession>().Where(s => s.EndedAt == null).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
                running.ShouldBe(new[] { 3, 5 });
                (await db.Set<WorkshopSession>().SingleAsync(s => s.Id == 1)).EndedAt.ShouldBe(new DateTime(2026, 1, 1, 9, 0, 1));
                var ballots = await db.Set<VoteBallot>().OrderBy(b => b.UserId).Select(b => new { b.UserId, b.DotsUsed, b.DotsAllowed }).ToListAsync();
                ballots.Select(b => (b.UserId, b.DotsUsed, b.DotsAllowed)).ShouldBe(new[] { ("ann", 2, 2), ("bob", 3, 3) });
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
