using System.Net;
using System.Net.Http.Json;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Api;

/// <summary>Feedback through /api/v1: capture, triage (links, archive), the feedback page's filters and paging.</summary>
public sealed class FeedbackApiHttpTests : IAsyncLifetime
{
    private readonly ApiTestHost _host = new(new Dictionary<string, string?> { ["Planner:ApiRateLimitPerMinute"] = "5000" });
    private HttpClient _api = default!;
    private string _plan = "";
    private string _url = "";

    public async Task InitializeAsync()
    {
        _api = await _host.AdaClientAsync();
        _plan = $"/api/v1/plans/{await _host.DemoPlanIdAsync()}";
        _url = $"{_plan}/feedback";
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CaptureFeedback_Returns201WithLocationETag_WaitingAsNew()
    {
        var response = await _api.PostAsJsonAsync(_url, new { text = "I'd lend my drill if I knew it came back.", organisation = "Elm Street", receivedOn = "2026-11-28" },
            ApiTestHost.Json);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        var id = body.GetProperty("id").GetInt32();
        response.Headers.Location!.ToString().ShouldBe($"{_url}/{id}");
        response.Headers.ETag.ShouldNotBeNull();
        body.GetProperty("state").GetString().ShouldBe("New");
        body.GetProperty("source").GetString().ShouldBe("OfficeHours");
        body.GetProperty("receivedOn").GetString().ShouldBe("2026-11-28");
        (await _api.GetAsync($"{_url}/{id}")).Headers.ETag!.ToString().ShouldBe(response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task CaptureFeedback_WithoutText_Is400NamingTheTextField()
    {
        var response = await _api.PostAsJsonAsync(_url, new { text = "  " }, ApiTestHost.Json);

        (await response.ErrorFieldsAsync()).ShouldBe(["text"]);
    }

    [Fact]
    public async Task ListFeedback_FiltersBySourceAndSearch_AndPagesWithLinks()
    {
        for (var i = 0; i < 3; i++)
        {
            await _api.CreateAsync(_url, new { text = $"Paging sample {i}", source = "Survey" });
        }

        var first = await _api.GetAsync($"{_url}?source=survey&search=paging%20sample&pageSize=2");

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await first.JsonAsync();
        page.GetProperty("totalCount").GetInt32().ShouldBe(3);
        page.GetProperty("items").GetArrayLength().ShouldBe(2);
        page.GetProperty("items")[0].GetProperty("text").GetString().ShouldBe("Paging sample 2");
        var next = page.GetProperty("links").GetProperty("next").GetString()!;
        next.ShouldContain("source=survey");
        var second = await (await _api.GetAsync(next)).JsonAsync();
        second.GetProperty("items").GetArrayLength().ShouldBe(1);
        second.GetProperty("links").GetProperty("next").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Theory]
    [InlineData("state=Pending", "state")]
    [InlineData("source=Carrier%20pigeon", "source")]
    [InlineData("state=1", "state")]
    [InlineData("pageSize=500", "pageSize")]
    public async Task ListFeedback_WithAnUnknownFilterValue_Is400NamingTheParameter(string query, string parameter)
    {
        var response = await _api.GetAsync($"{_url}?{query}");

        (await response.ErrorFieldsAsync()).ShouldBe([parameter]);
    }

    [Fact]
    public async Task ListFeedback_WithANonNumberId_Is400ProblemNotAnError()
    {
        var response = await _api.GetAsync($"{_url}?personaId=abc");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task LinkFeedback_TriagesIt_AndTheProblemFilterFindsIt_ArchiveAndBack()
    {
        var problemId = (await (await _api.GetAsync($"{_plan}/problems")).JsonAsync())[0].GetProperty("id").GetInt32();
        var (id, etag, _) = await _api.CreateAsync(_url, new { text = "Finding a ladder took me a week" });

        var linked = await _api.SendJsonAsync(HttpMethod.Post, $"{_url}/{id}/links", new { problemIds = new[] { problemId } }, etag);

        linked.StatusCode.ShouldBe(HttpStatusCode.OK, await linked.Content.ReadAsStringAsync());
        var body = await linked.JsonAsync();
        body.GetProperty("state").GetString().ShouldBe("Linked");
        body.GetProperty("problems")[0].GetProperty("id").GetInt32().ShouldBe(problemId);
        var filtered = await (await _api.GetAsync($"{_url}?state=Linked&problemId={problemId}")).JsonAsync();
        filtered.GetProperty("items").EnumerateArray().ShouldContain(f => f.GetProperty("id").GetInt32() == id);

        var archived = await _api.SendJsonAsync(HttpMethod.Post, $"{_url}/{id}/archive", null, linked.Headers.ETag!.ToString());
        archived.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await archived.JsonAsync()).GetProperty("state").GetString().ShouldBe("Archived");
        (await _api.SendJsonAsync(HttpMethod.Post, $"{_url}/{id}/unarchive", null, etag)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var back = await _api.SendJsonAsync(HttpMethod.Post, $"{_url}/{id}/unarchive", null, archived.Headers.ETag!.ToString());
        (await back.JsonAsync()).GetProperty("state").GetString().ShouldBe("Linked");
        (await (await _api.GetAsync($"{_url}/counts")).JsonAsync()).GetProperty("linked").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task UpdateFeedback_WithCurrentETag_Saves_StaleETagIs412_NoIfMatchIs428()
    {
        var (id, etag, _) = await _api.CreateAsync(_url, new { text = "Typo in here" });

        var response = await _api.SendJsonAsync(HttpMethod.Put, $"{_url}/{id}", new { text = "No typo in here", importance = "High" }, etag);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.JsonAsync()).GetProperty("importance").GetString().ShouldBe("High");
        (await _api.SendJsonAsync(HttpMethod.Put, $"{_url}/{id}", new { text = "Overwrite" }, etag)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await _api.SendJsonAsync(HttpMethod.Put, $"{_url}/{id}", new { text = "Overwrite" })).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await _api.SendJsonAsync(HttpMethod.Post, $"{_url}/{id}/links", new { problemIds = Array.Empty<int>() })).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task DeleteFeedback_NeedsTheCurrentETag()
    {
        var (id, etag, _) = await _api.CreateAsync(_url, new { text = "Spam" });
        var changed = await _api.SendJsonAsync(HttpMethod.Put, $"{_url}/{id}", new { text = "Spam, really" }, etag);

        (await _api.DeleteAsync($"{_url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await _api.SendJsonAsync(HttpMethod.Delete, $"{_url}/{id}", null, etag)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await _api.SendJsonAsync(HttpMethod.Delete, $"{_url}/{id}", null, changed.Headers.ETag!.ToString())).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _api.GetAsync($"{_url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ViewerMemberAndReadOnlyToken_MayReadButNotWrite()
    {
        var viewer = await PlanApiCallers.ViewerAsync(_host);
        var readOnly = await _host.AdaClientAsync(canWrite: false);
        var (id, etag, _) = await _api.CreateAsync(_url, new { text = "Guarded feedback" });

        foreach (var caller in new[] { viewer, readOnly })
        {
            (await caller.GetAsync(_url)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await caller.PostAsJsonAsync(_url, new { text = "Not allowed" }, ApiTestHost.Json)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await caller.SendJsonAsync(HttpMethod.Put, $"{_url}/{id}", new { text = "Not allowed" }, etag)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await caller.SendJsonAsync(HttpMethod.Post, $"{_url}/{id}/archive", null, etag)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await caller.SendJsonAsync(HttpMethod.Delete, $"{_url}/{id}", null, etag)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Outsider_FindsNoFeedbackOfThePlan()
    {
        var outsider = await PlanApiCallers.OutsiderAsync(_host);
        var (id, _, _) = await _api.CreateAsync(_url, new { text = "Hidden feedback" });

        (await outsider.GetAsync(_url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"{_url}/counts")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"{_url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.PostAsJsonAsync(_url, new { text = "Intruder" }, ApiTestHost.Json)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task FeedbackCapturedThroughTheApi_IsInThePlansHistoryWithTheTokensName()
    {
        await _api.CreateAsync(_url, new { text = "Audited feedback" });

        (await PlanApiCallers.HistoryHasTokenEntryAsync(_host, await _host.DemoPlanIdAsync())).ShouldBeTrue();
    }
}
