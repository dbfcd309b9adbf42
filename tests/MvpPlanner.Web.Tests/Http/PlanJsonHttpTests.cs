using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Core.Data;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Http;

/// <summary>plan.json is a plain download at a stable URL: a member can script it, nobody else learns the plan exists.</summary>
public sealed class PlanJsonHttpTests : IAsyncLifetime
{
    private readonly PlannerWebApplicationFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Member_DownloadsTheWholePlanAsAJsonAttachment_WithoutTheirEmail()
    {
        var ada = BrowserLikeClient.Create(_factory);
        await ada.RegisterAsync("Ada", "ada@example.com");
        var planId = await FirstPlanIdAsync();

        var response = await ada.Http.GetAsync($"/plans/{planId}/export/plan.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe("demo-neighbourhood-tool-library.json");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain("ada@example.com");
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
        json.RootElement.GetProperty("features").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task MemberOfAnotherWorkspace_GetsNotFound()
    {
        await BrowserLikeClient.Create(_factory).RegisterAsync("Ada", "ada@example.com");
        var planId = await FirstPlanIdAsync();
        var mallory = BrowserLikeClient.Create(_factory);
        await mallory.RegisterAsync("Mallory", "mallory@example.com");

        var (status, body) = await mallory.GetAsync($"/plans/{planId}/export/plan.json");

        status.ShouldBe(HttpStatusCode.NotFound);
        body.ShouldNotContain("Neighbourhood");
    }

    [Fact]
    public async Task SignedOut_IsSentToSignIn()
    {
        await BrowserLikeClient.Create(_factory).RegisterAsync("Ada", "ada@example.com");
        var planId = await FirstPlanIdAsync();

        var response = await BrowserLikeClient.Create(_factory).Http.GetAsync($"/plans/{planId}/export/plan.json");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");
    }

    private async Task<int> FirstPlanIdAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlannerDbContext>>().CreateDbContextAsync();
        return await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
    }
}
