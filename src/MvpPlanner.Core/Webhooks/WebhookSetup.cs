using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MvpPlanner.Core.Webhooks;

public static class WebhookSetup
{
    /// <summary>The hooks' services and their HTTP client: no redirects, no proxy, no cookies, and every connection
    /// checked against <see cref="WebhookAddressGuard"/>. Options come from <c>Planner:Webhooks</c> where the host binds them.</summary>
    public static IServiceCollection AddPlannerWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>();
        services.AddScoped<WebhookService>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<WebhookSender>();
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptionsMonitor<WebhookOptions>>();
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseProxy = false,
                    UseCookies = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    ConnectCallback = WebhookAddressGuard.ConnectCallback(() => options.CurrentValue.AllowPrivateAddresses),
                };
            })
            // The client's own logs would write the URL, whose query may hold the receiver's token.
            .RemoveAllLoggers();
        return services;
    }
}
