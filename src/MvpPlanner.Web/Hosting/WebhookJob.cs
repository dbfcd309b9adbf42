using Microsoft.Extensions.Options;
using MvpPlanner.Core.Webhooks;

namespace MvpPlanner.Web.Hosting;

/// <summary>Every <see cref="WebhookOptions.PollInterval"/>: turns new changes into webhook deliveries and sends what is
/// due. Every instance runs it; the database decides which instance makes and sends each delivery. A failed run is
/// logged and the next one tries again.</summary>
public sealed class WebhookJob(WebhookDispatcher dispatcher, WebhookSender sender, IOptions<WebhookOptions> options, TimeProvider clock,
    ILogger<WebhookJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    public async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await dispatcher.EnqueueAsync(ct);
            await sender.SendDueAsync(ct);
            if (clock.GetUtcNow() >= _nextPurge)
            {
                _nextPurge = clock.GetUtcNow().AddHours(1);
                await sender.PurgeFinishedAsync(ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Webhook run failed; the next run tries again");
        }
    }
}

public static class WebhookHostingExtensions
{
    /// <summary>Webhooks' settings from <c>Planner:Webhooks</c> and the job that sends them.</summary>
    public static WebApplicationBuilder AddMvpPlannerWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookOptions.Section));
        builder.Services.AddHostedService<WebhookJob>();
        return builder;
    }
}
