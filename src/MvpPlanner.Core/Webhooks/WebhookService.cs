using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Webhooks;

/// <summary>A workspace's hooks, for its owners. Hooks are workspace settings, not plan content: they have no history
/// and no undo, but edits carry a version and state changes are conditional updates.</summary>
public class WebhookService(
    IDbContextFactory<PlannerDbContext> dbFactory,
    PlanAccess access,
    IValidator<WebhookInput> validator,
    TimeProvider clock,
    ILogger<WebhookService> logger)
{
    public const int DeliveriesShown = 50;

    public async Task<IReadOnlyList<WebhookView>> ListAsync(int workspaceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckWorkspaceAsync(db, workspaceId, WorkspaceRole.Owner, ct) is not null)
        {
            return [];
        }

        var hooks = await db.Webhooks.AsNoTracking().Where(h => h.WorkspaceId == workspaceId).OrderBy(h => h.Id).ToListAsync(ct);
        return hooks.Select(h => new WebhookView(h.Id, h.Url, h.Description, h.EventList, h.State, h.ConsecutiveFailures,
            h.PausedAt, h.PausedReason, h.CreatedAt, h.Version)).ToList();
    }

    public async Task<ServiceResult<CreatedWebhook>> CreateAsync(int workspaceId, WebhookInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckWorkspaceAsync(db, workspaceId, WorkspaceRole.Owner, ct) is { } denied)
        {
            return Fail.From(denied);
        }

        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return Fail.Invalid(validation);
        }

        var hook = new Webhook
        {
            WorkspaceId = workspaceId,
            Url = input.Url.Trim(),
            Description = Text.Clean(input.Description),
            Events = WebhookEvents.Join(input.Events),
            Secret = WebhookSignature.NewSecret(),
        };
        db.Webhooks.Add(hook);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Workspace {WorkspaceId}: webhook {WebhookId} to {Host} created for {Events}", workspaceId, hook.Id, HostOf(hook.Url), hook.Events);
        return ServiceResult<CreatedWebhook>.Ok(new CreatedWebhook(hook.Id, hook.Secret), "Webhook added. Copy its secret now: it is shown only once.");
    }

    public async Task<ServiceResult> UpdateAsync(int workspaceId, int webhookId, WebhookInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckWorkspaceAsync(db, workspaceId, WorkspaceRole.Owner, ct) is { } denied)
        {
            return denied;
        }

        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return ServiceResult.Invalid(validation);
        }

        var hook = await db.Webhooks.FirstOrDefaultAsync(h => h.Id == webhookId && h.WorkspaceId == workspaceId, ct);
        if (hook is null)
        {
            return ServiceResult.NotFound("The webhook");
        }

        // The version the owner edited is what the save is checked against (WHERE Version = …).
        db.Entry(hook).Property(h => h.Version).OriginalValue = input.Version;
        hook.Url = input.Url.Trim();
        hook.Description = Text.Clean(input.Description);
        hook.Events = WebhookEvents.Join(input.Events);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult.Conflict("The webhook");
        }

        return ServiceResult.Ok("Webhook saved.");
    }

    public async Task<ServiceResult> DeleteAsync(int workspaceId, int webhookId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckWorkspaceAsync(db, workspaceId, WorkspaceRole.Owner, ct) is { } denied)
        {
            return denied;
        }

        var deleted = await db.Webhooks.Where(h => h.Id == webhookId && h.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            return ServiceResult.NotFound("The webhook");
        }

        logger.LogInformation("Workspace {WorkspaceId}: webhook {WebhookId} deleted", workspaceId, webhookId);
        return ServiceResult.Ok("Webhook deleted. Nothing more is sent to it.");
    }

    /// <summary>Starts a paused hook again: its counter starts over and what was waiting is sent at the next run.</summary>
    public async Task<ServiceResult> ResumeAsync(int workspaceId, int webhookId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckWorkspaceAsync(db, workspaceId, WorkspaceRole.Owner, ct) is { } denied)
        {
            return denied;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var resumed = await db.Webhooks.Where(h => h.Id == webhookId && h.WorkspaceId == workspaceId && h.State == WebhookState.Paused)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.State, WebhookState.Active).SetProperty(h => h.ConsecutiveFailures, 0)
                .SetProperty(h => h.PausedAt, (DateTime?)null).SetProperty(h => h.PausedReason, (string?)null), ct);
        if (resumed == 0)
        {
            return await db.Webhooks.AnyAsync(h => h.Id == webhookId && h.WorkspaceId == workspaceId, ct)
                ? ServiceResult.Ok("The webhook is already active.")
                : ServiceResult.NotFound("The webhook");
        }

        await db.WebhookDeliveries.Where(d => d.WebhookId == webhookId && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, now), ct);
        logger.LogInformation("Workspace {WorkspaceId}: webhook {WebhookId} resumed", workspaceId, webhookId);
        return ServiceResult.Ok("Webhook resumed. Waiting deliveries are sent again.");
    }

    /// <summary>A new secret, shown once; deliveries from now on are signed with it.</summary>
    public async Task<ServiceResult<string>> RotateSecretAsync(int workspaceId, int webhookId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckWorkspaceAsync(db, workspaceId, WorkspaceRole.Owner, ct) is { } denied)
        {
            return Fail.From(denied);
        }

        var secret = WebhookSignature.NewSecret();
        var changed = await db.Webhooks.Where(h => h.Id == webhookId && h.WorkspaceId == workspaceId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Secret, secret), ct);
        return changed == 0 ? Fail.NotFound("The webhook")
            : ServiceResult<string>.Ok(secret, "New secret made. Copy it now: it is shown only once, and the old one no longer signs.");
    }

    /// <summary>Queues a <c>ping</c> event for the hook, sent at the next run like any other delivery.</summary>
    public async Task<ServiceResult> SendTestAsync(int workspaceId, int webhookId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckWorkspaceAsync(db, workspaceId, WorkspaceRole.Owner, ct) is { } denied)
        {
            return denied;
        }

        var hook = await db.Webhooks.AsNoTracking().Where(h => h.Id == webhookId && h.WorkspaceId == workspaceId)
            .Select(h => new { h.Id, h.State, WorkspaceName = h.Workspace!.Name }).FirstOrDefaultAsync(ct);
        if (hook is null)
        {
            return ServiceResult.NotFound("The webhook");
        }

        if (hook.State == WebhookState.Paused)
        {
            return ServiceResult.Invalid("", "This webhook is paused. Resume it first.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var key = "ping." + Guid.NewGuid().ToString("N");
        var payload = WebhookPayload.Serialize(new WebhookPayload(key, WebhookEvents.Ping, now, new(workspaceId, hook.WorkspaceName), null, null,
            db.ActingUser?.DisplayName, new Dictionary<string, object?> { ["message"] = "A test from MvpPlanner." }));
        db.WebhookDeliveries.Add(new WebhookDelivery
        {
            WebhookId = hook.Id, SourceKey = key, Event = WebhookEvents.Ping, Payload = payload, CreatedAt = now, NextAttemptAt = now,
        });
        await db.SaveChangesAsync(ct);
        return ServiceResult.Ok("Test event queued. It appears under Deliveries within a few seconds.");
    }

    public async Task<IReadOnlyList<DeliveryView>> ListDeliveriesAsync(int workspaceId, int webhookId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckWorkspaceAsync(db, workspaceId, WorkspaceRole.Owner, ct) is not null)
        {
            return [];
        }

        return await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.WebhookId == webhookId && d.Webhook!.WorkspaceId == workspaceId)
            .OrderByDescending(d => d.Id)
            .Take(DeliveriesShown)
            .Select(d => new DeliveryView(d.Id, d.Event, d.Status, d.Attempts, d.LastStatusCode, d.LastError, d.CreatedAt, d.LastAttemptAt, d.NextAttemptAt, d.DeliveredAt))
            .ToListAsync(ct);
    }

    /// <summary>For logs: the host only; a URL's path or query may carry a token of the receiver's.</summary>
    internal static string HostOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : "";
}
