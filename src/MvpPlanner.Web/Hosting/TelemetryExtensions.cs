using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MvpPlanner.Web.Hosting;

/// <summary>OpenTelemetry traces and metrics, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// Without it nothing is registered, so an instance nobody watches pays nothing.</summary>
public static class TelemetryExtensions
{
    public const string DefaultServiceName = "mvpplanner";

    /// <summary>Request counts and durations (<c>http.server.request.duration</c>, <c>http.server.active_requests</c>).</summary>
    public const string HostingMeter = "Microsoft.AspNetCore.Hosting";

    /// <summary>Blazor circuits: <c>aspnetcore.components.circuit.active</c>, <c>.connected</c>, <c>.duration</c>.</summary>
    public const string CircuitMeter = "Microsoft.AspNetCore.Components.Server.Circuits";

    /// <summary>Blazor navigation and event handling, as meters and as spans.</summary>
    public const string ComponentsSource = "Microsoft.AspNetCore.Components";

    public static WebApplicationBuilder AddMvpPlannerTelemetry(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }

        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName;
        builder.Services.AddOpenTelemetry()
            // The instance id tells instances apart behind the load balancer (machine, then process).
            .ConfigureResource(resource => resource.AddService(
                serviceName,
                serviceVersion: typeof(TelemetryExtensions).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: $"{Environment.MachineName}-{Environment.ProcessId}"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !HealthExtensions.IsProbe(context))
                .AddSource(ComponentsSource)
                .AddEntityFrameworkCoreInstrumentation()
                .AddNpgsql()
                // Picks up the IConnectionMultiplexer from the container when Redis is configured; nothing otherwise.
                .AddRedisInstrumentation())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(HostingMeter, CircuitMeter, ComponentsSource, "Microsoft.AspNetCore.Components.Lifecycle", "Microsoft.EntityFrameworkCore")
                .AddNpgsqlInstrumentation()
                .AddRuntimeInstrumentation())
            .UseOtlpExporter();
        return builder;
    }
}
