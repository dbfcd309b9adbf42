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

/// <summary>What each role may do, asked of the services themselves: the UI hides controls, the service refuses.</summary>
public class RoleAuthorizationTests
{
    public static TheoryData<string> AllActions => PlanActions.AllNames;

    public static TheoryData<string> EditorActions => PlanActions.Names(a => a.Needs == WorkspaceRole.Editor);

    public static TheoryData<string> OwnerOnlyActions => PlanActions.Names(a => a.Needs == WorkspaceRole.Owner);

    [Theory]
    [InlineData(WorkspaceRole.Owner)]
    [InlineData(WorkspaceRole.Editor)]
    [InlineData(WorkspaceRole.Viewer)]
    public async Task Reads_AnyMemberRole_SeesTheWholePlan(WorkspaceRole role)
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        test.ActAs(await ActorAsync(test, role));

        var overview = await test.Get<PlanService>().GetOverviewAsync(sample.PlanId);

        overview.ShouldNotBeNull();
        overview.Name.ShouldBe("Tool library");
        overview.MyRole.ShouldBe(role);
        overview.CanEdit.ShouldBe(role != WorkspaceRole.Viewer);
        overview.IsOwner.ShouldBe(role == WorkspaceRole.Owner);
        overview.Outcomes.ShouldHaveSingleItem();
        (await test.Get<PlanService>().ListAsync(includeArchived: true)).ShouldHaveSingleItem().MyRole.ShouldBe(role);
        (await test.Get<PersonaService>().ListAsync(sample.PlanId)).ShouldHaveSingleItem().Name.ShouldBe("Bo the borrower");
        (await test.Get<ProblemService>().ListAsync(sample.PlanId)).ShouldHaveSingleItem().Statement.ShouldBe("Cannot find a tool nearby");
        (await test.Get<FeatureService>().ListAsync(sample.PlanId)).Select(f => f.Title).ShouldBe(["Tool catalogue", "Borrow request"]);
        var board = await test.Get<RoadmapService>().GetBoardAsync(sample.PlanId);
        board.Phases.Count.ShouldBe(5);
        board.Lanes.Count.ShouldBe(4);
        board.Cards.Count.ShouldBe(2);
        (await test.Get<HistoryService>().ListAsync(sample.PlanId)).ShouldNotBeEmpty();
        (await test.Get<WorkspaceService>().ListMembersAsync(sample.WorkspaceId)).Count.ShouldBe(role == WorkspaceRole.Owner ? 2 : 3);
    }

    [Theory]
    [MemberData(nameof(AllActions))]
    public async Task Change_AsViewer_IsForbiddenWithMessageAndChangesNothing(string action)
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var viewer = await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer);
        var before = await test.SnapshotAsync(sample.WorkspaceId);
        test.ActAs(viewer);

        var result = await PlanActions.Named(action).Run(test, sample.PlanId, sample);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        if (PlanActions.Named(action).Needs == WorkspaceRole.Owner)
        {
            result.Message.ShouldBe("Only owners of this workspace can do that.");
        }
        else
        {
            result.Message.ShouldNotBeNull();
            result.Message.ShouldContain("You can view this plan but not change it");
            result.Message.ShouldContain("Viewer");
        }

        (await test.SnapshotAsync(sample.WorkspaceId)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(EditorActions))]
    public async Task Change_AsEditor_SucceedsAndIsSaved(string action)
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var editor = await test.CreateMemberAsync("Eddie Editor", WorkspaceRole.Editor);
        var before = await test.SnapshotAsync(sample.WorkspaceId);
        test.ActAs(editor);

        var result = await PlanActions.Named(action).Run(test, sample.PlanId, sample);

        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        (await test.SnapshotAsync(sample.WorkspaceId)).ShouldNotBe(before);
    }

    [Theory]
    [MemberData(nameof(OwnerOnlyActions))]
    public async Task OwnerOnlyChange_AsEditor_IsForbiddenAndChangesNothing(string action)
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var editor = await test.CreateMemberAsync("Eddie Editor", WorkspaceRole.Editor);
        var before = await test.SnapshotAsync(sample.WorkspaceId);
        test.ActAs(editor);

        var result = await PlanActions.Named(action).Run(test, sample.PlanId, sample);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        result.Message.ShouldBe("Only owners of this workspace can do that.");
        (await test.SnapshotAsync(sample.WorkspaceId)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(AllActions))]
    public async Task Change_AsOwner_SucceedsAndIsSaved(string action)
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var before = await test.SnapshotAsync(sample.WorkspaceId);

        var result = await PlanActions.Named(action).Run(test, sample.PlanId, sample);

        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        (await test.SnapshotAsync(sample.WorkspaceId)).ShouldNotBe(before);
    }

    [Theory]
    [MemberData(nameof(AllActions))]
    public async Task Change_NotSignedIn_IsRefusedAndChangesNothing(string action)
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var before = await test.SnapshotAsync(sample.WorkspaceId);
        test.ActAs(null);

        var result = await PlanActions.Named(action).Run(test, sample.PlanId, sample);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        result.Message.ShouldBe("Please sign in to continue.");
        (await test.SnapshotAsync(sample.WorkspaceId)).ShouldBe(before);
    }

    [Fact]
    public async Task Reads_NotSignedIn_ReturnNothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        test.ActAs(null);

        (await test.Get<PlanService>().GetOverviewAsync(sample.PlanId)).ShouldBeNull();
        (await test.Get<PlanService>().ListAsync(includeArchived: true)).ShouldBeEmpty();
        (await test.Get<PersonaService>().ListAsync(sample.PlanId)).ShouldBeEmpty();
        (await test.Get<ProblemService>().ListAsync(sample.PlanId)).ShouldBeEmpty();
        (await test.Get<FeatureService>().ListAsync(sample.PlanId)).ShouldBeEmpty();
        var board = await test.Get<RoadmapService>().GetBoardAsync(sample.PlanId);
        board.Phases.ShouldBeEmpty();
        board.Lanes.ShouldBeEmpty();
        board.Cards.ShouldBeEmpty();
        (await test.Get<HistoryService>().ListAsync(sample.PlanId)).ShouldBeEmpty();
        (await test.Get<WorkspaceService>().ListMineAsync()).ShouldBeEmpty();
        (await test.Get<WorkspaceService>().ListMembersAsync(sample.WorkspaceId)).ShouldBeEmpty();
        (await test.Get<InvitationService>().ListAsync(sample.WorkspaceId)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(WorkspaceRole.Editor)]
    [InlineData(WorkspaceRole.Viewer)]
    public async Task InvitationList_BelowOwner_IsEmpty(WorkspaceRole role)
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        test.ActAs(await ActorAsync(test, role));

        (await test.Get<InvitationService>().ListAsync(sample.WorkspaceId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Change_ViewerPromotedToEditor_IsAllowedFromThenOn()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var viewer = await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer);
        test.ActAs(viewer);
        var refused = await test.Get<PersonaService>().CreateAsync(sample.PlanId, new PersonaInput { Name = "Lena" });

        test.ActAs(test.Owner);
        (await test.Get<WorkspaceService>().ChangeRoleAsync(sample.WorkspaceId, viewer.UserId, WorkspaceRole.Editor)).Status.ShouldBe(ResultStatus.Ok);
        test.ActAs(viewer);
        var allowed = await test.Get<PersonaService>().CreateAsync(sample.PlanId, new PersonaInput { Name = "Lena" });

        refused.Status.ShouldBe(ResultStatus.Forbidden);
        allowed.Status.ShouldBe(ResultStatus.Ok);
        (await test.Get<PersonaService>().ListAsync(sample.PlanId)).Select(p => p.Name).ShouldBe(["Bo the borrower", "Lena"]);
    }

    private static async Task<Caller> ActorAsync(TestDatabase test, WorkspaceRole role) =>
        role == WorkspaceRole.Owner ? test.Owner : await test.CreateMemberAsync($"A {role}", role);
}
