using System.Net;
using System.Net.Http.Json;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Api;

/// <summary>Milestones through the API.</summary>
public sealed class MilestonesApiHttpTests(RoadmapApiFixture api) : IClassFixture<RoadmapApiFixture>
{
    [Fact]
    public async Task AMilestone_IsAddedListedChangedAndDeletedWithItsETag()
    {
        var planId = await api.NewPlanAsync();
        (await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/milestones")).JsonAsync()).GetArrayLength().ShouldBe(0);

        var created = await api.Ada.PostAsJsonAsync($"/api/v1/plans/{planId}/milestones", new { name = "Pilot starts", date = "2026-09-01", kind = "PilotStart" }, ApiTestHost.Json);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var milestone = await created.JsonAsync();
        var id = milestone.GetProperty("id").GetInt32();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/plans/{planId}/milestones/{id}");
        milestone.GetProperty("kind").GetString().ShouldBe("PilotStart");
        (await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/milestones")).JsonAsync()).GetArrayLength().ShouldBe(1);

        var read = await api.Ada.GetAsync($"/api/v1/plans/{planId}/milestones/{id}");
        read.Headers.ETag!.Tag.ShouldBe(created.Headers.ETag!.Tag);
        var updated = await api.Ada.SendJsonAsync(HttpMethod.Put, $"/api/v1/plans/{planId}/milestones/{id}", new { name = "Pilot starts", date = "2026-09-15", kind = "PilotStart" }, read.Headers.ETag.Tag);
        updated.StatusCode.ShouldBe(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        (await updated.JsonAsync()).GetProperty("date").GetString().ShouldBe("2026-09-15");

        await RoadmapApiFixture.ShouldBeProblemAsync(
            await api.Ada.SendJsonAsync(HttpMethod.Put, $"/api/v1/plans/{planId}/milestones/{id}", new { name = "Late", date = "2026-10-01" }, read.Headers.ETag.Tag), HttpStatusCode.PreconditionFailed);
        await RoadmapApiFixture.ShouldBeProblemAsync(
            await api.Ada.SendJsonAsync(HttpMethod.Delete, $"/api/v1/plans/{planId}/milestones/{id}", null), (HttpStatusCode)428);
        await RoadmapApiFixture.ShouldBeProblemAsync(
            await api.Ada.SendJsonAsync(HttpMethod.Delete, $"/api/v1/plans/{planId}/milestones/{id}", null, read.Headers.ETag.Tag), HttpStatusCode.PreconditionFailed);
        (await api.Ada.SendJsonAsync(HttpMethod.Delete, $"/api/v1/plans/{planId}/milestones/{id}", null, updated.Headers.ETag!.Tag)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await api.Ada.GetAsync($"/api/v1/plans/{planId}/milestones/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AMilestoneWithoutDate_IsAValidationProblem()
    {
        var response = await api.Ada.PostAsJsonAsync($"/api/v1/plans/{api.DemoPlanId}/milestones", new { name = "Someday" }, ApiTestHost.Json);

        await RoadmapApiFixture.ShouldBeValidationProblemAsync(response, "date");
    }

    [Fact]
    public async Task AViewerAReadOnlyTokenAndAnOutsider_CannotAddMilestones()
    {
        var url = $"/api/v1/plans/{api.DemoPlanId}/milestones";
        var body = new { name = "Launch", date = "2026-12-01" };
        (await api.Viewer.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.Viewer.PostAsJsonAsync(url, body, ApiTestHost.Json), HttpStatusCode.Forbidden);
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.AdaReadOnly.PostAsJsonAsync(url, body, ApiTestHost.Json), HttpStatusCode.Forbidden);
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.Outsider.GetAsync(url), HttpStatusCode.NotFound);
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.Outsider.PostAsJsonAsync(url, body, ApiTestHost.Json), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AMilestoneAddedThroughTheApi_IsInThePlansHistoryWithTheTokensName()
    {
        var planId = await api.NewPlanAsync();

        await api.CreateAsync($"/api/v1/plans/{planId}/milestones", new { name = "Go/no-go", date = "2026-10-01", kind = "GoNoGo" });

        (await api.TokenHistoryAsync(planId)).ShouldContain("Go/no-go");
    }
}
