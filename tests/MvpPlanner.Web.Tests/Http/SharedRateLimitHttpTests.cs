using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Http;

/// <summary>With Redis, the shared-page limit per client address holds across app instances: a reader whose requests
/// a load balancer spreads over two instances gets the configured number in total, not that number per instance.</summary>
public sealed class SharedRateLimitHttpTests
{
    private static string Redis =>
        Environment.GetEnvironmentVariable("MVPPLANNER_TEST_REDIS") is { Length: > 0 } redis
            ? redis
            : throw new InvalidOperationException(
                "MVPPLANNER_TEST_REDIS is not set: this test needs a real Redis (host:port). ./test.sh starts one; by hand, run tests/services.sh or set the variable.");

    [Fact]
    public async Task SharedPage_RequestsSpreadOverTwoInstances_Answer429AtTheLimitInTotal()
    {
        var redis = $"{Redis},channelPrefix=mvpplanner-test-{Guid.NewGuid():N}:";
        await using var first = new PlannerWebApplicationFactory();
        await using var second = new PlannerWebApplicationFactory();
        using var a = OnRedis(first, redis);
        using var b = OnRedis(second, redis);
        HttpClient[] instances = [Client(a), Client(b)];

        // Unknown tokens cost the same as real ones: the limit comes first.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await instances[i % 2].GetAsync(new Uri("/s/no-such-link", UriKind.Relative))).StatusCode);
        }

        var refused = await instances[0].GetAsync(new Uri("/s/no-such-link", UriKind.Relative));
        statuses.Take(4).ShouldAllBe(s => s != HttpStatusCode.TooManyRequests);
        statuses.Skip(4).ShouldBe([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Wait a minute");
        refused.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromMinutes(1));
    }

    private static WebApplicationFactory<Program> OnRedis(PlannerWebApplicationFactory factory, string redis) =>
        factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Redis", redis);
            b.UseSetting("Planner:ShareRateLimitPerMinute", "4");
        });

    private static HttpClient Client(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
}
