using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using MvpPlanner.Core.Data;
using StackExchange.Redis;

namespace MvpPlanner.Core.Workshops;

/// <summary>Presence shared by all instances: one Redis hash per plan, <c>presence:{planId}</c>, a field per open
/// view. Redis 7.0 cannot expire single fields, so each entry carries when its instance last vouched for it: the
/// instance re-stamps its own entries every <see cref="Heartbeat"/> (see <see cref="PresenceHeartbeat"/>), readers
/// skip (and remove) entries older than <see cref="Lifetime"/>, and the whole hash expires after
/// <see cref="Lifetime"/> without a write. So the views of a crashed instance leave the list within two minutes.</summary>
public sealed class RedisPresenceStore(PlannerRedis redis, TimeProvider clock) : IPresenceStore
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The entries of this instance's views, which it keeps alive.</summary>
    private readonly ConcurrentDictionary<(int PlanId, string ConnectionId), PresenceEntry> _mine = new();

    public IReadOnlyList<PresenceEntry> InPlan(int planId) => redis.Try("read presence", db =>
    {
        var key = Key(planId);
        var oldest = Now - Lifetime;
        var entries = new List<PresenceEntry>();
        foreach (var field in db.HashGetAll(key))
        {
            if (Read(field.Value) is { } stamped && stamped.SeenAt >= oldest)
            {
                entries.Add(stamped.Entry);
            }
            else
            {
                db.HashDelete(key, field.Name, CommandFlags.FireAndForget);
            }
        }

        return entries;
    }, (IReadOnlyList<PresenceEntry>)[]);

    public PresenceEntry? Find(int planId, string connectionId) =>
        redis.Try("read presence", db => Read(db.HashGet(Key(planId), connectionId)) is { } stamped && stamped.SeenAt >= Now - Lifetime ? stamped.Entry : null, null);

    public void Put(int planId, PresenceEntry entry)
    {
        _mine[(planId, entry.ConnectionId)] = entry;
        Write(planId, entry);
    }

    public PresenceEntry? Remove(int planId, string connectionId)
    {
        _mine.TryRemove((planId, connectionId), out var mine);
        var removed = redis.Try("remove presence", db =>
        {
            var entry = Read(db.HashGet(Key(planId), connectionId))?.Entry;
            return db.HashDelete(Key(planId), connectionId) ? entry : null;
        }, null);
        return removed ?? mine;
    }

    /// <summary>Re-stamps this instance's entries, so other instances keep listing them (and puts back any written
    /// while Redis was down).</summary>
    public void KeepAlive()
    {
        foreach (var ((planId, _), entry) in _mine)
        {
            Write(planId, entry);
        }
    }

    private void Write(int planId, PresenceEntry entry) => redis.Try("write presence", db =>
    {
        var key = Key(planId);
        db.HashSet(key, entry.ConnectionId, JsonSerializer.Serialize(new Stamped(entry, Now), Json));
        db.KeyExpire(key, Lifetime, CommandFlags.FireAndForget);
        return true;
    }, false);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static RedisKey Key(int planId) => $"presence:{planId}";

    private static Stamped? Read(RedisValue value)
    {
        if (value.IsNullOrEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Stamped>(value.ToString(), Json);
        }
        catch (JsonException)
        {
            return null; // Written by another version of the app: treated as gone, and removed by the next read.
        }
    }

    private sealed record Stamped(PresenceEntry Entry, DateTime SeenAt);
}

/// <summary>Keeps this instance's presence entries alive in Redis. Starting it also connects to Redis and subscribes
/// to other instances' plan changes before the first page needs them.</summary>
public sealed class PresenceHeartbeat(IPresenceStore store, IPlanChangeNotifier notifier) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _ = notifier;
        if (store is not RedisPresenceStore shared)
        {
            return;
        }

        using var timer = new PeriodicTimer(RedisPresenceStore.Heartbeat);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                shared.KeepAlive();
            }
        }
        catch (OperationCanceledException)
        {
            // The app is stopping; its entries age out with it.
        }
    }
}
