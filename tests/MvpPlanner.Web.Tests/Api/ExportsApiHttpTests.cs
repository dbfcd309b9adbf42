using System.Net;
using System.Net.Http.Headers;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Api;

/// <summary>Exports and the plan.json import through the API.</summary>
public sealed class ExportsApiHttpTests(RoadmapApiFixture api) : IClassFixture<RoadmapApiFixture>
{
    [Theory]
    [InlineData("plan.json", "application/json")]
    [InlineData("plan.md", "text/markdown")]
    [InlineData("roadmap.svg", "image/svg+xml")]
    [InlineData("features.csv", "text/csv")]
    [InlineData("personas.csv", "text/csv")]
    [InlineData("problems.csv", "text/csv")]
    public async Task AnExport_IsADownloadOfThePlan(string file, string contentType)
    {
        var response = await api.AdaReadOnly.GetAsync($"/api/v1/plans/{api.DemoPlanId}/export/{file}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        (await response.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task AnOutsidersExport_IsANotFoundProblem()
    {
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.Outsider.GetAsync($"/api/v1/plans/{api.DemoPlanId}/export/plan.json"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnExportedPlan_ImportsAsANewPlanWithLocation()
    {
        var file = await (await api.Ada.GetAsync($"/api/v1/plans/{api.DemoPlanId}/export/plan.json")).Content.ReadAsByteArrayAsync();

        var response = await api.Ada.PostAsync($"/api/v1/plans/import?workspaceId={api.WorkspaceId}&name=Imported%20copy", Json(file));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var plan = await response.JsonAsync();
        var id = plan.GetProperty("id").GetInt32();
        id.ShouldNotBe(api.DemoPlanId);
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/plans/{id}");
        plan.GetProperty("name").GetString().ShouldBe("Imported copy");
        plan.GetProperty("featureCount").GetInt32().ShouldBeGreaterThan(0);
        (await api.Ada.GetAsync($"/api/v1/plans/{id}/features")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnInvalidFile_IsAValidationProblemWithTheImportersMessages()
    {
        var response = await api.Ada.PostAsync($"/api/v1/plans/import?workspaceId={api.WorkspaceId}", Json("{\"schemaVersion\": 1, \"plan\": {\"name\": \"\"}"u8.ToArray()));

        await RoadmapApiFixture.ShouldBeValidationProblemAsync(response, "file");
    }

    [Fact]
    public async Task AnImportWithoutWorkspace_IsAValidationProblemNamingIt()
    {
        var response = await api.Ada.PostAsync("/api/v1/plans/import", Json("{}"u8.ToArray()));

        await RoadmapApiFixture.ShouldBeValidationProblemAsync(response, "workspaceId");
    }

    [Fact]
    public async Task AReadOnlyTokenOrAViewer_CannotImport()
    {
        var file = await (await api.Ada.GetAsync($"/api/v1/plans/{api.DemoPlanId}/export/plan.json")).Content.ReadAsByteArrayAsync();

        await RoadmapApiFixture.ShouldBeProblemAsync(await api.AdaReadOnly.PostAsync($"/api/v1/plans/import?workspaceId={api.WorkspaceId}", Json(file)), HttpStatusCode.Forbidden);
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.Viewer.PostAsync($"/api/v1/plans/import?workspaceId={api.WorkspaceId}", Json(file)), HttpStatusCode.Forbidden);
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.Outsider.PostAsync($"/api/v1/plans/import?workspaceId={api.WorkspaceId}", Json(file)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ACsvFile_AddsFeaturesToAnExistingPlan()
    {
        var planId = await api.NewPlanAsync();
        var csv = "Title,Status,MoSCoW,Reach\nCatalogue,Planned,Must,400\nReminders,Idea,Should,\n"u8.ToArray();

        var response = await api.Ada.PostAsync($"/api/v1/plans/{planId}/import/features.csv", Csv(csv));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.JsonAsync()).GetProperty("added").GetInt32().ShouldBe(2);
        var features = await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/features?sort=title")).JsonAsync();
        features.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("title").GetString()).ShouldBe(["Catalogue", "Reminders"]);
        (await api.Ada.PostAsync($"/api/v1/plans/{planId}/import/features.csv", Csv(csv))).StatusCode.ShouldBe(HttpStatusCode.OK); // duplicates skipped
        (await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/features")).JsonAsync()).GetProperty("totalCount").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task ACsvFileWithABadRow_ImportsNothingAndNamesTheRow()
    {
        var planId = await api.NewPlanAsync();

        var response = await api.Ada.PostAsync($"/api/v1/plans/{planId}/import/features.csv", Csv("Title,Confidence %\nCatalogue,80\nReminders,140\n"u8.ToArray()));

        await RoadmapApiFixture.ShouldBeValidationProblemAsync(response, "rows");
        (await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/features")).JsonAsync()).GetProperty("totalCount").GetInt32().ShouldBe(0);
        await RoadmapApiFixture.ShouldBeValidationProblemAsync(
            await api.Ada.PostAsync($"/api/v1/plans/{planId}/import/features.csv?duplicates=merge", Csv("Title\nA\n"u8.ToArray())), "duplicates");
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.AdaReadOnly.PostAsync($"/api/v1/plans/{planId}/import/features.csv", Csv("Title\nA\n"u8.ToArray())), HttpStatusCode.Forbidden);
    }

    private static ByteArrayContent Csv(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    private static ByteArrayContent Json(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
