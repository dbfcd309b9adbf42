using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Data;
using StackExchange.Redis;

namespace MvpPlanner.Core.Sharing;

/// <summary>Counts opens of share links and writes them in batches. A write per open would make every reader
/// wait for a disk sync (about 5 ms on SQLite, one writer at a time), capping a busy link near 200 opens a second.
/// The web app flushes every few seconds and on shutdown; the links list flushes before it reads, so owners see
/// exact counts. The write adds to the stored count in SQL (<c>ViewCount = ViewCount + n</c>), so instances flushing
/// at the same moment never overwrite each other.
/// <para>Alone, an instance keeps the counts in memory, and a crash loses its last few seconds of them. With Redis
/// (<paramref name="redis"/>), every instance adds to the same Redis hashes (<c>shareviews:count</c>,
/// <c>shareviews:last</c>) and any flush takes them all in one atomic step: a crashed instance loses no counts, and
/// the links list shows every instance's views. Only the moment between taking a batch and committing it is
/// exposed; a failed write keeps the batch in memory for the next flush, as does an open Redis could not count.</para></summary>
public sealed class ShareViewCounter(IDbContextFactory<PlannerDbContext> dbFactory, ILogger<ShareViewCounter> logger, PlannerRedis? redis = null)
{
    private const string RecordScript = """
        redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[3])
        local last = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
        if last < tonumber(ARGV[2]) then
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
        end
        """;

    private const string TakeScript = """
        local counts = redis.call('HGETALL', KEYS[1])
        local last = redis.call('HGETALL', KEYS[2])
        redis.call('DEL', KEYS[1], KEYS[2])
        return { counts, last }
        """;

    private static readonly RedisKey[] Keys = ["shareviews:count", "shareviews:last"];

    private readonly Lock _gate = new();
    private Dictionary<int, (int Views, DateTime LastOpenedAt)> _pending = [];

    public async Task RecordAsync(int linkId, DateTime openedAt)
    {
        if (redis is not null)
        {
            try
            {
                // Unix milliseconds: Lua compares them exactly (ticks would be past a double's precision).
                var at = new DateTimeOffset(DateTime.SpecifyKind(openedAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
                await redis.Database.ScriptEvaluateAsync(RecordScript, Keys, [linkId, at, 1]);
                return;
            }
            catch (Exception e) when (e is RedisException or RedisTimeoutException)
            {
                logger.LogDebug("Share view of link {ShareLinkId} counted in memory, Redis could not answer: {RedisError}", linkId, e.Message);
            }
        }

        Add(linkId, 1, openedAt);
    }

    public async Task FlushAsync(CancellationToken ct = default)
    {
        Dictionary<int, (int Views, DateTime LastOpenedAt)> batch;
        lock (_gate)
        {
            batch = _pending;
            _pending = [];
        }

        foreach (var (linkId, (views, lastOpenedAt)) in await TakeFromRedisAsync())
        {
            batch[linkId] = batch.TryGetValue(linkId, out var seen) ? Merge(seen, (views, lastOpenedAt)) : (views, lastOpenedAt);
        }

        if (batch.Count == 0)
        {
            return;
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
            foreach (var (linkId, (views, lastOpenedAt)) in batch)
            {
                Add(linkId, views, lastOpenedAt);
            }

            logger.LogWarning(ex, "Could not save the view counts of {ShareLinkCount} share links; will retry", batch.Count);
        }
    }

    private void Add(int linkId, int views, DateTime openedAt)
    {
        lock (_gate)
        {
            _pending[linkId] = _pending.TryGetValue(linkId, out var seen) ? Merge(seen, (views, openedAt)) : (views, openedAt);
        }
    }

    private static (int Views, DateTime LastOpenedAt) Merge((int Views, DateTime LastOpenedAt) a, (int Views, DateTime LastOpenedAt) b) =>
        (a.Views + b.Views, a.LastOpenedAt > b.LastOpenedAt ? a.LastOpenedAt : b.LastOpenedAt);

    /// <summary>Every instance's counts since the last flush, taken and cleared in one step.</summary>
    private async Task<Dictionary<int, (int Views, DateTime LastOpenedAt)>> TakeFromRedisAsync()
    {
        var taken = new Dictionary<int, (int Views, DateTime LastOpenedAt)>();
        if (redis is null)
        {
            return taken;
        }

        RedisResult[] result;
        try
        {
            result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(TakeScript, Keys))!;
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            logger.LogDebug("Share view counts stay in Redis until it answers: {RedisError}", e.Message);
            return taken;
        }

        var counts = (RedisResult[])result[0]!;
        var last = (RedisResult[])result[1]!;
        var lastOpened = new Dictionary<int, DateTime>();
        for (var i = 0; i + 1 < last.Length; i += 2)
        {
            lastOpened[(int)last[i]] = DateTimeOffset.FromUnixTimeMilliseconds((long)last[i + 1]).UtcDateTime;
        }

        for (var i = 0; i + 1 < counts.Length; i += 2)
        {
            var linkId = (int)counts[i];
            taken[linkId] = ((int)counts[i + 1], lastOpened.GetValueOrDefault(linkId));
        }

        return taken;
    }
}
