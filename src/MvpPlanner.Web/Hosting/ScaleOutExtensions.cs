using Microsoft.Extensions.DependencyInjection.Extensions;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Web.Hosting;

public static class ScaleOutExtensions
{
    /// <summary>With <c>ConnectionStrings:Redis</c>, several instances behave as one: live updates, presence, workshop
    /// timers and the public pages' rate limits go through Redis. Without it, all of that stays in this process, which
    /// is right for a single instance. Call right after <c>AddMvpPlannerData</c>.</summary>
    public static WebApplicationBuilder AddMvpPlannerScaleOut(this WebApplicationBuilder builder)
    {
        var redis = builder.Configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            builder.Services.TryAddSingleton<IClientRateLimits, InMemoryClientRateLimits>();
            builder.Services.AddHostedService(provider => new ScaleOutStartupLog(provider.GetRequiredService<ILogger<ScaleOutStartupLog>>(), null));
            return builder;
        }

        builder.Services.AddPlannerRedis(redis);
        builder.Services.Replace(ServiceDescriptor.Singleton<IClientRateLimits, RedisClientRateLimits>());
        var endpoints = RedisSetup.Endpoints(redis); // endpoints only: the configuration string may hold a password
        builder.Services.AddHostedService(provider => new ScaleOutStartupLog(provider.GetRequiredService<ILogger<ScaleOutStartupLog>>(), endpoints));
        return builder;
    }
}

/// <summary>Says at start whether this instance shares its live state with others.</summary>
internal sealed class ScaleOutStartupLog(ILogger<ScaleOutStartupLog> logger, string? redisEndpoints) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (redisEndpoints is null)
        {
            logger.LogInformation("No Redis configured (ConnectionStrings:Redis): running as a single instance; live updates, presence and timers stay in this process");
        }
        else
        {
            logger.LogInformation("Redis at {RedisEndpoints}: live updates, presence and timers are shared by all instances", redisEndpoints);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
