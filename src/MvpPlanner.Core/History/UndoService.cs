using System.Collections;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.History;

/// <summary>One field Undo (or Restore) would overwrite although someone changed it since.</summary>
public sealed record UndoConflict(string ItemType, string ItemName, string Field, string Yours, string Theirs);

public sealed record UndoReport(IReadOnlyList<UndoConflict> Conflicts);

/// <summary>Takes back a whole action (every history entry of its change set), or puts an item back to an earlier
/// version, through the write path: it is itself a change, recorded and undoable. It never silently overwrites a
/// later change by someone else: the caller gets the conflicting fields and chooses.</summary>
public class UndoService(PlanWriter writer)
{
    public Task<ServiceResult<UndoReport>> UndoAsync(int planId, Guid changeSet, bool overwrite = false, CancellationToken ct = default) =>
        writer.WriteAsync<UndoReport>(planId, WorkspaceRole.Editor, async w =>
        {
            var entries = await w.Db.ActivityEntries.AsNoTracking()
                .Where(a => a.PlanId == planId && a.ChangeSetId == changeSet)
                .OrderByDescending(a => a.Id)
                .ToListAsync(ct);
            if (entries.Count == 0)
            {
                return Fail.NotFound("That change");
            }

            var conflicts = new List<UndoConflict>();
            var notes = new List<string>();
            var handled = new HashSet<(string, int)>();
            foreach (var entry in entries.Where(e => e.ItemId is not null))
            {
                var first = handled.Add((entry.ItemKind, entry.ItemId!.Value));
                switch (entry.Action)
                {
                    case "deleted":
                        var trashed = await w.Db.TrashedItems.AsNoTracking()
                            .FirstOrDefaultAsync(t => t.ItemKind == entry.ItemKind && t.ItemId == entry.ItemId, ct);
                        if (trashed is null)
                        {
                            notes.Add($"{entry.ItemType} \"{entry.ItemName}\" is no longer in the trash");
                            continue;
                        }

                        var restored = await TrashBin.RestoreAsync(w.Db, trashed, ct);
                        notes.AddRange(restored.Value?.NotRelinked ?? []);
                        break;
                    case "created" or "restored":
                        var made = await FindAsync(w.Db, planId, entry.ItemKind, entry.ItemId, ct);
                        if (made is null)
                        {
                            continue;
                        }

                        if (first && made.Version != entry.ItemVersion && !overwrite)
                        {
                            conflicts.Add(new UndoConflict(entry.ItemType, entry.ItemName, "", "remove it", "changed it since"));
                            continue;
                        }

                        await w.TrashAsync(made, ct);
                        break;
                    default:
                        var item = await FindAsync(w.Db, planId, entry.ItemKind, entry.ItemId, ct);
                        if (item is null)
                        {
                            notes.Add($"{entry.ItemType} \"{entry.ItemName}\" was deleted since");
                            continue;
                        }

                        var changes = FieldChange.Parse(entry.Changes);
                        if (first && item.Version != entry.ItemVersion && !overwrite)
                        {
                            conflicts.AddRange(await ConflictsAsync(w.Db, entry, item, changes, ct));
                            continue;
                        }

                        await PutBackAsync(w.Db, item, changes.Select(c => (c.Field, c.Before, c.After)), ct);
                        break;
                }
            }

            if (conflicts.Count > 0)
            {
                return ServiceResult<UndoReport>.Refused(ResultStatus.Conflict, new UndoReport(conflicts),
                    "Someone changed this after you. Undo anyway to put your earlier values back, or keep their change.");
            }

            var message = notes.Count == 0 ? "Undone." : $"Undone. {string.Join("; ", notes)}.";
            return ServiceResult<UndoReport>.Ok(new UndoReport([]), message);
        }, ct);

    /// <summary>Puts the item back to how it was at <paramref name="version"/>, if nobody changed it since the caller
    /// read <paramref name="expectedVersion"/>. Its position on a board stays where it is now.</summary>
    public Task<ServiceResult> RestoreVersionAsync(int planId, string itemKind, int itemId, int version, int expectedVersion, CancellationToken ct = default) =>
        writer.WriteAsync(planId, WorkspaceRole.Editor, async w =>
        {
            var later = await w.Db.ActivityEntries.AsNoTracking()
                .Where(a => a.PlanId == planId && a.ItemKind == itemKind && a.ItemId == itemId && a.ItemVersion > version && a.Changes != null)
                .OrderByDescending(a => a.ItemVersion)
                .ToListAsync(ct);
            var item = await FindAsync(w.Db, planId, itemKind, itemId, ct);
            if (item is null)
            {
                return ServiceResult.NotFound("The item");
            }

            // Walking back from now, the earliest later change's "before" is the value at that version.
            var values = new Dictionary<string, JsonElement?>();
            foreach (var change in later.SelectMany(e => FieldChange.Parse(e.Changes)).Where(c => !HistoryRecorder.Position.Contains(c.Field)))
            {
                values[change.Field] = change.Before;
            }

            if (values.Count == 0)
            {
                return ServiceResult.Ok("That is already the current version.");
            }

            w.BasedOn(item, expectedVersion);
            await PutBackAsync(w.Db, item, values.Select(v => (v.Key, v.Value, (JsonElement?)null)), ct);
            return ServiceResult.Ok($"Restored version {version} of \"{item.ActivityName}\".");
        }, ct);

    private static async Task<EntityBase?> FindAsync(PlannerDbContext db, int planId, string itemKind, int? itemId, CancellationToken ct)
    {
        var type = EntityQueries.TypeOf(db, itemKind);
        if (type is null || itemId is not { } id)
        {
            return null;
        }

        var rows = await EntityQueries.WhereEqualsAsync(db, type.ClrType, nameof(EntityBase.Id), typeof(int), id, track: true, ct);
        return rows.FirstOrDefault() is EntityBase item && PlanItems.PlanIdOf(item) == planId ? item : null;
    }

    private static async Task PutBackAsync(PlannerDbContext db, EntityBase item, IEnumerable<(string Field, JsonElement? Value, JsonElement? Added)> values, CancellationToken ct)
    {
        var entry = db.Entry(item);
        foreach (var (field, value, added) in values)
        {
            if (entry.Metadata.FindProperty(field) is { } property)
            {
                entry.Property(field).CurrentValue = value?.Deserialize(property.ClrType);
            }
            else if (entry.Metadata.FindSkipNavigation(field) is { } navigation)
            {
                var collection = entry.Collection(field);
                await collection.LoadAsync(ct);
                var wanted = value?.Deserialize<int[]>() ?? [];
                var list = (IList)collection.CurrentValue!;
                foreach (var linked in list.Cast<EntityBase>().Where(l => !wanted.Contains(l.Id)).ToList())
                {
                    list.Remove(linked);
                }

                var have = list.Cast<EntityBase>().Select(l => l.Id).ToHashSet();
                foreach (var id in wanted.Where(id => !have.Contains(id)))
                {
                    // A linked item deleted since cannot be linked again; the rest is.
                    if (await db.FindAsync(navigation.TargetEntityType.ClrType, [id], ct) is { } target)
                    {
                        list.Add(target);
                    }
                }

                entry.State = entry.State == EntityState.Unchanged ? EntityState.Modified : entry.State;
            }
            else if (entry.Metadata.FindNavigation(field) is { IsCollection: true } && added is not null)
            {
                var collection = entry.Collection(field);
                await collection.LoadAsync(ct);
                if (IsRows(value))
                {
                    // Rows corrected or removed (an outcome's measurements): put their values before back.
                    RowsBack(db, collection, value!.Value);
                    continue;
                }

                // Rows added under the item (a KPI's measurements): undo removes those the change added, no others.
                var remove = added.Value.Deserialize<int[]>() ?? [];
                foreach (var row in collection.CurrentValue!.Cast<object>().Where(r => remove.Contains(PlanItems.IdOf(r))).ToList())
                {
                    db.Remove(row);
                }
            }
        }
    }

    private static bool IsRows(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() > 0 && array[0].ValueKind == JsonValueKind.Object;

    /// <summary>Writes each row's recorded values back: onto the row if it is still there, else as the same row again.</summary>
    private static void RowsBack(PlannerDbContext db, CollectionEntry collection, JsonElement rows)
    {
        var type = collection.Metadata.TargetEntityType;
        foreach (var values in rows.EnumerateArray())
        {
            var id = values.GetProperty("Id").GetInt32();
            var row = collection.CurrentValue!.Cast<object>().FirstOrDefault(r => PlanItems.IdOf(r) == id);
            var isNew = row is null;
            row ??= Activator.CreateInstance(type.ClrType)!;
            var rowEntry = db.Entry(row);
            foreach (var property in type.GetProperties())
            {
                if (values.TryGetProperty(property.Name, out var stored) && !(property.IsKey() && !isNew))
                {
                    rowEntry.Property(property.Name).CurrentValue = stored.Deserialize(property.ClrType);
                }
            }

            if (isNew)
            {
                db.Add(row);
            }
        }
    }

    private static async Task<IEnumerable<UndoConflict>> ConflictsAsync(PlannerDbContext db, ActivityEntry entry, EntityBase item, IReadOnlyList<FieldChange> changes, CancellationToken ct)
    {
        var conflicts = new List<UndoConflict>();
        var itemEntry = db.Entry(item);
        foreach (var change in changes.Where(c => !HistoryRecorder.Position.Contains(c.Field)))
        {
            conflicts.Add(new UndoConflict(entry.ItemType, item.ActivityName, FieldLabels.For(change.Field), change.BeforeText,
                await CurrentTextAsync(db, itemEntry, change.Field, ct)));
        }

        return conflicts;
    }

    private static async Task<string> CurrentTextAsync(PlannerDbContext db, EntityEntry entry, string field, CancellationToken ct)
    {
        if (entry.Metadata.FindProperty(field) is { } property)
        {
            var value = entry.Property(field).CurrentValue;
            if (property.IsForeignKey() && value is int id)
            {
                var names = await HistoryRecorder.NamesAsync(db, property.GetContainingForeignKeys().First().PrincipalEntityType, [id], ct);
                return names.GetValueOrDefault(id, "");
            }

            return FieldChange.Describe(value);
        }

        if (entry.Metadata.FindSkipNavigation(field) is not null)
        {
            var collection = entry.Collection(field);
            await collection.LoadAsync(ct);
            return string.Join(", ", collection.CurrentValue!.Cast<EntityBase>().Select(e => e.ActivityName).Order());
        }

        return "";
    }
}
