namespace MvpPlanner.Core.History;

/// <summary>One line of a plan's history: who did what to which item, when, and each changed field's value before
/// and after (<see cref="Changes"/>), so the item's History can show it and Undo can put it back.</summary>
public class ActivityEntry
{
    public long Id { get; set; }

    public int PlanId { get; set; }

    public DateTime At { get; set; }

    public string? UserId { get; set; }

    public string UserName { get; set; } = "";

    /// <summary>created, updated, moved, deleted or restored.</summary>
    public string Action { get; set; } = "";

    /// <summary>The item type as users say it ("feature", "journey stage").</summary>
    public string ItemType { get; set; } = "";

    public string ItemName { get; set; } = "";

    /// <summary>The entity's type ("Feature"); with <see cref="ItemId"/> it finds the item, its history or its trash entry.</summary>
    public string ItemKind { get; set; } = "";

    public int? ItemId { get; set; }

    /// <summary>The item's version after this change (for a delete: the version that was deleted). Undo puts a change
    /// back only while the item is still at this version; otherwise someone changed it since and the user chooses.</summary>
    public int? ItemVersion { get; set; }

    /// <summary>All entries written by one user action share it: one Undo takes back the whole action.</summary>
    public Guid? ChangeSetId { get; set; }

    /// <summary>JSON list of <see cref="FieldChange"/>; null for creates and deletes (the trash keeps a deleted item).</summary>
    public string? Changes { get; set; }
}
