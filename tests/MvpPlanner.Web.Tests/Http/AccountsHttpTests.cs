using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Http;

public sealed class AccountsHttpTests : IAsyncLifetime
{
    private readonly PlannerWebApplicationFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task AnyPage_WhenSignedOut_RedirectsToSignIn()
    {
        var client = BrowserLikeClient.Create(_factory);

        var response = await client.Http.GetAsync("/plans/1/features");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");
    }

    [Fact]
    public async Task Register_FirstAccount_LandsOnPlansWithDemoAndPersonalWorkspace()
    {
        var client = BrowserLikeClient.Create(_factory);

        var registered = await client.RegisterAsync("Ada", "ada@example.com");
        var (status, body) = await client.GetAsync("/");

        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldContain("Demo: Neighbourhood tool library");
        body.ShouldContain("Ada&#x27;s workspace");
    }

    [Fact]
    public async Task Register_WeakPassword_ShowsMessageBesideFieldAndKeepsInput()
    {
        var client = BrowserLikeClient.Create(_factory);

        var response = await client.RegisterAsync("Ada", "ada@example.com", password: "short");
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.ShouldContain("Use at least 10 characters.");
        body.ShouldContain("value=\"ada@example.com\"");
    }

    [Fact]
    public async Task Register_NameOfOnlyInvisibleCharacters_IsRefusedAsMissing()
    {
        var client = BrowserLikeClient.Create(_factory);

        var response = await client.RegisterAsync("\u200B\u2060\u00AD", "ada@example.com");
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.ShouldContain("Tell your team what to call you.");
        (await client.GetAsync("/")).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task PlanOfAnotherWorkspace_ByIdInUrl_IsNotFoundForEveryPage()
    {
        var ada = BrowserLikeClient.Create(_factory);
        await ada.RegisterAsync("Ada", "ada@example.com");
        var planId = await FirstPlanIdAsync();
        var mallory = BrowserLikeClient.Create(_factory);
        await mallory.RegisterAsync("Mallory", "mallory@example.com");

        foreach (var path in new[] { "", "/personas", "/features", "/roadmap", "/activity" })
        {
            var (status, body) = await mallory.GetAsync($"/plans/{planId}{path}");
            status.ShouldBe(HttpStatusCode.NotFound, $"/plans/{planId}{path}");
            body.ShouldNotContain("Neighbourhood tool library");
        }

        var workspaceId = await WorkspaceIdOfPlanAsync(planId);
        (await mallory.GetAsync($"/workspaces/{workspaceId}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_IsLockedOutEvenWithTheRightOne()
    {
        var client = BrowserLikeClient.Create(_factory);
        await client.RegisterAsync("Ada", "ada@example.com");
        var stranger = BrowserLikeClient.Create(_factory);

        for (var i = 0; i < 5; i++)
        {
            var wrong = await stranger.SignInAsync("ada@example.com", "not-the-password1");
            (await wrong.Content.ReadAsStringAsync()).ShouldContain("do not match");
        }

        var right = await stranger.SignInAsync("ada@example.com");
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await right.Content.ReadAsStringAsync()).ShouldContain("signing in is paused for a few minutes");
        (await stranger.GetAsync("/")).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignIn_SixWrongPasswords_AnswersTheSameForAKnownAndAnUnknownEmail()
    {
        var owner = BrowserLikeClient.Create(_factory);
        await owner.RegisterAsync("Ada", "ada@example.com");
        var stranger = BrowserLikeClient.Create(_factory);

        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var known = await stranger.SignInAsync("ada@example.com", "not-the-password1");
            var unknown = await stranger.SignInAsync("nobody@example.com", "not-the-password1");

            known.StatusCode.ShouldBe(unknown.StatusCode, $"attempt {attempt}");
            Comparable(await known.Content.ReadAsStringAsync(), "ada@example.com")
                .ShouldBe(Comparable(await unknown.Content.ReadAsStringAsync(), "nobody@example.com"), $"attempt {attempt}");
        }
    }

    /// <summary>The page as the user reads it: without what is encrypted afresh for every response (the antiforgery
    /// token, the prerendered components' state) and without the email they typed.</summary>
    private static string Comparable(string body, string email) =>
        System.Text.RegularExpressions.Regex.Replace(body, "name=\"__RequestVerificationToken\" value=\"[^\"]+\"|<!--Blazor-Server-Component-State:[^>]*-->", "")
            .Replace(email, "EMAIL", StringComparison.Ordinal);

    [Theory]
    [InlineData("expired", "has expired")]
    [InlineData("revoked", "was revoked")]
    [InlineData("used", "already been used")]
    [InlineData("unknown", "not valid")]
    public async Task Invitation_ThatCannotBeUsed_ShowsAClearPage(string kind, string expected)
    {
        var client = BrowserLikeClient.Create(_factory);
        await client.RegisterAsync("Ada", "ada@example.com");
        var token = await CreateInvitationAsync(kind);
        var visitor = BrowserLikeClient.Create(_factory);

        var (status, body) = await visitor.GetAsync($"/invite/{token}");

        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldContain(expected);
        body.ShouldNotContain("Join workspace");
    }

    [Fact]
    public async Task Invitation_AsViewer_RegisteringThroughItShowsPlanWithoutEditingControls()
    {
        var owner = BrowserLikeClient.Create(_factory);
        await owner.RegisterAsync("Ada", "ada@example.com");
        var planId = await FirstPlanIdAsync();
        var token = await CreateInvitationAsync("valid", WorkspaceRole.Viewer, await WorkspaceIdOfPlanAsync(planId));

        var viewer = BrowserLikeClient.Create(_factory);
        await viewer.RegisterAsync("Vic", "vic@example.com", query: $"?invite={token}");
        await AcceptAsync(token, "vic@example.com");
        var (status, body) = await viewer.GetAsync($"/plans/{planId}");

        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldContain("Neighbourhood tool library");
        body.ShouldContain("data-testid=\"read-only\"");
        body.ShouldNotContain("data-testid=\"edit-plan\"");
    }

    [Fact]
    public async Task Register_RegistrationClosedSingleUseInvitationSentThreeTimesAtOnce_OneAccountJoinsAndTheUseIsCounted()
    {
        var owner = BrowserLikeClient.Create(_factory);
        await owner.RegisterAsync("Ada", "ada@example.com");
        var workspaceId = await WorkspaceIdOfPlanAsync(await FirstPlanIdAsync());
        var token = await CreateInvitationAsync("valid", WorkspaceRole.Editor, workspaceId);
        await using (var db = await DbAsync())
        {
            await db.InstanceSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.RegistrationOpen, false));
        }

        // Three people opened the form from the one link; then all three send it at once.
        var submits = new List<Func<Task<HttpResponseMessage>>>();
        for (var i = 1; i <= 3; i++)
        {
            submits.Add(await BrowserLikeClient.Create(_factory).OpenRegisterFormAsync($"Newcomer {i}", $"new{i}@example.com", query: $"?invite={token}"));
        }

        var responses = await Task.WhenAll(submits.Select(submit => Task.Run(submit)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1);
        responses.ShouldAllBe(r => r.StatusCode != HttpStatusCode.InternalServerError);
        await using var check = await DbAsync();
        var newcomer = await check.Users.SingleAsync(u => u.Email!.StartsWith("new"));
        (await check.WorkspaceMembers.SingleAsync(m => m.WorkspaceId == workspaceId && m.UserId == newcomer.Id)).Role.ShouldBe(WorkspaceRole.Editor);
        (await check.Invitations.SingleAsync(i => i.WorkspaceId == workspaceId)).Uses.ShouldBe(1);
        (await check.WorkspaceMembers.CountAsync(m => m.UserId == newcomer.Id && m.Workspace!.IsPersonal)).ShouldBe(1);
    }

    [Fact]
    public async Task Register_RegistrationClosedInvitationUsedUpAfterTheFormOpened_RefusedWithReasonAndNoAccount()
    {
        var owner = BrowserLikeClient.Create(_factory);
        await owner.RegisterAsync("Ada", "ada@example.com");
        var token = await CreateInvitationAsync("valid");
        await using (var db = await DbAsync())
        {
            await db.InstanceSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.RegistrationOpen, false));
        }

        var late = await BrowserLikeClient.Create(_factory).OpenRegisterFormAsync("Late", "late@example.com", query: $"?invite={token}");
        (await BrowserLikeClient.Create(_factory).RegisterAsync("First", "first@example.com", query: $"?invite={token}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var response = await late();

        response.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        (await response.Content.ReadAsStringAsync()).ShouldContain("already been used");
        await using var check = await DbAsync();
        (await check.Users.AnyAsync(u => u.Email == "late@example.com")).ShouldBeFalse();
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefused()
    {
        var client = BrowserLikeClient.Create(_factory);
        await client.RegisterAsync("Ada", "ada@example.com");

        var response = await client.Http.PostAsync("/account/logout", new FormUrlEncodedContent([]));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task EveryResponse_CarriesSecurityHeaders()
    {
        var client = BrowserLikeClient.Create(_factory);

        var response = await client.Http.GetAsync("/account/login");

        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("same-origin");
    }

    [Fact]
    public async Task AuthCookie_IsHttpOnlyAndSameSite()
    {
        var client = BrowserLikeClient.Create(_factory);

        var response = await client.RegisterAsync("Ada", "ada@example.com");

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mvpplanner.auth", StringComparison.Ordinal));
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=lax");
    }

    private async Task<int> FirstPlanIdAsync()
    {
        await using var db = await DbAsync();
        return await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
    }

    private async Task<int> WorkspaceIdOfPlanAsync(int planId)
    {
        await using var db = await DbAsync();
        return await db.Plans.Where(p => p.Id == planId).Select(p => p.WorkspaceId).FirstAsync();
    }

    /// <summary>Accepts through the service as the given person: the page's Join button is an interactive click.</summary>
    private async Task AcceptAsync(string token, string email)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await using var db = await DbAsync();
        var user = await db.Users.FirstAsync(u => u.Email == email);
        var invitations = ActivatorUtilities.CreateInstance<InvitationService>(scope.ServiceProvider,
            new PlanAccess(new SettableCallerAccessor { Caller = new Caller(user.Id, user.DisplayName) }));
        (await invitations.AcceptAsync(token)).Succeeded.ShouldBeTrue();
    }

    private async Task<string> CreateInvitationAsync(string kind, WorkspaceRole role = WorkspaceRole.Editor, int? workspaceId = null)
    {
        if (kind == "unknown")
        {
            return Tokens.Create();
        }

        await using var db = await DbAsync();
        var token = Tokens.Create();
        db.Invitations.Add(new Invitation
        {
            WorkspaceId = workspaceId ?? await db.Workspaces.Select(w => w.Id).FirstAsync(),
            TokenHash = Tokens.Hash(token),
            Role = role,
            MaxUses = 1,
            Uses = kind == "used" ? 1 : 0,
            ExpiresAt = kind == "expired" ? DateTime.UtcNow.AddMinutes(-1) : DateTime.UtcNow.AddDays(1),
            RevokedAt = kind == "revoked" ? DateTime.UtcNow : null,
            CreatedAt = DateTime.UtcNow,
            CreatedById = await db.Users.Select(u => u.Id).FirstAsync(),
        });
        await db.SaveChangesAsync();
        return token;
    }

    private Task<PlannerDbContext> DbAsync() =>
        _factory.Services.GetRequiredService<IDbContextFactory<PlannerDbContext>>().CreateDbContextAsync();
}
