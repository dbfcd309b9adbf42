using System.Collections.Concurrent;
using MvpPlanner.Core.Workshops;

namespace MvpPlanner.Core.Sharing;

/// <summary>What the database said about a share link a moment ago, so a busy link does not cost a query per reader.
/// A snapshot is used only while it is young (<see cref="Freshness"/>) and no save in this app instance has touched
/// its plan since it was read (<see cref="PlanChangeCounters"/>). Revoking a link is a save of that plan, so it
/// stops the link here at once; another instance's change shows within <see cref="Freshness"/>. Only links that
/// opened are kept, so unknown tokens cannot fill it.</summary>
public sealed class OpenedLinkCache(PlanChangeCounters counters, TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Snapshot> _byTokenHash = new(StringComparer.Ordinal);

    /// <summary>The link row as last read, if it is still trustworthy.</summary>
    public ShareLinkRow? Get(string tokenHash)
    {
        if (!_byTokenHash.TryGetValue(tokenHash, out var snapshot))
        {
            return null;
        }

        var fresh = clock.GetUtcNow().UtcDateTime - snapshot.ReadAt < Freshness && counters.Of(snapshot.Row.PlanId) == snapshot.PlanCounter;
        return fresh ? snapshot.Row : null;
    }

    /// <summary>Reads the link through <paramref name="read"/> and keeps the row, unless a save committed somewhere
    /// while it was read (then the row may already be stale, and the next reader reads again).</summary>
    public async Task<ShareLinkRow?> ReadAndKeepAsync(string tokenHash, Func<Task<ShareLinkRow?>> read)
    {
        var readAt = clock.GetUtcNow().UtcDateTime;
        var savesBefore = counters.All;
        var row = await read();
        if (row is not null && counters.All == savesBefore)
        {
            _byTokenHash[tokenHash] = new Snapshot(row, readAt, counters.Of(row.PlanId));
        }

        return row;
    }

    private sealed record Snapshot(ShareLinkRow Row, DateTime ReadAt, long PlanCounter);
}

/// <summary>A share link as stored: what deciding whether it opens, and what it shows, needs.</summary>
public sealed record ShareLinkRow(int Id, int PlanId, ShareScope Scope, string TokenHash, DateTime? ExpiresAt, DateTime? RevokedAt, long ContentStamp);
