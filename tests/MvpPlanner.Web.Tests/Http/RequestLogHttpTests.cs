using System.Collections.Concurrent;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Core.Common;
using MvpPlanner.Web.Tests.Infrastructure;
using Serilog.Core;
using Serilog.Events;

namespace MvpPlanner.Web.Tests.Http;

/// <summary>Share and invitation links are capabilities: whoever reads the logs must not be able to open them.</summary>
public sealed class RequestLogHttpTests
{
    [Fact]
    public async Task RequestLog_ShareAndInvitationLinksOpened_LogsThePathsWithoutTheirTokens()
    {
        var sink = new RecordingSink();
        await using var factory = new PlannerWebApplicationFactory { MinimumLogLevel = "Information" };
        var client = factory
            .WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sink)))
            .CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var shareToken = Tokens.Create();
        var inviteToken = Tokens.Create();

        await client.GetAsync(new Uri($"/s/{shareToken}", UriKind.Relative));
        await client.GetAsync(new Uri($"/invite/{inviteToken}", UriKind.Relative));

        var requests = sink.Events.Where(e => e.Properties.ContainsKey("RequestPath")).Select(e => e.RenderMessage()).ToList();
        requests.ShouldContain(m => m.Contains("/s/{token}"));
        requests.ShouldContain(m => m.Contains("/invite/{token}"));
        var everything = string.Join('\n', sink.Events.Select(e => e.RenderMessage() + string.Join(' ', e.Properties.Values)));
        everything.ShouldNotContain(shareToken);
        everything.ShouldNotContain(inviteToken);
    }

    [Fact]
    public async Task RequestLog_ApiCallsWithGoodAndBadTokens_NeverContainTheTokens()
    {
        var sink = new RecordingSink();
        await using var host = new ApiTestHost(new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Debug" });
        var good = await host.CreateTokenAsync(await host.AdaIdAsync(), [await host.DemoWorkspaceIdAsync()], canWrite: true);
        var factory = host.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sink)));
        var bad = "mvpp_" + Tokens.Create();

        foreach (var token in new[] { good, bad })
        {
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            await client.GetAsync(new Uri("/api/v1/plans", UriKind.Relative));
        }

        sink.Events.ShouldContain(e => e.Properties.ContainsKey("RequestPath"));
        var everything = string.Join('\n', sink.Events.Select(e => e.RenderMessage() + string.Join(' ', e.Properties.Values) + e.Exception));
        everything.ShouldNotContain(good);
        everything.ShouldNotContain(good[5..]);
        everything.ShouldNotContain(bad[5..]);
    }

    private sealed class RecordingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyList<LogEvent> Events => [.. _events];

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
