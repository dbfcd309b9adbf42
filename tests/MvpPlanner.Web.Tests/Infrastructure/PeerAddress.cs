using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MvpPlanner.Web.Tests.Infrastructure;

/// <summary>The in-memory test server has no TCP connection, so no peer address (and ASP.NET believes forwarded
/// headers from a peer it cannot see). This sets the peer a request "came from" out of the <c>X-Test-Peer</c> header,
/// before the app's own pipeline, as Kestrel would from the socket.</summary>
public sealed class PeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public static void Register(IServiceCollection services) => services.AddTransient<IStartupFilter, PeerAddress>();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var peer))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                context.Request.Headers.Remove(Header);
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
