using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Api;

/// <summary>The backlog through the API: filters, sorting and paging as in the app, and a feature's whole life with
/// its ETag.</summary>
public sealed class FeaturesApiHttpTests(RoadmapApiFixture api) : IClassFixture<RoadmapApiFixture>
{
    private static object Feature(string title, string status = "Idea", string moscow = "Unset", int? reach = null, int? phaseId = null, int? laneId = null) =>
        new { title, status, moscow, reach, impact = reach is null ? (double?)null : 1, confidence = reach is null ? (int?)null : 100, effort = reach is null ? (double?)null : 1, phaseId, laneId };

    private async Task<int> PlanWithFeaturesAsync()
    {
        var planId = await api.NewPlanAsync();
        await api.CreateAsync($"/api/v1/plans/{planId}/features", Feature("Alpha", "Planned", "Must", reach: 10));
        await api.CreateAsync($"/api/v1/plans/{planId}/features", Feature("Bravo", "Idea", "Should", reach: 30));
        await api.CreateAsync($"/api/v1/plans/{planId}/features", Feature("Charlie", "Planned", "Could", reach: 20));
        await api.CreateAsync($"/api/v1/plans/{planId}/features", Feature("Delta", "Shipped", "Must"));
        await api.CreateAsync($"/api/v1/plans/{planId}/features", Feature("Echo search term", "Planned", "Wont", reach: 5));
        return planId;
    }

    private static List<string> Titles(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("title").GetString()!)];

    [Fact]
    public async Task ListingFeatures_PagesWithLinksAndTotal()
    {
        var planId = await PlanWithFeaturesAsync();

        var response = await api.Ada.GetAsync($"/api/v1/plans/{planId}/features?sort=title&pageSize=2&page=2");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-Total-Count").Single().ShouldBe("5");
        var page = await response.JsonAsync();
        Titles(page).ShouldBe(["Charlie", "Delta"]);
        page.GetProperty("totalCount").GetInt32().ShouldBe(5);
        var links = page.GetProperty("links");
        links.GetProperty("next").GetString()!.ShouldContain("page=3");
        links.GetProperty("next").GetString()!.ShouldContain("sort=title");
        links.GetProperty("prev").GetString()!.ShouldContain("page=1");
        links.GetProperty("last").GetString()!.ShouldContain("page=3");
        response.Headers.GetValues("Link").Single().ShouldContain("rel=\"next\"");

        var last = await (await api.Ada.GetAsync(links.GetProperty("last").GetString()!)).JsonAsync();
        Titles(last).ShouldBe(["Echo search term"]);
        last.GetProperty("links").GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task ListingFeatures_FiltersByStatusMoscowAndText()
    {
        var planId = await PlanWithFeaturesAsync();

        Titles(await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/features?status=planned&sort=title")).JsonAsync())
            .ShouldBe(["Alpha", "Charlie", "Echo search term"]);
        Titles(await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/features?status=Planned&moscow=must")).JsonAsync()).ShouldBe(["Alpha"]);
        Titles(await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/features?search=SEARCH")).JsonAsync()).ShouldBe(["Echo search term"]);
        var unscheduled = await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/features?phaseId=0")).JsonAsync();
        unscheduled.GetProperty("totalCount").GetInt32().ShouldBe(5);
    }

    [Fact]
    public async Task ListingFeatures_SortsByRiceDescendingWithUnscoredLast()
    {
        var planId = await PlanWithFeaturesAsync();

        var page = await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/features?sort=rice&order=desc")).JsonAsync();
        Titles(page).ShouldBe(["Bravo", "Charlie", "Alpha", "Echo search term", "Delta"]);
        Titles(await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/features?sort=rice&desc=true")).JsonAsync())
            .ShouldBe(["Bravo", "Charlie", "Alpha", "Echo search term", "Delta"]);
    }

    [Theory]
    [InlineData("sort=popularity", "sort")]
    [InlineData("sort=1", "sort")]
    [InlineData("order=sideways", "order")]
    [InlineData("status=Done", "status")]
    [InlineData("moscow=Maybe", "moscow")]
    [InlineData("evidence=some", "evidence")]
    [InlineData("pageSize=500", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task ListingFeatures_WithAnUnknownQueryValue_IsAValidationProblemNamingTheParameter(string query, string parameter)
    {
        var response = await api.Ada.GetAsync($"/api/v1/plans/{api.DemoPlanId}/features?{query}");

        await RoadmapApiFixture.ShouldBeValidationProblemAsync(response, parameter);
    }

    [Fact]
    public async Task AFeature_IsCreatedReadChangedAndDeletedWithItsETag()
    {
        var planId = await api.NewPlanAsync();
        var phases = await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/phases")).JsonAsync();
        var firstPhase = phases[0].GetProperty("id").GetInt32();

        var created = await api.Ada.PostAsJsonAsync($"/api/v1/plans/{planId}/features", Feature("Loan reminders", "Idea", "Should", reach: 250, phaseId: firstPhase), ApiTestHost.Json);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var feature = await created.JsonAsync();
        var id = feature.GetProperty("id").GetInt32();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/plans/{planId}/features/{id}");
        created.Headers.ETag!.Tag.ShouldBe($"\"{feature.GetProperty("version").GetInt32()}\"");
        feature.GetProperty("moscow").GetString().ShouldBe("Should");
        feature.GetProperty("riceScore").GetDouble().ShouldBe(250);
        feature.GetProperty("phaseId").GetInt32().ShouldBe(firstPhase);

        var read = await api.Ada.GetAsync($"/api/v1/plans/{planId}/features/{id}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        var etag = read.Headers.ETag!.Tag;

        var updated = await api.Ada.SendJsonAsync(HttpMethod.Put, $"/api/v1/plans/{planId}/features/{id}",
            new { title = "Loan reminders by text", status = "Planned", moscow = "Must" }, etag);
        updated.StatusCode.ShouldBe(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        var changed = await updated.JsonAsync();
        changed.GetProperty("title").GetString().ShouldBe("Loan reminders by text");
        changed.GetProperty("phaseId").ValueKind.ShouldBe(JsonValueKind.Null); // a full update: what is left out becomes empty
        updated.Headers.ETag!.Tag.ShouldNotBe(etag);

        var stale = await api.Ada.SendJsonAsync(HttpMethod.Delete, $"/api/v1/plans/{planId}/features/{id}", null, etag);
        await RoadmapApiFixture.ShouldBeProblemAsync(stale, HttpStatusCode.PreconditionFailed);

        var deleted = await api.Ada.SendJsonAsync(HttpMethod.Delete, $"/api/v1/plans/{planId}/features/{id}", null, updated.Headers.ETag.Tag);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.Ada.GetAsync($"/api/v1/plans/{planId}/features/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ChangingAFeature_WithAStaleETag_Is412AndWithoutOne428()
    {
        var planId = await api.NewPlanAsync();
        var (id, etag) = await api.CreateAsync($"/api/v1/plans/{planId}/features", Feature("Ratings"));
        (await api.Ada.SendJsonAsync(HttpMethod.Put, $"/api/v1/plans/{planId}/features/{id}", new { title = "Ratings after each loan" }, etag))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        await RoadmapApiFixture.ShouldBeProblemAsync(
            await api.Ada.SendJsonAsync(HttpMethod.Put, $"/api/v1/plans/{planId}/features/{id}", new { title = "Stars" }, etag), HttpStatusCode.PreconditionFailed);
        await RoadmapApiFixture.ShouldBeProblemAsync(
            await api.Ada.SendJsonAsync(HttpMethod.Put, $"/api/v1/plans/{planId}/features/{id}", new { title = "Stars" }), (HttpStatusCode)428);
        await RoadmapApiFixture.ShouldBeProblemAsync(
            await api.Ada.SendJsonAsync(HttpMethod.Delete, $"/api/v1/plans/{planId}/features/{id}", null), (HttpStatusCode)428);
        await RoadmapApiFixture.ShouldBeProblemAsync(
            await api.Ada.SendJsonAsync(HttpMethod.Post, $"/api/v1/plans/{planId}/features/{id}/move", new { phaseId = (int?)null }), (HttpStatusCode)428);
    }

    [Fact]
    public async Task CreatingAFeatureWithoutTitleOrWithABadConfidence_IsAValidationProblemPerField()
    {
        var response = await api.Ada.PostAsJsonAsync($"/api/v1/plans/{api.DemoPlanId}/features", new { title = "", confidence = 140 }, ApiTestHost.Json);

        await RoadmapApiFixture.ShouldBeValidationProblemAsync(response, "title");
        (await response.JsonAsync()).GetProperty("errors").TryGetProperty("confidence", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task AQueryValueThatIsNotANumber_IsAValidationProblemNamingTheParameter()
    {
        var url = $"/api/v1/plans/{api.DemoPlanId}/features";

        await RoadmapApiFixture.ShouldBeValidationProblemAsync(await api.Ada.GetAsync($"{url}?page=two"), "page");
        var decimalComma = await api.Ada.GetAsync($"{url}?pageSize=12,5&phaseId=1");
        await RoadmapApiFixture.ShouldBeValidationProblemAsync(decimalComma, "pageSize");
        var errors = (await decimalComma.JsonAsync()).GetProperty("errors");
        errors.GetProperty("pageSize")[0].GetString().ShouldBe("Use a whole number, such as 2; \"12,5\" is not one.");
        errors.TryGetProperty("phaseId", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task ABodyThatIsNotJsonOfTheRightShape_IsAProblemSayingSo()
    {
        using var content = new StringContent("{\"title\": \"Catalogue\", \"reach\": \"many\"}", System.Text.Encoding.UTF8, "application/json");

        var response = await api.Ada.PostAsync($"/api/v1/plans/{api.DemoPlanId}/features", content);

        await RoadmapApiFixture.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("not JSON of the shape");
    }

    [Fact]
    public async Task SettingThePriority_ChangesOnlyThePriorityFields()
    {
        var planId = await api.NewPlanAsync();
        var (id, etag) = await api.CreateAsync($"/api/v1/plans/{planId}/features", new { title = "Catalogue", description = "Tools with photos.", owner = "Sam" });

        var response = await api.Ada.SendJsonAsync(HttpMethod.Post, $"/api/v1/plans/{planId}/features/{id}/priority",
            new { status = "InProgress", moscow = "Must", reach = 400, impact = 2, confidence = 80, effort = 4, value = 5, effortSize = 3 }, etag);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var feature = await response.JsonAsync();
        feature.GetProperty("moscow").GetString().ShouldBe("Must");
        feature.GetProperty("status").GetString().ShouldBe("InProgress");
        feature.GetProperty("riceScore").GetDouble().ShouldBe(160);
        feature.GetProperty("description").GetString().ShouldBe("Tools with photos.");
        feature.GetProperty("owner").GetString().ShouldBe("Sam");
        await RoadmapApiFixture.ShouldBeValidationProblemAsync(
            await api.Ada.SendJsonAsync(HttpMethod.Post, $"/api/v1/plans/{planId}/features/{id}/priority", new { status = "Idea", moscow = "Must", impact = 7 }, response.Headers.ETag!.Tag),
            "impact");
    }

    [Fact]
    public async Task MovingAFeature_PutsItInThePhaseAndLaneAtThePosition()
    {
        var planId = await api.NewPlanAsync();
        var phase = (await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/phases")).JsonAsync())[1].GetProperty("id").GetInt32();
        var lane = (await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/lanes")).JsonAsync())[0].GetProperty("id").GetInt32();
        await api.CreateAsync($"/api/v1/plans/{planId}/features", Feature("Already there", phaseId: phase, laneId: lane));
        var (id, etag) = await api.CreateAsync($"/api/v1/plans/{planId}/features", Feature("Moving"));

        var moved = await api.Ada.SendJsonAsync(HttpMethod.Post, $"/api/v1/plans/{planId}/features/{id}/move", new { phaseId = phase, laneId = lane, index = 0 }, etag);

        moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        var feature = await moved.JsonAsync();
        feature.GetProperty("phaseId").GetInt32().ShouldBe(phase);
        feature.GetProperty("laneId").GetInt32().ShouldBe(lane);
        Titles(await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/features?phaseId={phase}")).JsonAsync()).ShouldBe(["Moving", "Already there"]);
        await RoadmapApiFixture.ShouldBeProblemAsync(
            await api.Ada.SendJsonAsync(HttpMethod.Post, $"/api/v1/plans/{planId}/features/{id}/move", new { phaseId = (int?)null }, etag), HttpStatusCode.PreconditionFailed);
        await RoadmapApiFixture.ShouldBeValidationProblemAsync(
            await api.Ada.SendJsonAsync(HttpMethod.Post, $"/api/v1/plans/{planId}/features/{id}/move", new { phaseId = 999_999 }, moved.Headers.ETag!.Tag), "phaseId");
    }

    [Fact]
    public async Task AViewerAndAReadOnlyToken_CanListButNotChangeFeatures()
    {
        var url = $"/api/v1/plans/{api.DemoPlanId}/features";
        (await api.Viewer.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.AdaReadOnly.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await RoadmapApiFixture.ShouldBeProblemAsync(await api.Viewer.PostAsJsonAsync(url, Feature("Not mine to add"), ApiTestHost.Json), HttpStatusCode.Forbidden);
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.AdaReadOnly.PostAsJsonAsync(url, Feature("Read-only"), ApiTestHost.Json), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnOutsidersToken_FindsNoFeatures()
    {
        var list = await (await api.Ada.GetAsync($"/api/v1/plans/{api.DemoPlanId}/features?pageSize=1")).JsonAsync();
        var id = list.GetProperty("items")[0].GetProperty("id").GetInt32();

        await RoadmapApiFixture.ShouldBeProblemAsync(await api.Outsider.GetAsync($"/api/v1/plans/{api.DemoPlanId}/features"), HttpStatusCode.NotFound);
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.Outsider.GetAsync($"/api/v1/plans/{api.DemoPlanId}/features/{id}"), HttpStatusCode.NotFound);
        await RoadmapApiFixture.ShouldBeProblemAsync(
            await api.Outsider.SendJsonAsync(HttpMethod.Delete, $"/api/v1/plans/{api.DemoPlanId}/features/{id}", null, "\"1\""), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AFeatureAddedThroughTheApi_IsInThePlansHistoryWithTheTokensName()
    {
        var planId = await api.NewPlanAsync();

        await api.CreateAsync($"/api/v1/plans/{planId}/features", Feature("Welcome flyer"));

        (await api.TokenHistoryAsync(planId)).ShouldContain("Welcome flyer");
    }
}
