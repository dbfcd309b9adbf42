namespace MvpPlanner.Core.Workshops;

/// <summary>What a workshop change is called on the plan change notifier: sessions, votes and dots announce it, and views
/// compare <see cref="PlanChange.What"/> to it.</summary>
public static class WorkshopChanges
{
    public const string Change = "Workshop";
}
