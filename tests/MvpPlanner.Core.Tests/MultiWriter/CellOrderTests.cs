using MvpPlanner.Core.Common;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.MultiWriter;

/// <summary>Positions inside a board cell and along the journey stay unique and complete under simultaneous moves: the plan's order token.</summary>
public class CellOrderTests
{
    private const int Rounds = 4;

    private static Task<T[]> AllAtOnceAsync<T>(params Func<Task<T>>[] calls) => TestDatabase.AllAtOnceAsync(calls);

    [Fact]
    public async Task MoveFeature_ManyMovesInOneCellAtOnce_PositionsStayUniqueAndNoCardLost()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var board = await test.GetBoardAsync(planId);
        var (phase, lane) = (board.Phases[0].Id, board.Lanes[0].Id);
        var ids = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await test.CreateFeatureAsync(planId, $"Card {i}", phase, lane));
        }

        for (var round = 0; round < Rounds; round++)
        {
            var results = await AllAtOnceAsync(ids.Select((id, i) => (Func<Task<ServiceResult>>)(() =>
                test.GetAs<RoadmapService>(test.Owner).MoveFeatureAsync(planId, id, phase, i % 2 == 0 ? lane : null, (i * 7) % 5))).ToArray());

            results.ShouldAllBe(r => r.Succeeded || r.Message == ServiceResult.OrderChanged().Message);
            var cells = (await test.CellAsync(planId, phase, lane)).Concat(await test.CellAsync(planId, phase, null)).ToList();
            cells.Select(c => c.Id).Order().ShouldBe(ids);
            (await test.CellAsync(planId, phase, lane)).Select(c => c.Rank).ShouldBe(Enumerable.Range(0, (await test.CellAsync(planId, phase, lane)).Count));
            (await test.CellAsync(planId, phase, null)).Select(c => c.Rank).ShouldBe(Enumerable.Range(0, (await test.CellAsync(planId, phase, null)).Count));
        }
    }

    [Fact]
    public async Task MoveFeature_OrderChangedAfterItWasRead_SecondClaimRefusedAndMoveToldToRetry()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var board = await test.GetBoardAsync(planId);
        var first = await test.CreateFeatureAsync(planId, "First", board.Phases[0].Id, board.Lanes[0].Id);
        var second = await test.CreateFeatureAsync(planId, "Second", board.Phases[0].Id, board.Lanes[0].Id);

        // One reorder read the token, then another moved a card before it wrote: its claim changes no row.
        await using var db = await test.NewContextAsync();
        var seen = await PlanOrder.ReadAsync(db, planId, default);
        (await test.Get<RoadmapService>().MoveFeatureAsync(planId, second, board.Phases[0].Id, board.Lanes[0].Id, 0)).Succeeded.ShouldBeTrue();

        (await PlanOrder.ClaimAsync(db, planId, seen, default)).ShouldBeFalse();
        (await PlanOrder.ClaimAsync(db, planId, await PlanOrder.ReadAsync(db, planId, default), default)).ShouldBeTrue();
        (await test.CellAsync(planId, board.Phases[0].Id, board.Lanes[0].Id)).ShouldBe(new[] { (second, 0), (first, 1) });
    }

    [Fact]
    public async Task MoveStage_ManyMovesAtOnce_OrderStaysAPermutation()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var stages = (await test.GetOperationsAsync(planId)).Stages;
        stages.Count.ShouldBeGreaterThan(3);

        for (var round = 0; round < Rounds; round++)
        {
            var results = await AllAtOnceAsync(stages.Select((s, i) => (Func<Task<ServiceResult>>)(() =>
                test.Get<JourneyService>().MoveStageAsync(planId, s.Id, i % 2 == 0 ? 1 : -1))).ToArray());

            results.ShouldAllBe(r => r.Succeeded || r.Status == ResultStatus.Conflict);
            var after = (await test.GetOperationsAsync(planId)).Stages;
            after.Select(s => s.Order).ShouldBe(Enumerable.Range(0, stages.Count));
            after.Select(s => s.Id).Order().ShouldBe(stages.Select(s => s.Id).Order());
        }
    }

    [Fact]
    public async Task AddFeature_SeveralIntoOneCellAtOnce_EachGetsItsOwnPlaceAtTheEnd()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var board = await test.GetBoardAsync(planId);

        await AllAtOnceAsync(Enumerable.Range(0, 5).Select(i => (Func<Task<int>>)(() => test.CreateFeatureAsync(planId, $"Card {i}", board.Phases[0].Id, null))).ToArray());

        (await test.CellAsync(planId, board.Phases[0].Id, null)).Select(c => c.Rank).ShouldBe(new[] { 0, 1, 2, 3, 4 });
    }
}
