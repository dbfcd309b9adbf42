using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Web.Hosting;
using MvpPlanner.Web.Tests.Infrastructure;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MvpPlanner.Web.Tests.Hosting;

/// <summary>OpenTelemetry is on only when an OTLP endpoint is configured, and then shows request and circuit counts.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Telemetry_NoEndpoint_RegistersNothing()
    {
        await using var factory = new PlannerWebApplicationFactory { SeedDemoPlan = false };
        factory.CreateClient();

        factory.Services.GetService<MeterProvider>().ShouldBeNull();
        factory.Services.GetService<TracerProvider>().ShouldBeNull();
    }

    [Fact]
    public async Task Telemetry_EndpointSet_StartsWithTracesAndMetrics()
    {
        await using var factory = WithEndpoint();

        (await factory.CreateClient().GetAsync(new Uri("/healthz/live", UriKind.Relative))).EnsureSuccessStatusCode();

        factory.Services.GetService<MeterProvider>().ShouldNotBeNull();
        factory.Services.GetService<TracerProvider>().ShouldNotBeNull();
    }

    [Fact]
    public async Task Metrics_PageRequestAndCircuitOpened_AreCounted()
    {
        var exporter = new CollectingExporter();
        var reader = new BaseExportingMetricReader(exporter) { TemporalityPreference = MetricReaderTemporalityPreference.Cumulative };
        await using var factory = WithEndpoint(services => services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddReader(reader)));

        (await factory.CreateClient().GetAsync(new Uri("/account/login", UriKind.Relative))).EnsureSuccessStatusCode();
        using var circuit = await OpenCircuitAsync(factory, () =>
            reader.Collect() && exporter.Value(TelemetryExtensions.CircuitMeter, "aspnetcore.components.circuit.active") >= 1);

        exporter.Value(TelemetryExtensions.HostingMeter, "http.server.request.duration").ShouldBeGreaterThanOrEqualTo(1);
        exporter.Value(TelemetryExtensions.CircuitMeter, "aspnetcore.components.circuit.active").ShouldBeGreaterThanOrEqualTo(1);
    }

    private static PlannerWebApplicationFactory WithEndpoint(Action<IServiceCollection>? services = null) => new()
    {
        SeedDemoPlan = false,
        Settings = new Dictionary<string, string?>
        {
            // Nothing listens there: export fails quietly, as it would with the collector down.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{ClosedPort()}",
            ["OTEL_SERVICE_NAME"] = "mvpplanner-test",
        },
        TestServices = services,
    };

    /// <summary>Starts a Blazor circuit the way blazor.web.js does: a WebSocket to <c>/_blazor</c>, the blazorpack
    /// handshake, <c>StartCircuit</c>, answering the server's JS calls (the renderer's attach) as the browser would, and
    /// an empty <c>UpdateRootComponents</c>, until <paramref name="opened"/> says the circuit counts.</summary>
    private static async Task<WebSocket> OpenCircuitAsync(PlannerWebApplicationFactory factory, Func<bool> opened)
    {
        var socket = await factory.Server.CreateWebSocketClient().ConnectAsync(new Uri("ws://localhost/_blazor"), CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"blazorpack\",\"version\":1}\u001e"), WebSocketMessageType.Binary, true, CancellationToken.None);
        await SendAsync(socket, Invocation("StartCircuit", Str("http://localhost/"), Str("http://localhost/"), Str("[]"), Str("")));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[64 * 1024];
        var rootComponentsSent = false;
        while (!opened())
        {
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            if (BeginInvokeJSHandle(buffer.AsSpan(0, received.Count)) is { } handle)
            {
                await SendAsync(socket, Invocation("EndInvokeJSFromDotNet", [(byte)handle], [0xc3], Str($"[{handle},true,null]")));
                if (!rootComponentsSent)
                {
                    // The circuit counts as opened with its first root components update, even an empty one.
                    await SendAsync(socket, Invocation("UpdateRootComponents", Str("{\"batchId\":1,\"operations\":[]}"), Str("")));
                    rootComponentsSent = true;
                }
            }
        }

        return socket;
    }

    private static Task SendAsync(WebSocket socket, byte[] message) =>
        socket.SendAsync(Framed(message), WebSocketMessageType.Binary, true, CancellationToken.None);

    /// <summary>The async handle of a <c>JS.BeginInvokeJS</c> invocation: [1, {}, nil, "JS.BeginInvokeJS", [handle, …], …].</summary>
    private static int? BeginInvokeJSHandle(ReadOnlySpan<byte> frame)
    {
        var target = "JS.BeginInvokeJS"u8;
        var at = frame.IndexOf(target);
        if (at < 0 || frame.Length <= at + target.Length + 1 || frame[at + target.Length + 1] >= 0x80)
        {
            return null;
        }

        return frame[at + target.Length + 1]; // after the arguments' array header: a small positive int
    }

    /// <summary>A SignalR MessagePack invocation without an id (the server answers with its own calls or not at all):
    /// [1, {}, nil, target, [arguments], []], each argument already encoded.</summary>
    private static byte[] Invocation(string target, params byte[][] arguments)
    {
        var message = new List<byte> { 0x96, 1, 0x80, 0xc0 };
        message.AddRange(Str(target));
        message.Add((byte)(0x90 | arguments.Length));
        foreach (var argument in arguments)
        {
            message.AddRange(argument);
        }

        message.Add(0x90);
        return [.. message];
    }

    private static byte[] Str(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        return bytes.Length < 32 ? [(byte)(0xa0 | bytes.Length), .. bytes] : [0xd9, (byte)bytes.Length, .. bytes];
    }

    private static byte[] Framed(byte[] message)
    {
        var prefix = new List<byte>();
        var length = message.Length;
        do
        {
            var next = (byte)(length & 0x7f);
            length >>= 7;
            prefix.Add(length > 0 ? (byte)(next | 0x80) : next);
        }
        while (length > 0);

        return [.. prefix, .. message];
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Keeps the latest value of each metric: a histogram's count, a counter's sum.</summary>
    private sealed class CollectingExporter : BaseExporter<Metric>
    {
        private readonly ConcurrentDictionary<(string Meter, string Name), long> _values = new();

        public long Value(string meter, string name) => _values.GetValueOrDefault((meter, name));

        public override ExportResult Export(in Batch<Metric> batch)
        {
            foreach (var metric in batch)
            {
                long total = 0;
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    total += metric.MetricType switch
                    {
                        MetricType.Histogram => point.GetHistogramCount(),
                        MetricType.LongSum or MetricType.LongSumNonMonotonic => point.GetSumLong(),
                        MetricType.LongGauge => point.GetGaugeLastValueLong(),
                        _ => 0,
                    };
                }

                _values[(metric.MeterName, metric.Name)] = total;
            }

            return ExportResult.Success;
        }
    }
}
