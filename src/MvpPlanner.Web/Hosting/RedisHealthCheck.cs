using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace MvpPlanner.Web.Hosting;

/// <summary>Redis answers a PING. Without it instances stop seeing each other's changes, presence and timers.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // The connection reconnects by itself; while it is down, a PING would only wait for the command timeout.
        if (!redis.IsConnected)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Not connected to Redis.");
        }

        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis did not answer a PING.", ex);
        }
    }
}
