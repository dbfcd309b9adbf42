using MvpPlanner.Core.Features;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Web.Features.Roadmap;

namespace MvpPlanner.Web.Tests.Features.Roadmap;

public class BoardStateTests
{
    private static readonly BoardCell Mvp = new(1, 10);
    private static readonly BoardCell Pilot = new(2, 10);

    [Fact]
    public void Patch_EchoOfWhatIsShown_ChangesNothing()
    {
        var state = Loaded(Card(1, Mvp, 0), Card(2, Mvp, 1));
        var version = state.Version;

        var changed = state.Patch([1, 2], new BoardCards([Card(1, Mvp, 0), Card(2, Mvp, 1)], [Count(Mvp, 2)]), out var stale, out var unknown);

        changed.ShouldBeFalse();
        stale.ShouldBeEmpty();
        unknown.ShouldBeFalse();
        state.Version.ShouldBe(version);
    }

    [Fact]
    public void Patch_CardMovedAndOneDeleted_MovesAndRemovesThemAndCounts()
    {
        var state = Loaded(Card(1, Mvp, 0), Card(2, Mvp, 1), Card(3, Pilot, 0));

        var changed = state.Patch([1, 2, 3], new BoardCards([Card(1, Pilot, 0), Card(3, Pilot, 1)], [Count(Pilot, 2)]), out var stale, out _);

        changed.ShouldBeTrue();
        stale.ShouldBeEmpty();
        state.IdsIn(Pilot).ShouldBe([1, 3]);
        state.IdsIn(Mvp).ShouldBeEmpty();
        (state.CountIn(Mvp), state.CountIn(Pilot), state.Total).ShouldBe((0, 2, 2));
    }

    [Fact]
    public void Patch_ShownCardLeavesACellWithHiddenCards_AsksToReadThatCellAgain()
    {
        var full = Enumerable.Range(1, BoardState.CardsPerCell).Select(i => Card(i, Mvp, i)).ToArray();
        var state = Loaded(full, [Count(Mvp, BoardState.CardsPerCell + 5)]);

        state.Patch([1], new BoardCards([Card(1, Pilot, 0)], [Count(Mvp, BoardState.CardsPerCell + 4), Count(Pilot, 1)]), out var stale, out _);

        stale.ShouldBe([Mvp]);
        state.IdsIn(Pilot).ShouldBe([1]);
    }

    [Fact]
    public void Patch_CardAddedBelowTheShownOnesOfAFullCell_IsCountedButNotShown()
    {
        var full = Enumerable.Range(1, BoardState.CardsPerCell).Select(i => Card(i, Mvp, i)).ToArray();
        var state = Loaded(full, [Count(Mvp, BoardState.CardsPerCell)]);

        state.Patch([99], new BoardCards([Card(99, Mvp, 500)], [Count(Mvp, BoardState.CardsPerCell + 1)]), out var stale, out _);

        stale.ShouldBeEmpty();
        state.IdsIn(Mvp).Count.ShouldBe(BoardState.CardsPerCell);
        state.CellOf(99).ShouldBeNull();
        state.CountIn(Mvp).ShouldBe(BoardState.CardsPerCell + 1);
    }

    [Fact]
    public void Patch_CardInAPhaseTheBoardDoesNotKnow_SaysSo()
    {
        var state = Loaded(Card(1, Mvp, 0));

        state.Patch([1], new BoardCards([Card(1, new BoardCell(77, 10), 0)], [Count(new BoardCell(77, 10), 1)]), out _, out var unknown);

        unknown.ShouldBeTrue();
    }

    private static BoardState Loaded(params BoardCard[] cards) =>
        Loaded(cards, cards.GroupBy(BoardCell.Of).Select(g => Count(g.Key, g.Count())).ToArray());

    private static BoardState Loaded(BoardCard[] cards, CellCount[] counts)
    {
        var state = new BoardState();
        PhaseView[] phases = [new(1, "MVP", 0, null, null, "", "", 1), new(2, "Pilot", 1, null, null, "", "", 1)];
        state.Load(new RoadmapBoard(phases, [new LaneView(10, "Design", 0, 1)], cards) { Counts = counts });
        return state;
    }

    private static BoardCard Card(int id, BoardCell cell, int rank) =>
        new(id, $"Feature {id}", FeatureStatus.Idea, Moscow.Must, null, "", cell.PhaseId, cell.LaneId, rank);

    private static CellCount Count(BoardCell cell, int count) => new(cell.PhaseId, cell.LaneId, count);
}
