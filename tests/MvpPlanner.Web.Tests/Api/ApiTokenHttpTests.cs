using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Api;

/// <summary>Who may call the API: a valid personal access token, held to its workspaces and its access; never a cookie.</summary>
public sealed class ApiTokenHttpTests : IAsyncLifetime
{
    private readonly ApiTestHost _host = new(new Dictionary<string, string?> { ["Planner:ApiRateLimitPerMinute"] = "5000" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CallWithoutToken_Gets401ProblemWithBearerChallenge()
    {
        var response = await _host.Client(null).GetAsync("/api/v1/plans");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.JsonAsync()).GetProperty("status").GetInt32().ShouldBe(401);
    }

    [Fact]
    public async Task SignedInBrowserCookie_DoesNotAuthorizeTheApi()
    {
        var ada = await _host.Factory.SignedInAsync();

        var response = await ada.Http.GetAsync("/api/v1/plans");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_DoesNotOpenPages()
    {
        var api = await _host.AdaClientAsync();

        var response = await api.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");
    }

    [Theory]
    [InlineData("mvpp_not-a-real-token")]
    [InlineData("something else entirely")]
    public async Task UnknownToken_Gets401(string token)
    {
        await _host.AdaIdAsync();

        var response = await _host.Client(token).GetAsync("/api/v1/plans");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldContain("invalid_token");
    }

    [Fact]
    public async Task RevokedToken_IsRefusedAtOnce()
    {
        var adaId = await _host.AdaIdAsync();
        var token = await _host.CreateTokenAsync(adaId, [await _host.DemoWorkspaceIdAsync()], canWrite: false);
        var api = _host.Client(token);
        (await api.GetAsync("/api/v1/plans")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var tokenId = await _host.DbAsync(db => db.ApiTokens.Select(t => t.Id).SingleAsync());
        await using (var scope = _host.Factory.Services.CreateAsyncScope())
        {
            var service = ActivatorUtilities.CreateInstance<ApiTokenService>(scope.ServiceProvider,
                (ICallerAccessor)new SettableCallerAccessor { Caller = new Caller(adaId, "Ada") });
            (await service.RevokeAsync(tokenId)).Succeeded.ShouldBeTrue();
        }

        (await api.GetAsync("/api/v1/plans")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ExpiredToken_IsRefused()
    {
        var token = await _host.CreateTokenAsync(await _host.AdaIdAsync(), [await _host.DemoWorkspaceIdAsync()], canWrite: true, days: 1);
        await _host.DbAsync(db => db.ApiTokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));

        var response = await _host.Client(token).GetAsync("/api/v1/plans");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task UsingAToken_RecordsWhenItWasLastUsed()
    {
        var api = await _host.AdaClientAsync();
        (await _host.DbAsync(db => db.ApiTokens.Select(t => t.LastUsedAt).SingleAsync())).ShouldBeNull();

        await api.GetAsync("/api/v1/plans");

        (await _host.DbAsync(db => db.ApiTokens.Select(t => t.LastUsedAt).SingleAsync())).ShouldNotBeNull();
    }

    [Fact]
    public async Task OnlyTheSecretsHash_IsStored()
    {
        var token = await _host.CreateTokenAsync(await _host.AdaIdAsync(), [await _host.DemoWorkspaceIdAsync()], canWrite: true);

        var stored = await _host.DbAsync(db => db.ApiTokens.SingleAsync());

        stored.SecretHash.ShouldNotContain(token[5..]);
        stored.Hint.Length.ShouldBeLessThan(token.Length / 3);
        token.ShouldStartWith(stored.Hint);
    }

    [Fact]
    public async Task TokenForAnotherWorkspace_SeesNothingOfThisOne()
    {
        await _host.AdaIdAsync();
        var planId = await _host.DemoPlanIdAsync();
        var adaId = await _host.AdaIdAsync();
        var personal = await _host.DbAsync(db => db.WorkspaceMembers.Where(m => m.UserId == adaId && m.Workspace!.IsPersonal).Select(m => m.WorkspaceId).FirstOrDefaultAsync());
        var demoWorkspace = await _host.DemoWorkspaceIdAsync();
        var other = personal != 0 && personal != demoWorkspace ? personal : await NewWorkspaceForAsync(adaId);
        var api = _host.Client(await _host.CreateTokenAsync(adaId, [other], canWrite: true));

        (await api.GetAsync($"/api/v1/plans/{planId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var plans = await (await api.GetAsync("/api/v1/plans")).JsonAsync();
        plans.EnumerateArray().ShouldNotContain(p => p.GetProperty("id").GetInt32() == planId);
        var workspaces = await (await api.GetAsync("/api/v1/workspaces")).JsonAsync();
        workspaces.EnumerateArray().Select(w => w.GetProperty("id").GetInt32()).ShouldBe([other]);
    }

    [Fact]
    public async Task UnknownApiAddress_IsAProblemNotAPage()
    {
        var api = await _host.AdaClientAsync();

        var response = await api.GetAsync("/api/v1/nothing-here");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private Task<int> NewWorkspaceForAsync(string userId) =>
        _host.DbAsync(async db =>
        {
            var workspace = new Workspace { Name = "Side project", Members = [new WorkspaceMember { UserId = userId, Role = WorkspaceRole.Owner, JoinedAt = DateTime.UtcNow }] };
            db.Workspaces.Add(workspace);
            await db.SaveChangesAsync();
            return workspace.Id;
        });
}
