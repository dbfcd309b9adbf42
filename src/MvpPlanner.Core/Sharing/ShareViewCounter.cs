using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Sharing;

/// <summary>Counts opens of share links in memory and writes them in batches. A write per open would make every reader
/// wait for a disk sync (about 5 ms on SQLite, one writer at a time), capping a busy link near 200 opens a second.
/// The web app flushes every few seconds and on shutdown; the links list flushes before it reads, so owners see
/// exact counts. A crash loses at most the last few seconds of counts.</summary>
public sealed class ShareViewCounter(IDbContextFactory<PlannerDbContext> dbFactory, ILogger<ShareViewCounter> logger)
{
    private readonly Lock _gate = new();
    private Dictionary<int, (int Views, DateTime LastOpenedAt)> _pending = [];

    public void Record(int linkId, DateTime openedAt)
    {
        lock (_gate)
        {
            _pending[linkId] = _pending.TryGetValue(linkId, out var seen)
                ? (seen.Views + 1, openedAt > seen.LastOpenedAt ? openedAt : seen.LastOpenedAt)
                : (1, openedAt);
        }
    }

    public async Task FlushAsync(CancellationToken ct = default)
    {
        Dictionary<int, (int Views, DateTime LastOpenedAt)> batch;
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            batch = _pending;
            _pending = [];
        }

        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var (linkId, (views, lastOpenedAt)) in batch)
            {
                await db.ShareLinks.Where(l => l.Id == linkId)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(l => l.ViewCount, l => l.ViewCount + views)
                        .SetProperty(l => l.LastOpenedAt, l => l.LastOpenedAt == null || l.LastOpenedAt < lastOpenedAt ? lastOpenedAt : l.LastOpenedAt), ct);
            }

            await tx.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or OperationCanceledException or System.Data.Common.DbException)
        {
            // Keep the counts for the next flush rather than lose them to a busy or closing database.
            lock (_gate)
            {
                foreach (var (linkId, seen) in batch)
                {
                    _pending[linkId] = _pending.TryGetValue(linkId, out var newer)
                        ? (newer.Views + seen.Views, newer.LastOpenedAt > seen.LastOpenedAt ? newer.LastOpenedAt : seen.LastOpenedAt)
                        : seen;
                }
            }

            logger.LogWarning(ex, "Could not save the view counts of {ShareLinkCount} share links; will retry", batch.Count);
        }
    }
}
