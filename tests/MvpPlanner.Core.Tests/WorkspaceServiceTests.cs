using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

public class WorkspaceServiceTests
{
    [Fact]
    public async Task CreateAsync_SignedIn_MakesCallerTheOnlyOwner()
    {
        await using var test = await TestDatabase.CreateAsync();
        var workspaces = test.Get<WorkspaceService>();

        var result = await workspaces.CreateAsync(new WorkspaceInput { Name = "  Garden club  " });

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Message.ShouldBe("Created workspace \"Garden club\".");
        var created = (await workspaces.GetAsync(result.Value)).ShouldNotBeNull();
        (created.Name, created.MyRole, created.IsPersonal, created.MemberCount, created.PlanCount).ShouldBe(("Garden club", WorkspaceRole.Owner, false, 1, 0));
        var member = (await workspaces.ListMembersAsync(result.Value)).ShouldHaveSingleItem();
        (member.UserId, member.Role).ShouldBe((test.Owner.UserId, WorkspaceRole.Owner));
    }

    [Fact]
    public async Task CreateAsync_NotSignedIn_IsForbidden()
    {
        await using var test = await TestDatabase.CreateAsync();
        test.ActAs(null);

        var result = await test.Get<WorkspaceService>().CreateAsync(new WorkspaceInput { Name = "Garden club" });

        result.Status.ShouldBe(ResultStatus.Forbidden);
        await using var db = await test.NewContextAsync();
        (await db.Workspaces.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task CreateAsync_EmptyName_IsInvalidOnNameField()
    {
        await using var test = await TestDatabase.CreateAsync();

        var result = await test.Get<WorkspaceService>().CreateAsync(new WorkspaceInput { Name = " " });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ErrorsFor(nameof(WorkspaceInput.Name)).ShouldBe(["Give the workspace a name."]);
    }

    [Fact]
    public async Task RenameAsync_AsOwner_RenamesAndBumpsVersion()
    {
        await using var test = await TestDatabase.CreateAsync();
        var workspaces = test.Get<WorkspaceService>();
        var read = (await workspaces.GetAsync(test.WorkspaceId))!;

        var result = await workspaces.RenameAsync(test.WorkspaceId, new WorkspaceInput { Name = "Tool library team", Version = read.Version });

        result.Status.ShouldBe(ResultStatus.Ok);
        var now = (await workspaces.GetAsync(test.WorkspaceId))!;
        now.Name.ShouldBe("Tool library team");
        now.Version.ShouldBe(read.Version + 1);
    }

    [Theory]
    [InlineData(WorkspaceRole.Editor)]
    [InlineData(WorkspaceRole.Viewer)]
    public async Task RenameAsync_BelowOwner_IsForbiddenAndNameKept(WorkspaceRole role)
    {
        await using var test = await TestDatabase.CreateAsync();
        var member = await test.CreateMemberAsync("Mia Member", role);
        test.ActAs(member);
        var workspaces = test.Get<WorkspaceService>();
        var read = (await workspaces.GetAsync(test.WorkspaceId))!;

        var result = await workspaces.RenameAsync(test.WorkspaceId, new WorkspaceInput { Name = "Mine now", Version = read.Version });

        result.Status.ShouldBe(ResultStatus.Forbidden);
        result.Message.ShouldBe("Only owners of this workspace can do that.");
        (await workspaces.GetAsync(test.WorkspaceId))!.Name.ShouldBe("Test workspace");
    }

    [Fact]
    public async Task RenameAsync_StaleVersion_IsConflictAndFirstRenameKept()
    {
        await using var test = await TestDatabase.CreateAsync();
        var workspaces = test.Get<WorkspaceService>();
        var version = (await workspaces.GetAsync(test.WorkspaceId))!.Version;

        var first = await workspaces.RenameAsync(test.WorkspaceId, new WorkspaceInput { Name = "First", Version = version });
        var second = await workspaces.RenameAsync(test.WorkspaceId, new WorkspaceInput { Name = "Second", Version = version });

        first.Status.ShouldBe(ResultStatus.Ok);
        second.Status.ShouldBe(ResultStatus.Conflict);
        second.Message.ShouldBe("The workspace was changed by someone else while you were editing. Reload to see their change, then apply yours again.");
        (await workspaces.GetAsync(test.WorkspaceId))!.Name.ShouldBe("First");
    }

    [Fact]
    public async Task ChangeRoleAsync_LastOwnerDemotesThemselves_IsInvalidWithMessageAndStaysOwner()
    {
        await using var test = await TestDatabase.CreateAsync();
        await test.CreateMemberAsync("Eddie Editor", WorkspaceRole.Editor);
        var workspaces = test.Get<WorkspaceService>();

        var result = await workspaces.ChangeRoleAsync(test.WorkspaceId, test.Owner.UserId, WorkspaceRole.Editor);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message.ShouldBe("A workspace needs at least one owner. Make someone else an owner first.");
        result.ErrorsFor("Role").ShouldNotBeEmpty();
        (await workspaces.GetAsync(test.WorkspaceId))!.MyRole.ShouldBe(WorkspaceRole.Owner);
    }

    [Fact]
    public async Task RemoveMemberAsync_LastOwnerLeaves_IsInvalidWithMessageAndStaysMember()
    {
        await using var test = await TestDatabase.CreateAsync();
        await test.CreateMemberAsync("Eddie Editor", WorkspaceRole.Editor);
        var workspaces = test.Get<WorkspaceService>();

        var result = await workspaces.RemoveMemberAsync(test.WorkspaceId, test.Owner.UserId);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message.ShouldBe("The last owner cannot leave. Make someone else an owner first.");
        (await workspaces.ListMembersAsync(test.WorkspaceId)).Select(m => m.UserId).ShouldContain(test.Owner.UserId);
    }

    [Fact]
    public async Task ChangeRoleAsync_SecondOwnerExists_FirstOwnerCanStepDownAndLeave()
    {
        await using var test = await TestDatabase.CreateAsync();
        var editor = await test.CreateMemberAsync("Eddie Editor", WorkspaceRole.Editor);
        var workspaces = test.Get<WorkspaceService>();

        var promote = await workspaces.ChangeRoleAsync(test.WorkspaceId, editor.UserId, WorkspaceRole.Owner);
        var stepDown = await workspaces.ChangeRoleAsync(test.WorkspaceId, test.Owner.UserId, WorkspaceRole.Viewer);
        var leave = await workspaces.RemoveMemberAsync(test.WorkspaceId, test.Owner.UserId);

        promote.Status.ShouldBe(ResultStatus.Ok);
        stepDown.Status.ShouldBe(ResultStatus.Ok);
        leave.Status.ShouldBe(ResultStatus.Ok);
        (await workspaces.ListMineAsync()).ShouldBeEmpty();
        test.ActAs(editor);
        (await workspaces.ListMembersAsync(test.WorkspaceId)).ShouldHaveSingleItem().Role.ShouldBe(WorkspaceRole.Owner);
    }

    [Fact]
    public async Task ChangeRoleAsync_AsOwner_ChangesWhatTheMemberMayDo()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var editor = await test.CreateMemberAsync("Eddie Editor", WorkspaceRole.Editor);

        var result = await test.Get<WorkspaceService>().ChangeRoleAsync(test.WorkspaceId, editor.UserId, WorkspaceRole.Viewer);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Message.ShouldBe("Role changed to Viewer.");
        test.ActAs(editor);
        (await test.Get<PlanService>().GetOverviewAsync(planId))!.MyRole.ShouldBe(WorkspaceRole.Viewer);
        (await test.Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = "Lena" })).Status.ShouldBe(ResultStatus.Forbidden);
    }

    [Fact]
    public async Task ChangeRoleAsync_NotAMember_IsNotFound()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (outsider, _) = await test.CreateOutsiderAsync();

        var result = await test.Get<WorkspaceService>().ChangeRoleAsync(test.WorkspaceId, outsider.UserId, WorkspaceRole.Editor);

        result.Status.ShouldBe(ResultStatus.NotFound);
        (await test.Get<WorkspaceService>().ListMembersAsync(test.WorkspaceId)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task RemoveMemberAsync_AsOwner_RemovesMemberWhoThenCannotSeeThePlan()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var editor = await test.CreateMemberAsync("Eddie Editor", WorkspaceRole.Editor);

        var result = await test.Get<WorkspaceService>().RemoveMemberAsync(test.WorkspaceId, editor.UserId);

        result.Status.ShouldBe(ResultStatus.Ok);
        (await test.Get<WorkspaceService>().ListMembersAsync(test.WorkspaceId)).Select(m => m.UserId).ShouldBe([test.Owner.UserId]);
        test.ActAs(editor);
        (await test.Get<PlanService>().GetOverviewAsync(planId)).ShouldBeNull();
    }

    [Fact]
    public async Task RemoveMemberAsync_ViewerRemovesThemselves_LeavesTheWorkspace()
    {
        await using var test = await TestDatabase.CreateAsync();
        var viewer = await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer);
        test.ActAs(viewer);
        var workspaces = test.Get<WorkspaceService>();

        var result = await workspaces.RemoveMemberAsync(test.WorkspaceId, viewer.UserId);

        result.Status.ShouldBe(ResultStatus.Ok);
        (await workspaces.ListMineAsync()).ShouldBeEmpty();
        test.ActAs(test.Owner);
        (await workspaces.ListMembersAsync(test.WorkspaceId)).Select(m => m.UserId).ShouldBe([test.Owner.UserId]);
    }

    [Fact]
    public async Task RemoveMemberAsync_ViewerRemovesSomeoneElse_IsForbidden()
    {
        await using var test = await TestDatabase.CreateAsync();
        var viewer = await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer);
        var editor = await test.CreateMemberAsync("Eddie Editor", WorkspaceRole.Editor);
        test.ActAs(viewer);

        var result = await test.Get<WorkspaceService>().RemoveMemberAsync(test.WorkspaceId, editor.UserId);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        (await test.Get<WorkspaceService>().ListMembersAsync(test.WorkspaceId)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task ListMembersAsync_AnyMember_ShowsNamesEmailsAndRolesOwnersFirst()
    {
        await using var test = await TestDatabase.CreateAsync();
        var viewer = await test.CreateMemberAsync("Ann Viewer", WorkspaceRole.Viewer);
        var editor = await test.CreateMemberAsync("Zed Editor", WorkspaceRole.Editor);
        var secondOwner = await test.CreateMemberAsync("Pia Owner", WorkspaceRole.Owner);
        test.ActAs(viewer);

        var members = await test.Get<WorkspaceService>().ListMembersAsync(test.WorkspaceId);

        members.Select(m => (m.DisplayName, m.Role)).ShouldBe(
        [
            ("Olivia Owner", WorkspaceRole.Owner),
            ("Pia Owner", WorkspaceRole.Owner),
            ("Zed Editor", WorkspaceRole.Editor),
            ("Ann Viewer", WorkspaceRole.Viewer),
        ]);
        await using var db = await test.NewContextAsync();
        var emails = await db.Users.ToDictionaryAsync(u => u.Id, u => u.Email);
        members.ShouldAllBe(m => m.Email.Length > 0 && m.Email == emails[m.UserId]);
        members.Select(m => m.UserId).ShouldBe([test.Owner.UserId, secondOwner.UserId, editor.UserId, viewer.UserId]);
    }

    [Fact]
    public async Task ListMineAsync_MemberOfSeveral_ListsEachWithRoleAndCounts()
    {
        await using var test = await TestDatabase.CreateAsync();
        await test.CreatePlanAsync();
        var (outsider, outsiderWorkspaceId) = await test.CreateOutsiderAsync();
        await test.AddMembershipAsync(test.Owner, outsiderWorkspaceId, WorkspaceRole.Viewer);

        var mine = await test.Get<WorkspaceService>().ListMineAsync();

        mine.Select(w => (w.Name, w.MyRole, w.MemberCount, w.PlanCount)).ShouldBe(
        [
            ("Oscar Outsider's workspace", WorkspaceRole.Viewer, 2, 0),
            ("Test workspace", WorkspaceRole.Owner, 1, 1),
        ]);
        test.ActAs(outsider);
        (await test.Get<WorkspaceService>().ListMineAsync()).ShouldHaveSingleItem().Id.ShouldBe(outsiderWorkspaceId);
    }
}
