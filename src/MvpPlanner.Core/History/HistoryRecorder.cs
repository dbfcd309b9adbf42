using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.History;

/// <summary>Turns what a context is about to save into history entries: one per plan item, with each changed field's
/// value before and after and, for links (a feature's problems), the ids linked and unlinked. Runs inside every save,
/// so no service can change a plan without leaving a trace.</summary>
internal static class HistoryRecorder
{
    /// <summary>Bookkeeping, not content: never shown and never put back.</summary>
    private static readonly HashSet<string> Bookkeeping =
    [
        nameof(EntityBase.Id), nameof(EntityBase.Version), nameof(EntityBase.CreatedAt), nameof(EntityBase.UpdatedAt),
        nameof(EntityBase.CreatedById), nameof(EntityBase.UpdatedById), nameof(IPlanItem.PlanId), nameof(Plan.ContentStamp),
        nameof(Plan.WorkspaceId), nameof(Plan.DeletedAt), nameof(Plan.DeletedById), nameof(Plan.OrderVersion),
    ];

    /// <summary>A card's place within its cell: recorded with a content change (so Undo of a move puts the card back where
    /// it was), but renumbering alone is noise.</summary>
    internal static readonly HashSet<string> Position = ["Rank", "Order"];

    private static readonly HashSet<string> Moves = ["PhaseId", "LaneId", "StageId"];

    internal sealed record Pending(EntityBase Item, string Action, int? Version, List<FieldChange> Changes)
    {
        /// <summary>Rows added under the item (a KPI's measurement): their ids exist only after the save.</summary>
        public List<(string Navigation, object Row)> AddedRows { get; } = [];

        /// <summary>Rows under the item corrected or removed (an outcome's measurement): their values before and after
        /// (none after a removal), so Undo can put them back as they were.</summary>
        public List<(string Navigation, Dictionary<string, JsonElement> Before, Dictionary<string, JsonElement>? After, string BeforeText, string AfterText)> ChangedRows { get; } = [];
    }

    /// <summary>Reads the changes before they are saved (afterwards the original values are gone). New items get their
    /// ids from the save, so the entries are made from <see cref="Pending"/> after it.</summary>
    public static async Task<List<Pending>> CollectAsync(PlannerDbContext db, CancellationToken ct)
    {
        var pending = new List<Pending>();
        var byEntity = new Dictionary<object, Pending>(ReferenceEqualityComparer.Instance);
        foreach (var entry in db.ChangeTracker.Entries<EntityBase>().ToList())
        {
            if (entry.Entity is not (Plan or IPlanItem))
            {
                continue;
            }

            Pending? item = entry.State switch
            {
                EntityState.Added => new(entry.Entity, db.IsRestoring(entry.Entity) ? "restored" : "created", entry.Entity.Version, []),
                EntityState.Deleted => new(entry.Entity, "deleted", entry.Property(e => e.Version).OriginalValue, []),
                EntityState.Modified => await ModifiedAsync(db, entry, ct),
                _ => null,
            };
            if (item is not null)
            {
                pending.Add(item);
                byEntity[entry.Entity] = item;
            }
        }

        await CollectLinksAsync(db, byEntity, ct);
        CollectRows(db, byEntity, pending);

        // An item whose only change is its links gets an entry; a bare version bump or renumbering alone does not.
        pending.RemoveAll(p => p.Action is "updated" or "moved" && p.AddedRows.Count == 0 && p.ChangedRows.Count == 0
            && p.Changes.All(c => Position.Contains(c.Field)) && !(db.IsMoved(p.Item) && p.Changes.Count > 0));
        return pending;
    }

    public static ActivityEntry ToEntry(Pending p, DateTime now, Caller? user, Guid changeSet)
    {
        foreach (var group in p.AddedRows.GroupBy(r => r.Navigation))
        {
            // Undo of an added row removes it: the field's value before is "none of these", after is their ids.
            var ids = group.Select(r => PlanItems.IdOf(r.Row)).ToArray();
            p.Changes.Add(new FieldChange(group.Key, JsonSerializer.SerializeToElement(Array.Empty<int>()), JsonSerializer.SerializeToElement(ids),
                "", string.Join("; ", group.Select(r => RowText(r.Row)))));
        }

        foreach (var group in p.ChangedRows.GroupBy(r => r.Navigation))
        {
            // Undo of a corrected or removed row writes its values before back; ids stay, so the row is the same one.
            p.Changes.Add(new FieldChange(group.Key, JsonSerializer.SerializeToElement(group.Select(r => r.Before).ToArray()),
                JsonSerializer.SerializeToElement(group.Select(r => r.After).OfType<Dictionary<string, JsonElement>>().ToArray()),
                string.Join("; ", group.Select(r => r.BeforeText)), string.Join("; ", group.Select(r => r.AfterText))));
        }

        return NewEntry(p, now, user, changeSet);
    }

    private static string RowText(object row) => row switch
    {
        Operations.KpiMeasurement m => $"{FieldChange.Describe(m.Value)} on {FieldChange.Describe(m.MeasuredOn)}",
        Operations.KpiReview r => $"review held on {FieldChange.Describe(r.HeldOn)}",
        OutcomeMeasurement m => $"{FieldChange.Describe(m.Value)} on {FieldChange.Describe(m.MeasuredOn)}",
        _ => "",
    };

    private static Dictionary<string, JsonElement> Snapshot(EntityEntry row, bool original) =>
        row.Properties.ToDictionary(p => p.Metadata.Name, p => JsonSerializer.SerializeToElement(original ? p.OriginalValue : p.CurrentValue, p.Metadata.ClrType));

    /// <summary>A row as the history reads it, from its values before or after the change.</summary>
    private static string RowText(EntityEntry row, bool original)
    {
        string Value(string name) => row.Metadata.FindProperty(name) is null ? ""
            : FieldChange.Describe(original ? row.Property(name).OriginalValue : row.Property(name).CurrentValue);
        return row.Entity is OutcomeMeasurement or Operations.KpiMeasurement ? $"{Value("Value")} on {Value("MeasuredOn")}" : "";
    }

    /// <summary>A row that belongs to a plan item (a KPI's measurement or review) is a change of that item.</summary>
    private static void CollectRows(PlannerDbContext db, Dictionary<object, Pending> byEntity, List<Pending> pending)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is not EntityBase && !e.Metadata.IsPropertyBag))
        {
            foreach (var navigation in entry.Navigations.OfType<ReferenceEntry>())
            {
                if (navigation.Metadata is not INavigation { ForeignKey.IsOwnership: false } reference || reference.Inverse is null)
                {
                    continue;
                }

                var ownerId = entry.Property(reference.ForeignKey.Properties[0].Name).CurrentValue;
                var owner = db.ChangeTracker.Entries<EntityBase>()
                    .FirstOrDefault(t => t.Metadata.ClrType == reference.TargetEntityType.ClrType && Equals(t.Entity.Id, ownerId));
                if (owner?.Entity is not IPlanItem || owner.State == EntityState.Deleted)
                {
                    continue;
                }

                if (!byEntity.TryGetValue(owner.Entity, out var ownerPending))
                {
                    ownerPending = new Pending(owner.Entity, "updated", owner.Entity.Version, []);
                    byEntity[owner.Entity] = ownerPending;
                    pending.Add(ownerPending);
                }

                if (entry.State == EntityState.Added)
                {
                    ownerPending.AddedRows.Add((reference.Inverse.Name, entry.Entity));
                }
                else
                {
                    var removed = entry.State == EntityState.Deleted;
                    ownerPending.ChangedRows.Add((reference.Inverse.Name, Snapshot(entry, original: true), removed ? null : Snapshot(entry, original: false),
                        RowText(entry, original: true), removed ? "" : RowText(entry, original: false)));
                }
            }
        }
    }

    private static ActivityEntry NewEntry(Pending p, DateTime now, Caller? user, Guid changeSet) => new()
    {
        PlanId = PlanItems.PlanIdOf(p.Item),
        At = now,
        UserId = user?.AccountId,
        UserName = user?.DisplayName ?? "System",
        Action = p.Action,
        ItemType = PlanItems.KindName(p.Item),
        ItemKind = p.Item.GetType().Name,
        ItemId = p.Item.Id,
        ItemVersion = p.Action == "deleted" ? p.Version : p.Item.Version,
        ItemName = p.Item.ActivityName.Length > 200 ? p.Item.ActivityName[..200] : p.Item.ActivityName,
        ChangeSetId = changeSet,
        Changes = p.Changes.Count == 0 ? null : FieldChange.Serialize(p.Changes),
    };


    private static async Task<Pending?> ModifiedAsync(PlannerDbContext db, EntityEntry<EntityBase> entry, CancellationToken ct)
    {
        var changes = new List<FieldChange>();
        foreach (var property in entry.Properties.Where(p => p.IsModified && !Bookkeeping.Contains(p.Metadata.Name)))
        {
            var (before, after) = (property.OriginalValue, property.CurrentValue);
            if (Equals(before, after))
            {
                continue;
            }

            var type = property.Metadata.ClrType;
            var (beforeText, afterText) = property.Metadata.IsForeignKey()
                ? (await NameOfAsync(db, property.Metadata, before, ct), await NameOfAsync(db, property.Metadata, after, ct))
                : (FieldChange.Describe(before), FieldChange.Describe(after));
            changes.Add(new FieldChange(property.Metadata.Name, JsonSerializer.SerializeToElement(before, type),
                JsonSerializer.SerializeToElement(after, type), beforeText, afterText));
        }

        // A version bump with no content change (links only) still gets an entry once its links are collected.
        var action = changes.Any(c => Moves.Contains(c.Field)) || db.IsMoved(entry.Entity) ? "moved" : "updated";
        return new Pending(entry.Entity, action, entry.Entity.Version, changes);
    }

    /// <summary>Link rows (a feature's problems) added or removed are recorded on the item being edited, as one field
    /// whose values are the linked ids before and after.</summary>
    private static async Task CollectLinksAsync(PlannerDbContext db, Dictionary<object, Pending> byEntity, CancellationToken ct)
    {
        var links = db.ChangeTracker.Entries()
            .Where(e => e.Metadata.IsPropertyBag && e.State is EntityState.Added or EntityState.Deleted)
            .ToList();
        if (links.Count == 0)
        {
            return;
        }

        var tracked = db.ChangeTracker.Entries<EntityBase>().ToList();
        var changed = new Dictionary<(Pending Owner, ISkipNavigation Navigation), (HashSet<int> Added, HashSet<int> Removed)>();
        foreach (var link in links)
        {
            foreach (var navigation in SkipNavigationsThrough(db.Model, link.Metadata))
            {
                var ownerId = (int)link.Property(navigation.ForeignKey.Properties[0].Name).CurrentValue!;
                var targetId = (int)link.Property(navigation.Inverse.ForeignKey.Properties[0].Name).CurrentValue!;
                var owner = tracked.FirstOrDefault(t => t.Metadata.ClrType == navigation.DeclaringEntityType.ClrType && t.Entity.Id == ownerId);
                if (owner is null || owner.State != EntityState.Modified || !byEntity.TryGetValue(owner.Entity, out var ownerPending))
                {
                    continue;
                }

                if (!changed.TryGetValue((ownerPending, navigation), out var sets))
                {
                    changed[(ownerPending, navigation)] = sets = ([], []);
                }

                (link.State == EntityState.Added ? sets.Added : sets.Removed).Add(targetId);
            }
        }

        foreach (var ((owner, navigation), (added, removed)) in changed)
        {
            var ownerEntry = db.Entry(owner.Item);
            var collection = ownerEntry.Collection(navigation.Name);
            var after = collection.IsLoaded && collection.CurrentValue is { } current
                ? current.Cast<EntityBase>().Select(e => e.Id).ToHashSet()
                : added.ToHashSet();
            var before = after.Except(added).Union(removed).ToHashSet();
            if (before.SetEquals(after))
            {
                continue;
            }

            var names = await NamesAsync(db, navigation.TargetEntityType, before.Union(after), ct);
            string Text(IEnumerable<int> ids) => string.Join(", ", ids.Select(id => names.GetValueOrDefault(id, $"#{id}")).Order());
            owner.Changes.Add(new FieldChange(navigation.Name,
                JsonSerializer.SerializeToElement(before.Order().ToArray()), JsonSerializer.SerializeToElement(after.Order().ToArray()),
                Text(before), Text(after)));
        }

    }

    internal static IEnumerable<ISkipNavigation> SkipNavigationsThrough(IModel model, IEntityType joinType) =>
        model.GetEntityTypes().SelectMany(t => t.GetSkipNavigations()).Where(s => s.JoinEntityType == joinType);

    private static async Task<string> NameOfAsync(PlannerDbContext db, IProperty foreignKey, object? id, CancellationToken ct)
    {
        if (id is not int key)
        {
            return "";
        }

        var principal = foreignKey.GetContainingForeignKeys().First().PrincipalEntityType;
        var names = await NamesAsync(db, principal, [key], ct);
        return names.GetValueOrDefault(key, $"#{key}");
    }

    /// <summary>Names of items by id: from what the context tracks, else from the database (without tracking them).</summary>
    internal static async Task<Dictionary<int, string>> NamesAsync(PlannerDbContext db, ITypeBase type, IEnumerable<int> ids, CancellationToken ct)
    {
        var names = new Dictionary<int, string>();
        var missing = new List<int>();
        foreach (var id in ids.Distinct())
        {
            var tracked = db.ChangeTracker.Entries<EntityBase>().FirstOrDefault(e => e.Metadata.ClrType == type.ClrType && e.Entity.Id == id);
            if (tracked is not null)
            {
                names[id] = tracked.Entity.ActivityName;
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count > 0)
        {
            foreach (var item in await EntityQueries.ByIdsAsync(db, type.ClrType, missing, ct))
            {
                names[item.Id] = item.ActivityName;
            }
        }

        return names;
    }
}
