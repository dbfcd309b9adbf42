using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

/// <summary>What registering sets up, on an instance that starts with no accounts at all.</summary>
public class AccountSetupTests
{
    [Fact]
    public async Task SetUpAsync_FirstAccountWithDemo_IsAdminWithPersonalAndDemoWorkspace()
    {
        await using var test = await TestDatabase.CreateWithoutAccountsAsync();
        var first = await test.RegisterAsync("Ada First", seedDemoPlan: true);
        test.ActAs(first);

        var workspaces = await test.Get<WorkspaceService>().ListMineAsync();
        var plans = await test.Get<PlanService>().ListAsync(includeArchived: true);

        (await IsAdminAsync(test, first)).ShouldBeTrue();
        workspaces.Select(w => (w.Name, w.IsPersonal, w.MyRole)).ShouldBe(
        [
            ("Ada First's workspace", true, WorkspaceRole.Owner),
            ("Demo workspace", false, WorkspaceRole.Owner),
        ]);
        var demo = plans.ShouldHaveSingleItem();
        demo.Name.ShouldBe(DemoPlanSeeder.DemoPlanName);
        demo.WorkspaceName.ShouldBe("Demo workspace");
        demo.FeatureCount.ShouldBe(5);
    }

    [Fact]
    public async Task SetUpAsync_FirstAccountWithoutDemo_IsAdminWithPersonalWorkspaceOnly()
    {
        await using var test = await TestDatabase.CreateWithoutAccountsAsync();
        var first = await test.RegisterAsync("Ada First", seedDemoPlan: false);
        test.ActAs(first);

        var workspace = (await test.Get<WorkspaceService>().ListMineAsync()).ShouldHaveSingleItem();

        (await IsAdminAsync(test, first)).ShouldBeTrue();
        (workspace.Name, workspace.IsPersonal, workspace.MyRole).ShouldBe(("Ada First's workspace", true, WorkspaceRole.Owner));
        await using var db = await test.NewContextAsync();
        (await db.Plans.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task SetUpAsync_SecondAccount_GetsPersonalWorkspaceOnlyIsNotAdminAndCannotSeeDemo()
    {
        await using var test = await TestDatabase.CreateWithoutAccountsAsync();
        var first = await test.RegisterAsync("Ada First", seedDemoPlan: true);
        test.ActAs(first);
        var demoPlanId = (await test.Get<PlanService>().ListAsync(includeArchived: true)).Single().Id;

        var second = await test.RegisterAsync("Ben Second", seedDemoPlan: true);
        test.ActAs(second);

        (await IsAdminAsync(test, second)).ShouldBeFalse();
        var workspace = (await test.Get<WorkspaceService>().ListMineAsync()).ShouldHaveSingleItem();
        (workspace.Name, workspace.IsPersonal, workspace.MyRole, workspace.MemberCount).ShouldBe(("Ben Second's workspace", true, WorkspaceRole.Owner, 1));
        (await test.Get<PlanService>().ListAsync(includeArchived: true)).ShouldBeEmpty();
        (await test.Get<PlanService>().GetOverviewAsync(demoPlanId)).ShouldBeNull();
        await using var db = await test.NewContextAsync();
        (await db.Plans.CountAsync()).ShouldBe(1);
        (await db.Workspaces.CountAsync(w => w.Name == "Demo workspace")).ShouldBe(1);
    }

    [Fact]
    public async Task IsFirstAccountAsync_BeforeAndAfterFirstRegistration_TrueThenFalse()
    {
        await using var test = await TestDatabase.CreateWithoutAccountsAsync();
        var setup = test.Get<AccountSetup>();

        var before = await setup.IsFirstAccountAsync();
        await test.RegisterAsync("Ada First", seedDemoPlan: false);
        var after = await setup.IsFirstAccountAsync();

        before.ShouldBeTrue();
        after.ShouldBeFalse();
    }

    private static async Task<bool> IsAdminAsync(TestDatabase test, Caller user)
    {
        await using var db = await test.NewContextAsync();
        return await db.Users.Where(u => u.Id == user.UserId).Select(u => u.IsInstanceAdmin).SingleAsync();
    }
}
