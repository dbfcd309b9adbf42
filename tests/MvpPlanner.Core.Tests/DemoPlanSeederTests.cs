using MvpPlanner.Core.Features;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

public class DemoPlanSeederTests
{
    [Fact]
    public async Task SeedAsync_IntoWorkspace_AddsOneWorkedExample()
    {
        await using var test = await TestDatabase.CreateAsync();

        var planId = await test.Get<DemoPlanSeeder>().SeedAsync(test.WorkspaceId, test.Owner);

        var plan = (await test.Get<PlanService>().ListAsync(true)).ShouldHaveSingleItem();
        plan.Id.ShouldBe(planId);
        plan.Name.ShouldBe(DemoPlanSeeder.DemoPlanName);
        plan.PersonaCount.ShouldBe(2);
        plan.ProblemCount.ShouldBe(2);
        plan.FeatureCount.ShouldBe(5);
        (await test.Get<ProblemService>().ListAsync(planId)).ShouldAllBe(p => !p.HasNoPersona);
        var board = await test.GetBoardAsync(planId);
        board.Phases.Select(p => p.Name).ShouldBe(["MVP", "Pilot", "Beta", "Roll-out", "Later"]);
        board.Cards.Count(c => c.PhaseId == board.Phases[0].Id).ShouldBe(2);
        var overview = await test.Get<PlanService>().GetOverviewAsync(planId);
        overview!.Outcomes.Count.ShouldBe(2);
        overview.MvpFeatureCount.ShouldBe(2);
    }

    [Fact]
    public async Task SeedAsync_SeededFeatures_HaveRiceScores()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.Get<DemoPlanSeeder>().SeedAsync(test.WorkspaceId, test.Owner);

        var rows = await test.Get<FeatureService>().ListAsync(planId);

        rows.ShouldAllBe(r => r.RiceScore != null);
        rows.Single(r => r.Title == "Tool catalogue with search").RiceScore.ShouldBe(213.3);
    }
}
