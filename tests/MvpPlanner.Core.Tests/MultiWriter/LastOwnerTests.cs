using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.MultiWriter;

/// <summary>The last owner of a workspace cannot be demoted or removed, even by two owners acting at once: the conditional UPDATE/DELETE
/// requires another owner, after the workspace row is locked.</summary>
public class LastOwnerTests
{
    private const int Rounds = 4;

    private static Task<T[]> AllAtOnceAsync<T>(params Func<Task<T>>[] calls) => TestDatabase.AllAtOnceAsync(calls);

    private static void ShouldLogRefusal(TestDatabase test, string fragment, string property) =>
        test.Logs.Entries.ShouldContain(e => e.Level == LogLevel.Information && e.Message.Contains(fragment) && e.Values.ContainsKey(property),
            string.Join("\n", test.Logs.Entries.Select(e => e.Message)));

    private static async Task<int> OwnerCountAsync(TestDatabase test)
    {
        await using var db = await test.NewContextAsync();
        return await db.WorkspaceMembers.CountAsync(m => m.WorkspaceId == test.WorkspaceId && m.Role == WorkspaceRole.Owner);
    }

    [Fact]
    public async Task ChangeRole_TwoOwnersDemoteEachOtherAtOnce_ExactlyOneWinsAndOneOwnerRemains()
    {
        await using var test = await TestDatabase.CreateAsync();
        var other = await test.CreateMemberAsync("Otto Owner", WorkspaceRole.Owner);

        for (var round = 0; round < Rounds; round++)
        {
            var results = await AllAtOnceAsync(
                () => test.GetAs<WorkspaceService>(test.Owner).ChangeRoleAsync(test.WorkspaceId, other.UserId, WorkspaceRole.Editor),
                () => test.GetAs<WorkspaceService>(other).ChangeRoleAsync(test.WorkspaceId, test.Owner.UserId, WorkspaceRole.Editor));

            results.Count(r => r.Succeeded).ShouldBe(1, string.Join("; ", results.Select(r => r.Message)));
            results.Single(r => !r.Succeeded).Status.ShouldBeOneOf(ResultStatus.Invalid, ResultStatus.Forbidden);
            (await OwnerCountAsync(test)).ShouldBe(1);

            // The remaining owner makes the other an owner again for the next round.
            var remaining = results[0].Succeeded ? test.Owner : other;
            var demoted = results[0].Succeeded ? other : test.Owner;
            (await test.GetAs<WorkspaceService>(remaining).ChangeRoleAsync(test.WorkspaceId, demoted.UserId, WorkspaceRole.Owner)).Succeeded.ShouldBeTrue();
        }
    }

    [Fact]
    public async Task RemoveMember_TwoOwnersLeaveAtOnce_ExactlyOneLeavesAndOneOwnerRemains()
    {
        await using var test = await TestDatabase.CreateAsync();
        var other = await test.CreateMemberAsync("Otto Owner", WorkspaceRole.Owner);

        var results = await AllAtOnceAsync(
            () => test.GetAs<WorkspaceService>(test.Owner).RemoveMemberAsync(test.WorkspaceId, test.Owner.UserId),
            () => test.GetAs<WorkspaceService>(other).RemoveMemberAsync(test.WorkspaceId, other.UserId));

        results.Count(r => r.Succeeded).ShouldBe(1, string.Join("; ", results.Select(r => r.Message)));
        results.Single(r => !r.Succeeded).Message.ShouldBe("The last owner cannot leave. Make someone else an owner first.");
        (await OwnerCountAsync(test)).ShouldBe(1);
        ShouldLogRefusal(test, "last owner", "WorkspaceId");
    }

    [Fact]
    public async Task ChangeRole_LastOwnerDemoted_RefusedWithReasonAndStillOwner()
    {
        await using var test = await TestDatabase.CreateAsync();
        var editor = await test.CreateMemberAsync("Eddie Editor", WorkspaceRole.Editor);

        var demoted = await test.Get<WorkspaceService>().ChangeRoleAsync(test.WorkspaceId, test.Owner.UserId, WorkspaceRole.Viewer);
        var editorDemoted = await test.Get<WorkspaceService>().ChangeRoleAsync(test.WorkspaceId, editor.UserId, WorkspaceRole.Viewer);
        var gone = await test.Get<WorkspaceService>().ChangeRoleAsync(test.WorkspaceId, "nobody", WorkspaceRole.Viewer);

        demoted.Status.ShouldBe(ResultStatus.Invalid);
        demoted.ErrorsFor("Role").ShouldBe(["A workspace needs at least one owner. Make someone else an owner first."]);
        editorDemoted.Status.ShouldBe(ResultStatus.Ok);
        gone.Status.ShouldBe(ResultStatus.NotFound);
        (await OwnerCountAsync(test)).ShouldBe(1);
    }
}
