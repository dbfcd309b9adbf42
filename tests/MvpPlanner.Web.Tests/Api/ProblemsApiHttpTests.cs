using System.Net;
using System.Net.Http.Json;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Api;

/// <summary>Problems through /api/v1, tied to the personas who have them.</summary>
public sealed class ProblemsApiHttpTests : IAsyncLifetime
{
    private readonly ApiTestHost _host = new(new Dictionary<string, string?> { ["Planner:ApiRateLimitPerMinute"] = "5000" });
    private HttpClient _api = default!;
    private string _plan = "";
    private string _url = "";
    private int _personaId;

    public async Task InitializeAsync()
    {
        _api = await _host.AdaClientAsync();
        _plan = $"/api/v1/plans/{await _host.DemoPlanIdAsync()}";
        _url = $"{_plan}/problems";
        _personaId = (await (await _api.GetAsync($"{_plan}/personas")).JsonAsync())[0].GetProperty("id").GetInt32();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ListProblems_ShowsEachWithItsPersonasAndFeatures()
    {
        var problems = await (await _api.GetAsync(_url)).JsonAsync();

        problems.GetArrayLength().ShouldBeGreaterThanOrEqualTo(2);
        problems.EnumerateArray().ShouldAllBe(p => p.GetProperty("personas").GetArrayLength() > 0);
        problems.EnumerateArray().ShouldContain(p => p.GetProperty("features").GetArrayLength() > 0);
    }

    [Fact]
    public async Task CreateProblem_Returns201WithLocationETagAndItsPersona()
    {
        var response = await _api.PostAsJsonAsync(_url, new { statement = "Returning a tool late is awkward", severity = 2, frequency = "Monthly", personaIds = new[] { _personaId } },
            ApiTestHost.Json);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        var id = body.GetProperty("id").GetInt32();
        response.Headers.Location!.ToString().ShouldBe($"{_url}/{id}");
        response.Headers.ETag.ShouldNotBeNull();
        body.GetProperty("frequency").GetString().ShouldBe("Monthly");
        body.GetProperty("personas")[0].GetProperty("id").GetInt32().ShouldBe(_personaId);
        body.GetProperty("hasNoPersona").GetBoolean().ShouldBeFalse();
        (await _api.GetAsync($"{_url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CreateProblem_WithoutPersonaOrStatement_Is400NamingBothFields()
    {
        var response = await _api.PostAsJsonAsync(_url, new { statement = "", severity = 9 }, ApiTestHost.Json);

        var fields = await response.ErrorFieldsAsync();
        fields.ShouldContain("statement");
        fields.ShouldContain("personaIds");
        fields.ShouldContain("severity");
    }

    [Fact]
    public async Task CreateProblem_ForAPersonaOfNoSuchId_Is400OnPersonaIds()
    {
        var response = await _api.PostAsJsonAsync(_url, new { statement = "Ghost problem", personaIds = new[] { 987654 } }, ApiTestHost.Json);

        (await response.ErrorFieldsAsync()).ShouldBe(["personaIds"]);
    }

    [Fact]
    public async Task UpdateProblem_WithCurrentETag_ChangesItAndItsPersonas_StaleETagIs412()
    {
        var personas = await (await _api.GetAsync($"{_plan}/personas")).JsonAsync();
        var other = personas[1].GetProperty("id").GetInt32();
        var (id, etag, _) = await _api.CreateAsync(_url, new { statement = "Tools break", personaIds = new[] { _personaId } });

        var response = await _api.SendJsonAsync(HttpMethod.Put, $"{_url}/{id}", new { statement = "Borrowed tools break", severity = 5, personaIds = new[] { _personaId, other } }, etag);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        body.GetProperty("severity").GetInt32().ShouldBe(5);
        body.GetProperty("personas").GetArrayLength().ShouldBe(2);
        (await _api.SendJsonAsync(HttpMethod.Put, $"{_url}/{id}", new { statement = "Lost", personaIds = new[] { _personaId } }, etag))
            .StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task UpdateAndDeleteProblem_WithoutIfMatch_Are428()
    {
        var (id, _, _) = await _api.CreateAsync(_url, new { statement = "No deposit", personaIds = new[] { _personaId } });

        (await _api.SendJsonAsync(HttpMethod.Put, $"{_url}/{id}", new { statement = "x", personaIds = new[] { _personaId } })).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await _api.DeleteAsync($"{_url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task DeleteProblem_WithStaleETag_Is412_WithCurrentETag_Is204()
    {
        var (id, etag, _) = await _api.CreateAsync(_url, new { statement = "Nobody knows the rules", personaIds = new[] { _personaId } });
        var changed = await _api.SendJsonAsync(HttpMethod.Put, $"{_url}/{id}", new { statement = "Nobody knows the lending rules", personaIds = new[] { _personaId } }, etag);

        (await _api.SendJsonAsync(HttpMethod.Delete, $"{_url}/{id}", null, etag)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await _api.SendJsonAsync(HttpMethod.Delete, $"{_url}/{id}", null, changed.Headers.ETag!.ToString())).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _api.GetAsync($"{_url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ViewerMemberAndReadOnlyToken_MayReadButNotWrite()
    {
        var viewer = await PlanApiCallers.ViewerAsync(_host);
        var readOnly = await _host.AdaClientAsync(canWrite: false);
        var (id, etag, _) = await _api.CreateAsync(_url, new { statement = "Keys get lost", personaIds = new[] { _personaId } });
        var body = new { statement = "Not allowed", personaIds = new[] { _personaId } };

        foreach (var caller in new[] { viewer, readOnly })
        {
            (await caller.GetAsync($"{_url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await caller.PostAsJsonAsync(_url, body, ApiTestHost.Json)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await caller.SendJsonAsync(HttpMethod.Put, $"{_url}/{id}", body, etag)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await caller.SendJsonAsync(HttpMethod.Delete, $"{_url}/{id}", null, etag)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Outsider_FindsNoProblemsOfThePlan()
    {
        var outsider = await PlanApiCallers.OutsiderAsync(_host);

        (await outsider.GetAsync(_url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.PostAsJsonAsync(_url, new { statement = "Intruder", personaIds = new[] { _personaId } }, ApiTestHost.Json)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ProblemCreatedThroughTheApi_IsInThePlansHistoryWithTheTokensName()
    {
        await _api.CreateAsync(_url, new { statement = "Audited problem", personaIds = new[] { _personaId } });

        (await PlanApiCallers.HistoryHasTokenEntryAsync(_host, await _host.DemoPlanIdAsync())).ShouldBeTrue();
    }
}
