namespace MvpPlanner.Core.Common;

/// <summary>Something that lives inside one plan; its changes show in that plan's activity list.</summary>
public interface IPlanItem
{
    int PlanId { get; set; }
}
