namespace MvpPlanner.Core.Activity;

/// <summary>One line of a plan's history: who did what to which item, and when.</summary>
public class ActivityEntry
{
    public long Id { get; set; }

    public int PlanId { get; set; }

    public DateTime At { get; set; }

    public string? UserId { get; set; }

    public string UserName { get; set; } = "";

    public string Action { get; set; } = "";

    public string ItemType { get; set; } = "";

    public string ItemName { get; set; } = "";
}
