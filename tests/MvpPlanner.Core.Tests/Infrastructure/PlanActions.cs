using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.Tests.Infrastructure;

/// <summary>One change a person may try, with the least role that may make it.</summary>
/// <param name="TargetsItem">True when it names an existing item by id (so it can be aimed at another plan's item).</param>
/// <param name="Run">Called with the test database, the plan id to send, and the sample whose items it names.
/// Inputs are valid and carry the current version, so only the caller's rights decide the answer.</param>
public sealed record PlanAction(string Name, WorkspaceRole Needs, bool TargetsItem, Func<TestDatabase, int, SamplePlan, Task<ServiceResult>> Run);

/// <summary>Every change a service offers on a plan or its workspace, for authorization tests that try them all.</summary>
public static class PlanActions
{
    public static IReadOnlyList<PlanAction> All { get; } =
    [
        // Plan
        new("plan.update", WorkspaceRole.Editor, false, async (t, planId, s) =>
            await t.Get<PlanService>().UpdateAsync(planId, new PlanInput { Name = "Renamed plan", Version = await t.VersionOfAsync<Plan>(planId) })),
        new("plan.setLaunchStep", WorkspaceRole.Editor, false, async (t, planId, s) =>
            await t.Get<PlanService>().SetLaunchStepAsync(planId, LaunchSteps.Prototype, true)),
        new("plan.create", WorkspaceRole.Editor, false, async (t, planId, s) =>
            await t.Get<PlanService>().CreateAsync(s.WorkspaceId, new PlanInput { Name = "Another plan" })),
        new("plan.archive", WorkspaceRole.Owner, false, async (t, planId, s) =>
            await t.Get<PlanService>().SetArchivedAsync(planId, true)),
        new("plan.delete", WorkspaceRole.Owner, false, async (t, planId, s) =>
            await t.Get<PlanService>().DeleteAsync(planId)),

        // Outcomes
        new("outcome.add", WorkspaceRole.Editor, false, async (t, planId, s) =>
            await t.Get<PlanService>().AddOutcomeAsync(planId, new OutcomeInput { Description = "Lenders keep lending", Metric = "Active lenders", Target = "70 %" })),
        new("outcome.update", WorkspaceRole.Editor, true, async (t, planId, s) =>
            await t.Get<PlanService>().UpdateOutcomeAsync(planId, s.OutcomeId, new OutcomeInput { Description = "Changed", Metric = "Changed", Target = "1", Version = await t.VersionOfAsync<TargetOutcome>(s.OutcomeId) })),
        new("outcome.delete", WorkspaceRole.Editor, true, async (t, planId, s) =>
            await t.Get<PlanService>().DeleteOutcomeAsync(planId, s.OutcomeId)),

        // Personas
        new("persona.create", WorkspaceRole.Editor, false, async (t, planId, s) =>
            await t.Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = "Lena the lender" })),
        new("persona.update", WorkspaceRole.Editor, true, async (t, planId, s) =>
            await t.Get<PersonaService>().UpdateAsync(planId, s.PersonaId, new PersonaInput { Name = "Changed", Version = await t.VersionOfAsync<Persona>(s.PersonaId) })),
        new("persona.delete", WorkspaceRole.Editor, true, async (t, planId, s) =>
            await t.Get<PersonaService>().DeleteAsync(planId, s.PersonaId)),

        // Problems
        new("problem.create", WorkspaceRole.Editor, false, async (t, planId, s) =>
            await t.Get<ProblemService>().CreateAsync(planId, new ProblemInput { Statement = "Lenders lose track of loans", PersonaIds = [s.PersonaId] })),
        new("problem.update", WorkspaceRole.Editor, true, async (t, planId, s) =>
            await t.Get<ProblemService>().UpdateAsync(planId, s.ProblemId, new ProblemInput { Statement = "Changed", PersonaIds = [s.PersonaId], Version = await t.VersionOfAsync<Problem>(s.ProblemId) })),
        new("problem.delete", WorkspaceRole.Editor, true, async (t, planId, s) =>
            await t.Get<ProblemService>().DeleteAsync(planId, s.ProblemId)),

        // Features
        new("feature.create", WorkspaceRole.Editor, false, async (t, planId, s) =>
            await t.Get<FeatureService>().CreateAsync(planId, new FeatureInput { Title = "Loan reminders" })),
        new("feature.update", WorkspaceRole.Editor, true, async (t, planId, s) =>
            await t.Get<FeatureService>().UpdateAsync(planId, s.FeatureId, new FeatureInput { Title = "Changed", PhaseId = s.PhaseId, LaneId = s.LaneId, Version = await t.VersionOfAsync<Feature>(s.FeatureId) })),
        new("feature.updatePriority", WorkspaceRole.Editor, true, async (t, planId, s) =>
            await t.Get<FeatureService>().UpdatePriorityAsync(planId, s.FeatureId, new FeaturePriorityInput { Status = FeatureStatus.Shipped, Moscow = Moscow.Must, Version = await t.VersionOfAsync<Feature>(s.FeatureId) })),
        new("feature.delete", WorkspaceRole.Editor, true, async (t, planId, s) =>
            await t.Get<FeatureService>().DeleteAsync(planId, s.FeatureId)),
        new("feature.move", WorkspaceRole.Editor, true, async (t, planId, s) =>
            await t.Get<RoadmapService>().MoveFeatureAsync(planId, s.FeatureId, s.OtherPhaseId, s.OtherLaneId, 0)),

        // Roadmap phases
        new("phase.add", WorkspaceRole.Editor, false, async (t, planId, s) =>
            await t.Get<RoadmapService>().AddPhaseAsync(planId, new PhaseInput { Name = "Scale" })),
        new("phase.update", WorkspaceRole.Editor, true, async (t, planId, s) =>
            await t.Get<RoadmapService>().UpdatePhaseAsync(planId, s.PhaseId, new PhaseInput { Name = "Changed", Version = await t.VersionOfAsync<RoadmapPhase>(s.PhaseId) })),
        new("phase.delete", WorkspaceRole.Editor, true, async (t, planId, s) =>
            await t.Get<RoadmapService>().DeletePhaseAsync(planId, s.PhaseId)),
        new("phase.move", WorkspaceRole.Editor, true, async (t, planId, s) =>
            await t.Get<RoadmapService>().MovePhaseAsync(planId, s.PhaseId, 3)),

        // Lanes
        new("lane.add", WorkspaceRole.Editor, false, async (t, planId, s) =>
            await t.Get<RoadmapService>().AddLaneAsync(planId, new LaneInput { Name = "Support" })),
        new("lane.update", WorkspaceRole.Editor, true, async (t, planId, s) =>
            await t.Get<RoadmapService>().UpdateLaneAsync(planId, s.LaneId, new LaneInput { Name = "Changed", Version = await t.VersionOfAsync<Lane>(s.LaneId) })),
        new("lane.delete", WorkspaceRole.Editor, true, async (t, planId, s) =>
            await t.Get<RoadmapService>().DeleteLaneAsync(planId, s.LaneId)),
        new("lane.move", WorkspaceRole.Editor, true, async (t, planId, s) =>
            await t.Get<RoadmapService>().MoveLaneAsync(planId, s.LaneId, 2)),

        // Workspace, members and invitations
        new("workspace.rename", WorkspaceRole.Owner, false, async (t, planId, s) =>
            await t.Get<WorkspaceService>().RenameAsync(s.WorkspaceId, new WorkspaceInput { Name = "Renamed workspace", Version = await t.VersionOfAsync<Workspace>(s.WorkspaceId) })),
        new("member.changeRole", WorkspaceRole.Owner, false, async (t, planId, s) =>
            await t.Get<WorkspaceService>().ChangeRoleAsync(s.WorkspaceId, s.Member.UserId, WorkspaceRole.Viewer)),
        new("member.remove", WorkspaceRole.Owner, false, async (t, planId, s) =>
            await t.Get<WorkspaceService>().RemoveMemberAsync(s.WorkspaceId, s.Member.UserId)),
        new("invitation.create", WorkspaceRole.Owner, false, async (t, planId, s) =>
            await t.Get<InvitationService>().CreateAsync(s.WorkspaceId, new InvitationInput { Role = WorkspaceRole.Owner })),
        new("invitation.revoke", WorkspaceRole.Owner, false, async (t, planId, s) =>
            await t.Get<InvitationService>().RevokeAsync(s.WorkspaceId, s.InvitationId)),
    ];

    public static PlanAction Named(string name) => All.Single(a => a.Name == name);

    public static TheoryData<string> Names(Func<PlanAction, bool> which) => new(All.Where(which).Select(a => a.Name));

    public static TheoryData<string> AllNames => Names(_ => true);
}
