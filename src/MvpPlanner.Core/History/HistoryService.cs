using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.History;

/// <summary>Where a history line's item is now: still in the plan, waiting in the trash, or gone for good.</summary>
public enum ItemWhereabouts
{
    InPlan,
    InTrash,
    Gone,
}

/// <summary>A history line as a product person says it: "<see cref="UserName"/> <see cref="Verb"/>
/// <em><see cref="ItemName"/></em> <see cref="Detail"/>", e.g. "Ana moved <em>Loan reminders</em> from Pilot to MVP".</summary>
public sealed record HistoryLine(
    long Id,
    DateTime At,
    string UserName,
    string Verb,
    string ItemType,
    string ItemName,
    string Detail,
    string ItemKind,
    int? ItemId,
    int? Version,
    Guid? ChangeSetId,
    IReadOnlyList<FieldChangeView> Fields)
{
    public ItemWhereabouts Whereabouts { get; init; } = ItemWhereabouts.InPlan;

    public string Sentence => string.Join(' ', new[] { UserName, Verb, ItemName, Detail }.Where(p => p.Length > 0));
}

public sealed record FieldChangeView(string Field, string Before, string After);

public class HistoryService(IDbContextFactory<PlannerDbContext> dbFactory, PlanAccess access)
{
    /// <summary>The plan's activity, newest first, each line knowing whether its item is still there or in the trash.</summary>
    public async Task<IReadOnlyList<HistoryLine>> ListAsync(int planId, int take = 200, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return [];
        }

        // An action that touched many items at once (an import, undoing one) is one line with its counts, so it
        // neither floods the list nor pushes everything before it off the page.
        var large = await db.ActivityEntries.AsNoTracking()
            .Where(a => a.PlanId == planId && a.ChangeSetId != null)
            .GroupBy(a => a.ChangeSetId)
            .Where(g => g.Count() > LargeChangeSet)
            .Select(g => new { ChangeSetId = g.Key!.Value, Id = g.Max(a => a.Id), At = g.Max(a => a.At), UserName = g.Max(a => a.UserName) })
            .ToListAsync(ct);
        var largeIds = large.Select(l => (Guid?)l.ChangeSetId).ToList();
        var entries = await db.ActivityEntries.AsNoTracking()
            .Where(a => a.PlanId == planId && !largeIds.Contains(a.ChangeSetId))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(take)
            .ToListAsync(ct);
        var counts = (await db.ActivityEntries.AsNoTracking()
                .Where(a => a.PlanId == planId && largeIds.Contains(a.ChangeSetId))
                .GroupBy(a => new { a.ChangeSetId, a.Action, a.ItemType })
                .Select(g => new { g.Key.ChangeSetId, g.Key.Action, g.Key.ItemType, Count = g.Count() })
                .ToListAsync(ct))
            .ToLookup(c => c.ChangeSetId!.Value);
        var summaries = large.Select(l =>
        {
            var parts = counts[l.ChangeSetId].OrderByDescending(c => c.Count)
                .Select(c => $"{c.Count} {(c.Count == 1 ? c.ItemType : Plural(c.ItemType))} {ActionPast(c.Action)}");
            var total = counts[l.ChangeSetId].Sum(c => c.Count);
            return new HistoryLine(l.Id, l.At, l.UserName ?? "", "made one change to", "", $"{total} items", $"({string.Join(", ", parts)})",
                "", null, null, l.ChangeSetId, []) { Whereabouts = ItemWhereabouts.Gone };
        }).ToList();
        var trashed = await db.TrashedItems.AsNoTracking().Where(t => t.PlanId == planId)
            .Select(t => new { t.ItemKind, t.ItemId }).ToListAsync(ct);
        var inTrash = trashed.Select(t => (t.ItemKind, t.ItemId)).ToHashSet();
        var existing = new HashSet<(string, int)>();
        foreach (var kind in entries.Where(e => e.ItemId is not null).GroupBy(e => e.ItemKind))
        {
            var type = EntityQueries.TypeOf(db, kind.Key);
            if (type is not null)
            {
                var ids = kind.Select(e => e.ItemId!.Value).Distinct().ToList();
                foreach (var item in await EntityQueries.ByIdsAsync(db, type.ClrType, ids, ct))
                {
                    existing.Add((kind.Key, item.Id));
                }
            }
        }

        return entries.Select(e => ToLine(e) with
            {
                Whereabouts = e.ItemId is not { } id ? ItemWhereabouts.Gone
                    : existing.Contains((e.ItemKind, id)) ? ItemWhereabouts.InPlan
                    : inTrash.Contains((e.ItemKind, id)) ? ItemWhereabouts.InTrash
                    : ItemWhereabouts.Gone,
            })
            .Concat(summaries)
            .OrderByDescending(l => l.At).ThenByDescending(l => l.Id)
            .Take(take)
            .ToList();
    }

    /// <summary>Above this many recorded changes, one action shows as a single summary line.</summary>
    public const int LargeChangeSet = 20;

    private static string ActionPast(string action) => action switch
    {
        "created" => "added",
        "updated" => "changed",
        _ => action,
    };

    private static string Plural(string noun) =>
        noun.EndsWith('s') ? noun + "es"
        : noun.EndsWith('y') && noun.Length > 1 && !"aeiou".Contains(noun[^2]) ? noun[..^1] + "ies"
        : noun + "s";

    /// <summary>One item's history, newest first, with each changed field's value before and after.</summary>
    public async Task<IReadOnlyList<HistoryLine>> ForItemAsync(int planId, string itemKind, int itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return [];
        }

        var entries = await db.ActivityEntries.AsNoTracking()
            .Where(a => a.PlanId == planId && a.ItemKind == itemKind && a.ItemId == itemId)
            .OrderByDescending(a => a.Id)
            .ToListAsync(ct);
        return entries.Select(ToLine).ToList();
    }

    internal static HistoryLine ToLine(ActivityEntry e)
    {
        var changes = FieldChange.Parse(e.Changes).Where(c => !HistoryRecorder.Position.Contains(c.Field)).ToList();
        var fields = changes.Select(c => new FieldChangeView(FieldLabels.For(c.Field), Shown(c.Field, c.BeforeText), Shown(c.Field, c.AfterText))).ToList();
        var (verb, detail) = Describe(e, changes, fields);
        var name = verb.StartsWith("renamed", StringComparison.Ordinal) ? changes[0].BeforeText : e.ItemName;
        return new HistoryLine(e.Id, e.At, e.UserName, verb, e.ItemType, name, detail, e.ItemKind, e.ItemId, e.ItemVersion, e.ChangeSetId, fields);
    }

    /// <summary>The field an item is known by; changing it alone is a rename.</summary>
    private static readonly HashSet<string> NameFields = ["Name", "Title", "Statement", "Text", "Label"];

    private static (string Verb, string Detail) Describe(ActivityEntry e, List<FieldChange> changes, List<FieldChangeView> fields)
    {
        switch (e.Action)
        {
            case "created":
                return ($"added {e.ItemType}", "");
            case "deleted":
                return ($"deleted {e.ItemType}", "");
            case "restored":
                return ($"restored {e.ItemType}", "");
        }

        if (fields.Count == 0)
        {
            return ($"{e.Action} {e.ItemType}", "");
        }

        if (e.Action == "moved" && fields.Where(f => f.Field is "phase" or "journey stage").Concat(fields.Where(f => f.Field == "lane")).FirstOrDefault() is { } move)
        {
            return ("moved", $"from {move.Before} to {move.After}");
        }

        if (fields.Count == 1 && NameFields.Contains(changes[0].Field))
        {
            return ($"renamed {e.ItemType}", $"to \"{changes[0].AfterText}\"");
        }

        if (fields.Count == 1 && changes[0].AfterText.Length <= 60 && changes[0].BeforeText.Length <= 60)
        {
            var field = fields[0];
            return ($"changed the {field.Field} of", $"from {Quoted(field.Before)} to {Quoted(field.After)}");
        }

        return ($"updated {e.ItemType}", $"({string.Join(", ", fields.Select(f => f.Field))})");
    }

    /// <summary>An empty value reads as what it means on the board: no phase is "Unscheduled", no lane "No lane".</summary>
    private static string Shown(string field, string text) => text.Length > 0 ? text : field switch
    {
        "PhaseId" => "Unscheduled",
        "LaneId" => "No lane",
        "StageId" => "no stage",
        "OwnerRoleId" => "no owner",
        _ => "(empty)",
    };

    private static string Quoted(string text) => text is "(empty)" or "yes" or "no" ? text : $"\"{text}\"";
}
