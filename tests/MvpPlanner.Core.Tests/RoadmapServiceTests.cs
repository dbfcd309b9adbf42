using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

public class RoadmapServiceTests
{
    [Fact]
    public async Task MoveFeatureAsync_IntoOtherCellAtIndex_InsertsThereAndRenumbersBothCells()
    {
        await using var test = await TestDatabase.CreateAsync();
        var roadmap = test.Get<RoadmapService>();
        var planId = await test.CreatePlanAsync();
        var board = await test.GetBoardAsync(planId);
        var (mvp, pilot, dev) = (board.Phases[0].Id, board.Phases[1].Id, board.Lanes[1].Id);
        var a = await test.CreateFeatureAsync(planId, "A", mvp, dev);
        var b = await test.CreateFeatureAsync(planId, "B", mvp, dev);
        var c = await test.CreateFeatureAsync(planId, "C", mvp, dev);
        var x = await test.CreateFeatureAsync(planId, "X", pilot, dev);
        var y = await test.CreateFeatureAsync(planId, "Y", pilot, dev);

        var result = await roadmap.MoveFeatureAsync(planId, b, pilot, dev, 1);

        result.Status.ShouldBe(ResultStatus.Ok);
        (await test.CellAsync(planId, pilot, dev)).ShouldBe([(x, 0), (b, 1), (y, 2)]);
        (await test.CellAsync(planId, mvp, dev)).ShouldBe([(a, 0), (c, 1)]);
    }

    [Fact]
    public async Task MoveFeatureAsync_WithinCell_ReordersAndPersistsOnReload()
    {
        await using var test = await TestDatabase.CreateAsync();
        var roadmap = test.Get<RoadmapService>();
        var planId = await test.CreatePlanAsync();
        var board = await test.GetBoardAsync(planId);
        var (mvp, design) = (board.Phases[0].Id, board.Lanes[0].Id);
        var a = await test.CreateFeatureAsync(planId, "A", mvp, design);
        var b = await test.CreateFeatureAsync(planId, "B", mvp, design);
        var c = await test.CreateFeatureAsync(planId, "C", mvp, design);

        var result = await roadmap.MoveFeatureAsync(planId, c, mvp, design, 0);

        result.Status.ShouldBe(ResultStatus.Ok);
        var reloaded = await roadmap.GetBoardAsync(planId);
        var cell = reloaded.Cards.Where(card => card.PhaseId == mvp && card.LaneId == design).ToList();
        cell.Select(card => card.Id).ShouldBe([c, a, b]);
        cell.Select(card => card.Rank).ShouldBe([0, 1, 2]);
    }

    [Fact]
    public async Task MoveFeatureAsync_IndexBeyondEnd_PlacedLast()
    {
        await using var test = await TestDatabase.CreateAsync();
        var roadmap = test.Get<RoadmapService>();
        var planId = await test.CreatePlanAsync();
        var mvp = (await test.GetBoardAsync(planId)).Phases[0].Id;
        var a = await test.CreateFeatureAsync(planId, "A", mvp);
        var b = await test.CreateFeatureAsync(planId, "B", mvp);

        var result = await roadmap.MoveFeatureAsync(planId, a, mvp, null, 99);

        result.Status.ShouldBe(ResultStatus.Ok);
        (await test.CellAsync(planId, mvp, null)).ShouldBe([(b, 0), (a, 1)]);
    }

    [Fact]
    public async Task MoveFeatureAsync_ToUnscheduled_ClearsPhaseAndKeepsLane()
    {
        await using var test = await TestDatabase.CreateAsync();
        var roadmap = test.Get<RoadmapService>();
        var planId = await test.CreatePlanAsync();
        var board = await test.GetBoardAsync(planId);
        var (mvp, dev) = (board.Phases[0].Id, board.Lanes[1].Id);
        var a = await test.CreateFeatureAsync(planId, "A", mvp, dev);

        var result = await roadmap.MoveFeatureAsync(planId, a, null, dev, 0);

        result.Status.ShouldBe(ResultStatus.Ok);
        var card = (await roadmap.GetBoardAsync(planId)).Cards.Single();
        card.PhaseId.ShouldBeNull();
        card.LaneId.ShouldBe(dev);
    }

    [Fact]
    public async Task MoveFeatureAsync_PhaseOfAnotherPlan_IsNotFoundAndFeatureStays()
    {
        await using var test = await TestDatabase.CreateAsync();
        var roadmap = test.Get<RoadmapService>();
        var planId = await test.CreatePlanAsync("Mine");
        var otherPlanId = await test.CreatePlanAsync("Theirs");
        var mvp = (await test.GetBoardAsync(planId)).Phases[0].Id;
        var theirPhase = (await test.GetBoardAsync(otherPlanId)).Phases[0].Id;
        var a = await test.CreateFeatureAsync(planId, "A", mvp);

        var result = await roadmap.MoveFeatureAsync(planId, a, theirPhase, null, 0);

        result.Status.ShouldBe(ResultStatus.NotFound);
        (await roadmap.GetBoardAsync(planId)).Cards.Single().PhaseId.ShouldBe(mvp);
    }

    [Fact]
    public async Task MoveFeatureAsync_FeatureOfAnotherPlan_IsNotFound()
    {
        await using var test = await TestDatabase.CreateAsync();
        var roadmap = test.Get<RoadmapService>();
        var planId = await test.CreatePlanAsync("Mine");
        var otherPlanId = await test.CreatePlanAsync("Theirs");
        var a = await test.CreateFeatureAsync(planId, "A");
        var theirPhase = (await test.GetBoardAsync(otherPlanId)).Phases[0].Id;

        var result = await roadmap.MoveFeatureAsync(otherPlanId, a, theirPhase, null, 0);

        result.Status.ShouldBe(ResultStatus.NotFound);
        (await roadmap.GetBoardAsync(planId)).Cards.Single().PhaseId.ShouldBeNull();
    }

    [Fact]
    public async Task MoveFeatureAsync_TwoMovesInParallelIntoSameCell_BothSucceedWithContiguousRanks()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var board = await test.GetBoardAsync(planId);
        var (mvp, pilot, dev) = (board.Phases[0].Id, board.Phases[1].Id, board.Lanes[1].Id);
        var a = await test.CreateFeatureAsync(planId, "A", mvp, dev);
        var b = await test.CreateFeatureAsync(planId, "B", mvp, dev);
        var c = await test.CreateFeatureAsync(planId, "C", mvp, dev);
        var x = await test.CreateFeatureAsync(planId, "X", pilot, dev);
        var y = await test.CreateFeatureAsync(planId, "Y", pilot, dev);

        // Two participants, two circuits: separate service instances, each with its own contexts.
        var first = test.Get<RoadmapService>();
        var second = test.Get<RoadmapService>();
        var results = await Task.WhenAll(
            Task.Run(() => first.MoveFeatureAsync(planId, x, mvp, dev, 0)),
            Task.Run(() => second.MoveFeatureAsync(planId, c, mvp, dev, 1)));

        results.ShouldAllBe(r => r.Status == ResultStatus.Ok);
        var target = await test.CellAsync(planId, mvp, dev);
        target.Select(f => f.Id).ShouldBe([a, b, c, x], ignoreOrder: true);
        target.Select(f => f.Rank).ShouldBe([0, 1, 2, 3]);
        (await test.CellAsync(planId, pilot, dev)).ShouldBe([(y, 0)]);
    }

    [Fact]
    public async Task MoveFeatureAsync_ManyParallelMovesWithinCell_AllSucceedWithContiguousRanks()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var mvp = (await test.GetBoardAsync(planId)).Phases[0].Id;
        var ids = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await test.CreateFeatureAsync(planId, $"F{i}", mvp));
        }

        var roadmap = test.Get<RoadmapService>();
        var results = await Task.WhenAll(ids.Select((id, i) => Task.Run(() => roadmap.MoveFeatureAsync(planId, id, mvp, null, ids.Count - 1 - i))));

        results.ShouldAllBe(r => r.Status == ResultStatus.Ok);
        var cell = await test.CellAsync(planId, mvp, null);
        cell.Select(f => f.Id).ShouldBe(ids, ignoreOrder: true);
        cell.Select(f => f.Rank).ShouldBe([0, 1, 2, 3, 4, 5]);
    }

    [Fact]
    public async Task MovePhaseAsync_ToFront_ReordersPhases()
    {
        await using var test = await TestDatabase.CreateAsync();
        var roadmap = test.Get<RoadmapService>();
        var planId = await test.CreatePlanAsync();
        var later = (await test.GetBoardAsync(planId)).Phases.Single(p => p.Name == "Later").Id;

        var result = await roadmap.MovePhaseAsync(planId, later, 0);

        result.Status.ShouldBe(ResultStatus.Ok);
        var phases = (await roadmap.GetBoardAsync(planId)).Phases;
        phases.Select(p => p.Name).ShouldBe(["Later", "MVP", "Pilot", "Beta", "Roll-out"]);
        phases.Select(p => p.Order).ShouldBe([0, 1, 2, 3, 4]);
    }

    [Fact]
    public async Task MoveLaneAsync_ToEnd_ReordersLanes()
    {
        await using var test = await TestDatabase.CreateAsync();
        var roadmap = test.Get<RoadmapService>();
        var planId = await test.CreatePlanAsync();
        var design = (await test.GetBoardAsync(planId)).Lanes.Single(l => l.Name == "Design").Id;

        var result = await roadmap.MoveLaneAsync(planId, design, 3);

        result.Status.ShouldBe(ResultStatus.Ok);
        var lanes = (await roadmap.GetBoardAsync(planId)).Lanes;
        lanes.Select(l => l.Name).ShouldBe(["Development", "Communication", "Go-to-market", "Design"]);
        lanes.Select(l => l.Order).ShouldBe([0, 1, 2, 3]);
    }

    [Fact]
    public async Task MovePhaseAsync_PhaseOfAnotherPlan_IsNotFoundAndOrderUnchanged()
    {
        await using var test = await TestDatabase.CreateAsync();
        var roadmap = test.Get<RoadmapService>();
        var planId = await test.CreatePlanAsync("Mine");
        var otherPlanId = await test.CreatePlanAsync("Theirs");
        var theirLater = (await test.GetBoardAsync(otherPlanId)).Phases[^1].Id;

        var result = await roadmap.MovePhaseAsync(planId, theirLater, 0);

        result.Status.ShouldBe(ResultStatus.NotFound);
        (await roadmap.GetBoardAsync(otherPlanId)).Phases[^1].Id.ShouldBe(theirLater);
    }

    [Fact]
    public async Task DeletePhaseAsync_WithFeatures_MakesThemUnscheduledKeepingLaneAndNamesCount()
    {
        await using var test = await TestDatabase.CreateAsync();
        var roadmap = test.Get<RoadmapService>();
        var planId = await test.CreatePlanAsync();
        var board = await test.GetBoardAsync(planId);
        var (pilot, design, dev) = (board.Phases[1], board.Lanes[0].Id, board.Lanes[1].Id);
        var alreadyUnscheduled = await test.CreateFeatureAsync(planId, "Already unscheduled", null, dev);
        var inDesign = await test.CreateFeatureAsync(planId, "Pilot design", pilot.Id, design);
        var inDev1 = await test.CreateFeatureAsync(planId, "Pilot dev 1", pilot.Id, dev);
        var inDev2 = await test.CreateFeatureAsync(planId, "Pilot dev 2", pilot.Id, dev);

        var result = await roadmap.DeletePhaseAsync(planId, pilot.Id);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Message.ShouldBe("Deleted phase \"Pilot\". 3 features moved to Unscheduled.");
        var after = await roadmap.GetBoardAsync(planId);
        after.Phases.Select(p => p.Name).ShouldBe(["MVP", "Beta", "Roll-out", "Later"]);
        after.Phases.Select(p => p.Order).ShouldBe([0, 1, 2, 3]);
        after.Cards.ShouldAllBe(c => c.PhaseId == null);
        (await test.CellAsync(planId, null, dev)).ShouldBe([(alreadyUnscheduled, 0), (inDev1, 1), (inDev2, 2)]);
        (await test.CellAsync(planId, null, design)).ShouldBe([(inDesign, 0)]);
    }

    [Fact]
    public async Task DeletePhaseAsync_Empty_PlainMessage()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var later = (await test.GetBoardAsync(planId)).Phases[^1].Id;

        var result = await test.Get<RoadmapService>().DeletePhaseAsync(planId, later);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Message.ShouldBe("Deleted phase \"Later\".");
    }

    [Fact]
    public async Task DeleteLaneAsync_WithFeatures_KeepsThemInTheirPhaseWithNoLane()
    {
        await using var test = await TestDatabase.CreateAsync();
        var roadmap = test.Get<RoadmapService>();
        var planId = await test.CreatePlanAsync();
        var board = await test.GetBoardAsync(planId);
        var (mvp, beta, design) = (board.Phases[0].Id, board.Phases[2].Id, board.Lanes[0]);
        var noLaneAlready = await test.CreateFeatureAsync(planId, "No lane already", mvp);
        var mvpDesign = await test.CreateFeatureAsync(planId, "MVP design", mvp, design.Id);
        var betaDesign = await test.CreateFeatureAsync(planId, "Beta design", beta, design.Id);

        var result = await roadmap.DeleteLaneAsync(planId, design.Id);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Message.ShouldBe("Deleted lane \"Design\". 2 features moved to \"No lane\".");
        var after = await roadmap.GetBoardAsync(planId);
        after.Lanes.Select(l => l.Name).ShouldBe(["Development", "Communication", "Go-to-market"]);
        after.Lanes.Select(l => l.Order).ShouldBe([0, 1, 2]);
        after.HasCardsWithoutLane.ShouldBeTrue();
        (await test.CellAsync(planId, mvp, null)).ShouldBe([(noLaneAlready, 0), (mvpDesign, 1)]);
        (await test.CellAsync(planId, beta, null)).ShouldBe([(betaDesign, 0)]);
    }

    [Fact]
    public async Task UpdatePhaseAsync_StaleVersion_IsConflictAndFirstChangeKept()
    {
        await using var test = await TestDatabase.CreateAsync();
        var roadmap = test.Get<RoadmapService>();
        var planId = await test.CreatePlanAsync();
        var read = (await test.GetBoardAsync(planId)).Phases[0];

        var firstInput = read.ToInput();
        firstInput.Goal = "First goal";
        var secondInput = read.ToInput();
        secondInput.Goal = "Second goal";
        var first = await roadmap.UpdatePhaseAsync(planId, read.Id, firstInput);
        var second = await roadmap.UpdatePhaseAsync(planId, read.Id, secondInput);

        first.Status.ShouldBe(ResultStatus.Ok);
        second.Status.ShouldBe(ResultStatus.Conflict);
        var now = (await test.GetBoardAsync(planId)).Phases[0];
        now.Goal.ShouldBe("First goal");
        now.Version.ShouldBe(read.Version + 1);
    }

    [Fact]
    public async Task UpdatePhaseAsync_EndBeforeStart_IsInvalidOnEndDate()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var read = (await test.GetBoardAsync(planId)).Phases[0];

        var input = read.ToInput();
        input.StartDate = new DateTime(2026, 3, 1);
        input.EndDate = new DateTime(2026, 2, 1);
        var result = await test.Get<RoadmapService>().UpdatePhaseAsync(planId, read.Id, input);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([nameof(PhaseInput.EndDate)]);
    }

    [Fact]
    public async Task UpdateLaneAsync_StaleVersion_IsConflictAndFirstChangeKept()
    {
        await using var test = await TestDatabase.CreateAsync();
        var roadmap = test.Get<RoadmapService>();
        var planId = await test.CreatePlanAsync();
        var read = (await test.GetBoardAsync(planId)).Lanes[0];

        var first = await roadmap.UpdateLaneAsync(planId, read.Id, new LaneInput { Name = "UX", Version = read.Version });
        var second = await roadmap.UpdateLaneAsync(planId, read.Id, new LaneInput { Name = "Visual design", Version = read.Version });

        first.Status.ShouldBe(ResultStatus.Ok);
        second.Status.ShouldBe(ResultStatus.Conflict);
        var now = (await test.GetBoardAsync(planId)).Lanes[0];
        now.Name.ShouldBe("UX");
        now.Version.ShouldBe(read.Version + 1);
    }

    [Fact]
    public async Task AddPhaseAsync_NewPhase_AppendedAfterExistingOnes()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await test.Get<RoadmapService>().AddPhaseAsync(planId, new PhaseInput { Name = " Growth " });

        result.Status.ShouldBe(ResultStatus.Ok);
        var phases = (await test.GetBoardAsync(planId)).Phases;
        phases[^1].Id.ShouldBe(result.Value);
        phases[^1].Name.ShouldBe("Growth");
        phases[^1].Order.ShouldBe(5);
    }

    [Fact]
    public async Task AddLaneAsync_WhitespaceOnlyName_IsInvalidOnName()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await test.Get<RoadmapService>().AddLaneAsync(planId, new LaneInput { Name = "   " });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([nameof(LaneInput.Name)]);
        (await test.GetBoardAsync(planId)).Lanes.Count.ShouldBe(4);
    }

    [Fact]
    public async Task GetBoardAsync_FeatureWithRiceInputs_CardShowsScore()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        await test.Get<FeatureService>().CreateAsync(planId, new FeatureInput { Title = "Scored", Reach = 400, Impact = 2, Confidence = 80, Effort = 3 });

        var card = (await test.GetBoardAsync(planId)).Cards.Single();

        card.RiceScore.ShouldBe(213.3);
    }

    [Fact]
    public async Task GetBoardAsync_WithLimitPerCell_ReadsTheFirstCardsOfEachCellAndCountsThemAll()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var board = await test.GetBoardAsync(planId);
        var (mvp, design, development) = (board.Phases[0].Id, board.Lanes[0].Id, board.Lanes[1].Id);
        var full = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            full.Add(await test.CreateFeatureAsync(planId, $"Full {i}", mvp, design));
        }

        var single = await test.CreateFeatureAsync(planId, "Single", mvp, development);
        var unscheduled = await test.CreateFeatureAsync(planId, "Unscheduled");
        await test.Get<RoadmapService>().MoveFeatureAsync(planId, full[3], mvp, design, 0);

        var limited = await test.Get<RoadmapService>().GetBoardAsync(planId, 2);

        limited.Phases.Count.ShouldBe(5);
        limited.Lanes.Count.ShouldBe(4);
        limited.Cards.Where(c => c.LaneId == design).Select(c => c.Id).ShouldBe([full[3], full[0]]);
        limited.Cards.Where(c => c.LaneId != design).Select(c => c.Id).ShouldBe([single, unscheduled], ignoreOrder: true);
        limited.Counts.ShouldBe([new CellCount(mvp, design, 4), new CellCount(mvp, development, 1), new CellCount(null, null, 1)], ignoreOrder: true);
        limited.HasCardsWithoutLane.ShouldBeTrue();
    }

    [Fact]
    public async Task GetCardsAsync_SomeDeletedOrOfAnotherPlan_ReturnsOnlyThisPlansCardsAsStoredWithEveryCellsCount()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync("Mine");
        var otherPlanId = await test.CreatePlanAsync("Theirs");
        var mvp = (await test.GetBoardAsync(planId)).Phases[0].Id;
        var kept = await test.CreateFeatureAsync(planId, "Kept", mvp);
        var deleted = await test.CreateFeatureAsync(planId, "Deleted", mvp);
        var theirs = await test.CreateFeatureAsync(otherPlanId, "Theirs");
        await test.Get<FeatureService>().DeleteAsync(planId, deleted);

        var read = await test.Get<RoadmapService>().GetCardsAsync(planId, [kept, deleted, theirs]);

        read.Cards.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            c => c.Id.ShouldBe(kept),
            c => c.Title.ShouldBe("Kept"),
            c => c.PhaseId.ShouldBe(mvp));
        read.Counts.ShouldBe([new CellCount(mvp, null, 1)]);
    }

    [Fact]
    public async Task GetCellAsync_WithAndWithoutLimit_ReadsTheCellInRankOrder()
    {
        await using var test = await TestDatabase.CreateAsync();
        var roadmap = test.Get<RoadmapService>();
        var planId = await test.CreatePlanAsync();
        var board = await test.GetBoardAsync(planId);
        var (pilot, design) = (board.Phases[1].Id, board.Lanes[0].Id);
        var a = await test.CreateFeatureAsync(planId, "A", pilot, design);
        var b = await test.CreateFeatureAsync(planId, "B", pilot, design);
        var c = await test.CreateFeatureAsync(planId, "C", pilot, design);
        await test.CreateFeatureAsync(planId, "Other cell", pilot);
        await roadmap.MoveFeatureAsync(planId, c, pilot, design, 0);

        (await roadmap.GetCellAsync(planId, pilot, design)).Select(x => x.Id).ShouldBe([c, a, b]);
        (await roadmap.GetCellAsync(planId, pilot, design, 2)).Select(x => x.Id).ShouldBe([c, a]);
    }

    [Fact]
    public async Task GetCardsAsync_CallerOutsideTheWorkspace_ReadsNothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var id = await test.CreateFeatureAsync(planId, "Secret");
        test.ActAs(null);

        var read = await test.Get<RoadmapService>().GetCardsAsync(planId, [id]);

        read.Cards.ShouldBeEmpty();
        read.Counts.ShouldBeEmpty();
        (await test.Get<RoadmapService>().GetCellAsync(planId, null, null)).ShouldBeEmpty();
    }
}
