using System.Text.Json;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Feedback;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Tests.Infrastructure;
using MvpPlanner.Core.Webhooks;

namespace MvpPlanner.Core.Tests.Webhooks;

public class WebhookDispatcherTests
{
    [Fact]
    public async Task Dispatcher_ChangesThroughTheServices_BecomeTheEventsAHookSubscribedTo()
    {
        await using var test = await WebhookTestSetup.CreateDatabaseAsync();
        var sample = await test.CreateSamplePlanAsync();
        var hook = await test.CreateHookAsync("http://127.0.0.1:9/hook",
            WebhookEvents.FeatureCreated, WebhookEvents.FeatureUpdated, WebhookEvents.FeatureMoved, WebhookEvents.FeatureDeleted,
            WebhookEvents.PhaseChanged, WebhookEvents.FeedbackReceived);
        var features = test.Get<FeatureService>();

        var featureId = await test.CreateFeatureAsync(sample.PlanId, "Loan reminders", sample.PhaseId, sample.LaneId);
        (await features.UpdateAsync(sample.PlanId, featureId, new FeatureInput
        {
            Title = "Loan reminders by text", PhaseId = sample.PhaseId, LaneId = sample.LaneId, Version = await test.VersionOfAsync<Feature>(featureId),
        })).Succeeded.ShouldBeTrue();
        (await test.Get<RoadmapService>().MoveFeatureAsync(sample.PlanId, featureId, sample.OtherPhaseId, sample.LaneId, 0)).Succeeded.ShouldBeTrue();
        (await features.DeleteAsync(sample.PlanId, featureId)).Succeeded.ShouldBeTrue();
        var phaseId = (await test.Get<RoadmapService>().AddPhaseAsync(sample.PlanId, new PhaseInput { Name = "Scale" })).Value;
        var feedbackId = (await test.Get<FeedbackService>().CaptureAsync(sample.PlanId, new FeedbackInput { Text = "I want reminders before a loan ends" })).Value;

        await test.NewDispatcher().EnqueueAsync();

        var deliveries = await test.DeliveriesAsync();
        deliveries.ShouldAllBe(d => d.WebhookId == hook.Id && d.Status == DeliveryStatus.Pending);
        var byItem = deliveries.Select(d => (d.Event, Item: JsonDocument.Parse(d.Payload).RootElement.GetProperty("item"))).ToList();
        byItem.Where(d => d.Item.GetProperty("kind").GetString() == "feature" && d.Item.GetProperty("id").GetInt32() == featureId).Select(d => d.Event)
            .ShouldBe([WebhookEvents.FeatureCreated, WebhookEvents.FeatureUpdated, WebhookEvents.FeatureMoved, WebhookEvents.FeatureDeleted]);
        byItem.ShouldContain(d => d.Event == WebhookEvents.PhaseChanged && d.Item.GetProperty("id").GetInt32() == phaseId);
        byItem.ShouldContain(d => d.Event == WebhookEvents.FeedbackReceived && d.Item.GetProperty("id").GetInt32() == feedbackId);
    }

    [Fact]
    public async Task Dispatcher_FeatureCreated_PayloadNamesWorkspacePlanItemAndPerson()
    {
        await using var test = await WebhookTestSetup.CreateDatabaseAsync();
        var planId = await test.CreatePlanAsync("Tool library");
        await test.CreateHookAsync("http://127.0.0.1:9/hook", WebhookEvents.FeatureCreated);
        var featureId = await test.CreateFeatureAsync(planId, "Tool catalogue");

        await test.NewDispatcher().EnqueueAsync();

        var delivery = (await test.DeliveriesAsync()).ShouldHaveSingleItem();
        delivery.Event.ShouldBe(WebhookEvents.FeatureCreated);
        var payload = JsonDocument.Parse(delivery.Payload).RootElement;
        payload.GetProperty("id").GetString().ShouldBe(delivery.SourceKey);
        payload.GetProperty("event").GetString().ShouldBe("feature.created");
        payload.GetProperty("occurredAt").GetDateTime().Kind.ShouldBe(DateTimeKind.Utc);
        payload.GetProperty("workspace").GetProperty("id").GetInt32().ShouldBe(test.WorkspaceId);
        payload.GetProperty("workspace").GetProperty("name").GetString().ShouldBe("Test workspace");
        payload.GetProperty("plan").GetProperty("id").GetInt32().ShouldBe(planId);
        payload.GetProperty("plan").GetProperty("name").GetString().ShouldBe("Tool library");
        payload.GetProperty("item").GetProperty("kind").GetString().ShouldBe("feature");
        payload.GetProperty("item").GetProperty("id").GetInt32().ShouldBe(featureId);
        payload.GetProperty("item").GetProperty("name").GetString().ShouldBe("Tool catalogue");
        payload.GetProperty("actor").GetString().ShouldBe("Olivia Owner");
        payload.GetProperty("data").GetProperty("action").GetString().ShouldBe("created");
    }

    [Fact]
    public async Task Dispatcher_ChangesBeforeTheHookWasAddedOrEventsNotSubscribed_AreNotSent()
    {
        await using var test = await WebhookTestSetup.CreateDatabaseAsync();
        var planId = await test.CreatePlanAsync();
        await test.CreateFeatureAsync(planId, "Before the hook");
        await test.CreateHookAsync("http://127.0.0.1:9/hook", WebhookEvents.FeedbackReceived);
        await test.CreateFeatureAsync(planId, "Not subscribed");

        (await test.NewDispatcher().EnqueueAsync()).ShouldBe(0);

        (await test.DeliveriesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Dispatcher_TwoInstancesAtOnce_MakeEachDeliveryOnce()
    {
        await using var test = await WebhookTestSetup.CreateDatabaseAsync();
        var planId = await test.CreatePlanAsync();
        var first = await test.CreateHookAsync("http://127.0.0.1:9/first", WebhookEvents.FeatureCreated);
        var second = await test.CreateHookAsync("http://127.0.0.1:9/second", WebhookEvents.FeatureCreated);
        for (var i = 0; i < 5; i++)
        {
            await test.CreateFeatureAsync(planId, $"Feature {i}");
        }

        var (a, b) = (test.NewDispatcher(), test.NewDispatcher());
        var created = await TestDatabase.AllAtOnceAsync<int>([() => a.EnqueueAsync(), () => b.EnqueueAsync()]);
        created.Sum().ShouldBe(10);
        (await a.EnqueueAsync() + await b.EnqueueAsync() + await test.NewDispatcher().EnqueueAsync()).ShouldBe(0);

        var deliveries = await test.DeliveriesAsync();
        deliveries.Count.ShouldBe(10);
        deliveries.Count(d => d.WebhookId == first.Id).ShouldBe(5);
        deliveries.Count(d => d.WebhookId == second.Id).ShouldBe(5);
        deliveries.Select(d => (d.WebhookId, d.SourceKey)).ShouldBeUnique();
    }

    [Fact]
    public async Task Dispatcher_ReadinessChanges_AnnounceFindingsOpenedAndClosedOnce()
    {
        await using var test = await WebhookTestSetup.CreateDatabaseAsync();
        var planId = await test.CreatePlanAsync();
        await test.CreateHookAsync("http://127.0.0.1:9/hook", WebhookEvents.FindingOpened, WebhookEvents.FindingClosed);
        await test.CreateFeatureAsync(planId, "Tool catalogue");

        await test.NewDispatcher().EnqueueAsync();
        var opened = await test.DeliveriesAsync();
        opened.ShouldAllBe(d => d.Event == WebhookEvents.FindingOpened);
        opened.ShouldContain(d => Rule(d) == "no-promise");

        (await test.Get<PlanService>().UpdateAsync(planId, new PlanInput
        {
            Name = "Test plan", ValueProposition = "Borrow any tool within 10 minutes' walk", Version = await test.VersionOfAsync<Plan>(planId),
        })).Succeeded.ShouldBeTrue();
        var (a, b) = (test.NewDispatcher(), test.NewDispatcher());
        await TestDatabase.AllAtOnceAsync<int>([() => a.EnqueueAsync(), () => b.EnqueueAsync()]);

        var changed = (await test.DeliveriesAsync()).Skip(opened.Count).ToList();
        changed.Where(d => d.Event == WebhookEvents.FindingClosed).Select(Rule).ShouldBe(["no-promise"]);
        changed.Where(d => d.Event == WebhookEvents.FindingOpened).Select(Rule).ShouldBe(["promise-not-kept"]);
    }

    private static string Rule(WebhookDelivery delivery) =>
        JsonDocument.Parse(delivery.Payload).RootElement.GetProperty("data").GetProperty("rule").GetString()!;
}
