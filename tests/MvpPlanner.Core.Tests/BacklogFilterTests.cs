using MvpPlanner.Core.Features;
using MvpPlanner.Core.Personas;

namespace MvpPlanner.Core.Tests;

public class BacklogFilterTests
{
    private static readonly FeatureRow Scheduled = new()
    {
        Id = 1, Title = "Offline mode", Description = "Queue edits while the network is down", Owner = "Alice",
        PhaseId = 7, LaneId = 3, Moscow = Moscow.Must, Status = FeatureStatus.Planned,
        Problems = [new LinkedItem(11, "Lose work offline")], PersonaIds = [21],
    };

    private static readonly FeatureRow Unscheduled = new() { Id = 2, Title = "Dark theme", Owner = "Bob" };

    [Fact]
    public void Matches_EmptyFilter_MatchesEveryFeature()
    {
        BacklogFilter.Empty.IsEmpty.ShouldBeTrue();
        BacklogFilter.Empty.Matches(Scheduled).ShouldBeTrue();
        BacklogFilter.Empty.Matches(Unscheduled).ShouldBeTrue();
    }

    [Fact]
    public void Matches_UnscheduledPhaseOrNoLane_MatchesOnlyFeaturesWithoutOne()
    {
        var unscheduled = BacklogFilter.Empty with { PhaseId = BacklogFilter.NoneId };
        var noLane = BacklogFilter.Empty with { LaneId = BacklogFilter.NoneId };

        unscheduled.Matches(Unscheduled).ShouldBeTrue();
        unscheduled.Matches(Scheduled).ShouldBeFalse();
        noLane.Matches(Unscheduled).ShouldBeTrue();
        noLane.Matches(Scheduled).ShouldBeFalse();
    }

    [Fact]
    public void Matches_PersonaOrProblem_FollowsTheProblemsTheFeatureAddresses()
    {
        (BacklogFilter.Empty with { PersonaId = 21 }).Matches(Scheduled).ShouldBeTrue();
        (BacklogFilter.Empty with { PersonaId = 21 }).Matches(Unscheduled).ShouldBeFalse();
        (BacklogFilter.Empty with { ProblemId = 11 }).Matches(Scheduled).ShouldBeTrue();
        (BacklogFilter.Empty with { ProblemId = 12 }).Matches(Scheduled).ShouldBeFalse();
    }

    [Theory]
    [InlineData("offline")]
    [InlineData("NETWORK")]
    [InlineData(" alice ")]
    public void Matches_Search_LooksInTitleDescriptionAndOwner(string search)
    {
        var filter = BacklogFilter.Empty with { Search = search };

        filter.Matches(Scheduled).ShouldBeTrue();
        filter.Matches(Unscheduled).ShouldBeFalse();
    }
}
