using Microsoft.Extensions.Options;
using MvpPlanner.Core.Webhooks;

namespace MvpPlanner.Web.Hosting;

/// <summary>Every <see cref="WebhookOptions.PollInterval"/>: turns new changes into webhook deliveries and sends what is
/// due. Every instance runs it; the database decides which instance makes and sends each delivery. A failed run is
/// logged and the next one tries again.</summary>
public sealed class WebhookJob(WebhookDispatcher dispatcher, WebhookSender sender, IOptions<WebhookOptions> options, TimeProvider clock,
    ILogger<WebhookJob> logger) : BackgroundService
{
    /// <summary>The longest wait between runs after failures in a row (a database that is down or not migrated yet).</summary>
    public static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(30);

    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var interval = options.Value.PollInterval;
            var failures = 0;
            while (!stoppingToken.IsCancellationRequested)
            {
                failures = await RunOnceAsync(stoppingToken) ? 0 : failures + 1;
                var wait = failures == 0 ? interval : TimeSpan.FromTicks(Math.Min(interval.Ticks << Math.Min(failures, 8), LongestBackoff.Ticks));
                await Task.Delay(wait, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    /// <summary>One run: false when it failed (logged; the next run tries again, after a longer wait).</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
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

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Webhook run failed; the next run tries again");
            return false;
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
