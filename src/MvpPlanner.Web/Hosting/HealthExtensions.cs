using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MvpPlanner.Web.Hosting;

/// <summary>Probes for people and orchestrators. <c>/healthz</c> and <c>/healthz/ready</c> check the database and, when
/// configured, Redis; <c>/healthz/live</c> checks nothing: it answers while the process serves requests, so a slow
/// database never gets a healthy instance restarted.</summary>
public static class HealthExtensions
{
    public const string Path = "/healthz";

    public static WebApplicationBuilder AddMvpPlannerHealth(this WebApplicationBuilder builder)
    {
        // The database check is added with the database (AddMvpPlannerData). Redis is optional: its check exists only
        // when a connection is registered, looked up once the container is built so registration order does not matter.
        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton<IConfigureOptions<HealthCheckServiceOptions>>(services =>
            new ConfigureOptions<HealthCheckServiceOptions>(options =>
            {
                if (services.GetService<IConnectionMultiplexer>() is { } redis)
                {
                    options.Registrations.Add(new HealthCheckRegistration(
                        "redis", _ => new RedisHealthCheck(redis), HealthStatus.Unhealthy, tags: null, timeout: TimeSpan.FromSeconds(5)));
                }
            }));
        return builder;
    }

    public static WebApplication MapMvpPlannerHealth(this WebApplication app)
    {
        var report = new HealthCheckOptions { ResponseWriter = WriteJsonAsync };
        app.MapHealthChecks(Path, report).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks(Path + "/ready", report).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks(Path + "/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJsonAsync })
            .AllowAnonymous().DisableRateLimiting();
        return app;
    }

    /// <summary>Probes poll every few seconds: their request log lines are Debug, so the log keeps what people did.
    /// A failing check is still logged by the health check service itself.</summary>
    public static bool IsProbe(HttpContext context) => context.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>Each check's name, status and time; never an exception or a connection string.</summary>
    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new
                {
                    status = entry.Value.Status.ToString(),
                    durationMs = Math.Round(entry.Value.Duration.TotalMilliseconds, 1),
                }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }
}
