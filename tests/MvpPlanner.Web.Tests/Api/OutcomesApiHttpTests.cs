using System.Net;
using System.Net.Http.Json;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Api;

/// <summary>Target outcomes and their readings through /api/v1.</summary>
public sealed class OutcomesApiHttpTests : IAsyncLifetime
{
    private readonly ApiTestHost _host = new(new Dictionary<string, string?> { ["Planner:ApiRateLimitPerMinute"] = "5000" });
    private HttpClient _api = default!;
    private string _url = "";

    public async Task InitializeAsync()
    {
        _api = await _host.AdaClientAsync();
        _url = $"/api/v1/plans/{await _host.DemoPlanIdAsync()}/outcomes";
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static object Outcome(string description, decimal target = 25) =>
        new { description, metric = "Loans per week", baseline = "0", target = $"{target} loans a week", baselineValue = 0, targetValue = target, targetDate = "2027-06-30" };

    [Fact]
    public async Task CreateOutcome_Returns201WithLocationETag_AndItIsListed()
    {
        var response = await _api.PostAsJsonAsync(_url, Outcome("Neighbours borrow instead of buying"), ApiTestHost.Json);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        var id = body.GetProperty("id").GetInt32();
        response.Headers.Location!.ToString().ShouldBe($"{_url}/{id}");
        response.Headers.ETag!.ToString().ShouldBe($"\"{body.GetProperty("version").GetInt32()}\"");
        body.GetProperty("targetDate").GetString().ShouldBe("2027-06-30");
        body.GetProperty("progress").GetProperty("status").GetString().ShouldBe("NoData");
        var list = await (await _api.GetAsync(_url)).JsonAsync();
        list.EnumerateArray().ShouldContain(o => o.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task CreateOutcome_WithoutMetricOrTarget_Is400NamingTheFields()
    {
        var response = await _api.PostAsJsonAsync(_url, new { description = "Something", targetDate = "2027-01-01" }, ApiTestHost.Json);

        var fields = await response.ErrorFieldsAsync();
        fields.ShouldContain("metric");
        fields.ShouldContain("target");
        fields.ShouldContain("targetValue");
    }

    [Fact]
    public async Task UpdateOutcome_WithCurrentETag_Saves_StaleETagIs412_NoIfMatchIs428()
    {
        var (id, etag, _) = await _api.CreateAsync(_url, Outcome("Lenders trust the library"));

        var response = await _api.SendJsonAsync(HttpMethod.Put, $"{_url}/{id}", Outcome("Lenders trust the library", 40), etag);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.JsonAsync()).GetProperty("targetValue").GetDecimal().ShouldBe(40);
        response.Headers.ETag!.ToString().ShouldNotBe(etag);
        (await _api.SendJsonAsync(HttpMethod.Put, $"{_url}/{id}", Outcome("Overwrite", 50), etag)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await _api.SendJsonAsync(HttpMethod.Put, $"{_url}/{id}", Outcome("Overwrite", 50))).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task DeleteOutcome_NeedsTheCurrentETag()
    {
        var (id, etag, _) = await _api.CreateAsync(_url, Outcome("Short-lived outcome"));
        var changed = await _api.SendJsonAsync(HttpMethod.Put, $"{_url}/{id}", Outcome("Short-lived outcome", 30), etag);

        (await _api.DeleteAsync($"{_url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await _api.SendJsonAsync(HttpMethod.Delete, $"{_url}/{id}", null, etag)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await _api.SendJsonAsync(HttpMethod.Delete, $"{_url}/{id}", null, changed.Headers.ETag!.ToString())).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _api.GetAsync($"{_url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Measurements_CanBeRecordedCorrectedAndDeleted_AndMoveTheProgress()
    {
        var (id, _, _) = await _api.CreateAsync(_url, Outcome("Loans grow"));
        var measurements = $"{_url}/{id}/measurements";

        var added = await _api.PostAsJsonAsync(measurements, new { measuredOn = "2026-11-30", value = 30, note = "Launch week" }, ApiTestHost.Json);

        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var measurementId = (await added.JsonAsync()).GetProperty("id").GetInt32();
        added.Headers.Location!.ToString().ShouldBe($"{measurements}/{measurementId}");
        (await (await _api.GetAsync($"{_url}/{id}")).JsonAsync()).GetProperty("progress").GetProperty("status").GetString().ShouldBe("Met");

        var corrected = await _api.SendJsonAsync(HttpMethod.Put, $"{measurements}/{measurementId}", new { measuredOn = "2026-11-30", value = 12, note = "Recounted" });
        corrected.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await corrected.JsonAsync()).GetProperty("value").GetDecimal().ShouldBe(12);
        var listed = await (await _api.GetAsync(measurements)).JsonAsync();
        listed.GetArrayLength().ShouldBe(1);
        listed[0].GetProperty("note").GetString().ShouldBe("Recounted");

        (await _api.DeleteAsync($"{measurements}/{measurementId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await _api.GetAsync(measurements)).JsonAsync()).GetArrayLength().ShouldBe(0);
        (await _api.GetAsync($"{measurements}/{measurementId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Measurement_WithoutValue_Is400NamingTheValueField()
    {
        var (id, _, _) = await _api.CreateAsync(_url, Outcome("Needs a value"));

        var response = await _api.PostAsJsonAsync($"{_url}/{id}/measurements", new { measuredOn = "2026-11-30" }, ApiTestHost.Json);

        (await response.ErrorFieldsAsync()).ShouldBe(["value"]);
    }

    [Fact]
    public async Task ViewerMemberAndReadOnlyToken_MayReadButNotWrite()
    {
        var viewer = await PlanApiCallers.ViewerAsync(_host);
        var readOnly = await _host.AdaClientAsync(canWrite: false);
        var (id, etag, _) = await _api.CreateAsync(_url, Outcome("Guarded outcome"));

        foreach (var caller in new[] { viewer, readOnly })
        {
            (await caller.GetAsync($"{_url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await caller.PostAsJsonAsync(_url, Outcome("Not allowed"), ApiTestHost.Json)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await caller.SendJsonAsync(HttpMethod.Put, $"{_url}/{id}", Outcome("Not allowed"), etag)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await caller.SendJsonAsync(HttpMethod.Delete, $"{_url}/{id}", null, etag)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await caller.PostAsJsonAsync($"{_url}/{id}/measurements", new { measuredOn = "2026-11-30", value = 1 }, ApiTestHost.Json))
                .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Outsider_FindsNoOutcomesOfThePlan()
    {
        var outsider = await PlanApiCallers.OutsiderAsync(_host);
        var (id, _, _) = await _api.CreateAsync(_url, Outcome("Hidden outcome"));

        (await outsider.GetAsync(_url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"{_url}/{id}/measurements")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.PostAsJsonAsync($"{_url}/{id}/measurements", new { measuredOn = "2026-11-30", value = 1 }, ApiTestHost.Json))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OutcomeCreatedThroughTheApi_IsInThePlansHistoryWithTheTokensName()
    {
        await _api.CreateAsync(_url, Outcome("Audited outcome"));

        (await PlanApiCallers.HistoryHasTokenEntryAsync(_host, await _host.DemoPlanIdAsync())).ShouldBeTrue();
    }
}
