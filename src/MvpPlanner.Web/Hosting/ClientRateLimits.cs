using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Data;
using StackExchange.Redis;

namespace MvpPlanner.Web.Hosting;

/// <summary>Fixed-window limits per client address, for the policies of public pages (shared plans, feedback form).</summary>
public interface IClientRateLimits
{
    RateLimitPartition<string> FixedWindow(string policy, string client, int permitLimit, TimeSpan window);
}

/// <summary>Each app instance counts on its own: the limit holds per instance.</summary>
public sealed class InMemoryClientRateLimits : IClientRateLimits
{
    public RateLimitPartition<string> FixedWindow(string policy, string client, int permitLimit, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitLimit,
            Window = window,
            QueueLimit = 0,
        });
}

/// <summary>All instances count together in Redis (<c>ratelimit:{policy}:{client}</c>), so a client spreading requests
/// over instances gets the configured limit in total, not once per instance.</summary>
public sealed class RedisClientRateLimits(PlannerRedis redis, ILogger<RedisClientRateLimits> logger) : IClientRateLimits
{
    public RateLimitPartition<string> FixedWindow(string policy, string client, int permitLimit, TimeSpan window) =>
        RateLimitPartition.Get(client, _ => new RedisFixedWindowRateLimiter(redis, $"ratelimit:{policy}:{client}", permitLimit, window, logger));
}

/// <summary>A fixed window counted in Redis: one script increments the window's counter and starts its expiry on the
/// first request, so two instances can never both start a window or lose a count. Redis is asked only on the async path
/// (the rate limiting middleware falls back to it when the synchronous attempt is refused), so no request thread
/// blocks on the network. While Redis cannot answer, this instance limits on its own, as without Redis.</summary>
internal sealed class RedisFixedWindowRateLimiter(PlannerRedis redis, string key, int permitLimit, TimeSpan window, ILogger logger) : RateLimiter
{
    private const string CountScript = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 or redis.call('PTTL', KEYS[1]) < 0 then
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        return count
        """;

    private static readonly RateLimitLease Granted = new Lease(true);
    private static readonly RateLimitLease Refused = new Lease(false);

    private readonly Lock _gate = new();
    private FixedWindowRateLimiter? _alone;
    private long _lastUsed = Stopwatch.GetTimestamp();

    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    /// <summary>Refused without asking Redis; the middleware then calls <see cref="AcquireAsyncCore"/>.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => permitCount == 0 ? Granted : Refused;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        if (permitCount == 0)
        {
            return Granted;
        }

        try
        {
            var count = (long)await redis.Database.ScriptEvaluateAsync(CountScript, [key], [(long)window.TotalMilliseconds]);
            return count <= permitLimit ? Granted : Refused;
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            logger.LogDebug("Rate limit counted on this instance alone, Redis could not answer: {RedisError}", e.Message);
            return Alone().AttemptAcquire(permitCount);
        }
    }

    private FixedWindowRateLimiter Alone()
    {
        lock (_gate)
        {
            return _alone ??= new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0 });
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _alone?.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
