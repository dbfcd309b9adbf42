using System.Text.Json;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Data;
using StackExchange.Redis;

namespace MvpPlanner.Core.Workshops;

/// <summary>Plan changes for several app instances: a change is handed to this instance's views at once (as
/// <see cref="InProcessPlanChangeNotifier"/> does, errors and all) and published on Redis channel <c>plan:{id}</c>;
/// every instance listens on one pattern, <c>plan:*</c>, and hands on what other instances sent. One pattern rather
/// than a channel per plan: nothing to subscribe and unsubscribe as views open and close (no race between the last
/// view leaving and the next arriving), and a reconnect restores one subscription. Each instance sees every plan's
/// changes and drops those nobody here views: a dictionary lookup, at the rate people save. Messages carry the
/// sender's id, so an instance skips its own echo and local views get each change once. While Redis is down, views
/// on the same instance still see each other's changes.</summary>
public sealed class RedisPlanChangeNotifier : IPlanChangeNotifier
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly RedisChannel AllPlans = RedisChannel.Pattern("plan:*");

    private readonly InProcessPlanChangeNotifier _local;
    private readonly PlannerRedis _redis;
    private readonly ILogger<RedisPlanChangeNotifier> _logger;
    private readonly Guid _instance = Guid.NewGuid();

    public RedisPlanChangeNotifier(InProcessPlanChangeNotifier local, PlannerRedis redis, ILogger<RedisPlanChangeNotifier> logger)
    {
        _local = local;
        _redis = redis;
        _logger = logger;
        try
        {
            // Registered with the connection even if Redis is down now: it subscribes again when the connection is back.
            _redis.Subscriber.Subscribe(AllPlans, (_, message) => Receive(message));
        }
        catch (RedisConnectionException e)
        {
            _logger.LogWarning(e, "Could not subscribe to plan changes of other instances yet; will subscribe when Redis is back");
        }
    }

    public IDisposable Subscribe(int planId, Func<PlanChange, Task> onChange) => _local.Subscribe(planId, onChange);

    public void Publish(PlanChange change)
    {
        _local.Publish(change);
        var message = JsonSerializer.Serialize(new Envelope(_instance, change), Json);
        _ = PublishToOthersAsync(change, message);
    }

    private async Task PublishToOthersAsync(PlanChange change, string message)
    {
        try
        {
            await _redis.Subscriber.PublishAsync(RedisChannel.Literal($"plan:{change.PlanId}"), message);
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            // While the connection is down, its loss has been logged once; each missed change is only a debug line.
            _logger.Log(_redis.Connection.IsConnected ? LogLevel.Warning : LogLevel.Debug,
                "The change {ChangeWhat} of plan {PlanId} did not reach other instances: {RedisError}", change.What, change.PlanId, e.Message);
        }
    }

    private void Receive(RedisValue message)
    {
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(message.ToString(), Json);
        }
        catch (JsonException e)
        {
            _logger.LogWarning(e, "Ignored a plan change from Redis that could not be read");
            return;
        }

        if (envelope?.Change is { } change && envelope.From != _instance)
        {
            _local.Publish(change);
        }
    }

    /// <summary>What travels on the channel: the change and the instance that made it.</summary>
    private sealed record Envelope(Guid From, PlanChange Change);
}
