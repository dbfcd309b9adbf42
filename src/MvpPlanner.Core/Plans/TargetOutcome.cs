using MvpPlanner.Core.Common;

namespace MvpPlanner.Core.Plans;

/// <summary>A measurable change in behaviour the plan aims for (the MVP seed's "tangible outcomes").</summary>
public class TargetOutcome : EntityBase, IPlanItem
{
    protected internal override string ActivityName => Description;

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    public string Description { get; set; } = "";

    public string Metric { get; set; } = "";

    public string Baseline { get; set; } = "";

    public string Target { get; set; } = "";

    public int Order { get; set; }
}
