using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Workshops;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace MvpPlanner.Core.Data;

public static class RedisSetup
{
    /// <summary>The namespace of every key and channel when <c>ConnectionStrings:Redis</c> names none (<c>channelPrefix=…</c>).</summary>
    public const string DefaultPrefix = "mvpplanner:";

    /// <summary>Shares live updates, presence and workshop timers between app instances through Redis. Call after
    /// <see cref="DatabaseSetup.AddPlannerDatabase"/> and <see cref="DatabaseSetup.AddPlannerServices"/>: it replaces their
    /// in-process stores. <paramref name="redisConfiguration"/> is a StackExchange.Redis configuration string; its
    /// <c>channelPrefix</c> (default <see cref="DefaultPrefix"/>) prefixes keys as well as channels, so several
    /// deployments (or tests) can share one Redis.</summary>
    public static IServiceCollection AddPlannerRedis(this IServiceCollection services, string redisConfiguration)
    {
        var options = ConfigurationOptions.Parse(redisConfiguration);

        // Start while Redis is briefly down, and let commands fail at once while it is: a page must not wait
        // seconds for presence; it shows none until the connection is back.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        if (options.ChannelPrefix.IsNullOrEmpty)
        {
            options.ChannelPrefix = RedisChannel.Literal(DefaultPrefix);
        }

        services.AddSingleton<IConnectionMultiplexer>(provider => Connect(options, provider.GetRequiredService<ILogger<PlannerRedis>>()));
        services.AddSingleton(provider => new PlannerRedis(
            provider.GetRequiredService<IConnectionMultiplexer>(), options.ChannelPrefix.ToString(), provider.GetRequiredService<ILogger<PlannerRedis>>()));
        services.AddSingleton<InProcessPlanChangeNotifier>();
        services.Replace(ServiceDescriptor.Singleton<IPlanChangeNotifier, RedisPlanChangeNotifier>());
        services.Replace(ServiceDescriptor.Singleton<IPresenceStore, RedisPresenceStore>());
        services.Replace(ServiceDescriptor.Singleton<IWorkshopTimerStore, RedisWorkshopTimerStore>());
        services.AddHostedService<PresenceHeartbeat>();
        return services;
    }

    /// <summary>The Redis endpoints named by a configuration string, without its password or other settings: what a log may show.</summary>
    public static string Endpoints(string redisConfiguration) =>
        string.Join(", ", ConfigurationOptions.Parse(redisConfiguration).EndPoints.Select(e => e.ToString()));

    private static ConnectionMultiplexer Connect(ConfigurationOptions options, ILogger logger)
    {
        var redis = ConnectionMultiplexer.Connect(options);
        if (!redis.IsConnected)
        {
            logger.LogWarning("Redis at {RedisEndpoints} is not reachable yet; live updates between instances wait until it is", Endpoints(options));
        }

        redis.ConnectionFailed += (_, e) => logger.LogWarning(e.Exception,
            "Lost the {ConnectionType} connection to Redis at {RedisEndpoint} ({FailureType}); live updates between instances pause until it is back",
            e.ConnectionType, e.EndPoint?.ToString(), e.FailureType);
        redis.ConnectionRestored += (_, e) => logger.LogInformation(
            "The {ConnectionType} connection to Redis at {RedisEndpoint} is back; live updates between instances resume",
            e.ConnectionType, e.EndPoint?.ToString());
        return redis;
    }

    private static string Endpoints(ConfigurationOptions options) => string.Join(", ", options.EndPoints.Select(e => e.ToString()));
}

/// <summary>The app's view of Redis: the one connection, and the database with every key under the app's prefix.</summary>
public sealed class PlannerRedis(IConnectionMultiplexer connection, string prefix, ILogger<PlannerRedis> logger)
{
    public IConnectionMultiplexer Connection { get; } = connection;

    /// <summary>Keys and channels start with it (channels get it from the connection itself).</summary>
    public string Prefix { get; } = prefix;

    public IDatabase Database { get; } = connection.GetDatabase().WithKeyPrefix(prefix);

    public ISubscriber Subscriber => Connection.GetSubscriber();

    /// <summary>Runs <paramref name="command"/>, or gives <paramref name="fallback"/> when Redis cannot answer: shared
    /// state is a convenience of the page, never a reason for it to fail. While the connection is down the connection
    /// events have said so once, so each failed command is only a debug line.</summary>
    public T Try<T>(string what, Func<IDatabase, T> command, T fallback)
    {
        try
        {
            return command(Database);
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            if (Connection.IsConnected)
            {
                logger.LogWarning("Redis could not {RedisCommand}: {RedisError}", what, e.Message);
            }
            else
            {
                logger.LogDebug("Redis is down; could not {RedisCommand}", what);
            }

            return fallback;
        }
    }
}
