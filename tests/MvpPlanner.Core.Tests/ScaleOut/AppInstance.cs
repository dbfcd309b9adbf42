using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Tests.Infrastructure;
using MvpPlanner.Core.Workshops;

namespace MvpPlanner.Core.Tests.ScaleOut;

/// <summary>One app instance for the scale-out tests: its own services and its own Redis connection, registered as the
/// app registers them, on the test Redis (<c>MVPPLANNER_TEST_REDIS</c>). Instances started with the same prefix share
/// state, as instances of one deployment do; each test takes a new prefix, so tests never see each other's keys.</summary>
public sealed class AppInstance : IAsyncDisposable
{
    private readonly ServiceProvider _root;
    private readonly AsyncServiceScope _scope;

    private AppInstance(ServiceProvider root, RecordedLogs logs)
    {
        _root = root;
        _scope = root.CreateAsyncScope();
        Logs = logs;
    }

    public RecordedLogs Logs { get; }

    public static string NewPrefix() => $"mvpplanner-test-{Guid.NewGuid():N}:";

    public static string RedisConfiguration =>
        Environment.GetEnvironmentVariable("MVPPLANNER_TEST_REDIS") is { Length: > 0 } redis
            ? redis
            : throw new InvalidOperationException(
                "MVPPLANNER_TEST_REDIS is not set: the scale-out tests need a real Redis (host:port). ./test.sh starts one; by hand, run tests/services.sh or set the variable.");

    /// <summary>An instance over the test database <paramref name="database"/> (none: the tests that need no database).</summary>
    public static async Task<AppInstance> StartAsync(string prefix, TestDatabase? database = null, TimeProvider? clock = null)
    {
        var logs = new RecordedLogs();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs).AddFilter("Microsoft", LogLevel.Warning))
            .AddPlannerDatabase(
                database is null ? DatabaseProvider.Sqlite : TestProvider.Current,
                database is null ? "Data Source=:memory:" : database.ConnectionString)
            .AddPlannerServices()
            .AddPlannerRedis($"{RedisConfiguration},channelPrefix={prefix}")
            .AddSingleton<SettableCallerAccessor>()
            .AddSingleton<ICallerAccessor>(sp => sp.GetRequiredService<SettableCallerAccessor>());
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        var root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        // As the app's hosted service does at start: connect, and listen to the other instances.
        var instance = new AppInstance(root, logs);
        instance.Get<IPlanChangeNotifier>();
        await instance.Get<StackExchange.Redis.IConnectionMultiplexer>().GetSubscriber().PingAsync();
        return instance;
    }

    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        // The test's keys go with it (timers would otherwise stay a day in the shared test Redis).
        var redis = _root.GetRequiredService<PlannerRedis>();
        foreach (var server in redis.Connection.GetServers())
        {
            await foreach (var key in server.KeysAsync(pattern: redis.Prefix + "*"))
            {
                await redis.Connection.GetDatabase().KeyDeleteAsync(key);
            }
        }

        await _scope.DisposeAsync();
        await _root.DisposeAsync();
    }
}

/// <summary>What one subscriber received, with a way to wait for a change without guessing how long delivery takes.</summary>
public sealed class ReceivedChanges
{
    private readonly Lock _gate = new();
    private readonly List<PlanChange> _changes = [];
    private readonly List<(Func<PlanChange, bool> Match, TaskCompletionSource Seen)> _waiting = [];

    public IReadOnlyList<PlanChange> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _changes];
            }
        }
    }

    public Task OnChange(PlanChange change)
    {
        lock (_gate)
        {
            _changes.Add(change);
            foreach (var waiting in _waiting.Where(w => w.Match(change)))
            {
                waiting.Seen.TrySetResult();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Waits until a change matching <paramref name="match"/> has arrived; the time limit only stops a broken test hanging.</summary>
    public async Task WaitForAsync(Func<PlanChange, bool> match)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_changes.Any(match))
            {
                return;
            }

            _waiting.Add((match, seen));
        }

        await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
