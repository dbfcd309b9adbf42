using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

public class ValueEffortServiceTests
{
    [Fact]
    public async Task GetChartAsync_Viewer_SeesTheFeaturesMatchingTheBacklogFilter()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var catalogue = await CreateSizedAsync(test, planId, "Tool catalogue", 5, 3);
        await CreateSizedAsync(test, planId, "Offline mode", 2, 5);
        var unsized = await test.CreateFeatureAsync(planId, "Dark theme");
        var viewer = await test.CreateMemberAsync("Vera Viewer", WorkspaceRole.Viewer);

        var all = await test.GetAs<ValueEffortService>(viewer).GetChartAsync(planId, BacklogFilter.Empty, ValueEffortMode.Size);
        var filtered = await test.GetAs<ValueEffortService>(viewer).GetChartAsync(planId, new BacklogFilter { Search = "catalogue" }, ValueEffortMode.Size);

        all.PlanCount.ShouldBe(3);
        all.Points.Count.ShouldBe(2);
        all.NotSized.Select(r => r.Id).ShouldBe([unsized]);
        filtered.Points.Select(p => (p.Feature.Id, p.Quadrant)).ShouldBe([(catalogue, Quadrant.QuickWin)]);
        filtered.NotSized.ShouldBeEmpty();
        filtered.MatchingCount.ShouldBe(1);
    }

    [Fact]
    public async Task GetChartAsync_Outsider_GetsNothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        await CreateSizedAsync(test, planId, "Tool catalogue", 5, 3);
        var (outsider, _) = await test.CreateOutsiderAsync();

        var chart = await test.GetAs<ValueEffortService>(outsider).GetChartAsync(planId, BacklogFilter.Empty, ValueEffortMode.Size);

        chart.Points.ShouldBeEmpty();
        chart.NotSized.ShouldBeEmpty();
        chart.PlanCount.ShouldBe(0);
    }

    private static async Task<int> CreateSizedAsync(TestDatabase test, int planId, string title, int value, int effortSize)
    {
        var created = await test.Get<FeatureService>().CreateAsync(planId, new FeatureInput { Title = title, Value = value, EffortSize = effortSize });
        created.Succeeded.ShouldBeTrue();
        return created.Value;
    }
}
