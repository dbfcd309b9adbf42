using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.History;
using MvpPlanner.Core.Operations;

namespace MvpPlanner.Core.Webhooks;

/// <summary>Turns changes into deliveries. The plan's activity log is the outbox: every change writes its entries in
/// the change's own transaction, so reading the log past a cursor finds every change exactly as committed. Each
/// delivery is inserted with ON CONFLICT DO NOTHING on (hook, source), so several app instances doing this at once
/// make each delivery once.</summary>
public sealed class WebhookDispatcher(
    IDbContextFactory<PlannerDbContext> dbFactory,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : IDisposable
{
    private const int PageSize = 500;
    private const int MaxPagesPerRun = 20;

    /// <summary>Entries past the cursor this instance has already handled (they stay past it for the safety window).</summary>
    private readonly HashSet<long> _handled = [];
    private readonly SemaphoreSlim _oneRunAtATime = new(1, 1);

    public void Dispose() => _oneRunAtATime.Dispose();

    /// <summary>One pass over new activity; returns how many deliveries this instance created.</summary>
    public async Task<int> EnqueueAsync(CancellationToken ct = default)
    {
        await _oneRunAtATime.WaitAsync(ct);
        try
        {
            return await EnqueueOnceAsync(ct);
        }
        finally
        {
            _oneRunAtATime.Release();
        }
    }

    private async Task<int> EnqueueOnceAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var cursor = await db.WebhookCursors.Where(c => c.Id == WebhookCursor.SingleId).Select(c => c.LastActivityId).FirstOrDefaultAsync(ct);
        _handled.RemoveWhere(id => id <= cursor);

        var created = 0;
        var after = cursor;
        var readToTheEnd = false;
        var changedPlans = new HashSet<int>();
        for (var page = 0; page < MaxPagesPerRun && !readToTheEnd; page++)
        {
            // Only plans whose workspace has an active hook: without hooks, reading the log costs nothing.
            var entries = await db.ActivityEntries.AsNoTracking()
                .Where(e => e.Id > after && db.Plans.Any(p => p.Id == e.PlanId
                    && db.Webhooks.Any(h => h.WorkspaceId == p.WorkspaceId && h.State == WebhookState.Active)))
                .OrderBy(e => e.Id)
                .Take(PageSize)
                .ToListAsync(ct);
            readToTheEnd = entries.Count < PageSize;
            if (entries.Count == 0)
            {
                break;
            }

            after = entries[^1].Id;
            var fresh = entries.Where(e => !_handled.Contains(e.Id)).ToList();
            created += await EnqueueEntriesAsync(db, fresh, ct);
            changedPlans.UnionWith(fresh.Select(e => e.PlanId));
            _handled.UnionWith(fresh.Select(e => e.Id));
        }

        created += await AnnounceFindingsAsync(db, changedPlans, now, ct);
        await AdvanceCursorAsync(db, cursor, readToTheEnd ? long.MaxValue : after, now, ct);
        return created;
    }

    /// <summary>Moves the cursor past entries old enough that no transaction can still be adding one below them
    /// (PostgreSQL hands out ids before commit, so a slow transaction commits an id lower than ones already read).</summary>
    private async Task AdvanceCursorAsync(PlannerDbContext db, long cursor, long readUpTo, DateTime now, CancellationToken ct)
    {
        var settled = now - options.Value.SafetyWindow;
        var last = await db.ActivityEntries.Where(e => e.Id > cursor && e.Id <= readUpTo && e.At < settled).MaxAsync(e => (long?)e.Id, ct);
        if (last is { } next)
        {
            await db.WebhookCursors.Where(c => c.Id == WebhookCursor.SingleId && c.LastActivityId < next)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastActivityId, next), ct);
        }
    }

    private async Task<int> EnqueueEntriesAsync(PlannerDbContext db, List<ActivityEntry> entries, CancellationToken ct)
    {
        entries = entries.Where(e => WebhookEvents.FromActivity(e.ItemKind, e.Action) is not null).ToList();
        if (entries.Count == 0)
        {
            return 0;
        }

        var planIds = entries.Select(e => e.PlanId).Distinct().ToList();
        var plans = await PlansAsync(db, planIds, ct);
        var workspaceIds = plans.Values.Select(p => p.WorkspaceId).Distinct().ToList();
        var hooks = await ActiveHooksAsync(db, workspaceIds, ct);
        var rows = new List<WebhookDelivery>();
        foreach (var entry in entries)
        {
            var name = WebhookEvents.FromActivity(entry.ItemKind, entry.Action)!;
            if (!plans.TryGetValue(entry.PlanId, out var plan))
            {
                continue;
            }

            var key = $"a{entry.Id}.{name}";
            var payload = WebhookPayload.Serialize(new WebhookPayload(key, name, entry.At, new(plan.WorkspaceId, plan.WorkspaceName), new(plan.Id, plan.Name),
                new(WebhookPayload.KindOf(entry.ItemKind), entry.ItemId, entry.ItemName), entry.UserName, DataOf(entry)));
            rows.AddRange(hooks.Where(h => h.WorkspaceId == plan.WorkspaceId && h.Events.Contains(name) && h.CreatedAt <= entry.At)
                .Select(h => NewDelivery(h.Id, key, name, payload)));
        }

        return await InsertAsync(db, rows, ct);
    }

    private static Dictionary<string, object?> DataOf(ActivityEntry entry)
    {
        var data = new Dictionary<string, object?> { ["action"] = entry.Action };
        var changes = FieldChange.Parse(entry.Changes);
        if (changes.Count > 0)
        {
            data["changes"] = changes.Select(c => new { field = c.Field, before = c.BeforeText, after = c.AfterText }).ToList();
        }

        return data;
    }

    /// <summary>For plans that changed and whose workspace has a hook for readiness findings: compares the findings with
    /// the ones last announced and announces the difference. The stored set is replaced by a conditional update
    /// (on its version), so of two instances only one announces.</summary>
    private async Task<int> AnnounceFindingsAsync(PlannerDbContext db, HashSet<int> planIds, DateTime now, CancellationToken ct)
    {
        if (planIds.Count == 0)
        {
            return 0;
        }

        var plans = await PlansAsync(db, planIds.ToList(), ct);
        var hooks = (await ActiveHooksAsync(db, plans.Values.Select(p => p.WorkspaceId).Distinct().ToList(), ct))
            .Where(h => h.Events.Contains(WebhookEvents.FindingOpened) || h.Events.Contains(WebhookEvents.FindingClosed))
            .ToList();
        var created = 0;
        foreach (var plan in plans.Values.Where(p => hooks.Any(h => h.WorkspaceId == p.WorkspaceId)).OrderBy(p => p.Id))
        {
            var ops = await OperationsService.LoadAsync(db, plan.Id, ct);
            var report = ReadinessCheck.Evaluate(ops, DateOnly.FromDateTime(now));
            var current = report.Findings.GroupBy(f => $"{f.Rule}:{f.ItemId}").ToDictionary(g => g.Key, g => g.First());
            var stored = await db.WebhookFindingSets.AsNoTracking().FirstOrDefaultAsync(s => s.PlanId == plan.Id, ct);
            var before = stored is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(stored.Keys) ?? [];
            var opened = current.Keys.Except(before.Keys).Order().ToList();
            var closed = before.Keys.Except(current.Keys).Order().ToList();
            if (opened.Count == 0 && closed.Count == 0)
            {
                continue;
            }

            var keys = JsonSerializer.Serialize(new SortedDictionary<string, string>(current.ToDictionary(c => c.Key, c => c.Value.Title), StringComparer.Ordinal));
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var version = (stored?.Version ?? 0) + 1;
            var won = stored is null
                ? await db.Database.ExecuteSqlInterpolatedAsync(
                    $"""INSERT INTO "WebhookFindingSets" ("PlanId", "Keys", "Version") VALUES ({plan.Id}, {keys}, {version}) ON CONFLICT ("PlanId") DO NOTHING""", ct)
                : await db.WebhookFindingSets.Where(s => s.PlanId == plan.Id && s.Version == stored.Version)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Keys, keys).SetProperty(x => x.Version, version), ct);
            if (won == 0)
            {
                continue;
            }

            var rows = new List<WebhookDelivery>();
            foreach (var (key, name) in opened.Select(k => (k, WebhookEvents.FindingOpened)).Concat(closed.Select(k => (k, WebhookEvents.FindingClosed))))
            {
                var finding = current.GetValueOrDefault(key);
                var id = $"r{plan.Id}.{version}.{key}.{name}";
                var data = new Dictionary<string, object?> { ["rule"] = key[..key.LastIndexOf(':')] };
                if (finding is not null)
                {
                    data["severity"] = finding.Severity.ToString().ToLowerInvariant();
                    data["area"] = finding.Area.ToString().ToLowerInvariant();
                }

                var payload = WebhookPayload.Serialize(new WebhookPayload(id, name, now, new(plan.WorkspaceId, plan.WorkspaceName), new(plan.Id, plan.Name),
                    new("finding", finding?.ItemId, finding?.Title ?? before.GetValueOrDefault(key, "")), null, data));
                rows.AddRange(hooks.Where(h => h.WorkspaceId == plan.WorkspaceId && h.Events.Contains(name)).Select(h => NewDelivery(h.Id, id, name, payload)));
            }

            created += await InsertAsync(db, rows, ct);
            await transaction.CommitAsync(ct);
        }

        return created;
    }

    private static WebhookDelivery NewDelivery(int hookId, string key, string name, string payload) =>
        new() { WebhookId = hookId, SourceKey = key, Event = name, Payload = payload };

    /// <summary>Inserts what is not there yet; a row another instance inserted first is left alone, and so is one for a
    /// hook deleted meanwhile.</summary>
    private async Task<int> InsertAsync(PlannerDbContext db, List<WebhookDelivery> rows, CancellationToken ct)
    {
        var inserted = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in rows)
        {
            inserted += await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO "WebhookDeliveries" ("WebhookId", "SourceKey", "Event", "Payload", "Status", "Attempts", "NextAttemptAt", "CreatedAt")
                SELECT {row.WebhookId}, {row.SourceKey}, {row.Event}, {row.Payload}, {(int)DeliveryStatus.Pending}, 0, {now}, {now}
                WHERE EXISTS (SELECT 1 FROM "Webhooks" WHERE "Id" = {row.WebhookId})
                ON CONFLICT ("WebhookId", "SourceKey") DO NOTHING
                """, ct);
        }

        if (inserted > 0)
        {
            logger.LogDebug("Queued {DeliveryCount} webhook deliveries", inserted);
        }

        return inserted;
    }

    private sealed record PlanNames(int Id, string Name, int WorkspaceId, string WorkspaceName);

    private sealed record ActiveHook(int Id, int WorkspaceId, IReadOnlyList<string> Events, DateTime CreatedAt);

    private static async Task<Dictionary<int, PlanNames>> PlansAsync(PlannerDbContext db, List<int> planIds, CancellationToken ct) =>
        await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id))
            .Select(p => new PlanNames(p.Id, p.Name, p.WorkspaceId, p.Workspace!.Name))
            .ToDictionaryAsync(p => p.Id, ct);

    private static async Task<List<ActiveHook>> ActiveHooksAsync(PlannerDbContext db, List<int> workspaceIds, CancellationToken ct) =>
        (await db.Webhooks.AsNoTracking().Where(h => workspaceIds.Contains(h.WorkspaceId) && h.State == WebhookState.Active)
            .OrderBy(h => h.Id)
            .Select(h => new { h.Id, h.WorkspaceId, h.Events, h.CreatedAt })
            .ToListAsync(ct))
        .Select(h => new ActiveHook(h.Id, h.WorkspaceId, WebhookEvents.Parse(h.Events), h.CreatedAt))
        .ToList();
}
