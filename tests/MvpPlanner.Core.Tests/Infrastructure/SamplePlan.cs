using MvpPlanner.Core.Accounts;

namespace MvpPlanner.Core.Tests.Infrastructure;

/// <summary>The ids of a plan with one of everything (see <see cref="TestDatabase.CreateSamplePlanAsync"/>).
/// Both features sit in the first phase and first lane; <see cref="OtherPhaseId"/> and <see cref="OtherLaneId"/> are empty.</summary>
public sealed record SamplePlan(
    int WorkspaceId,
    int PlanId,
    int OutcomeId,
    int PersonaId,
    int ProblemId,
    int FeatureId,
    int SecondFeatureId,
    int PhaseId,
    int OtherPhaseId,
    int LaneId,
    int OtherLaneId,
    Caller Member,
    int InvitationId);
