using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Web.Tests.Infrastructure;

/// <summary>The whole app for API tests: Ada (first account, owner of the demo plan's workspace) and whoever a test adds,
/// each calling the API with a personal access token made by the real token service.</summary>
public sealed class ApiTestHost : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public ApiTestHost(IReadOnlyDictionary<string, string?>? settings = null, bool seedDemoPlan = true) =>
        Factory = new PlannerWebApplicationFactory { Settings = settings ?? new Dictionary<string, string?>(), SeedDemoPlan = seedDemoPlan };

    public PlannerWebApplicationFactory Factory { get; }

    /// <summary>The demo plan, owned by Ada.</summary>
    public Task<int> DemoPlanIdAsync() => Factory.DemoPlanIdAsync();

    public async Task<int> DemoWorkspaceIdAsync()
    {
        var planId = await DemoPlanIdAsync();
        return await DbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.WorkspaceId).SingleAsync());
    }

    public async Task<string> AdaIdAsync()
    {
        await Factory.SignedInAsync();
        return await UserIdAsync(PlannerWebApplicationFactory.FirstAccountEmail);
    }

    /// <summary>Registers someone through the real form (they get a personal workspace of their own).</summary>
    public async Task<string> RegisterAsync(string name, string email)
    {
        await Factory.SignedInAsync(); // Ada first, so she owns the demo plan
        await BrowserLikeClient.Create(Factory).RegisterAsync(name, email);
        return await UserIdAsync(email);
    }

    /// <summary>Makes <paramref name="userId"/> a member of the workspace with <paramref name="role"/>.</summary>
    public Task AddMemberAsync(int workspaceId, string userId, WorkspaceRole role) =>
        DbAsync(async db =>
        {
            db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = workspaceId, UserId = userId, Role = role, JoinedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

    /// <summary>A token made by the token service as the user would on their account page.</summary>
    public async Task<string> CreateTokenAsync(string userId, IReadOnlyList<int> workspaceIds, bool canWrite, int days = 30, string name = "Test script")
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var service = ActivatorUtilities.CreateInstance<ApiTokenService>(scope.ServiceProvider,
            (ICallerAccessor)new SettableCallerAccessor { Caller = new Caller(userId, "Token maker") });
        var created = await service.CreateAsync(new ApiTokenInput { Name = name, WorkspaceIds = [.. workspaceIds], CanWrite = canWrite, ExpiresInDays = days });
        created.Succeeded.ShouldBeTrue(created.Message);
        return created.Value!.Secret;
    }

    /// <summary>An HTTP client that sends <paramref name="token"/> as its bearer token and no cookies.</summary>
    public HttpClient Client(string? token)
    {
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A client for Ada with a read-write token on the demo plan's workspace.</summary>
    public async Task<HttpClient> AdaClientAsync(bool canWrite = true) =>
        Client(await CreateTokenAsync(await AdaIdAsync(), [await DemoWorkspaceIdAsync()], canWrite));

    public async Task<T> DbAsync<T>(Func<PlannerDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlannerDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    private Task<string> UserIdAsync(string email) =>
        DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

/// <summary>Reading API answers in tests.</summary>
public static class ApiResponses
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(ApiTestHost.Json))!;

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Sends <paramref name="method"/> with a JSON body and, when given, an If-Match header.</summary>
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: ApiTestHost.Json);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }
}
