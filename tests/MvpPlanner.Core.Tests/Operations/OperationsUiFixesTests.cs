using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.Operations;

/// <summary>Core behaviour the operations page relies on, found while wiring the page to the service.</summary>
public class OperationsUiFixesTests
{
    [Fact]
    public async Task AddStageAsync_AfterEarlierStagesWereDeleted_AppendsTheStageAtTheEnd()
    {
        await using var test = await TestDatabase.CreateAsync();
        var operations = test.Get<OperationsService>();
        var planId = await test.CreatePlanAsync();
        var stages = (await operations.GetAsync(planId))!.Stages;
        (await test.Journey().DeleteStageAsync(planId, stages[0].Id)).Succeeded.ShouldBeTrue();
        (await test.Journey().DeleteStageAsync(planId, stages[1].Id)).Succeeded.ShouldBeTrue();

        var added = await test.Journey().AddStageAsync(planId, new StageInput { Name = "Renewal" });

        added.Succeeded.ShouldBeTrue(added.Message);
        (await operations.GetAsync(planId))!.Stages.Select(s => s.Name).ShouldBe(["Onboarding", "Billing", "Delivery", "Support", "Renewal"]);
    }
}
