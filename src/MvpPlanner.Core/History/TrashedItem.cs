namespace MvpPlanner.Core.History;

/// <summary>A deleted plan item waiting 30 days in its plan's trash: the item's stored values with what hung off it
/// (its links, measurements, the cards that were in a phase), so Restore can bring it back as it was.</summary>
public class TrashedItem
{
    public long Id { get; set; }

    public int PlanId { get; set; }

    /// <summary>The entity's type ("Persona"), with <see cref="ItemId"/>: restored under the same id, so its history,
    /// links and any open link to it still find it.</summary>
    public string ItemKind { get; set; } = "";

    public int ItemId { get; set; }

    /// <summary>The item type as users say it ("persona").</summary>
    public string ItemType { get; set; } = "";

    public string Name { get; set; } = "";

    public DateTime DeletedAt { get; set; }

    public string? DeletedById { get; set; }

    public string DeletedByName { get; set; } = "";

    /// <summary>The action that deleted it; Undo of that action restores it.</summary>
    public Guid? ChangeSetId { get; set; }

    /// <summary>JSON: the item's values, links, children and the items that pointed at it.</summary>
    public string Content { get; set; } = "";

    /// <summary>"2 problems linked, 3 measurements" — what a restore brings back with it.</summary>
    public string Includes { get; set; } = "";
}
