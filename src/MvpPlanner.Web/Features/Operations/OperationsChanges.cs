using MvpPlanner.Core.Features;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Workshops;

namespace MvpPlanner.Web.Features.Operations;

/// <summary>What the operations view (<see cref="OperationsService.GetAsync"/>) is made of: the pages built on it reload
/// for these items only, not for personas, problems, lanes, outcomes or share links.</summary>
public static class OperationsChanges
{
    public static bool Shows(PlanChange change) =>
        change.Touches<Commitment>() || change.Touches<JourneyStage>() || change.Touches<OperationRole>()
        || change.Touches<CoreProcess>() || change.Touches<EssentialTool>() || change.Touches<Kpi>()
        || change.Touches<KpiMeasurement>() || change.Touches<KpiReview>()
        || change.Touches<Feature>() || change.Touches<RoadmapPhase>();
}
