using System.Net;
using System.Net.Http.Json;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Api;

/// <summary>The roadmap's phases and lanes through the API.</summary>
public sealed class RoadmapApiHttpTests(RoadmapApiFixture api) : IClassFixture<RoadmapApiFixture>
{
    [Fact]
    public async Task APhase_IsAddedLastReadChangedAndDeletedWithItsETag()
    {
        var planId = await api.NewPlanAsync();
        var before = (await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/phases")).JsonAsync()).GetArrayLength();

        var created = await api.Ada.PostAsJsonAsync($"/api/v1/plans/{planId}/phases",
            new { name = "Pilot", startDate = "2026-09-01", endDate = "2026-10-31", goal = "Ten households borrow weekly." }, ApiTestHost.Json);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var phase = await created.JsonAsync();
        var id = phase.GetProperty("id").GetInt32();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/plans/{planId}/phases/{id}");
        phase.GetProperty("order").GetInt32().ShouldBe(before);
        phase.GetProperty("startDate").GetString().ShouldBe("2026-09-01");

        var read = await api.Ada.GetAsync($"/api/v1/plans/{planId}/phases/{id}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        var etag = read.Headers.ETag!.Tag;
        var updated = await api.Ada.SendJsonAsync(HttpMethod.Put, $"/api/v1/plans/{planId}/phases/{id}", new { name = "Pilot in Elm Street", endDate = "2026-11-30" }, etag);
        updated.StatusCode.ShouldBe(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        (await updated.JsonAsync()).GetProperty("name").GetString().ShouldBe("Pilot in Elm Street");

        await RoadmapApiFixture.ShouldBeProblemAsync(
            await api.Ada.SendJsonAsync(HttpMethod.Delete, $"/api/v1/plans/{planId}/phases/{id}", null, etag), HttpStatusCode.PreconditionFailed);
        await RoadmapApiFixture.ShouldBeProblemAsync(
            await api.Ada.SendJsonAsync(HttpMethod.Delete, $"/api/v1/plans/{planId}/phases/{id}", null), (HttpStatusCode)428);
        (await api.Ada.SendJsonAsync(HttpMethod.Delete, $"/api/v1/plans/{planId}/phases/{id}", null, updated.Headers.ETag!.Tag)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await api.Ada.GetAsync($"/api/v1/plans/{planId}/phases/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeletingAPhase_LeavesItsFeaturesUnscheduled()
    {
        var planId = await api.NewPlanAsync();
        var (phaseId, phaseETag) = await api.CreateAsync($"/api/v1/plans/{planId}/phases", new { name = "Soon" });
        var (featureId, _) = await api.CreateAsync($"/api/v1/plans/{planId}/features", new { title = "Catalogue", phaseId });

        (await api.Ada.SendJsonAsync(HttpMethod.Delete, $"/api/v1/plans/{planId}/phases/{phaseId}", null, phaseETag)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var feature = await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/features/{featureId}")).JsonAsync();
        feature.GetProperty("phaseId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task APhaseEndingBeforeItStarts_IsAValidationProblem()
    {
        var response = await api.Ada.PostAsJsonAsync($"/api/v1/plans/{api.DemoPlanId}/phases", new { name = "Backwards", startDate = "2026-09-01", endDate = "2026-08-01" }, ApiTestHost.Json);

        await RoadmapApiFixture.ShouldBeValidationProblemAsync(response, "endDate");
    }

    [Fact]
    public async Task ALane_IsAddedRenamedAndDeletedWithItsETag()
    {
        var planId = await api.NewPlanAsync();
        var created = await api.Ada.PostAsJsonAsync($"/api/v1/plans/{planId}/lanes", new { name = "Partnerships" }, ApiTestHost.Json);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/plans/{planId}/lanes/{id}");
        (await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/lanes")).JsonAsync()).EnumerateArray().Last().GetProperty("name").GetString().ShouldBe("Partnerships");

        var renamed = await api.Ada.SendJsonAsync(HttpMethod.Put, $"/api/v1/plans/{planId}/lanes/{id}", new { name = "Sponsors" }, created.Headers.ETag!.Tag);
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await renamed.JsonAsync()).GetProperty("name").GetString().ShouldBe("Sponsors");
        await RoadmapApiFixture.ShouldBeProblemAsync(
            await api.Ada.SendJsonAsync(HttpMethod.Put, $"/api/v1/plans/{planId}/lanes/{id}", new { name = "Stale" }, created.Headers.ETag.Tag), HttpStatusCode.PreconditionFailed);
        await RoadmapApiFixture.ShouldBeValidationProblemAsync(
            await api.Ada.SendJsonAsync(HttpMethod.Put, $"/api/v1/plans/{planId}/lanes/{id}", new { name = "" }, renamed.Headers.ETag!.Tag), "name");
        (await api.Ada.SendJsonAsync(HttpMethod.Delete, $"/api/v1/plans/{planId}/lanes/{id}", null, renamed.Headers.ETag.Tag)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task AViewerAReadOnlyTokenAndAnOutsider_CannotChangeTheRoadmap()
    {
        var url = $"/api/v1/plans/{api.DemoPlanId}/lanes";
        (await api.Viewer.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.Viewer.PostAsJsonAsync(url, new { name = "Mine" }, ApiTestHost.Json), HttpStatusCode.Forbidden);
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.AdaReadOnly.PostAsJsonAsync(url, new { name = "Mine" }, ApiTestHost.Json), HttpStatusCode.Forbidden);
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.Outsider.GetAsync(url), HttpStatusCode.NotFound);
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.Outsider.GetAsync($"/api/v1/plans/{api.DemoPlanId}/phases"), HttpStatusCode.NotFound);
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.Outsider.PostAsJsonAsync($"/api/v1/plans/{api.DemoPlanId}/phases", new { name = "Mine" }, ApiTestHost.Json), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MovingAPhaseOrALane_PutsItAtTheNewPosition()
    {
        var planId = await api.NewPlanAsync();
        var phases = await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/phases")).JsonAsync();
        var last = phases[phases.GetArrayLength() - 1].GetProperty("id").GetInt32();
        var lanes = await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/lanes")).JsonAsync();
        var lastLane = lanes[lanes.GetArrayLength() - 1].GetProperty("id").GetInt32();

        var moved = await api.Ada.PostAsJsonAsync($"/api/v1/plans/{planId}/phases/{last}/move", new { index = 0 }, ApiTestHost.Json);
        var movedLane = await api.Ada.PostAsJsonAsync($"/api/v1/plans/{planId}/lanes/{lastLane}/move", new { index = 0 }, ApiTestHost.Json);

        moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        (await moved.JsonAsync()).GetProperty("order").GetInt32().ShouldBe(0);
        (await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/phases")).JsonAsync())[0].GetProperty("id").GetInt32().ShouldBe(last);
        movedLane.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/lanes")).JsonAsync())[0].GetProperty("id").GetInt32().ShouldBe(lastLane);
        await RoadmapApiFixture.ShouldBeValidationProblemAsync(await api.Ada.PostAsJsonAsync($"/api/v1/plans/{planId}/lanes/{lastLane}/move", new { index = -1 }, ApiTestHost.Json), "index");
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.Viewer.PostAsJsonAsync($"/api/v1/plans/{api.DemoPlanId}/lanes/{lastLane}/move", new { index = 0 }, ApiTestHost.Json), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheHorizons_ShowNowNextAndLaterWithUnscheduledFeaturesInLater()
    {
        var planId = await api.NewPlanAsync();
        var (featureId, _) = await api.CreateAsync($"/api/v1/plans/{planId}/features", new { title = "Someday" });

        var response = await api.Ada.GetAsync($"/api/v1/plans/{planId}/horizons");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var columns = (await response.JsonAsync()).GetProperty("columns");
        columns.EnumerateArray().Select(c => c.GetProperty("horizon").GetString()).ShouldBe(["Now", "Next", "Later"]);
        columns[2].GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt32()).ShouldContain(featureId);
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.Outsider.GetAsync($"/api/v1/plans/{planId}/horizons"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesEveryRoadmapEndpoint()
    {
        var document = await (await api.Host.Client(null).GetAsync("/openapi/v1.json")).JsonAsync();

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Value.ValueKind == System.Text.Json.JsonValueKind.Object && o.Value.TryGetProperty("operationId", out _)))
            .Select(o => o.Value.GetProperty("operationId").GetString())
            .ToList();
        operations.ShouldContain("ListFeatures");
        string[] expected =
        [
            "ListFeatures", "GetFeature", "CreateFeature", "UpdateFeature", "SetFeaturePriority", "MoveFeature", "DeleteFeature",
            "ListPhases", "GetPhase", "CreatePhase", "UpdatePhase", "DeletePhase", "ListLanes", "GetLane", "CreateLane", "UpdateLane", "DeleteLane", "MovePhase", "MoveLane", "GetHorizons",
            "ListMilestones", "GetMilestone", "CreateMilestone", "UpdateMilestone", "DeleteMilestone",
            "ListDependencies", "GetFeatureDependencies", "GetDependency", "AddDependency", "RemoveDependency",
            "ExportPlanJson", "ExportPlanMarkdown", "ExportRoadmapSvg", "ExportRoadmapPng", "ExportFeaturesCsv", "ExportPersonasCsv", "ExportProblemsCsv",
            "ImportPlan", "ImportFeaturesCsv", "ImportPersonasCsv", "ImportProblemsCsv",
        ];
        expected.Except(operations).ShouldBeEmpty();
        document.GetProperty("components").GetProperty("schemas").GetProperty("FeatureResource").TryGetProperty("examples", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task APhaseAddedThroughTheApi_IsInThePlansHistoryWithTheTokensName()
    {
        var planId = await api.NewPlanAsync();

        await api.CreateAsync($"/api/v1/plans/{planId}/phases", new { name = "Growth" });

        (await api.TokenHistoryAsync(planId)).ShouldContain("Growth");
    }
}
