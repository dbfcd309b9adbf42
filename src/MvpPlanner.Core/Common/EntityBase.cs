namespace MvpPlanner.Core.Common;

/// <summary>An editable thing in a plan. <see cref="Version"/> is the concurrency token: every save bumps it,
/// and a save based on an older version is refused instead of overwriting someone else's change.</summary>
public abstract class EntityBase
{
    public int Id { get; set; }

    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? CreatedById { get; set; }

    public string? UpdatedById { get; set; }

    /// <summary>The name the plan's activity list shows for this item.</summary>
    protected internal abstract string ActivityName { get; }
}
