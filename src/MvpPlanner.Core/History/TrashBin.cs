using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.History;

/// <summary>What a trash entry holds, read from the model's metadata so every kind of item is kept the same way:
/// the item's stored values, its links (a persona's problems), the rows that belong to it and would be deleted with it
/// (a KPI's measurements), and the items that pointed at it and were left pointing nowhere (the features in a phase).</summary>
internal sealed record TrashContent(
    Dictionary<string, JsonElement> Values,
    Dictionary<string, string> References,
    List<TrashLink> Links,
    List<TrashChild> Children,
    List<TrashReferrer> Referrers);

internal sealed record TrashLink(string Navigation, int TargetId, string TargetName);

internal sealed record TrashChild(string Kind, Dictionary<string, JsonElement> Values);

internal sealed record TrashReferrer(string Kind, string ForeignKey, int Id, string Name);

/// <summary>What a restore brought back, and what it could not relink because the other item is gone.</summary>
public sealed record RestoreReport(string ItemType, string Name, IReadOnlyList<string> NotRelinked)
{
    public string Message => NotRelinked.Count == 0
        ? $"Restored {ItemType} \"{Name}\"."
        : $"Restored {ItemType} \"{Name}\". Not relinked: {string.Join("; ", NotRelinked)}.";
}

internal static class TrashBin
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    public static async Task MoveAsync(PlannerDbContext db, EntityBase item, CancellationToken ct)
    {
        var entry = db.Entry(item);
        var type = entry.Metadata;
        var values = ValuesOf(entry.Properties.Select(p => (p.Metadata, p.OriginalValue)));
        var references = new Dictionary<string, string>();
        foreach (var fk in type.GetForeignKeys().Where(f => f.PrincipalEntityType.ClrType != typeof(Plan)))
        {
            if (entry.Property(fk.Properties[0].Name).OriginalValue is int id)
            {
                var names = await HistoryRecorder.NamesAsync(db, fk.PrincipalEntityType, [id], ct);
                references[fk.Properties[0].Name] = names.GetValueOrDefault(id, "");
            }
        }

        var links = new List<TrashLink>();
        foreach (var navigation in type.GetSkipNavigations())
        {
            var ids = await LinkedIdsAsync(db, navigation, item.Id, ct);
            var names = await HistoryRecorder.NamesAsync(db, navigation.TargetEntityType, ids, ct);
            links.AddRange(ids.Select(id => new TrashLink(navigation.Name, id, names.GetValueOrDefault(id, $"#{id}"))));
        }

        var children = new List<TrashChild>();
        var referrers = new List<TrashReferrer>();
        foreach (var fk in type.GetReferencingForeignKeys().Where(f => !f.DeclaringEntityType.IsPropertyBag))
        {
            var property = fk.Properties[0];
            var rows = await EntityQueries.WhereEqualsAsync(db, fk.DeclaringEntityType.ClrType, property.Name, property.ClrType, item.Id, track: false, ct);
            foreach (var row in rows)
            {
                if (fk.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.ClientCascade)
                {
                    var rowEntry = db.Entry(row);
                    children.Add(new TrashChild(fk.DeclaringEntityType.ClrType.Name, ValuesOf(rowEntry.Properties.Select(p => (p.Metadata, p.CurrentValue)))));
                }
                else if (row is EntityBase referrer)
                {
                    referrers.Add(new TrashReferrer(fk.DeclaringEntityType.ClrType.Name, property.Name, referrer.Id, referrer.ActivityName));
                }
            }
        }

        var caller = db.ActingUser;
        db.TrashedItems.Add(new TrashedItem
        {
            PlanId = PlanItems.PlanIdOf(item),
            ItemKind = type.ClrType.Name,
            ItemId = item.Id,
            ItemType = PlanItems.KindName(item),
            Name = Shorten(item.ActivityName, TextLimits.Name),
            DeletedAt = db.Clock.GetUtcNow().UtcDateTime,
            DeletedById = caller?.UserId,
            DeletedByName = caller?.DisplayName ?? "System",
            ChangeSetId = db.ChangeSetId,
            Content = JsonSerializer.Serialize(new TrashContent(values, references, links, children, referrers)),
            Includes = Shorten(Describe(links, children, referrers), TextLimits.Line),
        });
        db.Remove(item);
    }

    /// <summary>Puts the item back under its own id, with its values, the rows that belonged to it, its links where the
    /// linked item still exists, and the items that pointed at it where they point nowhere else yet.</summary>
    public static async Task<ServiceResult<RestoreReport>> RestoreAsync(PlannerDbContext db, TrashedItem trashed, CancellationToken ct)
    {
        // Of two people restoring at once, the one whose delete of the trash row counts restores it.
        if (await db.TrashedItems.Where(t => t.Id == trashed.Id).ExecuteDeleteAsync(ct) == 0)
        {
            return Fail.NotFound($"The {trashed.ItemType} in the trash");
        }

        var content = JsonSerializer.Deserialize<TrashContent>(trashed.Content)!;
        var type = EntityTypeOf(db, trashed.ItemKind);
        var item = (EntityBase)Activator.CreateInstance(type.ClrType)!;
        Assign(db, item, type, content.Values);
        var notRelinked = new List<string>();

        foreach (var fk in type.GetForeignKeys().Where(f => f.PrincipalEntityType.ClrType != typeof(Plan)))
        {
            var property = fk.Properties[0];
            if (db.Entry(item).Property(property.Name).CurrentValue is int id && !await ExistsAsync(db, fk.PrincipalEntityType.ClrType, id, ct))
            {
                db.Entry(item).Property(property.Name).CurrentValue = null;
                var name = content.References.GetValueOrDefault(property.Name, "");
                notRelinked.Add($"its {FieldLabels.For(property.Name)} \"{name}\" is gone");
            }
        }

        var createdAt = content.Values.TryGetValue(nameof(EntityBase.CreatedAt), out var created) ? created.Deserialize<DateTime>() : db.Clock.GetUtcNow().UtcDateTime;
        var createdBy = content.Values.TryGetValue(nameof(EntityBase.CreatedById), out var by) ? by.Deserialize<string?>() : null;
        db.MarkRestoring(item, item.Version, createdAt, createdBy);
        await PutBackInOrderAsync(db, item, type, ct);
        db.Add(item);

        foreach (var link in content.Links)
        {
            var navigation = type.FindSkipNavigation(link.Navigation);
            if (navigation is null)
            {
                continue;
            }

            if (await ExistsAsync(db, navigation.TargetEntityType.ClrType, link.TargetId, ct))
            {
                db.Set<Dictionary<string, object>>(navigation.JoinEntityType.Name).Add(new Dictionary<string, object>
                {
                    [navigation.ForeignKey.Properties[0].Name] = item.Id,
                    [navigation.Inverse.ForeignKey.Properties[0].Name] = link.TargetId,
                });
            }
            else
            {
                notRelinked.Add($"{KindWord(navigation.TargetEntityType)} \"{link.TargetName}\" is gone");
            }
        }

        foreach (var child in content.Children)
        {
            var childType = EntityTypeOf(db, child.Kind);
            var row = Activator.CreateInstance(childType.ClrType)!;
            Assign(db, row, childType, child.Values);
            db.Add(row);
        }

        var leftWhereTheyAre = 0;
        foreach (var referrer in content.Referrers)
        {
            var rows = await EntityQueries.WhereEqualsAsync(db, EntityTypeOf(db, referrer.Kind).ClrType, nameof(EntityBase.Id), typeof(int), referrer.Id, track: true, ct);
            if (rows.FirstOrDefault() is { } row)
            {
                var property = db.Entry(row).Property(referrer.ForeignKey);
                if (property.CurrentValue is null)
                {
                    property.CurrentValue = item.Id;
                }
                else
                {
                    leftWhereTheyAre++;
                }
            }
        }

        if (leftWhereTheyAre > 0)
        {
            notRelinked.Add($"{Text.Plural(leftWhereTheyAre, "item")} moved elsewhere since stayed where they are");
        }

        return ServiceResult<RestoreReport>.Ok(new RestoreReport(trashed.ItemType, trashed.Name, notRelinked));
    }

    /// <summary>A phase, lane or journey stage goes back to its old place in the plan's order, and the ones after it
    /// move up one, so no two share a place.</summary>
    private static async Task PutBackInOrderAsync(PlannerDbContext db, EntityBase item, IEntityType type, CancellationToken ct)
    {
        const string order = "Order";
        if (type.FindProperty(order) is null || item is not IPlanItem planItem)
        {
            return;
        }

        var siblings = (await EntityQueries.WhereEqualsAsync(db, type.ClrType, nameof(IPlanItem.PlanId), typeof(int), planItem.PlanId, track: true, ct))
            .Cast<EntityBase>()
            .OrderBy(s => (int)db.Entry(s).Property(order).CurrentValue!).ThenBy(s => s.Id)
            .ToList();
        var place = Math.Clamp((int)db.Entry(item).Property(order).CurrentValue!, 0, siblings.Count);
        siblings.Insert(place, item);
        for (var i = 0; i < siblings.Count; i++)
        {
            if ((int)db.Entry(siblings[i]).Property(order).CurrentValue! != i)
            {
                db.Entry(siblings[i]).Property(order).CurrentValue = i;
            }
        }
    }

    private static IEntityType EntityTypeOf(PlannerDbContext db, string kind) =>
        EntityQueries.TypeOf(db, kind) ?? throw new InvalidOperationException($"The trash names an unknown kind of item: {kind}.");

    private static async Task<bool> ExistsAsync(PlannerDbContext db, Type type, int id, CancellationToken ct) =>
        (await EntityQueries.ByIdsAsync(db, type, [id], ct)).Count > 0;

    private static async Task<List<int>> LinkedIdsAsync(PlannerDbContext db, ISkipNavigation navigation, int id, CancellationToken ct)
    {
        var owner = navigation.ForeignKey.Properties[0].Name;
        var target = navigation.Inverse.ForeignKey.Properties[0].Name;
        return await db.Set<Dictionary<string, object>>(navigation.JoinEntityType.Name)
            .Where(j => EF.Property<int>(j, owner) == id)
            .Select(j => EF.Property<int>(j, target))
            .ToListAsync(ct);
    }

    private static Dictionary<string, JsonElement> ValuesOf(IEnumerable<(IProperty Property, object? Value)> properties) =>
        properties.ToDictionary(p => p.Property.Name, p => JsonSerializer.SerializeToElement(p.Value, p.Property.ClrType));

    private static void Assign(PlannerDbContext db, object row, IEntityType type, Dictionary<string, JsonElement> values)
    {
        var entry = db.Entry(row);
        foreach (var (name, value) in values)
        {
            if (type.FindProperty(name) is { } property)
            {
                entry.Property(name).CurrentValue = value.Deserialize(property.ClrType);
            }
        }
    }

    private static string Describe(List<TrashLink> links, List<TrashChild> children, List<TrashReferrer> referrers)
    {
        var parts = links.GroupBy(l => l.Navigation).Select(g => $"linked to {Text.Plural(g.Count(), FieldLabels.Singular(g.Key))}")
            .Concat(children.GroupBy(c => c.Kind).Select(g => Text.Plural(g.Count(), FieldLabels.For(g.Key))))
            .Concat(referrers.GroupBy(r => (r.Kind, r.ForeignKey)).Select(g =>
                $"{Text.Plural(g.Count(), FieldLabels.For(g.Key.Kind), FieldLabels.For(g.Key.Kind) + (g.Key.Kind.EndsWith("ss", StringComparison.Ordinal) ? "es" : "s"))} {(g.Key.ForeignKey == "OwnerRoleId" ? "owned by it" : "in it")}"));
        return string.Join(", ", parts);
    }

    private static string KindWord(IReadOnlyTypeBase type) => FieldLabels.Words(type.ClrType.Name).ToLowerInvariant();

    private static string Shorten(string text, int max) => text.Length > max ? text[..max] : text;
}
