using MvpPlanner.Core.Workshops;

namespace MvpPlanner.Web.Features.Plans;

/// <summary>This browser tab's place in a plan's presence list (set by the page's <c>PresenceBar</c>), so an edit
/// dialog can say what is being edited, and see who else edits the same item, without knowing about the page.</summary>
public sealed class PresenceHere(PresenceTracker tracker)
{
    public int? PlanId { get; private set; }

    public string? ConnectionId { get; private set; }

    public void Joined(int planId, string connectionId) => (PlanId, ConnectionId) = (planId, connectionId);

    public void Left(string connectionId)
    {
        if (ConnectionId == connectionId)
        {
            (PlanId, ConnectionId) = (null, null);
        }
    }

    /// <summary>Announces what this tab edits (null when the dialog closes).</summary>
    public void Editing(string? label, string? key)
    {
        if (PlanId is { } planId && ConnectionId is { } connectionId)
        {
            tracker.SetEditing(planId, connectionId, label, key);
        }
    }

    public IReadOnlyList<string> OthersEditing(string key) =>
        PlanId is { } planId && ConnectionId is { } connectionId ? tracker.EditingBy(planId, key, connectionId) : [];
}
