
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Tests.Infrastructure;
using MvpPlanner.Core.Workshops;

namespace MvpPlanner.Core.Tests.MultiWriter;

/// <summary>A participant places at most their dots per person, however fast they click: the ballot row counts them in the database.</summary>
public class VoterDotsTests
{
    private static Task<T[]> AllAtOnceAsync<T>(params Func<Task<T>>[] calls) => TestDatabase.AllAtOnceAsync(calls);

    private static async Task<(int PlanId, int RoundId, int[] Items)> OpenVoteAsync(TestDatabase test, int dots, bool several)
    {
        var sample = await test.CreateSamplePlanAsync();
        var third = await test.CreateFeatureAsync(sample.PlanId, "Loan reminders", sample.PhaseId, sample.LaneId);
        var sessionService = test.Get<WorkshopSessionService>();
        var voteService = test.Get<VoteService>();
        (await sessionService.StartSessionAsync(sample.PlanId, "Kick-off")).Succeeded.ShouldBeTrue();
        int[] items = [sample.FeatureId, sample.SecondFeatureId, third];
        var round = await voteService.OpenVoteAsync(sample.PlanId, new VoteInput { Title = "MVP?", ItemIds = items, DotsPerPerson = dots, AllowSeveralDotsPerItem = several });
        round.Succeeded.ShouldBeTrue(round.Message);
        return (sample.PlanId, round.Value, items);
    }

    private static async Task<(int Votes, int Ballot)> DotsOfAsync(TestDatabase test, int roundId, string userId)
    {
        await using var db = await test.NewContextAsync();
        var votes = await db.Set<Vote>().Where(v => v.RoundId == roundId && v.UserId == userId).SumAsync(v => v.Dots);
        var ballot = await db.Set<VoteBallot>().Where(b => b.RoundId == roundId && b.UserId == userId).Select(b => b.DotsUsed).SingleAsync();
        return (votes, ballot);
    }

    [Fact]
    public async Task PlaceDot_SixClicksAtOnceWithTwoDots_ExactlyTwoCountAndBallotMatchesVotes()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (planId, roundId, items) = await OpenVoteAsync(test, dots: 2, several: true);
        var voteService = test.GetAs<VoteService>(test.Owner);

        var results = await AllAtOnceAsync(items.Concat(items).Select(id => (Func<Task<ServiceResult>>)(() => voteService.PlaceDotAsync(planId, roundId, id))).ToArray());

        results.Count(r => r.Succeeded).ShouldBe(2, string.Join("; ", results.Select(r => r.Message)));
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.Status == ResultStatus.Invalid);
        (await DotsOfAsync(test, roundId, test.Owner.UserId)).ShouldBe((2, 2));
    }

    [Fact]
    public async Task PlaceDot_TwoVotersClickTheirLastDotAtOnce_EachKeepsTheirOwnBudget()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (planId, roundId, items) = await OpenVoteAsync(test, dots: 1, several: false);
        var viewer = await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer);

        var results = await AllAtOnceAsync(
            () => test.GetAs<VoteService>(test.Owner).PlaceDotAsync(planId, roundId, items[0]),
            () => test.GetAs<VoteService>(test.Owner).PlaceDotAsync(planId, roundId, items[1]),
            () => test.GetAs<VoteService>(viewer).PlaceDotAsync(planId, roundId, items[0]),
            () => test.GetAs<VoteService>(viewer).PlaceDotAsync(planId, roundId, items[1]));

        results.Count(r => r.Succeeded).ShouldBe(2, string.Join("; ", results.Select(r => r.Message)));
        (await DotsOfAsync(test, roundId, test.Owner.UserId)).ShouldBe((1, 1));
        (await DotsOfAsync(test, roundId, viewer.UserId)).ShouldBe((1, 1));
    }

    [Fact]
    public async Task TakeBackDot_ThenPlaceElsewhere_BallotFollowsTheDotsAndLimitHolds()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (planId, roundId, items) = await OpenVoteAsync(test, dots: 1, several: false);
        var voteService = test.Get<VoteService>();

        (await voteService.PlaceDotAsync(planId, roundId, items[0])).Succeeded.ShouldBeTrue();
        var second = await voteService.PlaceDotAsync(planId, roundId, items[1]);
        (await voteService.TakeBackDotAsync(planId, roundId, items[0])).Succeeded.ShouldBeTrue();
        var nothingToTake = await voteService.TakeBackDotAsync(planId, roundId, items[0]);
        (await voteService.PlaceDotAsync(planId, roundId, items[1])).Succeeded.ShouldBeTrue();

        second.Message.ShouldBe("You have used all your 1 dots. Take one back to move it.");
        nothingToTake.Message.ShouldBe("You have no dot on that item.");
        (await DotsOfAsync(test, roundId, test.Owner.UserId)).ShouldBe((1, 1));
        (await voteService.GetRoundAsync(planId, roundId))!.MyDotsLeft.ShouldBe(0);
    }

    [Fact]
    public async Task Ballot_WrittenBeyondItsBudget_RefusedByTheDatabaseCheck()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (planId, roundId, items) = await OpenVoteAsync(test, dots: 1, several: false);
        (await test.Get<VoteService>().PlaceDotAsync(planId, roundId, items[0])).Succeeded.ShouldBeTrue();

        await using var db = await test.NewContextAsync();
        var overspend = () => db.Set<VoteBallot>().Where(b => b.RoundId == roundId).ExecuteUpdateAsync(s => s.SetProperty(b => b.DotsUsed, 2));

        (await Should.ThrowAsync<System.Data.Common.DbException>(overspend)).Message.ShouldContain("CK_VoteBallot_DotsWithinBudget");
    }
}
