namespace MvpPlanner.Web.Features.Roadmap;

/// <summary>Which phases and lanes of a plan's board the user folded away. Kept for the circuit (one browser tab), so
/// coming back to the board from another page of the plan shows it as it was left; a new tab starts unfolded.</summary>
public sealed class BoardLayout
{
    private readonly HashSet<(int PlanId, bool IsLane, int? Id)> _collapsed = [];

    public bool IsPhaseCollapsed(int planId, int? phaseId) => _collapsed.Contains((planId, false, phaseId));

    public bool IsLaneCollapsed(int planId, int? laneId) => _collapsed.Contains((planId, true, laneId));

    public void TogglePhase(int planId, int? phaseId) => Toggle((planId, false, phaseId));

    public void ToggleLane(int planId, int? laneId) => Toggle((planId, true, laneId));

    /// <summary>Unfolds the phase and lane of a cell, so a card moved there by keyboard stays in sight.</summary>
    public void Reveal(int planId, BoardCell cell)
    {
        _collapsed.Remove((planId, false, cell.PhaseId));
        _collapsed.Remove((planId, true, cell.LaneId));
    }

    private void Toggle((int, bool, int?) key)
    {
        if (!_collapsed.Remove(key))
        {
            _collapsed.Add(key);
        }
    }
}
