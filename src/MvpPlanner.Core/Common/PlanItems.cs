using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Sharing;

namespace MvpPlanner.Core.Common;

/// <summary>Which plan a saved entity belongs to, for the change announcements and the plan's content stamp.</summary>
public static class PlanItems
{
    /// <summary>The plan's id, or 0 for entities outside any plan (accounts, activity entries, a plan not saved yet).</summary>
    public static int PlanIdOf(object entity) => entity switch
    {
        Plan plan => plan.Id,
        IPlanItem item => item.PlanId,
        // Measurements and reviews belong to a plan through their KPI, which the service has loaded.
        KpiMeasurement { Kpi: { } kpi } => kpi.PlanId,
        KpiReview { Kpi: { } kpi } => kpi.PlanId,
        OutcomeMeasurement { Outcome: { } outcome } => outcome.PlanId,
        // Not listed in the activity, but creating or revoking a link must reach open views and the link cache.
        ShareLink link => link.PlanId,
        FeedbackLink link => link.PlanId,
        _ => 0,
    };

    /// <summary>The item type as users say it ("feature", "journey stage").</summary>
    public static string KindName(object item) => item switch
    {
        Plan => "plan",
        TargetOutcome => "outcome",
        Personas.Persona => "persona",
        Problems.Problem => "problem",
        Features.Feature => "feature",
        Roadmap.RoadmapPhase => "phase",
        Roadmap.Lane => "lane",
        Roadmap.Milestone => "milestone",
        Roadmap.GateCondition => "gate condition",
        Roadmap.PhaseDecision => "decision",
        Commitment => "commitment",
        JourneyStage => "journey stage",
        OperationRole => "role",
        CoreProcess => "core process",
        EssentialTool => "tool",
        Kpi => "KPI",
        Feedback.FeedbackItem => "feedback",
        ShareLink => "share link",
        FeedbackLink => "feedback link",
        _ => item.GetType().Name.ToLowerInvariant(),
    };

    public static int IdOf(object entity) => entity switch
    {
        EntityBase item => item.Id,
        KpiMeasurement measurement => measurement.Id,
        KpiReview review => review.Id,
        OutcomeMeasurement measurement => measurement.Id,
        _ => 0,
    };
}
