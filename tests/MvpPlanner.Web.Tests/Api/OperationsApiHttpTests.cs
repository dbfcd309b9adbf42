using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Api;

/// <summary>Readiness and the minimum viable operation, read-only, through /api/v1.</summary>
public sealed class OperationsApiHttpTests : IAsyncLifetime
{
    private readonly ApiTestHost _host = new(new Dictionary<string, string?> { ["Planner:ApiRateLimitPerMinute"] = "5000" });
    private HttpClient _api = default!;
    private string _plan = "";

    public async Task InitializeAsync()
    {
        _api = await _host.AdaClientAsync(canWrite: false);
        _plan = $"/api/v1/plans/{await _host.DemoPlanIdAsync()}";
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<JsonElement> GetOkAsync(string path)
    {
        var response = await _api.GetAsync(_plan + path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    [Fact]
    public async Task Readiness_ShowsTheScoreAndTheFindingsOfTheReadinessPage()
    {
        var readiness = await GetOkAsync("/readiness");

        var score = readiness.GetProperty("score").GetInt32();
        score.ShouldBeInRange(0, 100);
        var findings = readiness.GetProperty("findings").EnumerateArray().ToList();
        readiness.GetProperty("isReady").GetBoolean().ShouldBe(findings.All(f => f.GetProperty("severity").GetString() == "Low"));
        findings.ShouldAllBe(f => f.GetProperty("rule").GetString()!.Length > 0 && f.GetProperty("title").GetString()!.Length > 0);
    }

    [Fact]
    public async Task Readiness_FollowsAChangeMadeThroughTheApi()
    {
        var writer = await _host.AdaClientAsync();
        var before = (await GetOkAsync("/readiness")).GetProperty("findings").GetArrayLength();
        var (_, etag, plan) = await GetPlanAsync(writer);

        // Removing the core promise is a high-severity finding the readiness page shows.
        var changed = await writer.SendJsonAsync(HttpMethod.Put, _plan, new { name = plan.GetProperty("name").GetString(), vision = "", valueProposition = "" }, etag);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = await GetOkAsync("/readiness");
        after.GetProperty("findings").EnumerateArray().ShouldContain(f => f.GetProperty("rule").GetString() == "no-promise" && f.GetProperty("severity").GetString() == "High");
        after.GetProperty("findings").GetArrayLength().ShouldBeGreaterThanOrEqualTo(before);
    }

    [Fact]
    public async Task Operation_ListsThePromiseJourneyProcessesToolsRolesAndKpis()
    {
        var promise = await GetOkAsync("/promise");
        promise.GetProperty("corePromise").ValueKind.ShouldBe(JsonValueKind.String);
        promise.GetProperty("commitments").ValueKind.ShouldBe(JsonValueKind.Array);

        var stages = await GetOkAsync("/journey-stages");
        stages.EnumerateArray().Select(s => s.GetProperty("order").GetInt32()).ShouldBeInOrder();
        stages.GetArrayLength().ShouldBeGreaterThan(0);

        var roles = await GetOkAsync("/roles");
        roles.GetArrayLength().ShouldBeGreaterThan(0);

        var processes = await GetOkAsync("/core-processes");
        processes.GetArrayLength().ShouldBeGreaterThan(0);
        processes.EnumerateArray().ShouldContain(p => p.GetProperty("ownerRole").ValueKind == JsonValueKind.Object
            && p.GetProperty("stage").ValueKind == JsonValueKind.Object);
        processes.EnumerateArray().ShouldAllBe(p => p.GetProperty("steps").ValueKind == JsonValueKind.Array && p.GetProperty("tools").ValueKind == JsonValueKind.Array);

        (await GetOkAsync("/tools")).ValueKind.ShouldBe(JsonValueKind.Array);

        var kpis = await GetOkAsync("/kpis");
        var kpi = kpis.EnumerateArray().Single(k => k.GetProperty("name").GetString() == "Support response time");
        kpi.GetProperty("cadence").GetString().ShouldBe("Weekly");
        kpi.GetProperty("latest").GetProperty("value").GetDecimal().ShouldBe(30);
        kpi.GetProperty("onTarget").GetBoolean().ShouldBeFalse();
        kpi.GetProperty("ownerRole").GetProperty("name").GetString()!.ShouldNotBeEmpty();
        kpi.GetProperty("nextReviewDue").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task OperationItems_CanBeReadOneByOneWithTheirETag()
    {
        foreach (var list in new[] { "/journey-stages", "/core-processes", "/roles", "/kpis" })
        {
            var first = (await GetOkAsync(list))[0];
            var response = await _api.GetAsync($"{_plan}{list}/{first.GetProperty("id").GetInt32()}");

            response.StatusCode.ShouldBe(HttpStatusCode.OK, list);
            response.Headers.ETag!.ToString().ShouldBe($"\"{first.GetProperty("version").GetInt32()}\"", list);
            (await response.JsonAsync()).GetProperty("name").GetString().ShouldBe(first.GetProperty("name").GetString(), list);
        }

        (await _api.GetAsync($"{_plan}/kpis/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Operation_IsReadOnly()
    {
        var writer = await _host.AdaClientAsync();

        var response = await writer.PostAsJsonAsync($"{_plan}/kpis", new { name = "Not here" }, ApiTestHost.Json);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Outsider_Gets404_ViewerMemberReads()
    {
        var outsider = await PlanApiCallers.OutsiderAsync(_host);
        var viewer = await PlanApiCallers.ViewerAsync(_host);

        foreach (var path in new[] { "/readiness", "/promise", "/journey-stages", "/core-processes", "/tools", "/roles", "/kpis" })
        {
            (await outsider.GetAsync(_plan + path)).StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            (await viewer.GetAsync(_plan + path)).StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryPersonaProblemOutcomeFeedbackAndOperationEndpoint()
    {
        var response = await _host.Client(null).GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await response.JsonAsync();

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("operationId", out _)))
            .ToDictionary(o => o.Value.GetProperty("operationId").GetString()!, o => o.Value);
        string[] expected =
        [
            "ListPersonas", "CreatePersona", "GetPersona", "UpdatePersona", "DeletePersona",
            "ListProblems", "CreateProblem", "GetProblem", "UpdateProblem", "DeleteProblem",
            "ListOutcomes", "CreateOutcome", "GetOutcome", "UpdateOutcome", "DeleteOutcome",
            "ListOutcomeMeasurements", "AddOutcomeMeasurement", "GetOutcomeMeasurement", "CorrectOutcomeMeasurement", "DeleteOutcomeMeasurement",
            "ListFeedback", "CountFeedback", "CaptureFeedback", "GetFeedback", "UpdateFeedback", "LinkFeedback", "ArchiveFeedback", "UnarchiveFeedback", "DeleteFeedback",
            "GetReadiness", "GetPromise", "ListJourneyStages", "ListCoreProcesses", "ListEssentialTools", "ListOperationRoles", "ListKpis",
            "GetJourneyStage", "GetCoreProcess", "GetEssentialTool", "GetOperationRole", "GetKpi",
        ];
        foreach (var name in expected)
        {
            operations.ShouldContainKey(name);
            operations[name].GetProperty("summary").GetString()!.ShouldNotBeEmpty();
            operations[name].GetProperty("tags").GetArrayLength().ShouldBe(1);
        }

        operations["UpdatePersona"].GetProperty("responses").TryGetProperty("412", out _).ShouldBeTrue();
        operations["CreateProblem"].GetProperty("responses").GetProperty("201").GetProperty("content").EnumerateObject().ShouldNotBeEmpty();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var schema in new[] { "PersonaCreateRequest", "ProblemUpdateRequest", "OutcomeCreateRequest", "OutcomeMeasurementRequest", "FeedbackCreateRequest", "FeedbackLinksRequest", "KpiResource" })
        {
            schemas.GetProperty(schema).GetProperty("examples").GetArrayLength().ShouldBe(1, schema);
        }
    }

    private async Task<(int Id, string ETag, JsonElement Body)> GetPlanAsync(HttpClient client)
    {
        var response = await client.GetAsync(_plan);
        var body = await response.JsonAsync();
        return (body.GetProperty("id").GetInt32(), response.Headers.ETag!.ToString(), body);
    }
}
