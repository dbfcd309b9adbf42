using System.Collections.Concurrent;
using System.Text.Json;
using MvpPlanner.Core.Data;
using StackExchange.Redis;

namespace MvpPlanner.Core.Workshops;

/// <summary>Where each plan's workshop timer state is kept.</summary>
public interface IWorkshopTimerStore
{
    TimerState? Get(int planId);

    /// <summary>False when the state could not be kept (Redis down): the caller tells the facilitator.</summary>
    bool Set(int planId, TimerState state);
}

/// <summary>Timers of one app instance, in its memory.</summary>
public sealed class InProcessWorkshopTimerStore : IWorkshopTimerStore
{
    private readonly ConcurrentDictionary<int, TimerState> _timers = new();

    public TimerState? Get(int planId) => _timers.TryGetValue(planId, out var state) ? state : null;

    public bool Set(int planId, TimerState state)
    {
        _timers[planId] = state;
        return true;
    }
}

/// <summary>Timers shared by all instances: the state as JSON under <c>timer:{planId}</c>. It is not tied to an
/// instance, so it simply expires a day after its last change, long after any workshop day.</summary>
public sealed class RedisWorkshopTimerStore(PlannerRedis redis) : IWorkshopTimerStore
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public TimerState? Get(int planId) => redis.Try("read a workshop timer", db => Read(db.StringGet(Key(planId))), null);

    public bool Set(int planId, TimerState state) =>
        redis.Try("keep a workshop timer", db => db.StringSet(Key(planId), JsonSerializer.Serialize(state, Json), Lifetime), false);

    private static RedisKey Key(int planId) => $"timer:{planId}";

    private static TimerState? Read(RedisValue value)
    {
        if (value.IsNullOrEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TimerState>(value.ToString(), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
