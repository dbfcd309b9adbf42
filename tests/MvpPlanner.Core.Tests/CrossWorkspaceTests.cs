using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.History;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

/// <summary>Someone from another workspace, guessing ids: every answer is "not found" (never "forbidden",
/// which would confirm the item exists), and nothing changes.</summary>
public class CrossWorkspaceTests
{
    public static TheoryData<string> AllActions => PlanActions.AllNames;

    public static TheoryData<string> ItemActions => PlanActions.Names(a => a.TargetsItem);

    [Theory]
    [MemberData(nameof(AllActions))]
    public async Task Change_ByOutsider_IsNotFoundAndChangesNothing(string action)
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var (outsider, _) = await test.CreateOutsiderAsync();
        var before = await test.SnapshotAsync(sample.WorkspaceId);
        test.ActAs(outsider);

        var result = await PlanActions.Named(action).Run(test, sample.PlanId, sample);

        result.Status.ShouldBe(ResultStatus.NotFound);
        result.Message.ShouldNotBeNull();
        result.Message.ShouldContain("was not found");
        (await test.SnapshotAsync(sample.WorkspaceId)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(ItemActions))]
    public async Task Change_ForeignItemThroughOwnPlan_IsNotFoundAndChangesNothing(string action)
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var (outsider, outsiderWorkspaceId) = await test.CreateOutsiderAsync();
        test.ActAs(outsider);
        var ownPlanId = (await test.Get<PlanService>().CreateAsync(outsiderWorkspaceId, new PlanInput { Name = "Outsider's plan" })).Value;
        var before = await test.SnapshotAsync(sample.WorkspaceId);
        var ownBefore = await test.SnapshotAsync(outsiderWorkspaceId);

        var result = await PlanActions.Named(action).Run(test, ownPlanId, sample);

        result.Status.ShouldBe(ResultStatus.NotFound);
        (await test.SnapshotAsync(sample.WorkspaceId)).ShouldBe(before);
        (await test.SnapshotAsync(outsiderWorkspaceId)).ShouldBe(ownBefore);
    }

    [Fact]
    public async Task Reads_ByOutsider_ReturnNothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var (outsider, _) = await test.CreateOutsiderAsync();
        test.ActAs(outsider);

        (await test.Get<PlanService>().GetOverviewAsync(sample.PlanId)).ShouldBeNull();
        (await test.Get<PersonaService>().ListAsync(sample.PlanId)).ShouldBeEmpty();
        (await test.Get<ProblemService>().ListAsync(sample.PlanId)).ShouldBeEmpty();
        (await test.Get<FeatureService>().ListAsync(sample.PlanId)).ShouldBeEmpty();
        var board = await test.Get<RoadmapService>().GetBoardAsync(sample.PlanId);
        board.Phases.ShouldBeEmpty();
        board.Lanes.ShouldBeEmpty();
        board.Cards.ShouldBeEmpty();
        (await test.Get<HistoryService>().ListAsync(sample.PlanId)).ShouldBeEmpty();
        (await test.Get<WorkspaceService>().GetAsync(sample.WorkspaceId)).ShouldBeNull();
        (await test.Get<WorkspaceService>().ListMembersAsync(sample.WorkspaceId)).ShouldBeEmpty();
        (await test.Get<InvitationService>().ListAsync(sample.WorkspaceId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListAsync_MembersOfDifferentWorkspaces_SeeOnlyTheirWorkspacesPlans()
    {
        await using var test = await TestDatabase.CreateAsync();
        var ownersPlan = await test.CreatePlanAsync("Owner's plan");
        var (outsider, outsiderWorkspaceId) = await test.CreateOutsiderAsync();
        test.ActAs(outsider);
        var outsidersPlan = (await test.Get<PlanService>().CreateAsync(outsiderWorkspaceId, new PlanInput { Name = "Outsider's plan" })).Value;
        var both = await test.CreateMemberAsync("Bea Both", WorkspaceRole.Viewer);
        await test.AddMembershipAsync(both, outsiderWorkspaceId, WorkspaceRole.Editor);

        test.ActAs(test.Owner);
        var ownerSees = await test.Get<PlanService>().ListAsync(includeArchived: true);
        test.ActAs(outsider);
        var outsiderSees = await test.Get<PlanService>().ListAsync(includeArchived: true);
        test.ActAs(both);
        var bothSees = await test.Get<PlanService>().ListAsync(includeArchived: true);

        ownerSees.Select(p => p.Id).ShouldBe([ownersPlan]);
        outsiderSees.Select(p => p.Id).ShouldBe([outsidersPlan]);
        bothSees.Select(p => (p.Name, p.WorkspaceName, p.MyRole)).ShouldBe(
            [("Owner's plan", "Test workspace", WorkspaceRole.Viewer), ("Outsider's plan", "Oscar Outsider's workspace", WorkspaceRole.Editor)],
            ignoreOrder: true);
    }

    [Fact]
    public async Task CreatePlan_InWorkspaceCallerIsNotIn_IsNotFoundAndNoPlanAdded()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (outsider, _) = await test.CreateOutsiderAsync();
        test.ActAs(outsider);

        var result = await test.Get<PlanService>().CreateAsync(test.WorkspaceId, new PlanInput { Name = "Planted plan" });

        result.Status.ShouldBe(ResultStatus.NotFound);
        test.ActAs(test.Owner);
        (await test.Get<PlanService>().ListAsync(includeArchived: true)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateFeature_LinkedToForeignProblemOrPhase_IsRefusedAndNothingLinked()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var before = await test.SnapshotAsync(sample.WorkspaceId);
        var (outsider, outsiderWorkspaceId) = await test.CreateOutsiderAsync();
        test.ActAs(outsider);
        var ownPlanId = (await test.Get<PlanService>().CreateAsync(outsiderWorkspaceId, new PlanInput { Name = "Outsider's plan" })).Value;
        var features = test.Get<FeatureService>();

        var withProblem = await features.CreateAsync(ownPlanId, new FeatureInput { Title = "Sneaky", ProblemIds = [sample.ProblemId] });
        var withPhase = await features.CreateAsync(ownPlanId, new FeatureInput { Title = "Sneaky", PhaseId = sample.PhaseId, LaneId = sample.LaneId });

        withProblem.Status.ShouldBe(ResultStatus.Invalid);
        withProblem.Errors.Keys.ShouldBe([nameof(FeatureInput.ProblemIds)]);
        withPhase.Status.ShouldBe(ResultStatus.Invalid);
        (await features.ListAsync(ownPlanId)).ShouldBeEmpty();
        (await test.SnapshotAsync(sample.WorkspaceId)).ShouldBe(before);
    }

    [Fact]
    public async Task CreateProblem_ForForeignPersona_IsRefusedAndNothingLinked()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var before = await test.SnapshotAsync(sample.WorkspaceId);
        var (outsider, outsiderWorkspaceId) = await test.CreateOutsiderAsync();
        test.ActAs(outsider);
        var ownPlanId = (await test.Get<PlanService>().CreateAsync(outsiderWorkspaceId, new PlanInput { Name = "Outsider's plan" })).Value;

        var result = await test.Get<ProblemService>().CreateAsync(ownPlanId, new ProblemInput { Statement = "Sneaky", PersonaIds = [sample.PersonaId] });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([nameof(ProblemInput.PersonaIds)]);
        (await test.Get<ProblemService>().ListAsync(ownPlanId)).ShouldBeEmpty();
        (await test.SnapshotAsync(sample.WorkspaceId)).ShouldBe(before);
    }

    [Fact]
    public async Task MoveFeature_OwnFeatureIntoForeignPhase_IsNotFoundAndFeatureStays()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var before = await test.SnapshotAsync(sample.WorkspaceId);
        var (outsider, outsiderWorkspaceId) = await test.CreateOutsiderAsync();
        test.ActAs(outsider);
        var ownPlanId = (await test.Get<PlanService>().CreateAsync(outsiderWorkspaceId, new PlanInput { Name = "Outsider's plan" })).Value;
        var ownFeature = await test.CreateFeatureAsync(ownPlanId, "Mine");

        var result = await test.Get<RoadmapService>().MoveFeatureAsync(ownPlanId, ownFeature, sample.PhaseId, sample.LaneId, 0);

        result.Status.ShouldBe(ResultStatus.NotFound);
        var card = (await test.GetBoardAsync(ownPlanId)).Cards.ShouldHaveSingleItem();
        (card.PhaseId, card.LaneId).ShouldBe((null, null));
        (await test.SnapshotAsync(sample.WorkspaceId)).ShouldBe(before);
    }

    [Fact]
    public async Task Access_AfterBeingRemoved_IsNotFound()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        test.ActAs(test.Owner);
        (await test.Get<WorkspaceService>().RemoveMemberAsync(sample.WorkspaceId, sample.Member.UserId)).Status.ShouldBe(ResultStatus.Ok);
        test.ActAs(sample.Member);

        var update = await test.Get<PersonaService>().UpdateAsync(sample.PlanId, sample.PersonaId, new PersonaInput { Name = "Changed", Version = 1 });

        update.Status.ShouldBe(ResultStatus.NotFound);
        (await test.Get<PlanService>().GetOverviewAsync(sample.PlanId)).ShouldBeNull();
        (await test.Get<PlanService>().ListAsync(includeArchived: true)).ShouldBeEmpty();
    }
}
