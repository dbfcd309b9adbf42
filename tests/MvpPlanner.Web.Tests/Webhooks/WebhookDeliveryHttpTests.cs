using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Webhooks;
using MvpPlanner.Core.Tests.Webhooks;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Webhooks;

/// <summary>Webhooks in the running app, against a receiver on loopback (allowed by the operator's setting).</summary>
public sealed class WebhookDeliveryHttpTests : IAsyncLifetime
{
    private readonly PlannerWebApplicationFactory _app = WebhookApp.Create(allowPrivateAddresses: true);

    [Fact]
    public async Task Webhook_FeatureCreated_ReachesTheReceiverWithASignatureItCanVerify()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (ada, workspaceId, planId) = await _app.AdaAsync();
        var hook = await _app.CreateHookAsync(ada, workspaceId, receiver.Url, WebhookEvents.FeatureCreated);
        hook.Status.ShouldBe(ResultStatus.Ok, hook.Message);

        var featureId = (await _app.CreateFeatureAsync(ada, planId, "Loan reminders")).Value;

        await WebhookApp.EventuallyAsync(() => Task.FromResult(receiver.Requests.Count > 0), "the receiver got the event");
        var request = receiver.Requests.ShouldHaveSingleItem();
        request.Header("X-MvpPlanner-Event").ShouldBe("feature.created");

        // What a receiver does: HMAC-SHA256 over "{timestamp}.{body}" with the secret, compared with the header, and a fresh timestamp.
        var timestamp = long.Parse(request.Header("X-MvpPlanner-Timestamp"), CultureInfo.InvariantCulture);
        var expected = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(hook.Value!.Secret), Encoding.UTF8.GetBytes($"{timestamp}.{request.Body}")));
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(request.Header("X-MvpPlanner-Signature"))).ShouldBeTrue();
        Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp).ShouldBeLessThan(300);

        var payload = JsonDocument.Parse(request.Body).RootElement;
        payload.GetProperty("event").GetString().ShouldBe("feature.created");
        payload.GetProperty("plan").GetProperty("id").GetInt32().ShouldBe(planId);
        payload.GetProperty("item").GetProperty("id").GetInt32().ShouldBe(featureId);
        payload.GetProperty("item").GetProperty("name").GetString().ShouldBe("Loan reminders");
        payload.GetProperty("actor").GetString().ShouldBe("Ada Admin");

        await WebhookApp.EventuallyAsync(async () => await DeliveriesAsync(ada, workspaceId, hook.Value.Id) is [{ Status: DeliveryStatus.Succeeded }],
            "the delivery is listed as delivered");
        (await DeliveriesAsync(ada, workspaceId, hook.Value.Id)).Single().LastStatusCode.ShouldBe(200);
    }

    [Fact]
    public async Task Webhook_ReceiverAnswers500_IsRetriedThenPausedAndTheOwnerSeesItPaused()
    {
        await using var receiver = await WebhookReceiver.StartAsync(statusCode: 500);
        var (ada, workspaceId, planId) = await _app.AdaAsync();
        var hook = (await _app.CreateHookAsync(ada, workspaceId, receiver.Url, WebhookEvents.FeatureCreated)).Value!;

        await _app.CreateFeatureAsync(ada, planId, "Loan reminders");

        await WebhookApp.EventuallyAsync(async () => (await HooksAsync(ada, workspaceId)).Single(h => h.Id == hook.Id).State == WebhookState.Paused,
            "the hook is paused");
        receiver.Requests.Count.ShouldBe(3);
        receiver.Requests.Select(r => r.Header("X-MvpPlanner-Delivery")).Distinct().ShouldHaveSingleItem();
        receiver.Requests.Select(r => r.Body).Distinct().ShouldHaveSingleItem();
        var delivery = (await DeliveriesAsync(ada, workspaceId, hook.Id)).Single();
        delivery.ShouldSatisfyAllConditions(
            d => d.Status.ShouldBe(DeliveryStatus.Failed), d => d.Attempts.ShouldBe(3), d => d.LastStatusCode.ShouldBe(500));
        var paused = (await HooksAsync(ada, workspaceId)).Single(h => h.Id == hook.Id);
        paused.PausedReason.ShouldBe("HTTP 500");

        // The owner is told on the workspace page, with a way to resume.
        var client = await _app.SignedInAsync();
        var (status, page) = await client.GetAsync($"/workspaces/{workspaceId}");
        status.ShouldBe(System.Net.HttpStatusCode.OK);
        page.ShouldContain("data-testid=\"webhook-paused\"");
        page.ShouldContain("Paused after 3 failed deliveries in a row");
        page.ShouldContain("the receiver answered 500");
        page.ShouldContain("Resume");
        page.ShouldNotContain(hook.Secret);
    }

    private Task<IReadOnlyList<WebhookView>> HooksAsync(Core.Accounts.Caller ada, int workspaceId) =>
        _app.AsAsync(ada, (WebhookService s) => s.ListAsync(workspaceId));

    private Task<IReadOnlyList<DeliveryView>> DeliveriesAsync(Core.Accounts.Caller ada, int workspaceId, int hookId) =>
        _app.AsAsync(ada, (WebhookService s) => s.ListDeliveriesAsync(workspaceId, hookId));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>Without the operator's permission, hooks cannot point inside the server's network.</summary>
public sealed class WebhookPrivateAddressHttpTests : IAsyncLifetime
{
    private readonly PlannerWebApplicationFactory _app = WebhookApp.Create(allowPrivateAddresses: false);

    [Fact]
    public async Task Webhook_LoopbackUrl_IsRefusedAtRegistration()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (ada, workspaceId, _) = await _app.AdaAsync();

        var result = await _app.CreateHookAsync(ada, workspaceId, receiver.Url, WebhookEvents.FeatureCreated);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ErrorsFor(nameof(WebhookInput.Url)).ShouldHaveSingleItem().ShouldContain("private or local");
    }

    [Fact]
    public async Task Webhook_HookThatNowLeadsToLoopback_IsRefusedAtSendTime()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (ada, workspaceId, planId) = await _app.AdaAsync();
        var hook = (await _app.CreateHookAsync(ada, workspaceId, "https://93.184.215.14/hook", WebhookEvents.FeatureCreated)).Value!;
        // As if its host name resolved to a public address when it was added, and to loopback now.
        await _app.QueryAsync(async (IDbContextFactory<PlannerDbContext> contexts) =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await db.Webhooks.Where(h => h.Id == hook.Id).ExecuteUpdateAsync(s => s.SetProperty(h => h.Url, receiver.Url));
        });

        await _app.CreateFeatureAsync(ada, planId, "Loan reminders");

        await WebhookApp.EventuallyAsync(async () => await _app.AsAsync(ada, (WebhookService s) => s.ListDeliveriesAsync(workspaceId, hook.Id))
            is [{ LastError: not null }], "the delivery was tried");
        var delivery = (await _app.AsAsync(ada, (WebhookService s) => s.ListDeliveriesAsync(workspaceId, hook.Id))).Single();
        delivery.LastError.ShouldBe("refused: private or local address");
        delivery.LastStatusCode.ShouldBeNull();
        receiver.Requests.ShouldBeEmpty();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
