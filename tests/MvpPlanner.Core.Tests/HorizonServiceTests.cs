using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

public class HorizonServiceTests
{
    private static readonly TestClock Clock = new(new DateTimeOffset(2027, 5, 10, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task GetAsync_NewPlanWithoutDates_MvpIsNowPilotNextTheRestAndUnscheduledLater()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var board = await test.GetBoardAsync(planId);
        var inMvp = await test.CreateFeatureAsync(planId, "Tool catalogue", board.Phases[0].Id, board.Lanes[1].Id);
        var inBeta = await test.CreateFeatureAsync(planId, "Ratings", board.Phases[2].Id);
        var unscheduled = await test.CreateFeatureAsync(planId, "Insurance");

        var horizons = (await test.Get<HorizonService>().GetAsync(planId))!;

        horizons.Today.ShouldBe(new DateOnly(2027, 5, 10));
        horizons[Horizon.Now].Phases.Select(p => p.Name).ShouldBe(["MVP"]);
        horizons[Horizon.Now].Cards.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            c => c.Id.ShouldBe(inMvp),
            c => c.LaneName.ShouldBe("Development"));
        horizons[Horizon.Next].Phases.Select(p => p.Name).ShouldBe(["Pilot"]);
        horizons[Horizon.Next].Cards.ShouldBeEmpty();
        horizons[Horizon.Later].Phases.Select(p => p.Name).ShouldBe(["Beta", "Roll-out", "Later"]);
        horizons[Horizon.Later].IncludesUnscheduled.ShouldBeTrue();
        horizons[Horizon.Later].Cards.Select(c => c.Id).ShouldBe([inBeta, unscheduled], ignoreOrder: true);
        horizons.Done.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetAsync_PhaseDatesCoverToday_ThatPhaseIsNowAndEarlierPhasesAreSummarisedAsDone()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var phases = (await test.GetBoardAsync(planId)).Phases;
        await SetDatesAsync(test, planId, phases[0], new DateTime(2027, 3, 1), new DateTime(2027, 4, 30));
        await SetDatesAsync(test, planId, phases[1], new DateTime(2027, 5, 1), new DateTime(2027, 6, 30));
        await CreateAsync(test, planId, "Shipped one", phases[0].Id, status: FeatureStatus.Shipped);
        await CreateAsync(test, planId, "Shipped two", phases[0].Id, status: FeatureStatus.Shipped);
        await CreateAsync(test, planId, "Dropped", phases[0].Id, status: FeatureStatus.Dropped);

        var horizons = (await test.Get<HorizonService>().GetAsync(planId))!;

        horizons[Horizon.Now].Phases.Select(p => p.Name).ShouldBe(["Pilot"]);
        horizons[Horizon.Next].Phases.Select(p => p.Name).ShouldBe(["Beta"]);
        var done = horizons.Done.ShouldHaveSingleItem();
        (done.Phase.Name, done.Shipped, done.Dropped, done.Open).ShouldBe(("MVP", 2, 1, 0));
    }

    [Fact]
    public async Task GetAsync_PhaseDatesMoved_NowFollowsThem()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var phases = (await test.GetBoardAsync(planId)).Phases;
        await SetDatesAsync(test, planId, phases[2], new DateTime(2027, 5, 1), new DateTime(2027, 5, 31));
        var service = test.Get<HorizonService>();
        (await service.GetAsync(planId))![Horizon.Now].Phases.Single().Name.ShouldBe("Beta");

        var beta = (await test.GetBoardAsync(planId)).Phases[2];
        await SetDatesAsync(test, planId, beta, new DateTime(2027, 8, 1), new DateTime(2027, 8, 31));

        (await service.GetAsync(planId))![Horizon.Now].Phases.Single().Name.ShouldBe("MVP");
    }

    [Fact]
    public async Task GetAsync_CardsInAHorizon_SortedByMoscowThenHighestRiceFirst()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var mvp = (await test.GetBoardAsync(planId)).Phases[0].Id;
        var unset = await CreateAsync(test, planId, "Unset", mvp, Moscow.Unset, reach: 1000);
        var could = await CreateAsync(test, planId, "Could", mvp, Moscow.Could, reach: 1000);
        var mustLow = await CreateAsync(test, planId, "Must low", mvp, Moscow.Must, reach: 10);
        var mustUnscored = await CreateAsync(test, planId, "Must unscored", mvp, Moscow.Must);
        var mustHigh = await CreateAsync(test, planId, "Must high", mvp, Moscow.Must, reach: 500);
        var should = await CreateAsync(test, planId, "Should", mvp, Moscow.Should, reach: 1);

        var now = (await test.Get<HorizonService>().GetAsync(planId))![Horizon.Now];

        now.Cards.Select(c => c.Id).ShouldBe([mustHigh, mustLow, mustUnscored, should, could, unset]);
        now.Cards[0].RiceScore.ShouldBe(500);
    }

    [Fact]
    public async Task GetAsync_PlanWithoutPhases_EverythingIsLater()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var roadmap = test.Get<RoadmapService>();
        foreach (var phase in (await test.GetBoardAsync(planId)).Phases)
        {
            (await roadmap.DeletePhaseAsync(planId, phase.Id)).Succeeded.ShouldBeTrue();
        }

        var feature = await test.CreateFeatureAsync(planId, "Tool catalogue");

        var horizons = (await test.Get<HorizonService>().GetAsync(planId))!;

        horizons[Horizon.Now].Cards.ShouldBeEmpty();
        horizons[Horizon.Next].Cards.ShouldBeEmpty();
        horizons[Horizon.Later].Cards.Select(c => c.Id).ShouldBe([feature]);
        horizons.Columns.SelectMany(c => c.Phases).ShouldBeEmpty();
    }

    [Fact]
    public async Task GetAsync_Viewer_ReadsTheHorizons()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        var mvp = (await test.GetBoardAsync(planId)).Phases[0].Id;
        var feature = await test.CreateFeatureAsync(planId, "Tool catalogue", mvp);
        test.ActAs(await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer));

        var horizons = await test.Get<HorizonService>().GetAsync(planId);

        horizons.ShouldNotBeNull()[Horizon.Now].Cards.Select(c => c.Id).ShouldBe([feature]);
    }

    [Fact]
    public async Task GetAsync_Outsider_GetsNothing()
    {
        await using var test = await TestDatabase.CreateAsync(Clock);
        var planId = await test.CreatePlanAsync();
        await test.CreateFeatureAsync(planId, "Tool catalogue");
        var (outsider, _) = await test.CreateOutsiderAsync();
        test.ActAs(outsider);

        (await test.Get<HorizonService>().GetAsync(planId)).ShouldBeNull();
    }

    private static async Task SetDatesAsync(TestDatabase test, int planId, PhaseView phase, DateTime start, DateTime end)
    {
        var input = phase.ToInput();
        (input.StartDate, input.EndDate) = (start, end);
        var result = await test.Get<RoadmapService>().UpdatePhaseAsync(planId, phase.Id, input);
        result.Succeeded.ShouldBeTrue(result.Message);
    }

    private static async Task<int> CreateAsync(TestDatabase test, int planId, string title, int? phaseId, Moscow moscow = Moscow.Unset, int? reach = null,
        FeatureStatus status = FeatureStatus.Planned)
    {
        var result = await test.Get<FeatureService>().CreateAsync(planId, new FeatureInput
        {
            Title = title,
            PhaseId = phaseId,
            Moscow = moscow,
            Status = status,
            Reach = reach,
            Impact = reach is null ? null : 1,
            Confidence = reach is null ? null : 100,
            Effort = reach is null ? null : 1,
        });
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Value;
    }
}
