using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MvpPlanner.Web.Tests.Deployment;

/// <summary>deploy/nginx/mvpplanner-cluster.conf in front of two small stand-in instances that answer with their
/// name (over HTTP and over a WebSocket on /_blazor). What is tested is nginx's routing, so the stand-ins need no
/// database: which instance a browser reaches, and that it keeps reaching the same one. The same stand-ins behind
/// either file show the forwarded headers an instance receives.</summary>
public sealed class NginxClusterTests
{
    private const string RouteCookie = "mvpplanner_route";

    [Fact]
    public async Task FirstVisit_GetsRouteCookie_AndStaysOnTheInstanceThatAnsweredIt()
    {
        await using var cluster = await Cluster.StartAsync();
        using var http = cluster.Nginx.Client();

        for (var visitor = 0; visitor < 6; visitor++)
        {
            using var first = await http.GetAsync(cluster.Nginx.Https("/"));
            var route = RouteFrom(first);
            var instance = await first.Content.ReadAsStringAsync();

            for (var request = 0; request < 4; request++)
            {
                (await GetWithRouteAsync(cluster, http, "/plans", route)).ShouldBe(instance);
            }
        }
    }

    [Fact]
    public async Task RouteCookie_AlreadySet_IsNotSetAgain()
    {
        await using var cluster = await Cluster.StartAsync();
        using var http = cluster.Nginx.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, cluster.Nginx.Https("/"));
        request.Headers.Add("Cookie", $"{RouteCookie}=someone");

        using var response = await http.SendAsync(request);

        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task ManyVisitors_AreSpreadOverBothInstances()
    {
        await using var cluster = await Cluster.StartAsync();
        using var http = cluster.Nginx.Client();

        var instances = new HashSet<string>();
        for (var visitor = 0; visitor < 32; visitor++)
        {
            instances.Add(await GetWithRouteAsync(cluster, http, "/", $"visitor-{visitor}"));
        }

        instances.ShouldBe(["one", "two"], ignoreOrder: true);
    }

    [Fact]
    public async Task CircuitWebSocket_ReachesTheSameInstanceAsThePage()
    {
        await using var cluster = await Cluster.StartAsync();
        using var http = cluster.Nginx.Client();

        foreach (var route in (string[])["visitor-1", "visitor-2", "visitor-3", "visitor-4"])
        {
            var page = await GetWithRouteAsync(cluster, http, "/", route);

            using var socket = new ClientWebSocket();
            socket.Options.RemoteCertificateValidationCallback = (_, certificate, _, _) => cluster.Nginx.IsOurCertificate(certificate);
            socket.Options.SetRequestHeader("Cookie", $"{RouteCookie}={route}");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await socket.ConnectAsync(cluster.Nginx.Wss("/_blazor?id=x"), timeout.Token);
            var buffer = new byte[64];
            var received = await socket.ReceiveAsync(buffer, timeout.Token);

            Encoding.UTF8.GetString(buffer, 0, received.Count).ShouldBe(page);
        }
    }

    [Fact]
    public async Task InstanceStopped_ItsVisitorsAreServedByTheOther()
    {
        await using var cluster = await Cluster.StartAsync();
        using var http = cluster.Nginx.Client();
        var routes = Enumerable.Range(0, 16).Select(i => $"visitor-{i}").ToList();
        var before = new Dictionary<string, string>();
        foreach (var route in routes)
        {
            before[route] = await GetWithRouteAsync(cluster, http, "/", route);
        }

        before.Values.ShouldContain("one");

        await cluster.StopAsync("one");

        foreach (var route in routes)
        {
            (await GetWithRouteAsync(cluster, http, "/", route)).ShouldBe("two", $"{route} was on {before[route]}");
        }
    }

    [Theory]
    [InlineData("nginx/mvpplanner-single.conf", 1)]
    [InlineData("nginx/mvpplanner-cluster.conf", 2)]
    public async Task Request_ThroughNginx_CarriesClientAddressSchemeAndHost_NotWhatTheClientClaims(string siteFile, int instances)
    {
        await using var site = await Cluster.StartAsync(siteFile, [.. Enumerable.Range(1, instances).Select(i => $"instance-{i}")]);
        using var http = site.Nginx.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, site.Nginx.Https("/headers"));
        request.Headers.Host = "planner.example.com";
        request.Headers.Add("X-Forwarded-For", "203.0.113.9"); // a client claiming another address
        request.Headers.Add("X-Forwarded-Proto", "http");

        using var response = await http.SendAsync(request);
        var headers = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, site.Nginx.ErrorLog());
        headers.ShouldBe("""
            Host: planner.example.com
            X-Forwarded-For: 127.0.0.1
            X-Forwarded-Proto: https
            X-Forwarded-Host: planner.example.com
            """.ReplaceLineEndings("\n"));
    }

    private static async Task<string> GetWithRouteAsync(Cluster cluster, HttpClient http, string path, string route)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, cluster.Nginx.Https(path));
        request.Headers.Add("Cookie", $"{RouteCookie}={route}");
        using var response = await http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, cluster.Nginx.ErrorLog());
        return await response.Content.ReadAsStringAsync();
    }

    private static string RouteFrom(HttpResponseMessage response)
    {
        response.Headers.TryGetValues("Set-Cookie", out var cookies).ShouldBeTrue("nginx sets the route cookie on a first visit");
        var cookie = cookies!.Single(c => c.StartsWith(RouteCookie + "=", StringComparison.Ordinal));
        cookie.ShouldContain("Secure");
        cookie.ShouldContain("HttpOnly");
        return cookie[(RouteCookie.Length + 1)..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private sealed class Cluster : IAsyncDisposable
    {
        private readonly Dictionary<string, WebApplication> _instances;

        private Cluster(Dictionary<string, WebApplication> instances, NginxProxy nginx)
        {
            _instances = instances;
            Nginx = nginx;
        }

        public NginxProxy Nginx { get; }

        public static async Task<Cluster> StartAsync(string siteFile = "nginx/mvpplanner-cluster.conf", params string[] names)
        {
            var instances = new Dictionary<string, WebApplication>();
            foreach (var name in names.Length > 0 ? names : ["one", "two"])
            {
                instances[name] = await StartInstanceAsync(name);
            }

            var ports = instances.Values.Select(app => new Uri(app.Urls.First()).Port).ToList();
            var nginx = NginxProxy.Render(siteFile, ports);
            await nginx.StartAsync();
            return new Cluster(instances, nginx);
        }

        public async Task StopAsync(string name)
        {
            await _instances[name].StopAsync();
            await _instances[name].DisposeAsync();
            _instances.Remove(name);
        }

        public async ValueTask DisposeAsync()
        {
            await Nginx.DisposeAsync();
            foreach (var app in _instances.Values)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }

        private static async Task<WebApplication> StartInstanceAsync(string name)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            app.UseWebSockets();
            app.Map("/_blazor", async context =>
            {
                if (!context.WebSockets.IsWebSocketRequest)
                {
                    await context.Response.WriteAsync(name);
                    return;
                }

                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                await socket.SendAsync(Encoding.UTF8.GetBytes(name), WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", context.RequestAborted);
            });
            app.Map("/headers", context => context.Response.WriteAsync(string.Join('\n',
                ((string[])["Host", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host"])
                    .Select(header => $"{header}: {context.Request.Headers[header]}"))));
            app.MapFallback(context => context.Response.WriteAsync(name));
            await app.StartAsync();
            return app;
        }
    }
}
