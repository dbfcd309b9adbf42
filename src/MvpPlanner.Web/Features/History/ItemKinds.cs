using MvpPlanner.Core.Features;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Web.Features.History;

/// <summary>How history names each kind of item (its entity class), for opening an item's history.</summary>
public static class ItemKinds
{
    public const string Persona = nameof(Core.Personas.Persona);
    public const string Problem = nameof(Core.Problems.Problem);
    public const string Feature = nameof(Core.Features.Feature);
    public const string Phase = nameof(RoadmapPhase);
    public const string Lane = nameof(Core.Roadmap.Lane);
    public const string Outcome = nameof(TargetOutcome);
    public const string Stage = nameof(JourneyStage);
    public const string Process = nameof(CoreProcess);
    public const string Role = nameof(OperationRole);
    public const string Tool = nameof(EssentialTool);
    public const string Kpi = nameof(Core.Operations.Kpi);
    public const string Commitment = nameof(Core.Operations.Commitment);
    public const string Feedback = nameof(Core.Feedback.FeedbackItem);
}
