using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

public class InstanceSettingsServiceTests
{
    [Fact]
    public async Task IsRegistrationOpenAsync_FreshInstance_IsOpen()
    {
        await using var test = await TestDatabase.CreateWithoutAccountsAsync();

        (await test.Get<InstanceSettingsService>().IsRegistrationOpenAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task IsRegistrationOpenAsync_AfterFirstRegistration_StillOpen()
    {
        await using var test = await TestDatabase.CreateWithoutAccountsAsync();
        await test.RegisterAsync("Ada First", seedDemoPlan: false);

        (await test.Get<InstanceSettingsService>().IsRegistrationOpenAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task SetRegistrationOpenAsync_AdminClosesThenReopens_IsReadBackEachTime()
    {
        await using var test = await TestDatabase.CreateWithoutAccountsAsync();
        test.ActAs(await test.RegisterAsync("Ada First", seedDemoPlan: false));
        var settings = test.Get<InstanceSettingsService>();

        var close = await settings.SetRegistrationOpenAsync(false);
        var afterClose = await settings.IsRegistrationOpenAsync();
        var reopen = await settings.SetRegistrationOpenAsync(true);
        var afterReopen = await settings.IsRegistrationOpenAsync();

        close.Status.ShouldBe(ResultStatus.Ok);
        close.Message.ShouldBe("Registration closed: only people with an invitation can register.");
        afterClose.ShouldBeFalse();
        reopen.Status.ShouldBe(ResultStatus.Ok);
        afterReopen.ShouldBeTrue();
    }

    [Fact]
    public async Task SetRegistrationOpenAsync_SecondAccount_IsForbiddenAndStaysOpen()
    {
        await using var test = await TestDatabase.CreateWithoutAccountsAsync();
        await test.RegisterAsync("Ada First", seedDemoPlan: false);
        test.ActAs(await test.RegisterAsync("Ben Second", seedDemoPlan: false));
        var settings = test.Get<InstanceSettingsService>();

        var result = await settings.SetRegistrationOpenAsync(false);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        result.Message.ShouldBe("Only the instance administrator can change who may register.");
        (await settings.IsRegistrationOpenAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task SetRegistrationOpenAsync_NotSignedIn_IsForbiddenAndStaysOpen()
    {
        await using var test = await TestDatabase.CreateWithoutAccountsAsync();
        await test.RegisterAsync("Ada First", seedDemoPlan: false);
        test.ActAs(null);
        var settings = test.Get<InstanceSettingsService>();

        var result = await settings.SetRegistrationOpenAsync(false);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        (await settings.IsRegistrationOpenAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task CallerIsAdminAsync_FirstSecondAndNobody_OnlyFirstIsAdmin()
    {
        await using var test = await TestDatabase.CreateWithoutAccountsAsync();
        var first = await test.RegisterAsync("Ada First", seedDemoPlan: false);
        var second = await test.RegisterAsync("Ben Second", seedDemoPlan: false);
        var settings = test.Get<InstanceSettingsService>();

        test.ActAs(first);
        var firstIsAdmin = await settings.CallerIsAdminAsync();
        test.ActAs(second);
        var secondIsAdmin = await settings.CallerIsAdminAsync();
        test.ActAs(null);
        var nobodyIsAdmin = await settings.CallerIsAdminAsync();

        (firstIsAdmin, secondIsAdmin, nobodyIsAdmin).ShouldBe((true, false, false));
    }
}
