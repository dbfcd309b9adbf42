using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Tests.Infrastructure;
using MvpPlanner.Core.Webhooks;

namespace MvpPlanner.Core.Tests.Webhooks;

internal static class WebhookTestSetup
{
    /// <summary>A test database whose hooks may point at loopback (where the test's receiver is), retrying after
    /// 30 s, 2 min and 10 min and pausing after <paramref name="pauseAfter"/> failures in a row.</summary>
    public static Task<TestDatabase> CreateDatabaseAsync(TimeProvider? clock = null, int pauseAfter = 10, bool allowPrivate = true) =>
        TestDatabase.CreateAsync(services => services.Configure<WebhookOptions>(o =>
        {
            o.AllowPrivateAddresses = allowPrivate;
            o.RetrySchedule = [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)];
            o.PauseAfterFailures = pauseAfter;
        }), clock);

    public static async Task<CreatedWebhook> CreateHookAsync(this TestDatabase test, string url, params string[] events)
    {
        var result = await test.Get<WebhookService>().CreateAsync(test.WorkspaceId, new WebhookInput
        {
            Url = url,
            Description = "Team channel",
            Events = events.Length == 0 ? [.. WebhookEvents.All] : [.. events],
        });
        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        return result.Value!;
    }

    /// <summary>Another app instance's dispatcher: its own memory, the same database.</summary>
    public static WebhookDispatcher NewDispatcher(this TestDatabase test) =>
        ActivatorUtilities.CreateInstance<WebhookDispatcher>(test.Get<IServiceProvider>());

    public static WebhookSender NewSender(this TestDatabase test) =>
        ActivatorUtilities.CreateInstance<WebhookSender>(test.Get<IServiceProvider>());

    public static async Task<List<WebhookDelivery>> DeliveriesAsync(this TestDatabase test)
    {
        await using var db = await test.NewContextAsync();
        return await db.WebhookDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
    }

    public static async Task<Webhook> HookAsync(this TestDatabase test, int id)
    {
        await using var db = await test.NewContextAsync();
        return await db.Webhooks.AsNoTracking().SingleAsync(h => h.Id == id);
    }
}
