using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MvpPlanner.Core.Operations;
using MvpPlanner.Web.Hosting;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Hosting;

public class TrashPurgeJobTests : PlannerTestContext
{
    [Fact]
    public async Task TrashPurgeJob_ItemDeletedToday_StaysInTheTrash()
    {
        var planId = await CreatePlanAsync();
        var tool = (await Get<EssentialToolService>().AddToolAsync(planId, new ToolInput { Name = "Stripe" })).Value;
        await Get<EssentialToolService>().DeleteToolAsync(planId, tool);
        var job = new TrashPurgeJob(Get<IServiceScopeFactory>(), TimeProvider.System, NullLogger<TrashPurgeJob>.Instance);

        (await job.RunOnceAsync(CancellationToken.None)).ShouldBe(0);

        (await Get<Core.History.TrashService>().ListAsync(planId)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task TrashPurgeJob_PurgeFails_IsLoggedAndDoesNotThrow()
    {
        var broken = new ServiceCollection().BuildServiceProvider(); // no TrashService: the run fails
        var job = new TrashPurgeJob(broken.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<TrashPurgeJob>.Instance);

        (await job.RunOnceAsync(CancellationToken.None)).ShouldBe(0);
    }
}
