using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace MvpPlanner.Web.Hosting;

/// <summary>Running behind nginx or a load balancer: the proxy's X-Forwarded-For/-Proto/-Host become the request's
/// client address, scheme and host, so cookies are Secure over HTTPS, links carry the public host and rate limits see
/// the real client. Only proxies the operator names are believed; anyone else could claim to be anyone.</summary>
public static class ReverseProxyExtensions
{
    public static WebApplicationBuilder AddMvpPlannerReverseProxy(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(PlannerOptions.Section);
        var proxies = section.GetSection(nameof(PlannerOptions.KnownProxies)).Get<string[]>() ?? [];
        var networks = section.GetSection(nameof(PlannerOptions.KnownNetworks)).Get<string[]>() ?? [];
        var allowedHosts = AllowedHosts(builder.Configuration["AllowedHosts"]);

        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;

            // Every hop is checked against the lists, so a chain (CDN → nginx → app) works when each proxy is listed, and
            // the first address not listed is taken as the client.
            options.ForwardLimit = null;

            // With nothing configured the framework's default stays: only loopback (a proxy on this machine) is believed.
            // Once the operator names proxies, exactly those are believed and loopback only if listed.
            if (proxies.Length > 0 || networks.Length > 0)
            {
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var proxy in proxies)
                {
                    options.KnownProxies.Add(ParseAddress(proxy));
                }

                foreach (var network in networks)
                {
                    options.KnownIPNetworks.Add(ParseNetwork(network));
                }
            }

            // A forwarded host must be one the app serves, like the Host header itself.
            foreach (var host in allowedHosts)
            {
                options.AllowedHosts.Add(host);
            }
        });
        return builder;
    }

    /// <summary>Must come first, so everything after it (error pages, request log, HSTS, rate limits, cookies) sees the
    /// client's address and the public scheme and host.</summary>
    public static WebApplication UseMvpPlannerForwardedHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    private static IPAddress ParseAddress(string value) =>
        IPAddress.TryParse(value.Trim(), out var address)
            ? address
            : throw new InvalidOperationException($"Planner:KnownProxies holds '{value}', which is not an IP address (such as 10.0.0.5).");

    private static IPNetwork ParseNetwork(string value) =>
        IPNetwork.TryParse(value.Trim(), out var network)
            ? network
            : throw new InvalidOperationException($"Planner:KnownNetworks holds '{value}', which is not a network in CIDR form (such as 10.0.0.0/8).");

    /// <summary>The host names of <c>AllowedHosts</c> (semicolon separated), or none when it allows any host.</summary>
    private static string[] AllowedHosts(string? configured)
    {
        var hosts = (configured ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return hosts.Contains("*") ? [] : hosts;
    }
}
