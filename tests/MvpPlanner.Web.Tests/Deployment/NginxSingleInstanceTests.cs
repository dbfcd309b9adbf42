using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Deployment;

/// <summary>The real app on Kestrel at a loopback port, with nginx and deploy/nginx/mvpplanner-single.conf in
/// front of it over HTTPS: what a browser meets on a one-box install.</summary>
public sealed class SingleInstanceBehindNginx : IAsyncLifetime
{
    public PlannerWebApplicationFactory App { get; } = new() { SeedDemoPlan = false };

    public NginxProxy Nginx { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        var address = App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Nginx = NginxProxy.Render("nginx/mvpplanner-single.conf", [new Uri(address).Port]);
        await Nginx.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (Nginx is not null)
        {
            await Nginx.DisposeAsync();
        }

        await App.DisposeAsync();
    }
}

public sealed class NginxSingleInstanceTests(SingleInstanceBehindNginx site) : IClassFixture<SingleInstanceBehindNginx>
{
    [Fact]
    public async Task Healthz_ThroughNginxOverHttps_Answers200()
    {
        using var http = site.Nginx.Client();

        var response = await http.GetAsync(site.Nginx.Https("/healthz"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, site.Nginx.ErrorLog());
    }

    [Fact]
    public async Task PlainHttp_ThroughNginx_IsRedirectedToHttps()
    {
        using var http = site.Nginx.Client();

        var response = await http.GetAsync(site.Nginx.Http("/plans?x=1"));

        response.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        response.Headers.Location.ShouldNotBeNull();
        response.Headers.Location.Scheme.ShouldBe("https");
        response.Headers.Location.PathAndQuery.ShouldBe("/plans?x=1");
    }

    [Fact]
    public async Task BlazorCircuit_ThroughNginx_NegotiatesAndUpgradesToWebSocket()
    {
        using var http = site.Nginx.Client();
        using var negotiate = await http.PostAsync(site.Nginx.Https("/_blazor/negotiate?negotiateVersion=1"), content: null);
        negotiate.StatusCode.ShouldBe(HttpStatusCode.OK, site.Nginx.ErrorLog());
        using var offer = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync());
        var token = offer.RootElement.GetProperty("connectionToken").GetString();
        offer.RootElement.GetProperty("availableTransports").EnumerateArray()
            .Select(t => t.GetProperty("transport").GetString()).ShouldContain("WebSockets");

        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.RemoteCertificateValidationCallback = (_, certificate, _, _) => site.Nginx.IsOurCertificate(certificate);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(site.Nginx.Wss($"/_blazor?id={Uri.EscapeDataString(token!)}"), timeout.Token);
        socket.HttpStatusCode.ShouldBe(HttpStatusCode.SwitchingProtocols);

        // SignalR's handshake: the hub answers an empty JSON object when it accepts the protocol.
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"blazorpack\",\"version\":1}\u001e"),
            WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        var buffer = new byte[1024];
        var received = await socket.ReceiveAsync(buffer, timeout.Token);
        Encoding.UTF8.GetString(buffer, 0, received.Count).ShouldBe("{}\u001e");

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
    }
}
