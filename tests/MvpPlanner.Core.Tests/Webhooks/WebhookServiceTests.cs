using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Webhooks;

namespace MvpPlanner.Core.Tests.Webhooks;

public class WebhookServiceTests
{
    [Fact]
    public async Task Create_ByOwner_ReturnsTheSecretOnceAndListsTheHookWithoutIt()
    {
        await using var test = await WebhookTestSetup.CreateDatabaseAsync();

        var created = await test.CreateHookAsync("https://93.184.215.14/hook", WebhookEvents.FeatureCreated, WebhookEvents.PhaseChanged);

        created.Secret.ShouldMatch("^whsec_[0-9a-f]{64}$");
        var hook = (await test.Get<WebhookService>().ListAsync(test.WorkspaceId)).ShouldHaveSingleItem();
        hook.Url.ShouldBe("https://93.184.215.14/hook");
        hook.Description.ShouldBe("Team channel");
        hook.Events.ShouldBe([WebhookEvents.FeatureCreated, WebhookEvents.PhaseChanged]);
        hook.State.ShouldBe(WebhookState.Active);
        typeof(WebhookView).GetProperties().ShouldNotContain(p => p.Name.Contains("Secret"));
        test.Logs.Entries.ShouldNotContain(e => e.Message.Contains(created.Secret));
    }

    [Theory]
    [InlineData(WorkspaceRole.Editor)]
    [InlineData(WorkspaceRole.Viewer)]
    public async Task Create_ByNonOwner_IsForbiddenAndTheySeeNoHooks(WorkspaceRole role)
    {
        await using var test = await WebhookTestSetup.CreateDatabaseAsync();
        await test.CreateHookAsync("https://93.184.215.14/hook");
        test.ActAs(await test.CreateMemberAsync("Mia Member", role));
        var service = test.Get<WebhookService>();

        var result = await service.CreateAsync(test.WorkspaceId, new WebhookInput { Url = "https://93.184.215.14/other", Events = [WebhookEvents.FeatureCreated] });

        result.Status.ShouldBe(ResultStatus.Forbidden);
        (await service.ListAsync(test.WorkspaceId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Create_OutsiderOfTheWorkspace_IsToldNotFound()
    {
        await using var test = await WebhookTestSetup.CreateDatabaseAsync();
        var (outsider, _) = await test.CreateOutsiderAsync();
        test.ActAs(outsider);

        var result = await test.Get<WebhookService>().CreateAsync(test.WorkspaceId, new WebhookInput { Url = "https://93.184.215.14/hook", Events = [WebhookEvents.FeatureCreated] });

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]/hook")]
    public async Task Create_PrivateAddressWithoutOperatorPermission_IsRefusedBesideTheUrl(string url)
    {
        await using var test = await WebhookTestSetup.CreateDatabaseAsync(allowPrivate: false);

        var result = await test.Get<WebhookService>().CreateAsync(test.WorkspaceId, new WebhookInput { Url = url, Events = [WebhookEvents.FeatureCreated] });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ErrorsFor(nameof(WebhookInput.Url)).ShouldHaveSingleItem().ShouldContain("private or local");
    }

    [Fact]
    public async Task Create_NoEvents_IsRefusedBesideTheEvents()
    {
        await using var test = await WebhookTestSetup.CreateDatabaseAsync();

        var result = await test.Get<WebhookService>().CreateAsync(test.WorkspaceId, new WebhookInput { Url = "https://93.184.215.14/hook" });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ErrorsFor(nameof(WebhookInput.Events)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Update_StaleVersion_IsAConflictAndChangesNothing()
    {
        await using var test = await WebhookTestSetup.CreateDatabaseAsync();
        var created = await test.CreateHookAsync("https://93.184.215.14/hook", WebhookEvents.FeatureCreated);
        var service = test.Get<WebhookService>();
        var version = (await service.ListAsync(test.WorkspaceId)).Single().Version;
        (await service.UpdateAsync(test.WorkspaceId, created.Id, new WebhookInput { Url = "https://93.184.215.14/first", Events = [WebhookEvents.FeatureMoved], Version = version }))
            .Succeeded.ShouldBeTrue();

        var stale = await service.UpdateAsync(test.WorkspaceId, created.Id, new WebhookInput { Url = "https://93.184.215.14/second", Events = [WebhookEvents.FeatureDeleted], Version = version });

        stale.Status.ShouldBe(ResultStatus.Conflict);
        var hook = (await service.ListAsync(test.WorkspaceId)).Single();
        hook.Url.ShouldBe("https://93.184.215.14/first");
        hook.Events.ShouldBe([WebhookEvents.FeatureMoved]);
    }

    [Fact]
    public async Task RotateSecret_ByOwner_SignsWithTheNewSecretFromNowOn()
    {
        await using var test = await WebhookTestSetup.CreateDatabaseAsync();
        var created = await test.CreateHookAsync("https://93.184.215.14/hook");

        var rotated = await test.Get<WebhookService>().RotateSecretAsync(test.WorkspaceId, created.Id);

        rotated.Value.ShouldNotBeNull().ShouldNotBe(created.Secret);
        (await test.HookAsync(created.Id)).Secret.ShouldBe(rotated.Value);
    }

    [Fact]
    public async Task SendTest_ActiveHook_DeliversAPingAndListsItWithItsStatusCode()
    {
        await using var receiver = await WebhookReceiver.StartAsync(statusCode: 202);
        await using var test = await WebhookTestSetup.CreateDatabaseAsync();
        var created = await test.CreateHookAsync(receiver.Url);
        var service = test.Get<WebhookService>();

        (await service.SendTestAsync(test.WorkspaceId, created.Id)).Succeeded.ShouldBeTrue();
        await test.NewSender().SendDueAsync();

        receiver.Requests.ShouldHaveSingleItem().Header("X-MvpPlanner-Event").ShouldBe("ping");
        var delivery = (await service.ListDeliveriesAsync(test.WorkspaceId, created.Id)).ShouldHaveSingleItem();
        delivery.ShouldSatisfyAllConditions(
            d => d.Event.ShouldBe("ping"), d => d.Status.ShouldBe(DeliveryStatus.Succeeded), d => d.LastStatusCode.ShouldBe(202), d => d.Attempts.ShouldBe(1));
    }

    [Fact]
    public async Task Delete_ByOwner_RemovesTheHookAndItsDeliveries()
    {
        await using var test = await WebhookTestSetup.CreateDatabaseAsync();
        var created = await test.CreateHookAsync("https://93.184.215.14/hook");
        var service = test.Get<WebhookService>();
        await service.SendTestAsync(test.WorkspaceId, created.Id);

        (await service.DeleteAsync(test.WorkspaceId, created.Id)).Succeeded.ShouldBeTrue();

        (await service.ListAsync(test.WorkspaceId)).ShouldBeEmpty();
        (await test.DeliveriesAsync()).ShouldBeEmpty();
        (await service.DeleteAsync(test.WorkspaceId, created.Id)).Status.ShouldBe(ResultStatus.NotFound);
    }
}
