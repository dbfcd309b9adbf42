using System.Net;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Api;

/// <summary>One runaway script cannot flood the server: each token has its own limit per minute.</summary>
public sealed class ApiRateLimitHttpTests : IAsyncLifetime
{
    private readonly ApiTestHost _host = new(new Dictionary<string, string?> { ["Planner:ApiRateLimitPerMinute"] = "3" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TokenOverItsLimit_Gets429WithRetryAfter_WhileAnotherTokenGoesOn()
    {
        var busy = await _host.AdaClientAsync();
        var other = await _host.AdaClientAsync();
        for (var i = 0; i < 3; i++)
        {
            (await busy.GetAsync("/api/v1/plans")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await busy.GetAsync("/api/v1/plans");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await other.GetAsync("/api/v1/plans")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
