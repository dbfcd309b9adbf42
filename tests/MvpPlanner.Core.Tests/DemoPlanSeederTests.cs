using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

public class DemoPlanSeederTests
{
    [Fact]
    public async Task SeedIfEmptyAsync_EmptyDatabase_SeedsOneWorkedExample()
    {
        await using var test = await TestDatabase.CreateAsync();

        var planId = await test.Get<DemoPlanSeeder>().SeedIfEmptyAsync();

        planId.ShouldNotBeNull();
        var plan = (await test.Get<PlanService>().ListAsync(true)).ShouldHaveSingleItem();
        plan.Id.ShouldBe(planId.Value);
        plan.Name.ShouldBe(DemoPlanSeeder.DemoPlanName);
        plan.PersonaCount.ShouldBe(2);
        plan.ProblemCount.ShouldBe(2);
        plan.FeatureCount.ShouldBe(5);
        (await test.Get<ProblemService>().ListAsync(planId.Value)).ShouldAllBe(p => !p.HasNoPersona);
        var board = await test.GetBoardAsync(planId.Value);
        board.Phases.Select(p => p.Name).ShouldBe(["MVP", "Pilot", "Beta", "Roll-out", "Later"]);
        board.Cards.Count(c => c.PhaseId == board.Phases[0].Id).ShouldBe(2);
        var overview = await test.Get<PlanService>().GetOverviewAsync(planId.Value);
        overview!.Outcomes.Count.ShouldBe(2);
        overview.MvpFeatureCount.ShouldBe(2);
    }

    [Fact]
    public async Task SeedIfEmptyAsync_SecondRun_ReturnsNullAndAddsNothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var seeder = test.Get<DemoPlanSeeder>();

        var first = await seeder.SeedIfEmptyAsync();
        var second = await seeder.SeedIfEmptyAsync();

        first.ShouldNotBeNull();
        second.ShouldBeNull();
        await using var db = await test.NewContextAsync();
        (await db.Plans.CountAsync()).ShouldBe(1);
        (await db.Features.CountAsync()).ShouldBe(5);
    }

    [Fact]
    public async Task SeedIfEmptyAsync_AfterDemoDeleted_DoesNotComeBackWhileOtherPlansExist()
    {
        await using var test = await TestDatabase.CreateAsync();
        var seeder = test.Get<DemoPlanSeeder>();
        var demoId = await seeder.SeedIfEmptyAsync();
        var ownPlanId = await test.CreatePlanAsync("Our own plan");
        await test.Get<PlanService>().DeleteAsync(demoId!.Value);

        var again = await seeder.SeedIfEmptyAsync();

        again.ShouldBeNull();
        (await test.Get<PlanService>().ListAsync(true)).Select(p => p.Id).ShouldBe([ownPlanId]);
    }

    [Fact]
    public async Task SeedIfEmptyAsync_DatabaseWithAPlan_SeedsNothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        await test.CreatePlanAsync("Ours");

        var result = await test.Get<DemoPlanSeeder>().SeedIfEmptyAsync();

        result.ShouldBeNull();
        (await test.Get<PlanService>().ListAsync(true)).ShouldHaveSingleItem().Name.ShouldBe("Ours");
    }

    [Fact]
    public async Task SeedIfEmptyAsync_SeededFeatures_HaveRiceScores()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.Get<DemoPlanSeeder>().SeedIfEmptyAsync();

        var rows = await test.Get<FeatureService>().ListAsync(planId!.Value);

        rows.ShouldAllBe(r => r.RiceScore != null);
        rows.Single(r => r.Title == "Tool catalogue with search").RiceScore.ShouldBe(213.3);
    }
}
