using MvpPlanner.Core.Tests.Infrastructure;
using MvpPlanner.Core.Webhooks;

namespace MvpPlanner.Core.Tests.Webhooks;

public class WebhookSenderTests
{
    [Fact]
    public async Task Sender_FeatureCreated_PostsTheSignedPayloadToTheReceiver()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var test = await WebhookTestSetup.CreateDatabaseAsync();
        var planId = await test.CreatePlanAsync();
        var hook = await test.CreateHookAsync(receiver.Url, WebhookEvents.FeatureCreated);
        await test.CreateFeatureAsync(planId, "Tool catalogue");
        await test.NewDispatcher().EnqueueAsync();

        (await test.NewSender().SendDueAsync()).ShouldBe(1);

        var request = receiver.Requests.ShouldHaveSingleItem();
        var delivery = (await test.DeliveriesAsync()).ShouldHaveSingleItem();
        request.Path.ShouldBe("/hooks/planner");
        request.Body.ShouldBe(delivery.Payload);
        request.Header("Content-Type").ShouldStartWith("application/json");
        request.Header("X-MvpPlanner-Event").ShouldBe("feature.created");
        request.Header("X-MvpPlanner-Delivery").ShouldBe(delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        WebhookSignature.Verify(hook.Secret, request.Header("X-MvpPlanner-Timestamp"), request.Body, request.Header("X-MvpPlanner-Signature"),
            DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)).ShouldBeTrue();
        delivery.Status.ShouldBe(DeliveryStatus.Succeeded);
        delivery.LastStatusCode.ShouldBe(200);
        delivery.Attempts.ShouldBe(1);
        delivery.DeliveredAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Sender_TwoInstancesAtOnce_SendEachDeliveryOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var test = await WebhookTestSetup.CreateDatabaseAsync();
        var planId = await test.CreatePlanAsync();
        await test.CreateHookAsync(receiver.Url, WebhookEvents.FeatureCreated);
        for (var i = 0; i < 6; i++)
        {
            await test.CreateFeatureAsync(planId, $"Feature {i}");
        }

        await test.NewDispatcher().EnqueueAsync();

        var (a, b) = (test.NewSender(), test.NewSender());
        var attempted = await TestDatabase.AllAtOnceAsync<int>([() => a.SendDueAsync(), () => b.SendDueAsync()]);

        attempted.Sum().ShouldBe(6);
        receiver.Requests.Count.ShouldBe(6);
        receiver.Requests.Select(r => r.Header("X-MvpPlanner-Delivery")).ShouldBeUnique();
        (await test.DeliveriesAsync()).ShouldAllBe(d => d.Status == DeliveryStatus.Succeeded && d.Attempts == 1);
    }

    [Fact]
    public async Task Sender_DeliveryClaimedByAnotherInstance_IsNotSentAgain()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var test = await WebhookTestSetup.CreateDatabaseAsync();
        var planId = await test.CreatePlanAsync();
        await test.CreateHookAsync(receiver.Url, WebhookEvents.FeatureCreated);
        await test.CreateFeatureAsync(planId, "Tool catalogue");
        await test.NewDispatcher().EnqueueAsync();
        var delivery = (await test.DeliveriesAsync()).Single();

        var claims = await TestDatabase.AllAtOnceAsync<bool>(
            [() => test.NewSender().TrySendAsync(delivery.Id, 0), () => test.NewSender().TrySendAsync(delivery.Id, 0)]);

        claims.Count(c => c).ShouldBe(1);
        (await test.NewSender().TrySendAsync(delivery.Id, 0)).ShouldBeFalse();
        receiver.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Sender_ReceiverAnswers500_RetriesOnTheScheduleThenFailsAndPausesTheHook()
    {
        var clock = new TestClock(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var receiver = await WebhookReceiver.StartAsync(statusCode: 500);
        await using var test = await WebhookTestSetup.CreateDatabaseAsync(clock, pauseAfter: 4);
        var planId = await test.CreatePlanAsync();
        var hook = await test.CreateHookAsync(receiver.Url, WebhookEvents.FeatureCreated);
        await test.CreateFeatureAsync(planId, "Tool catalogue");
        await test.NewDispatcher().EnqueueAsync();
        var sender = test.NewSender();

        (await sender.SendDueAsync()).ShouldBe(1);
        var delivery = (await test.DeliveriesAsync()).Single();
        delivery.Status.ShouldBe(DeliveryStatus.Pending);
        delivery.LastStatusCode.ShouldBe(500);
        delivery.NextAttemptAt.ShouldBe(clock.Now.UtcDateTime.AddSeconds(30), TimeSpan.FromMilliseconds(1));
        (await sender.SendDueAsync()).ShouldBe(0);

        foreach (var wait in (TimeSpan[])[TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)])
        {
            clock.Advance(wait - TimeSpan.FromSeconds(1));
            (await sender.SendDueAsync()).ShouldBe(0);
            clock.Advance(TimeSpan.FromSeconds(1));
            (await sender.SendDueAsync()).ShouldBe(1);
        }

        delivery = (await test.DeliveriesAsync()).Single();
        delivery.Status.ShouldBe(DeliveryStatus.Failed);
        delivery.Attempts.ShouldBe(4);
        receiver.Requests.Count.ShouldBe(4);
        receiver.Requests.Select(r => r.Header("X-MvpPlanner-Delivery")).Distinct().ShouldHaveSingleItem();
        var paused = await test.HookAsync(hook.Id);
        paused.State.ShouldBe(WebhookState.Paused);
        paused.PausedReason.ShouldBe("HTTP 500");
        paused.PausedAt.ShouldNotBeNull().ShouldBe(clock.Now.UtcDateTime, TimeSpan.FromMilliseconds(1));
        test.Logs.Entries.ShouldContain(e => e.Message.Contains("paused after 4 failed deliveries"));
        test.Logs.Entries.ShouldNotContain(e => e.Message.Contains(hook.Secret) || e.Message.Contains("/hooks/planner"));

        // Paused: new changes are not queued, until the owner resumes it.
        await test.CreateFeatureAsync(planId, "While paused");
        (await test.NewDispatcher().EnqueueAsync()).ShouldBe(0);
        (await test.Get<WebhookService>().ResumeAsync(test.WorkspaceId, hook.Id)).Succeeded.ShouldBeTrue();
        (await test.HookAsync(hook.Id)).ShouldSatisfyAllConditions(h => h.State.ShouldBe(WebhookState.Active), h => h.ConsecutiveFailures.ShouldBe(0));
    }

    [Fact]
    public async Task Sender_SuccessAfterFailures_StartsTheHooksCountOver()
    {
        await using var receiver = await WebhookReceiver.StartAsync(statusCode: 503);
        var clock = new TestClock(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var test = await WebhookTestSetup.CreateDatabaseAsync(clock, pauseAfter: 3);
        var planId = await test.CreatePlanAsync();
        var hook = await test.CreateHookAsync(receiver.Url, WebhookEvents.FeatureCreated);
        await test.CreateFeatureAsync(planId, "Tool catalogue");
        await test.NewDispatcher().EnqueueAsync();
        var sender = test.NewSender();
        await sender.SendDueAsync();
        clock.Advance(TimeSpan.FromSeconds(30));
        await sender.SendDueAsync();
        (await test.HookAsync(hook.Id)).ConsecutiveFailures.ShouldBe(2);

        receiver.StatusCode = 204;
        clock.Advance(TimeSpan.FromMinutes(2));
        await sender.SendDueAsync();

        (await test.HookAsync(hook.Id)).ShouldSatisfyAllConditions(h => h.ConsecutiveFailures.ShouldBe(0), h => h.State.ShouldBe(WebhookState.Active));
        (await test.DeliveriesAsync()).Single().ShouldSatisfyAllConditions(d => d.Status.ShouldBe(DeliveryStatus.Succeeded), d => d.LastStatusCode.ShouldBe(204));
    }

    [Fact]
    public async Task Sender_LoopbackUrlWithoutPermission_IsRefusedAtSendTime()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var test = await WebhookTestSetup.CreateDatabaseAsync(allowPrivate: false);
        var planId = await test.CreatePlanAsync();
        var hook = await test.CreateHookAsync("https://93.184.215.14/hook", WebhookEvents.FeatureCreated);
        // As if the host name had been resolved to a public address at registration and to loopback now (DNS rebinding).
        await using (var db = await test.NewContextAsync())
        {
            var stored = await db.Webhooks.FindAsync(hook.Id);
            stored!.Url = receiver.Url;
            await db.SaveChangesAsync();
        }

        await test.CreateFeatureAsync(planId, "Tool catalogue");
        await test.NewDispatcher().EnqueueAsync();

        (await test.NewSender().SendDueAsync()).ShouldBe(1);

        receiver.Requests.ShouldBeEmpty();
        var delivery = (await test.DeliveriesAsync()).Single();
        delivery.Status.ShouldBe(DeliveryStatus.Pending);
        delivery.LastStatusCode.ShouldBeNull();
        delivery.LastError.ShouldBe("refused: private or local address");
    }

    [Fact]
    public async Task PurgeFinished_DeliveriesOlderThan30Days_AreRemovedButWaitingOnesStay()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clock = new TestClock(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var test = await WebhookTestSetup.CreateDatabaseAsync(clock);
        var planId = await test.CreatePlanAsync();
        var hook = await test.CreateHookAsync(receiver.Url, WebhookEvents.FeatureCreated);
        await test.CreateFeatureAsync(planId, "Delivered long ago");
        await test.NewDispatcher().EnqueueAsync();
        await test.NewSender().SendDueAsync();
        (await test.Get<WebhookService>().SendTestAsync(test.WorkspaceId, hook.Id)).Succeeded.ShouldBeTrue();

        clock.Advance(TimeSpan.FromDays(29));
        (await test.NewSender().PurgeFinishedAsync()).ShouldBe(0);
        clock.Advance(TimeSpan.FromDays(2));
        (await test.NewSender().PurgeFinishedAsync()).ShouldBe(1);

        (await test.DeliveriesAsync()).ShouldHaveSingleItem().Event.ShouldBe(WebhookEvents.Ping);
    }
}
