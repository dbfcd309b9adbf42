using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Api;

/// <summary>The callers the role matrix needs on the demo plan: Ada (owner) read-write and read-only, a viewer member
/// and an outsider (a token for their own workspace only). Each call registers a new person, so tests can share a host.</summary>
internal static class PlanApiCallers
{
    public static async Task<HttpClient> ViewerAsync(ApiTestHost host)
    {
        var viewerId = await host.RegisterAsync("Vic Viewer", $"viewer-{Guid.NewGuid():N}@example.com");
        var workspaceId = await host.DemoWorkspaceIdAsync();
        await host.AddMemberAsync(workspaceId, viewerId, WorkspaceRole.Viewer);
        return host.Client(await host.CreateTokenAsync(viewerId, [workspaceId], canWrite: true));
    }

    public static async Task<HttpClient> OutsiderAsync(ApiTestHost host)
    {
        var outsiderId = await host.RegisterAsync("Otto Outsider", $"outsider-{Guid.NewGuid():N}@example.com");
        var ownWorkspace = await host.DbAsync(db => db.WorkspaceMembers.Where(m => m.UserId == outsiderId).Select(m => m.WorkspaceId).FirstAsync());
        return host.Client(await host.CreateTokenAsync(outsiderId, [ownWorkspace], canWrite: true));
    }

    /// <summary>POSTs <paramref name="body"/> and returns the created item's id and ETag, failing the test unless it was 201.</summary>
    public static async Task<(int Id, string ETag, JsonElement Body)> CreateAsync(this HttpClient api, string url, object body)
    {
        var response = await api.PostAsJsonAsync(url, body, ApiTestHost.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var json = await response.JsonAsync();
        return (json.GetProperty("id").GetInt32(), response.Headers.ETag!.ToString(), json);
    }

    /// <summary>The problem's field errors, by the API's (camelCase) field names.</summary>
    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return [.. (await response.JsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name)];
    }

    /// <summary>Whether the plan's activity has an entry made through the test token.</summary>
    public static Task<bool> HistoryHasTokenEntryAsync(ApiTestHost host, int planId) =>
        host.DbAsync(db => db.ActivityEntries.AnyAsync(a => a.PlanId == planId && a.UserName.Contains("(API token: Test script)")));
}
