using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.MultiWriter;

/// <summary>An invitation admits at most its allowed uses, counted by a conditional UPDATE, however many people use it at once.</summary>
public class InvitationUsesTests
{
    private static Task<T[]> AllAtOnceAsync<T>(params Func<Task<T>>[] calls) => TestDatabase.AllAtOnceAsync(calls);

    [Fact]
    public async Task Accept_MorePeopleThanUsesAtOnce_ExactlyMaxUsesJoinAndUsesCounted()
    {
        await using var test = await TestDatabase.CreateAsync();
        var created = await test.Get<InvitationService>().CreateAsync(test.WorkspaceId, new InvitationInput { Role = WorkspaceRole.Editor, MaxUses = 2 });
        var token = created.Value!.Token;
        var people = new List<Caller>();
        for (var i = 0; i < 5; i++)
        {
            people.Add(await test.CreateUserAsync($"Person {i}"));
        }

        var results = await AllAtOnceAsync(people.Select(p => (Func<Task<ServiceResult<int>>>)(() => test.GetAs<InvitationService>(p).AcceptAsync(token))).ToArray());

        results.Count(r => r.Succeeded).ShouldBe(2, string.Join("; ", results.Select(r => r.Message)));
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.Message == InvitationService.InvalidMessage(InvitationState.UsedUp));
        await using var db = await test.NewContextAsync();
        var userIds = people.Select(p => p.UserId).ToList();
        (await db.WorkspaceMembers.CountAsync(m => m.WorkspaceId == test.WorkspaceId && userIds.Contains(m.UserId))).ShouldBe(2);
        (await db.Invitations.SingleAsync(i => i.Id == created.Value.Id)).Uses.ShouldBe(2);
    }

    [Fact]
    public async Task Accept_RevokedAfterItWasRead_RefusedAndNoUseCounted()
    {
        await using var test = await TestDatabase.CreateAsync();
        var created = await test.Get<InvitationService>().CreateAsync(test.WorkspaceId, new InvitationInput { MaxUses = 3 });
        (await test.Get<InvitationService>().RevokeAsync(test.WorkspaceId, created.Value!.Id)).Succeeded.ShouldBeTrue();
        var newcomer = await test.CreateUserAsync("Nia Newcomer");

        var result = await test.GetAs<InvitationService>(newcomer).AcceptAsync(created.Value.Token);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message.ShouldBe(InvitationService.InvalidMessage(InvitationState.Revoked));
        var invitation = (await test.Get<InvitationService>().ListAsync(test.WorkspaceId)).Single();
        invitation.Uses.ShouldBe(0);
    }

    [Fact]
    public async Task AdmitNewAccount_SingleUseInvitationThreeAccountsAtOnce_OneAdmittedOthersRolledBack()
    {
        await using var test = await TestDatabase.CreateAsync();
        var created = await test.Get<InvitationService>().CreateAsync(test.WorkspaceId, new InvitationInput { Role = WorkspaceRole.Viewer, MaxUses = 1 });
        var token = created.Value!.Token;

        async Task<ServiceResult<int>> RegisterAsync(int i)
        {
            // What the registration page does: the account and its admission in one transaction.
            await using var db = await test.NewContextAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            var user = new PlannerUser { UserName = $"new{i}@example.test", Email = $"new{i}@example.test", DisplayName = $"New {i}", CreatedAt = DateTime.UtcNow };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            var admitted = await test.Get<InvitationService>().AdmitNewAccountAsync(db, token, user.Id);
            if (admitted.Succeeded)
            {
                await tx.CommitAsync();
            }

            return admitted;
        }

        var results = await AllAtOnceAsync(() => RegisterAsync(1), () => RegisterAsync(2), () => RegisterAsync(3));

        results.Count(r => r.Succeeded).ShouldBe(1, string.Join("; ", results.Select(r => r.Message)));
        await using var check = await test.NewContextAsync();
        (await check.Users.CountAsync(u => u.Email!.StartsWith("new"))).ShouldBe(1);
        (await check.WorkspaceMembers.CountAsync(m => m.WorkspaceId == test.WorkspaceId && m.Role == WorkspaceRole.Viewer)).ShouldBe(1);
        (await check.Invitations.SingleAsync(i => i.Id == created.Value.Id)).Uses.ShouldBe(1);
    }
}
