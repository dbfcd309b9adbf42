using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Api;

/// <summary>Personas through /api/v1: the same rules as the personas page, with ETags and If-Match.</summary>
public sealed class PersonasApiHttpTests : IAsyncLifetime
{
    private readonly ApiTestHost _host = new(new Dictionary<string, string?> { ["Planner:ApiRateLimitPerMinute"] = "5000" });
    private HttpClient _api = default!;
    private string _url = "";

    public async Task InitializeAsync()
    {
        _api = await _host.AdaClientAsync();
        _url = $"/api/v1/plans/{await _host.DemoPlanIdAsync()}/personas";
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ListPersonas_ShowsTheDemoPersonasWithTheirProblems()
    {
        var personas = await (await _api.GetAsync(_url)).JsonAsync();

        personas.GetArrayLength().ShouldBeGreaterThanOrEqualTo(2);
        personas.EnumerateArray().ShouldContain(p => p.GetProperty("problems").GetArrayLength() > 0 && p.GetProperty("version").GetInt32() > 0);
    }

    [Fact]
    public async Task CreatePersona_Returns201WithLocationETagAndTheSavedPersona()
    {
        var response = await _api.PostAsJsonAsync(_url, new { name = "  Weekend fixer ", userGroup = "Hobbyists", goals = "Repair the bike" }, ApiTestHost.Json);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.JsonAsync();
        var id = body.GetProperty("id").GetInt32();
        response.Headers.Location!.ToString().ShouldBe($"{_url}/{id}");
        response.Headers.ETag!.ToString().ShouldBe($"\"{body.GetProperty("version").GetInt32()}\"");
        body.GetProperty("name").GetString().ShouldBe("Weekend fixer");
        body.GetProperty("pains").GetString().ShouldBe("");

        var read = await _api.GetAsync($"{_url}/{id}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        read.Headers.ETag!.ToString().ShouldBe(response.Headers.ETag!.ToString());
        (await read.JsonAsync()).GetProperty("userGroup").GetString().ShouldBe("Hobbyists");
    }

    [Fact]
    public async Task CreatePersona_WithoutName_Is400NamingTheNameField()
    {
        var response = await _api.PostAsJsonAsync(_url, new { name = " ", goals = "Something" }, ApiTestHost.Json);

        (await response.ErrorFieldsAsync()).ShouldContain("name");
    }

    [Fact]
    public async Task GetPersona_ThatDoesNotExist_Is404Problem()
    {
        var response = await _api.GetAsync($"{_url}/999999");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task UpdatePersona_WithCurrentETag_SavesAndReturnsTheNewETag()
    {
        var (id, etag, _) = await _api.CreateAsync(_url, new { name = "Renter" });

        var response = await _api.SendJsonAsync(HttpMethod.Put, $"{_url}/{id}", new { name = "Renter with kids", pains = "No storage" }, etag);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag!.ToString().ShouldNotBe(etag);
        var body = await response.JsonAsync();
        body.GetProperty("name").GetString().ShouldBe("Renter with kids");
        body.GetProperty("pains").GetString().ShouldBe("No storage");
    }

    [Fact]
    public async Task UpdatePersona_WithStaleETag_Is412AndKeepsTheOtherChange()
    {
        var (id, etag, _) = await _api.CreateAsync(_url, new { name = "Student" });
        (await _api.SendJsonAsync(HttpMethod.Put, $"{_url}/{id}", new { name = "Student in halls" }, etag)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await _api.SendJsonAsync(HttpMethod.Put, $"{_url}/{id}", new { name = "Overwritten" }, etag);

        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await (await _api.GetAsync($"{_url}/{id}")).JsonAsync()).GetProperty("name").GetString().ShouldBe("Student in halls");
    }

    [Fact]
    public async Task UpdateAndDeletePersona_WithoutIfMatch_Are428()
    {
        var (id, _, _) = await _api.CreateAsync(_url, new { name = "Landlord" });

        (await _api.SendJsonAsync(HttpMethod.Put, $"{_url}/{id}", new { name = "Changed" })).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await _api.DeleteAsync($"{_url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task UpdatePersona_WithoutName_Is400NamingTheNameField()
    {
        var (id, etag, _) = await _api.CreateAsync(_url, new { name = "Caretaker" });

        var response = await _api.SendJsonAsync(HttpMethod.Put, $"{_url}/{id}", new { name = "" }, etag);

        (await response.ErrorFieldsAsync()).ShouldContain("name");
    }

    [Fact]
    public async Task DeletePersona_WithStaleETag_Is412_WithCurrentETag_MovesItToTheTrash()
    {
        var (id, etag, _) = await _api.CreateAsync(_url, new { name = "Retiree" });
        var changed = await _api.SendJsonAsync(HttpMethod.Put, $"{_url}/{id}", new { name = "Retiree with a shed" }, etag);

        (await _api.SendJsonAsync(HttpMethod.Delete, $"{_url}/{id}", null, etag)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await _api.SendJsonAsync(HttpMethod.Delete, $"{_url}/{id}", null, changed.Headers.ETag!.ToString())).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await _api.GetAsync($"{_url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var planId = await _host.DemoPlanIdAsync();
        (await _host.DbAsync(db => db.TrashedItems.AnyAsync(t => t.PlanId == planId && t.ItemKind == "Persona" && t.ItemId == id))).ShouldBeTrue();
    }

    [Fact]
    public async Task ViewerMember_MayReadButNotWrite()
    {
        var viewer = await PlanApiCallers.ViewerAsync(_host);
        var (id, etag, _) = await _api.CreateAsync(_url, new { name = "Shop owner" });

        (await viewer.GetAsync(_url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.PostAsJsonAsync(_url, new { name = "Not allowed" }, ApiTestHost.Json)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.SendJsonAsync(HttpMethod.Put, $"{_url}/{id}", new { name = "Not allowed" }, etag)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.SendJsonAsync(HttpMethod.Delete, $"{_url}/{id}", null, etag)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ReadOnlyToken_MayReadButNotWrite()
    {
        var readOnly = await _host.AdaClientAsync(canWrite: false);

        (await readOnly.GetAsync(_url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var response = await readOnly.PostAsJsonAsync(_url, new { name = "Not allowed" }, ApiTestHost.Json);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("read-only");
    }

    [Fact]
    public async Task Outsider_FindsNoPersonasOfThePlan()
    {
        var outsider = await PlanApiCallers.OutsiderAsync(_host);
        var (id, etag, _) = await _api.CreateAsync(_url, new { name = "Hidden" });

        (await outsider.GetAsync(_url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"{_url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.PostAsJsonAsync(_url, new { name = "Intruder" }, ApiTestHost.Json)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.SendJsonAsync(HttpMethod.Delete, $"{_url}/{id}", null, etag)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PersonaCreatedThroughTheApi_IsInThePlansHistoryWithTheTokensName()
    {
        await _api.CreateAsync(_url, new { name = "Audited persona" });

        (await PlanApiCallers.HistoryHasTokenEntryAsync(_host, await _host.DemoPlanIdAsync())).ShouldBeTrue();
    }
}
