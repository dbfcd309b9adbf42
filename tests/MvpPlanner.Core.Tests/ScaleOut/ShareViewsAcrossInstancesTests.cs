using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Sharing;
using MvpPlanner.Core.Tests.Infrastructure;
using MvpPlanner.Core.Workshops;

namespace MvpPlanner.Core.Tests.ScaleOut;

/// <summary>Opens of one share link, counted by several instances at once, add up exactly.</summary>
public sealed class ShareViewsAcrossInstancesTests
{
    [Fact]
    public async Task OpenAsync_200TimesOnEachOfTwoInstancesWhileBothFlush_Stores400Views()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var created = await test.Get<ShareLinkService>().CreateAsync(plan.PlanId, new ShareLinkInput { Label = "Investors" });
        created.Status.ShouldBe(ResultStatus.Ok, created.Message);
        var prefix = AppInstance.NewPrefix();
        await using var a = await AppInstance.StartAsync(prefix, test);
        await using var b = await AppInstance.StartAsync(prefix, test);

        await Task.WhenAll(OpenAndFlushAsync(a, created.Value!.Token), OpenAndFlushAsync(b, created.Value.Token));
        await a.Get<ShareViewCounter>().FlushAsync();

        await using var db = await test.NewContextAsync();
        var views = await db.ShareLinks.Where(l => l.Id == created.Value.Id).Select(l => l.ViewCount).SingleAsync();
        views.ShouldBe(400);
        a.Logs.AtLeast(Microsoft.Extensions.Logging.LogLevel.Warning).Concat(b.Logs.AtLeast(Microsoft.Extensions.Logging.LogLevel.Warning)).Select(e => e.Message).ShouldBeEmpty();
    }

    /// <summary>A reader opening the link 200 times, with the instance's flush running every 25 opens.</summary>
    private static async Task OpenAndFlushAsync(AppInstance instance, string token)
    {
        await Task.Yield();
        var sharing = instance.Get<ShareLinkService>();
        var counter = instance.Get<ShareViewCounter>();
        for (var i = 1; i <= 200; i++)
        {
            (await sharing.OpenAsync(token)).ShouldNotBeNull();
            if (i % 25 == 0)
            {
                await counter.FlushAsync();
            }
        }
    }
}
