using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Webhooks;

/// <summary>Sends due deliveries. Each is claimed with a conditional update first (the attempt count it was read with,
/// and no live lease), so of several instances exactly one sends it; a claim whose instance died expires with its
/// lease and the delivery is taken over.</summary>
public sealed class WebhookSender(
    IDbContextFactory<PlannerDbContext> dbFactory,
    IHttpClientFactory httpClients,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookSender> logger)
{
    public const string ClientName = "MvpPlanner.Webhooks";
    private const int BatchSize = 50;

    /// <summary>Sends what is due now; returns how many attempts this instance made.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        List<(long Id, int Attempts)> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            due = (await db.WebhookDeliveries.AsNoTracking()
                .Where(d => (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Delivering) && d.NextAttemptAt <= now
                    && (d.LockedUntil == null || d.LockedUntil < now) && d.Webhook!.State == WebhookState.Active)
                .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
                .Take(BatchSize)
                .Select(d => new { d.Id, d.Attempts })
                .ToListAsync(ct)).Select(d => (d.Id, d.Attempts)).ToList();
        }

        var attempted = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (d, token) =>
        {
            if (await TrySendAsync(d.Id, d.Attempts, token))
            {
                Interlocked.Increment(ref attempted);
            }
        });
        return attempted;
    }

    /// <summary>Removes delivered and failed deliveries older than <see cref="WebhookOptions.KeepDeliveries"/>; returns how many.</summary>
    public async Task<int> PurgeFinishedAsync(CancellationToken ct = default)
    {
        var before = clock.GetUtcNow().UtcDateTime - options.Value.KeepDeliveries;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WebhookDeliveries
            .Where(d => (d.Status == DeliveryStatus.Succeeded || d.Status == DeliveryStatus.Failed) && d.CreatedAt < before)
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>Claims the delivery as read (with <paramref name="attempts"/> made) and sends it; false when another
    /// instance claimed it first.</summary>
    public async Task<bool> TrySendAsync(long deliveryId, int attempts, CancellationToken ct = default)
    {
        var settings = options.Value;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var attempt = attempts + 1;
        var lease = now + settings.Timeout * 3 + TimeSpan.FromSeconds(30);
        var claimed = await db.WebhookDeliveries
            .Where(d => d.Id == deliveryId && d.Attempts == attempts && d.NextAttemptAt <= now
                && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Delivering) && (d.LockedUntil == null || d.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Delivering).SetProperty(d => d.Attempts, attempt)
                .SetProperty(d => d.LockedUntil, lease).SetProperty(d => d.LastAttemptAt, now), ct);
        if (claimed == 0)
        {
            return false;
        }

        var delivery = await db.WebhookDeliveries.AsNoTracking().Where(d => d.Id == deliveryId)
            .Select(d => new { d.Event, d.Payload, d.WebhookId, d.Webhook!.WorkspaceId, d.Webhook.Url, d.Webhook.Secret })
            .FirstAsync(ct);
        var (statusCode, error) = await PostAsync(deliveryId, delivery.Event, delivery.Payload, delivery.Url, delivery.Secret, ct);
        var done = clock.GetUtcNow().UtcDateTime;
        var mine = db.WebhookDeliveries.Where(d => d.Id == deliveryId && d.Attempts == attempt && d.Status == DeliveryStatus.Delivering);
        if (error is null)
        {
            await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Succeeded).SetProperty(d => d.LastStatusCode, statusCode)
                .SetProperty(d => d.LastError, (string?)null).SetProperty(d => d.DeliveredAt, done).SetProperty(d => d.LockedUntil, (DateTime?)null), ct);
            await db.Webhooks.Where(h => h.Id == delivery.WebhookId && h.ConsecutiveFailures != 0)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.ConsecutiveFailures, 0), ct);
            return true;
        }

        var schedule = settings.Schedule;
        var final = attempt >= settings.MaxAttempts;
        var next = final ? done : done + schedule[Math.Min(attempt - 1, schedule.Count - 1)];
        await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, final ? DeliveryStatus.Failed : DeliveryStatus.Pending)
            .SetProperty(d => d.LastStatusCode, statusCode).SetProperty(d => d.LastError, error)
            .SetProperty(d => d.NextAttemptAt, next).SetProperty(d => d.LockedUntil, (DateTime?)null), ct);
        logger.LogInformation("Webhook {WebhookId} delivery {DeliveryId} attempt {Attempt} failed: {Error}", delivery.WebhookId, deliveryId, attempt, error);
        await CountFailureAsync(db, delivery.WebhookId, delivery.WorkspaceId, delivery.Url, error, done, ct);
        return true;
    }

    /// <summary>One more failure in a row; at the threshold the hook pauses (once: the update is conditional on it
    /// being active) and the owner is told on the workspace page.</summary>
    private async Task CountFailureAsync(PlannerDbContext db, int webhookId, int workspaceId, string url, string error, DateTime now, CancellationToken ct)
    {
        var threshold = options.Value.PauseAfterFailures;
        await db.Webhooks.Where(h => h.Id == webhookId).ExecuteUpdateAsync(s => s.SetProperty(h => h.ConsecutiveFailures, h => h.ConsecutiveFailures + 1), ct);
        var paused = await db.Webhooks.Where(h => h.Id == webhookId && h.State == WebhookState.Active && h.ConsecutiveFailures >= threshold)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.State, WebhookState.Paused).SetProperty(h => h.PausedAt, now)
                .SetProperty(h => h.PausedReason, error), ct);
        if (paused > 0)
        {
            logger.LogWarning("Webhook {WebhookId} of workspace {WorkspaceId} to {Host} paused after {Failures} failed deliveries in a row; last: {Error}",
                webhookId, workspaceId, WebhookService.HostOf(url), threshold, error);
        }
    }

    /// <summary>POSTs the payload, signed; the status code, and an error unless the receiver answered 2xx.</summary>
    private async Task<(int? StatusCode, string? Error)> PostAsync(long deliveryId, string name, string payload, string url, string secret, CancellationToken ct)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-MvpPlanner-Event", name);
        request.Headers.Add("X-MvpPlanner-Delivery", deliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-MvpPlanner-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-MvpPlanner-Signature", WebhookSignature.Compute(secret, timestamp, payload));
        request.Headers.UserAgent.ParseAdd("MvpPlanner-Webhooks/1");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await httpClients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return (code, response.IsSuccessStatusCode ? null : $"HTTP {code}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, "timed out");
        }
        catch (HttpRequestException ex) when (IsRefused(ex))
        {
            return (null, "refused: private or local address");
        }
        catch (HttpRequestException ex)
        {
            return (null, ex.HttpRequestError == HttpRequestError.Unknown ? "could not connect" : $"could not connect ({ex.HttpRequestError})");
        }
    }

    private static bool IsRefused(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is WebhookAddressRefusedException)
            {
                return true;
            }
        }

        return false;
    }
}
