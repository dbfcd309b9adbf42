using System.Net;
using System.Text.RegularExpressions;
using MvpPlanner.Core.Common;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Hosting;

/// <summary>Behind nginx: what the proxy says about the client (address, https, public host) counts only when the
/// request comes from a proxy the operator listed.</summary>
public sealed partial class ReverseProxyHttpTests : IAsyncLifetime
{
    private const string Proxy = "10.0.0.5";
    private const string Stranger = "198.51.100.7";
    private const string PublicHost = "planner.example.com";

    private readonly PlannerWebApplicationFactory _factory = new()
    {
        SeedDemoPlan = false,
        Settings = new Dictionary<string, string?>
        {
            ["Planner:KnownProxies:0"] = Proxy,
            ["Planner:KnownNetworks:0"] = "192.168.10.0/24",
            ["Planner:ShareRateLimitPerMinute"] = "2",
        },
        TestServices = PeerAddress.Register,
    };

    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        // One account to sign in with; registered without any proxy in the way.
        await _factory.SignedInAsync();
        _http = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData(Proxy)]
    [InlineData("192.168.10.20")]
    public async Task SignIn_ThroughTrustedProxyOverHttps_SetsSecureCookies(string proxy)
    {
        var form = await SendAsync(HttpMethod.Get, "/account/login", proxy, https: true);
        AntiforgeryCookie(form).ShouldContain("secure", Case.Insensitive);

        var signIn = await SignInAsync(form, proxy, https: true);

        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        AuthCookies(signIn).ShouldNotBeEmpty();
        AuthCookies(signIn).ShouldAllBe(cookie => cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SignIn_StrangerClaimingHttps_GetsNoSecureCookies()
    {
        var form = await SendAsync(HttpMethod.Get, "/account/login", Stranger, https: true);
        AntiforgeryCookie(form).ShouldNotContain("secure", Case.Insensitive);

        var signIn = await SignInAsync(form, Stranger, https: true);

        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        AuthCookies(signIn).ShouldNotBeEmpty();
        AuthCookies(signIn).ShouldAllBe(cookie => !cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Links_ThroughTrustedProxy_CarryThePublicHostAndScheme()
    {
        var response = await SendAsync(HttpMethod.Get, "/", Proxy, https: true);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith($"https://{PublicHost}/account/login");
    }

    [Fact]
    public async Task Links_StrangerClaimingAnotherHost_KeepTheRealHost()
    {
        var response = await SendAsync(HttpMethod.Get, "/", Stranger, https: true);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldNotContain(PublicHost);
        response.Headers.Location!.ToString().ShouldNotStartWith("https:");
    }

    [Fact]
    public async Task Hsts_HttpsThroughTrustedProxy_IsSent()
    {
        var response = await SendAsync(HttpMethod.Get, "/account/login", Proxy, https: true);

        response.Headers.StrictTransportSecurity().ShouldNotBeNull();
    }

    [Fact]
    public async Task Hsts_PlainHttpThroughTrustedProxy_IsNotSent()
    {
        var response = await SendAsync(HttpMethod.Get, "/account/login", Proxy, https: false);

        response.Headers.StrictTransportSecurity().ShouldBeNull();
    }

    [Fact]
    public async Task Hsts_StrangerClaimingHttps_IsNotSent()
    {
        var response = await SendAsync(HttpMethod.Get, "/account/login", Stranger, https: true);

        response.Headers.StrictTransportSecurity().ShouldBeNull();
    }

    [Fact]
    public async Task ShareRateLimit_ThroughTrustedProxy_CountsEachRealClientApart()
    {
        var link = $"/s/{Tokens.Create()}";

        for (var i = 0; i < 2; i++)
        {
            (await SendAsync(HttpMethod.Get, link, Proxy, https: true, client: "203.0.113.10")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        }

        (await SendAsync(HttpMethod.Get, link, Proxy, https: true, client: "203.0.113.10")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await SendAsync(HttpMethod.Get, link, Proxy, https: true, client: "203.0.113.11")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task ShareRateLimit_StrangerChangingForwardedFor_IsStillCountedAsItself()
    {
        var link = $"/s/{Tokens.Create()}";

        for (var i = 0; i < 2; i++)
        {
            (await SendAsync(HttpMethod.Get, link, Stranger, https: false, client: $"203.0.113.{20 + i}")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        }

        (await SendAsync(HttpMethod.Get, link, Stranger, https: false, client: "203.0.113.30")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    private async Task<HttpResponseMessage> SignInAsync(HttpResponseMessage form, string peer, bool https)
    {
        var html = await form.Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(html).Groups[1].Value);
        var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = PlannerWebApplicationFactory.FirstAccountEmail,
            ["Input.Password"] = "correcthorse1",
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
        });
        var cookie = AntiforgeryCookie(form).Split(';')[0];
        return await SendAsync(HttpMethod.Post, "/account/login", peer, https, content: content, cookie: cookie);
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string url, string peer, bool https, string client = "203.0.113.9", HttpContent? content = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
        request.Headers.Add(PeerAddress.Header, peer);
        request.Headers.Add("X-Forwarded-For", client);
        request.Headers.Add("X-Forwarded-Host", PublicHost);
        request.Headers.Add("X-Forwarded-Proto", https ? "https" : "http");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await _http.SendAsync(request);
    }

    private static string AntiforgeryCookie(HttpResponseMessage response) =>
        SetCookies(response).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));

    private static List<string> AuthCookies(HttpResponseMessage response) =>
        SetCookies(response).Where(c => c.StartsWith("mvpplanner.auth", StringComparison.Ordinal)).ToList();

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

internal static class HstsHeader
{
    public static string? StrictTransportSecurity(this System.Net.Http.Headers.HttpResponseHeaders headers) =>
        headers.TryGetValues("Strict-Transport-Security", out var values) ? string.Join(",", values) : null;
}
