using MvpPlanner.Core.Common;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.Roadmap;

public enum MilestoneKind
{
    Launch,
    PilotStart,
    BetaStart,
    GoNoGo,
    Announcement,
    Review,
    Other,
}

/// <summary>A dated point on the roadmap (a launch, the start of the pilot, a go/no-go meeting, an announcement),
/// optionally in one lane.</summary>
public class Milestone : EntityBase, IPlanItem
{
    protected internal override string ActivityName => Name;

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    public string Name { get; set; } = "";

    public DateOnly Date { get; set; }

    public MilestoneKind Kind { get; set; }

    public int? LaneId { get; set; }

    public Lane? Lane { get; set; }

    public string Notes { get; set; } = "";
}
