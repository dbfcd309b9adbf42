using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.Tests;

public class HorizonsTests
{
    private static readonly DateOnly Today = new(2027, 5, 10);

    private static DateOnly Day(int month, int day) => new(2027, month, day);

    [Fact]
    public void Assign_TodayInsideSecondPhase_ThatPhaseIsNowAndTheFirstIsDone()
    {
        var assignment = Horizons.Assign(
        [
            new HorizonPhase(1, 0, Day(3, 1), Day(4, 30)),
            new HorizonPhase(2, 1, Day(5, 1), Day(6, 30)),
            new HorizonPhase(3, 2, Day(7, 1), Day(8, 31)),
            new HorizonPhase(4, 3, Day(9, 1), Day(12, 31)),
            new HorizonPhase(5, 4, null, null),
        ], Today);

        (assignment.Now, assignment.Next).ShouldBe((2, 3));
        assignment.Later.ShouldBe([4, 5]);
        assignment.Done.ShouldBe([1]);
    }

    [Fact]
    public void Assign_TodayBetweenTwoPhases_TheComingPhaseIsNow()
    {
        var assignment = Horizons.Assign(
        [
            new HorizonPhase(1, 0, Day(3, 1), Day(4, 30)),
            new HorizonPhase(2, 1, Day(6, 1), Day(6, 30)),
            new HorizonPhase(3, 2, Day(7, 1), Day(8, 31)),
        ], Today);

        (assignment.Now, assignment.Next).ShouldBe((2, 3));
        assignment.Done.ShouldBe([1]);
        assignment.Later.ShouldBeEmpty();
    }

    [Fact]
    public void Assign_TodayBeforeEveryPhase_TheFirstPhaseIsNow()
    {
        var assignment = Horizons.Assign([new HorizonPhase(1, 0, Day(6, 1), Day(6, 30)), new HorizonPhase(2, 1, Day(7, 1), null)], Today);

        (assignment.Now, assignment.Next).ShouldBe((1, 2));
        assignment.Done.ShouldBeEmpty();
    }

    [Fact]
    public void Assign_EveryPhaseEnded_NothingIsNowOrNextAndAllAreDone()
    {
        var assignment = Horizons.Assign([new HorizonPhase(1, 0, Day(1, 1), Day(2, 28)), new HorizonPhase(2, 1, Day(3, 1), Day(4, 30))], Today);

        assignment.Now.ShouldBeNull();
        assignment.Next.ShouldBeNull();
        assignment.Later.ShouldBeEmpty();
        assignment.Done.ShouldBe([1, 2]);
    }

    [Fact]
    public void Assign_UndatedPhases_FollowTheirOrderNotTheirIds()
    {
        var assignment = Horizons.Assign(
        [
            new HorizonPhase(7, 2, null, null),
            new HorizonPhase(8, 0, null, null),
            new HorizonPhase(9, 1, null, null),
            new HorizonPhase(6, 3, null, null),
        ], Today);

        (assignment.Now, assignment.Next).ShouldBe((8, 9));
        assignment.Later.ShouldBe([7, 6]);
        assignment.Done.ShouldBeEmpty();
    }

    [Fact]
    public void Assign_UndatedPhaseWhoseFeaturesAllShippedOrDropped_IsDoneAndTheNextPhaseIsNow()
    {
        var assignment = Horizons.Assign(
        [
            new HorizonPhase(1, 0, null, null, OpenFeatures: 0, ClosedFeatures: 5),
            new HorizonPhase(2, 1, null, null, OpenFeatures: 2, ClosedFeatures: 1),
            new HorizonPhase(3, 2, null, null),
        ], Today);

        (assignment.Now, assignment.Next).ShouldBe((2, 3));
        assignment.Done.ShouldBe([1]);
    }

    [Fact]
    public void Assign_EmptyUndatedPhase_IsNotFinished()
    {
        var assignment = Horizons.Assign([new HorizonPhase(1, 0, null, null), new HorizonPhase(2, 1, null, null, OpenFeatures: 3)], Today);

        assignment.Now.ShouldBe(1);
    }

    [Fact]
    public void Assign_MixOfDatedAndUndated_ThePhaseCoveringTodayWinsOverAnEarlierUnfinishedOne()
    {
        var assignment = Horizons.Assign(
        [
            new HorizonPhase(1, 0, null, null, OpenFeatures: 2),
            new HorizonPhase(2, 1, Day(5, 1), null),
            new HorizonPhase(3, 2, null, null),
        ], Today);

        (assignment.Now, assignment.Next).ShouldBe((2, 3));
        assignment.Done.ShouldBe([1]);
    }

    [Fact]
    public void Assign_MixWithTheDatedPhaseEnded_TheFirstUnfinishedUndatedPhaseIsNow()
    {
        var assignment = Horizons.Assign(
        [
            new HorizonPhase(1, 0, Day(3, 1), Day(4, 30), OpenFeatures: 4),
            new HorizonPhase(2, 1, null, null),
            new HorizonPhase(3, 2, null, null),
        ], Today);

        (assignment.Now, assignment.Next).ShouldBe((2, 3));
        assignment.Done.ShouldBe([1]);
    }

    [Fact]
    public void Assign_NoPhases_NothingIsNowOrNext()
    {
        var assignment = Horizons.Assign([], Today);

        assignment.Now.ShouldBeNull();
        assignment.Next.ShouldBeNull();
        assignment.Later.ShouldBeEmpty();
        assignment.Done.ShouldBeEmpty();
    }

    [Fact]
    public void Assign_PhaseDatesMoved_NowMovesWithThem()
    {
        var before = Horizons.Assign([new HorizonPhase(1, 0, Day(5, 1), Day(5, 31)), new HorizonPhase(2, 1, Day(6, 1), Day(6, 30))], Today);
        var after = Horizons.Assign([new HorizonPhase(1, 0, Day(4, 1), Day(5, 5)), new HorizonPhase(2, 1, Day(5, 6), Day(6, 30))], Today);

        before.Now.ShouldBe(1);
        after.Now.ShouldBe(2);
        after.Done.ShouldBe([1]);
    }

    [Fact]
    public void Assign_PhaseEndingToday_IsStillNow()
    {
        var assignment = Horizons.Assign([new HorizonPhase(1, 0, Day(5, 1), Today), new HorizonPhase(2, 1, Day(5, 11), null)], Today);

        assignment.Now.ShouldBe(1);
    }
}
