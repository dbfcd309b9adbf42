using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Web.Features.Gates;

/// <summary>Work moved past a gate that is not met yet: a warning, never a refusal (the team may be preparing ahead).</summary>
public static class GateWarnings
{
    /// <summary>The warning for moving work into <paramref name="phaseId"/>: about the nearest earlier phase whose gate
    /// has conditions that are not all met; null when there is none (or the work goes to Unscheduled).</summary>
    public static string? ForMoveInto(IReadOnlyList<PhaseGate> gates, int? phaseId)
    {
        var target = gates.FirstOrDefault(g => g.PhaseId == phaseId);
        if (target is null)
        {
            return null;
        }

        var blocking = gates.Where(g => (g.Order, g.PhaseId).CompareTo((target.Order, target.PhaseId)) < 0 && g.Result.HasGate && !g.Result.IsMet)
            .OrderBy(g => g.Order).ThenBy(g => g.PhaseId).LastOrDefault();
        return blocking is null ? null : GateLabels.NotMetWarning(blocking.PhaseName, blocking.Result);
    }
}
