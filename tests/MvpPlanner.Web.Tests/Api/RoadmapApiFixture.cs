using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Api;

/// <summary>One app host shared by the tests of a class, with the callers the role matrix needs: Ada (owner) with a
/// read-write and a read-only token, a viewer member of the demo workspace, and an outsider with a token for their own
/// workspace only. Tests that change things make their own plan, so they do not disturb each other.</summary>
public sealed class RoadmapApiFixture : IAsyncLifetime
{
    private int _plans;

    public ApiTestHost Host { get; } = new(new Dictionary<string, string?> { ["Planner:ApiRateLimitPerMinute"] = "5000" });

    public HttpClient Ada { get; private set; } = null!;

    public HttpClient AdaReadOnly { get; private set; } = null!;

    public HttpClient Viewer { get; private set; } = null!;

    public HttpClient Outsider { get; private set; } = null!;

    public int DemoPlanId { get; private set; }

    public int WorkspaceId { get; private set; }

    public async Task InitializeAsync()
    {
        DemoPlanId = await Host.DemoPlanIdAsync();
        WorkspaceId = await Host.DemoWorkspaceIdAsync();
        Ada = await Host.AdaClientAsync();
        AdaReadOnly = await Host.AdaClientAsync(canWrite: false);

        var viewerId = await Host.RegisterAsync("Vera Viewer", "vera@example.com");
        await Host.AddMemberAsync(WorkspaceId, viewerId, WorkspaceRole.Viewer);
        Viewer = Host.Client(await Host.CreateTokenAsync(viewerId, [WorkspaceId], canWrite: true));

        var outsiderId = await Host.RegisterAsync("Otto Outsider", "otto@example.com");
        var ownWorkspace = await Host.DbAsync(db => db.WorkspaceMembers.Where(m => m.UserId == outsiderId).Select(m => m.WorkspaceId).FirstAsync());
        Outsider = Host.Client(await Host.CreateTokenAsync(outsiderId, [ownWorkspace], canWrite: true));
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>A new plan of Ada's in the demo workspace (with the default phases and lanes), made through the API.</summary>
    public async Task<int> NewPlanAsync()
    {
        var response = await Ada.PostAsJsonAsync("/api/v1/plans", new { workspaceId = WorkspaceId, name = $"Test plan {Interlocked.Increment(ref _plans)}" }, ApiTestHost.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    /// <summary>Creates an item through the API and gives its id and ETag.</summary>
    public async Task<(int Id, string ETag)> CreateAsync(string url, object body)
    {
        var response = await Ada.PostAsJsonAsync(url, body, ApiTestHost.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await response.JsonAsync()).GetProperty("id").GetInt32(), response.Headers.ETag!.Tag);
    }

    /// <summary>The history of the plan written in the token's name.</summary>
    public Task<List<string>> TokenHistoryAsync(int planId) =>
        Host.DbAsync(db => db.ActivityEntries.Where(a => a.PlanId == planId && a.UserName.Contains("(API token: Test script)")).Select(a => a.ItemName).ToListAsync());

    public static async Task ShouldBeValidationProblemAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(body);
    }

    public static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
