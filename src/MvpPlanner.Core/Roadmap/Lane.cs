using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.Roadmap;

/// <summary>A row of the roadmap: the kind of work (design, development, communication, go-to-market).</summary>
public class Lane : EntityBase, IOrdered
{
    protected internal override string ActivityName => Name;

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    public string Name { get; set; } = "";

    public int Order { get; set; }

    public List<Feature> Features { get; set; } = [];
}
