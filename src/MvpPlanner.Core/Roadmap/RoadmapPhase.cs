using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.Roadmap;

public class RoadmapPhase : EntityBase, IOrdered
{
    protected internal override string ActivityName => Name;

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    public string Name { get; set; } = "";

    public int Order { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public string Goal { get; set; } = "";

    public string ExitCriteria { get; set; } = "";

    public List<Feature> Features { get; set; } = [];
}
