using MvpPlanner.Core.History;

namespace MvpPlanner.Web.Hosting;

/// <summary>Every hour, removes what has waited in the trash (items and plans) for more than 30 days. A failed run is
/// logged and the next one tries again; it never stops the app.</summary>
public sealed class TrashPurgeJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TrashPurgeJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>The first run waits a little, so it does not compete with start-up (migrations, the first requests).</summary>
    public static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRunDelay, clock, stoppingToken);
            using var timer = new PeriodicTimer(Interval, clock);
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    /// <summary>One purge in its own DI scope; returns how many items and plans were removed (0 when it failed).</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var purged = await scope.ServiceProvider.GetRequiredService<TrashService>().PurgeAsync(ct);
            logger.LogInformation("Trash purge removed {PurgedCount} items and plans deleted more than 30 days ago", purged);
            return purged;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Trash purge failed; it runs again in an hour");
            return 0;
        }
    }
}
