using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Web.Tests.Infrastructure;
using Serilog.Core;
using Serilog.Events;
using StackExchange.Redis;

namespace MvpPlanner.Web.Tests.Hosting;

/// <summary>What an orchestrator and an operator see from the probes.</summary>
public sealed class HealthHttpTests
{
    [Fact]
    public async Task Healthz_WithoutRedis_ReportsTheDatabaseOnly()
    {
        await using var factory = new PlannerWebApplicationFactory { SeedDemoPlan = false };

        var (status, body) = await GetAsync(factory, "/healthz");

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("status").GetString().ShouldBe("Healthy");
        body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
        body.GetProperty("checks").TryGetProperty("redis", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Ready_WithRedisRunning_ReportsDatabaseAndRedisHealthy()
    {
        var redis = Environment.GetEnvironmentVariable("MVPPLANNER_TEST_REDIS");
        Assert.False(string.IsNullOrWhiteSpace(redis), "MVPPLANNER_TEST_REDIS is not set: start the test services (tests/services.sh) first.");
        await using var factory = WithRedis($"{redis},abortConnect=false");

        var (status, body) = await GetAsync(factory, "/healthz/ready");

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
        body.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task Ready_RedisUnreachable_Answers503WhileLiveStays200()
    {
        var port = ClosedPort();
        await using var factory = WithRedis($"127.0.0.1:{port},abortConnect=false,connectTimeout=500,connectRetry=0");

        var (readyStatus, ready) = await GetAsync(factory, "/healthz/ready");
        var (liveStatus, live) = await GetAsync(factory, "/healthz/live");
        var raw = await (await factory.CreateClient().GetAsync(new Uri("/healthz/ready", UriKind.Relative))).Content.ReadAsStringAsync();

        readyStatus.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ready.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString().ShouldBe("Unhealthy");
        ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
        raw.ShouldNotContain(port.ToString(System.Globalization.CultureInfo.InvariantCulture)); // no connection details to strangers
        liveStatus.ShouldBe(HttpStatusCode.OK);
        live.GetProperty("checks").EnumerateObject().ShouldBeEmpty();
    }

    [Fact]
    public async Task Probes_Polled_StayOutOfTheInformationLog()
    {
        var sink = new RecordingSink();
        await using var factory = new PlannerWebApplicationFactory
        {
            SeedDemoPlan = false,
            MinimumLogLevel = "Information",
            TestServices = services => services.AddSingleton<ILogEventSink>(sink),
        };
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var probe in (string[])["/healthz", "/healthz/ready", "/healthz/live"])
        {
            (await client.GetAsync(new Uri(probe, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await client.GetAsync(new Uri("/account/login", UriKind.Relative));

        var requestLines = sink.Events.Where(e => e.Properties.ContainsKey("RequestPath")).ToList();
        requestLines.ShouldContain(e => e.Properties["RequestPath"].ToString().Contains("/account/login"));
        requestLines.ShouldNotContain(e => e.Properties["RequestPath"].ToString().Contains("/healthz"));
    }

    private static PlannerWebApplicationFactory WithRedis(string configuration) => new()
    {
        SeedDemoPlan = false,
        // What the scale-out registration does when ConnectionStrings:Redis is set: one shared connection.
        TestServices = services => services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration)),
    };

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(PlannerWebApplicationFactory factory, string path)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }

    /// <summary>A loopback port nothing listens on (taken from the system, then released).</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class RecordingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyList<LogEvent> Events => [.. _events];

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
