using System.Collections.Concurrent;

namespace MvpPlanner.Core.Workshops;

/// <summary>Someone with a plan open: in which section, and what they are editing if anything.</summary>
public sealed record PresenceEntry(string ConnectionId, string UserId, string DisplayName, string Section, string? Editing, DateTime Since)
{
    /// <summary>Which item is being edited ("persona:12"), so a dialog on the same item can say who else has it open.</summary>
    public string? EditingKey { get; init; }

    public string Initials => string.Concat(DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(w => char.ToUpperInvariant(w[0])));
}

/// <summary>Who is in each plan right now. One entry per open view (a person with two tabs counts once in the list,
/// shown by the view where they edit something, else their latest). Changes are announced through the plan change notifier, as "Presence".
/// The entries live in an <see cref="IPresenceStore"/>: this process's memory, or Redis when several instances serve the plan.</summary>
public sealed class PresenceTracker(IPlanChangeNotifier notifier, IPresenceStore store, TimeProvider clock)
{
    public IReadOnlyList<PresenceEntry> InPlan(int planId) =>
        store.InPlan(planId).GroupBy(e => e.UserId)
            .Select(g => g.OrderByDescending(e => e.Editing is not null).ThenByDescending(e => e.Since).First())
            .OrderBy(e => e.DisplayName).ToList();

    public void Enter(int planId, string connectionId, string userId, string displayName, string section)
    {
        store.Put(planId, new PresenceEntry(connectionId, userId, displayName, section, null, clock.GetUtcNow().UtcDateTime));
        Announce(planId, userId);
    }

    public void SetEditing(int planId, string connectionId, string? editing, string? key = null)
    {
        // Only the view itself changes its entry, so reading and writing it back races with nobody.
        if (store.Find(planId, connectionId) is { } entry)
        {
            store.Put(planId, entry with { Editing = editing, EditingKey = editing is null ? null : key });
            Announce(planId, entry.UserId);
        }
    }

    /// <summary>The names of others (other people, or the same person in another tab) editing the item <paramref name="key"/>.</summary>
    public IReadOnlyList<string> EditingBy(int planId, string key, string exceptConnectionId) =>
        store.InPlan(planId).Where(e => e.EditingKey == key && e.ConnectionId != exceptConnectionId).Select(e => e.DisplayName).Distinct().Order().ToList();

    public void Leave(int planId, string connectionId)
    {
        if (store.Remove(planId, connectionId) is { } entry)
        {
            Announce(planId, entry.UserId);
        }
    }

    private void Announce(int planId, string userId) => notifier.Publish(new PlanChange(planId, PresenceChange, userId));

    public const string PresenceChange = "Presence";
}

/// <summary>Where presence entries are kept, by plan and open view (connection id).</summary>
public interface IPresenceStore
{
    IReadOnlyList<PresenceEntry> InPlan(int planId);

    PresenceEntry? Find(int planId, string connectionId);

    void Put(int planId, PresenceEntry entry);

    /// <summary>Removes the entry and returns it; null when there was none.</summary>
    PresenceEntry? Remove(int planId, string connectionId);
}

/// <summary>Presence of one app instance, in its memory.</summary>
public sealed class InProcessPresenceStore : IPresenceStore
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<string, PresenceEntry>> _plans = new();

    public IReadOnlyList<PresenceEntry> InPlan(int planId) => _plans.TryGetValue(planId, out var entries) ? entries.Values.ToList() : [];

    public PresenceEntry? Find(int planId, string connectionId) =>
        _plans.TryGetValue(planId, out var entries) && entries.TryGetValue(connectionId, out var entry) ? entry : null;

    public void Put(int planId, PresenceEntry entry) => _plans.GetOrAdd(planId, _ => new())[entry.ConnectionId] = entry;

    public PresenceEntry? Remove(int planId, string connectionId) =>
        _plans.TryGetValue(planId, out var entries) && entries.TryRemove(connectionId, out var entry) ? entry : null;
}
