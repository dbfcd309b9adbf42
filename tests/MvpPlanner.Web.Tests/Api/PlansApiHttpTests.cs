using System.Net;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Api;

/// <summary>Scripting plans: list, read with an ETag, create with a Location, change and delete only with the version read.</summary>
public sealed class PlansApiHttpTests : IAsyncLifetime
{
    private readonly ApiTestHost _host = new(new Dictionary<string, string?> { ["Planner:ApiRateLimitPerMinute"] = "5000" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Member_ListsPlansOfTheTokensWorkspaces()
    {
        var api = await _host.AdaClientAsync();

        var response = await api.GetAsync("/api/v1/plans");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var plans = await response.JsonAsync();
        var planId = await _host.DemoPlanIdAsync();
        var demo = plans.EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == planId);
        demo.GetProperty("myRole").GetString().ShouldBe("Owner");
        demo.GetProperty("featureCount").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task GetPlan_CarriesItsVersionAsETag()
    {
        var api = await _host.AdaClientAsync();
        var planId = await _host.DemoPlanIdAsync();

        var response = await api.GetAsync($"/api/v1/plans/{planId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var plan = await response.JsonAsync();
        response.Headers.ETag!.Tag.ShouldBe($"\"{plan.GetProperty("version").GetInt32()}\"");
        plan.GetProperty("name").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task CreatePlan_Answers201WithLocationOfTheNewPlan()
    {
        var api = await _host.AdaClientAsync();
        var workspaceId = await _host.DemoWorkspaceIdAsync();

        var response = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/plans", new { workspaceId, name = "Repair café <script>alert(1)</script> ☕", vision = "Fix, don't bin." });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.JsonAsync();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/plans/{created.GetProperty("id").GetInt32()}");
        response.Headers.ETag.ShouldNotBeNull();
        var again = await (await api.GetAsync(response.Headers.Location)).JsonAsync();
        again.GetProperty("name").GetString().ShouldBe("Repair café <script>alert(1)</script> ☕");
    }

    [Fact]
    public async Task CreatePlanWithoutName_IsAValidationProblemNamingTheField()
    {
        var api = await _host.AdaClientAsync();

        var response = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/plans", new { workspaceId = await _host.DemoWorkspaceIdAsync(), name = " " });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.JsonAsync();
        problem.GetProperty("errors").GetProperty("name").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task ServerError_IsAProblemWithATraceId_NeverAStackTraceOrThePage()
    {
        var api = await _host.AdaClientAsync();
        await _host.DbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE Personas;"));

        var response = await api.GetAsync($"/api/v1/plans/{await _host.DemoPlanIdAsync()}/personas");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("trace id");
        body.ShouldNotContain("no such table");
        body.ShouldNotContain(" at MvpPlanner");
        body.ShouldNotContain("<html", Case.Insensitive);
    }

    [Fact]
    public async Task MalformedJson_IsABadRequestProblem()
    {
        var api = await _host.AdaClientAsync();

        var response = await api.PostAsync("/api/v1/plans", new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("   at ");
    }

    [Fact]
    public async Task UpdateWithCurrentETag_ChangesThePlanAndGivesTheNewETag()
    {
        var api = await _host.AdaClientAsync();
        var planId = await _host.DemoPlanIdAsync();
        var etag = (await api.GetAsync($"/api/v1/plans/{planId}")).Headers.ETag!.Tag;

        var response = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/plans/{planId}", new { name = "Tool library (API)", vision = "Borrow.", valueProposition = "" }, etag);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.ShouldNotBe(etag);
        (await response.JsonAsync()).GetProperty("name").GetString().ShouldBe("Tool library (API)");
    }

    [Fact]
    public async Task UpdateWithStaleETag_Is412AndKeepsTheOtherChange()
    {
        var api = await _host.AdaClientAsync();
        var planId = await _host.DemoPlanIdAsync();
        var stale = (await api.GetAsync($"/api/v1/plans/{planId}")).Headers.ETag!.Tag;
        (await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/plans/{planId}", new { name = "First change", vision = "", valueProposition = "" }, stale)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/plans/{planId}", new { name = "Second change", vision = "", valueProposition = "" }, stale);

        response.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await (await api.GetAsync($"/api/v1/plans/{planId}")).JsonAsync()).GetProperty("name").GetString().ShouldBe("First change");
    }

    [Fact]
    public async Task UpdateWithoutIfMatch_Is428AndChangesNothing()
    {
        var api = await _host.AdaClientAsync();
        var planId = await _host.DemoPlanIdAsync();

        var response = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/plans/{planId}", new { name = "Blind write", vision = "", valueProposition = "" });

        response.StatusCode.ShouldBe((HttpStatusCode)428);
        (await (await api.GetAsync($"/api/v1/plans/{planId}")).JsonAsync()).GetProperty("name").GetString().ShouldNotBe("Blind write");
    }

    [Theory]
    [InlineData("*")]
    [InlineData("W/\"x\"")]
    [InlineData("\"1\", \"2\"")]
    public async Task UpdateWithUnusableIfMatch_IsRefused(string ifMatch)
    {
        var api = await _host.AdaClientAsync();
        var planId = await _host.DemoPlanIdAsync();

        var response = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/plans/{planId}", new { name = "Wildcard", vision = "", valueProposition = "" }, ifMatch);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DeleteWithStaleETag_Is412_AndWithCurrentETag_MovesThePlanToTheTrash()
    {
        var api = await _host.AdaClientAsync();
        var planId = await _host.DemoPlanIdAsync();
        var stale = (await api.GetAsync($"/api/v1/plans/{planId}")).Headers.ETag!.Tag;
        var current = (await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/plans/{planId}", new { name = "Renamed", vision = "", valueProposition = "" }, stale)).Headers.ETag!.Tag;

        (await api.SendJsonAsync(HttpMethod.Delete, $"/api/v1/plans/{planId}", null, stale)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await api.SendJsonAsync(HttpMethod.Delete, $"/api/v1/plans/{planId}", null)).StatusCode.ShouldBe((HttpStatusCode)428);
        (await api.SendJsonAsync(HttpMethod.Delete, $"/api/v1/plans/{planId}", null, current)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await api.GetAsync($"/api/v1/plans/{planId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _host.DbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.DeletedAt).SingleAsync())).ShouldNotBeNull();
    }

    [Fact]
    public async Task ArchiveAndUnarchive_ByTheOwner()
    {
        var api = await _host.AdaClientAsync();
        var planId = await _host.DemoPlanIdAsync();

        (await (await api.PostAsync($"/api/v1/plans/{planId}/archive", null)).JsonAsync()).GetProperty("isArchived").GetBoolean().ShouldBeTrue();
        (await (await api.GetAsync("/api/v1/plans")).JsonAsync()).EnumerateArray().ShouldNotContain(p => p.GetProperty("id").GetInt32() == planId);
        (await (await api.GetAsync("/api/v1/plans?includeArchived=true")).JsonAsync()).EnumerateArray().ShouldContain(p => p.GetProperty("id").GetInt32() == planId);
        (await (await api.PostAsync($"/api/v1/plans/{planId}/unarchive", null)).JsonAsync()).GetProperty("isArchived").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Editor_CannotArchive_ButCanRename()
    {
        var planId = await _host.DemoPlanIdAsync();
        var workspaceId = await _host.DemoWorkspaceIdAsync();
        var bea = await _host.RegisterAsync("Bea", "bea@example.com");
        await _host.AddMemberAsync(workspaceId, bea, WorkspaceRole.Editor);
        var api = _host.Client(await _host.CreateTokenAsync(bea, [workspaceId], canWrite: true));

        (await api.PostAsync($"/api/v1/plans/{planId}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var etag = (await api.GetAsync($"/api/v1/plans/{planId}")).Headers.ETag!.Tag;
        (await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/plans/{planId}", new { name = "Bea's name", vision = "", valueProposition = "" }, etag)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ViewerAndReadOnlyToken_CanReadButNotChange()
    {
        var planId = await _host.DemoPlanIdAsync();
        var workspaceId = await _host.DemoWorkspaceIdAsync();
        var vic = await _host.RegisterAsync("Vic", "vic@example.com");
        await _host.AddMemberAsync(workspaceId, vic, WorkspaceRole.Viewer);
        var viewer = _host.Client(await _host.CreateTokenAsync(vic, [workspaceId], canWrite: true));
        var readOnly = await _host.AdaClientAsync(canWrite: false);

        foreach (var api in new[] { viewer, readOnly })
        {
            var read = await api.GetAsync($"/api/v1/plans/{planId}");
            read.StatusCode.ShouldBe(HttpStatusCode.OK);
            var write = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/plans/{planId}", new { name = "Not allowed", vision = "", valueProposition = "" }, read.Headers.ETag!.Tag);
            write.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            write.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }

        (await (await readOnly.GetAsync($"/api/v1/plans/{planId}")).JsonAsync()).GetProperty("myRole").GetString().ShouldBe("Viewer");
    }

    [Fact]
    public async Task OutsidersToken_GetsNotFoundForThePlan()
    {
        var planId = await _host.DemoPlanIdAsync();
        var mallory = await _host.RegisterAsync("Mallory", "mallory@example.com");
        var malloryWorkspace = await _host.DbAsync(db => db.WorkspaceMembers.Where(m => m.UserId == mallory).Select(m => m.WorkspaceId).FirstAsync());
        var api = _host.Client(await _host.CreateTokenAsync(mallory, [malloryWorkspace], canWrite: true));

        var response = await api.GetAsync($"/api/v1/plans/{planId}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Tool Library", Case.Insensitive);
    }

    [Fact]
    public async Task ChangeThroughTheApi_IsInHistoryWithTheTokensName()
    {
        var api = await _host.AdaClientAsync();
        var planId = await _host.DemoPlanIdAsync();
        var etag = (await api.GetAsync($"/api/v1/plans/{planId}")).Headers.ETag!.Tag;

        await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/plans/{planId}", new { name = "Renamed by script", vision = "", valueProposition = "" }, etag);

        var entry = await _host.DbAsync(db => db.ActivityEntries.Where(a => a.PlanId == planId).OrderByDescending(a => a.Id).FirstAsync());
        entry.UserName.ShouldBe("Ada Admin (API token: Test script)");
        entry.UserId.ShouldBe(await _host.AdaIdAsync());
    }
}
