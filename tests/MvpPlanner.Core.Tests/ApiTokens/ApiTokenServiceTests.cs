using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.ApiTokens;

/// <summary>Personal access tokens: a script acts as its owner, but only where and how the token allows.</summary>
public class ApiTokenServiceTests
{
    [Fact]
    public async Task Token_StandsForItsOwner_NamedAfterTheToken_InItsWorkspacesOnly()
    {
        await using var test = await TestDatabase.CreateAsync();
        var secret = await CreateAsync(test, [test.WorkspaceId], canWrite: true);

        var caller = await test.Get<ApiTokenService>().AuthenticateAsync(secret);

        caller.ShouldNotBeNull();
        caller.UserId.ShouldBe(test.Owner.UserId);
        caller.DisplayName.ShouldBe("Olivia Owner (API token: Report script)");
        caller.Token!.WorkspaceIds.ShouldBe([test.WorkspaceId]);
        caller.MayReach(test.WorkspaceId + 1000).ShouldBeFalse();
    }

    [Fact]
    public async Task ReadOnlyToken_ReadsThePlan_ButEveryChangeIsRefused()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var caller = await test.Get<ApiTokenService>().AuthenticateAsync(await CreateAsync(test, [test.WorkspaceId], canWrite: false));
        test.ActAs(caller);

        (await test.Get<PlanService>().GetOverviewAsync(planId)).ShouldNotBeNull();
        var refused = await test.Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = "Pat" });

        refused.Status.ShouldBe(ResultStatus.Forbidden);
        refused.Message!.ShouldContain("read-only");
        await using var db = await test.NewContextAsync();
        (await db.Personas.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task TokenForAnotherWorkspace_FindsNoPlanHere()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var other = await TestAccounts.CreateWorkspaceAsync(test.Get<IDbContextFactory<Data.PlannerDbContext>>(), "Side project", (test.Owner, WorkspaceRole.Owner));
        var caller = await test.Get<ApiTokenService>().AuthenticateAsync(await CreateAsync(test, [other], canWrite: true));
        test.ActAs(caller);

        (await test.Get<PlanService>().GetOverviewAsync(planId)).ShouldBeNull();
        (await test.Get<PlanService>().ListAsync(includeArchived: true)).ShouldBeEmpty();
        (await test.Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = "Pat" })).Status.ShouldBe(ResultStatus.NotFound);
        (await test.Get<WorkspaceService>().ListMineAsync()).Select(w => w.Id).ShouldBe([other]);
    }

    [Fact]
    public async Task RevokedOrExpiredToken_StandsForNobody()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        await using var test = await TestDatabase.CreateAsync(clock);
        var revoked = await CreateAsync(test, [test.WorkspaceId], canWrite: true);
        var expiring = await CreateAsync(test, [test.WorkspaceId], canWrite: true, days: 7);
        var tokens = test.Get<ApiTokenService>();
        var revokedId = (await tokens.ListMineAsync())[^1].Id; // newest first: the first made is last

        (await tokens.RevokeAsync(revokedId)).Succeeded.ShouldBeTrue();
        clock.Advance(TimeSpan.FromDays(7));

        (await tokens.AuthenticateAsync(revoked)).ShouldBeNull();
        (await tokens.AuthenticateAsync(expiring)).ShouldBeNull();
        (await tokens.AuthenticateAsync("mvpp_unknown")).ShouldBeNull();
    }

    [Fact]
    public async Task SomeoneElsesToken_CannotBeRevoked()
    {
        await using var test = await TestDatabase.CreateAsync();
        await CreateAsync(test, [test.WorkspaceId], canWrite: true);
        var tokenId = (await test.Get<ApiTokenService>().ListMineAsync()).Single().Id;
        test.ActAs(await test.CreateMemberAsync("Eve Editor", WorkspaceRole.Editor));

        (await test.Get<ApiTokenService>().RevokeAsync(tokenId)).Status.ShouldBe(ResultStatus.NotFound);
        (await test.Get<ApiTokenService>().ListMineAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task TokenForAWorkspaceTheCallerIsNotIn_IsRefusedBesideTheWorkspaceChoice()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (_, foreign) = await test.CreateOutsiderAsync();

        var result = await test.Get<ApiTokenService>().CreateAsync(new ApiTokenInput { Name = "Sneaky", WorkspaceIds = [foreign], CanWrite = true });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ErrorsFor(nameof(ApiTokenInput.WorkspaceIds)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task ATokenCannotMakeOrListTokens()
    {
        await using var test = await TestDatabase.CreateAsync();
        test.ActAs(await test.Get<ApiTokenService>().AuthenticateAsync(await CreateAsync(test, [test.WorkspaceId], canWrite: true)));

        (await test.Get<ApiTokenService>().CreateAsync(new ApiTokenInput { Name = "Child", WorkspaceIds = [test.WorkspaceId] })).Status.ShouldBe(ResultStatus.Forbidden);
        (await test.Get<ApiTokenService>().ListMineAsync()).ShouldBeEmpty();
    }

    private static async Task<string> CreateAsync(TestDatabase test, List<int> workspaces, bool canWrite, int days = 30)
    {
        var created = await test.Get<ApiTokenService>().CreateAsync(new ApiTokenInput { Name = "Report script", WorkspaceIds = workspaces, CanWrite = canWrite, ExpiresInDays = days });
        created.Succeeded.ShouldBeTrue(created.Message);
        return created.Value!.Secret;
    }
}
