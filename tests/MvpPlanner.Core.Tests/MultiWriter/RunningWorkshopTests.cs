using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Tests.Infrastructure;
using MvpPlanner.Core.Workshops;

namespace MvpPlanner.Core.Tests.MultiWriter;

/// <summary>One running workshop per plan, held by a unique filtered index, however many facilitators start one at once.</summary>
public class RunningWorkshopTests
{
    private const int Rounds = 4;

    private static Task<T[]> AllAtOnceAsync<T>(params Func<Task<T>>[] calls) => TestDatabase.AllAtOnceAsync(calls);

    [Fact]
    public async Task StartSession_ThreeFacilitatorsAtOnce_OneSessionOthersToldOneIsRunning()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var mia = await test.CreateMemberAsync("Mia Member", WorkspaceRole.Editor);
        var ed = await test.CreateMemberAsync("Ed Editor", WorkspaceRole.Editor);

        for (var round = 0; round < Rounds; round++)
        {
            var results = await AllAtOnceAsync(
                () => test.GetAs<WorkshopSessionService>(test.Owner).StartSessionAsync(planId, "Olivia's"),
                () => test.GetAs<WorkshopSessionService>(mia).StartSessionAsync(planId, "Mia's"),
                () => test.GetAs<WorkshopSessionService>(ed).StartSessionAsync(planId, "Ed's"));

            results.Count(r => r.Succeeded).ShouldBe(1, string.Join("; ", results.Select(r => r.Message)));
            results.Where(r => !r.Succeeded).ShouldAllBe(r => r.Status == ResultStatus.Invalid
                && r.Message == "A workshop is already running on this plan. Join it, or end it first.");
            await using (var db = await test.NewContextAsync())
            {
                (await db.Set<WorkshopSession>().CountAsync(s => s.PlanId == planId && s.EndedAt == null)).ShouldBe(1);
            }

            (await test.Get<WorkshopSessionService>().EndSessionAsync(planId)).Succeeded.ShouldBeTrue();
        }

        (await test.Get<WorkshopSessionService>().GetAsync(planId))!.Sessions.Count.ShouldBe(Rounds);
    }

    [Fact]
    public async Task RunningSessionIndex_SecondRunningSessionOnAPlan_RefusedByTheDatabaseButEndedOnesAllowed()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var otherPlanId = await test.CreatePlanAsync("Other");
        WorkshopSession Session(int plan, DateTime? endedAt = null) =>
            new() { PlanId = plan, Name = "W", FacilitatorId = test.Owner.UserId, FacilitatorName = "Olivia", StartedAt = DateTime.UtcNow, EndedAt = endedAt };

        await using var db = await test.NewContextAsync();
        db.AddRange(Session(planId), Session(planId, DateTime.UtcNow), Session(planId, DateTime.UtcNow), Session(otherPlanId));
        await db.SaveChangesAsync();
        db.Add(Session(planId));
        var second = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());

        DbContextExtensions.IsUniqueViolation(second).ShouldBeTrue();
        DbContextExtensions.IsForeignKeyViolation(second).ShouldBeFalse();
    }
}
