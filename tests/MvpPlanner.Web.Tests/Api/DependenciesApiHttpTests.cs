using System.Net;
using System.Net.Http.Json;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Api;

/// <summary>Dependencies between features through the API.</summary>
public sealed class DependenciesApiHttpTests(RoadmapApiFixture api) : IClassFixture<RoadmapApiFixture>
{
    [Fact]
    public async Task ADependency_IsAddedListedPerPlanAndPerFeatureAndRemoved()
    {
        var planId = await api.NewPlanAsync();
        var (payments, _) = await api.CreateAsync($"/api/v1/plans/{planId}/features", new { title = "Payments" });
        var (checkout, _) = await api.CreateAsync($"/api/v1/plans/{planId}/features", new { title = "Checkout" });

        var added = await api.Ada.PostAsJsonAsync($"/api/v1/plans/{planId}/features/{checkout}/dependencies", new { dependsOnId = payments }, ApiTestHost.Json);

        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        added.Headers.Location!.ToString().ShouldBe($"/api/v1/plans/{planId}/features/{checkout}/dependencies/{payments}");
        (await added.JsonAsync()).GetProperty("dependsOnTitle").GetString().ShouldBe("Payments");
        (await api.Ada.GetAsync(added.Headers.Location.ToString())).StatusCode.ShouldBe(HttpStatusCode.OK);
        var all = await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/dependencies")).JsonAsync();
        all.EnumerateArray().Select(d => (d.GetProperty("featureId").GetInt32(), d.GetProperty("dependsOnId").GetInt32())).ShouldBe([(checkout, payments)]);
        var ofPayments = await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/features/{payments}/dependencies")).JsonAsync();
        ofPayments.GetProperty("neededBy")[0].GetProperty("title").GetString().ShouldBe("Checkout");
        ofPayments.GetProperty("candidates").GetArrayLength().ShouldBe(0); // depending on Checkout would make a loop

        (await api.Ada.DeleteAsync(added.Headers.Location.ToString())).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.Ada.DeleteAsync(added.Headers.Location.ToString()), HttpStatusCode.NotFound);
        (await (await api.Ada.GetAsync($"/api/v1/plans/{planId}/dependencies")).JsonAsync()).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task ADependencyThatWouldMakeALoop_IsAValidationProblemNamingIt()
    {
        var planId = await api.NewPlanAsync();
        var (a, _) = await api.CreateAsync($"/api/v1/plans/{planId}/features", new { title = "Accounts" });
        var (b, _) = await api.CreateAsync($"/api/v1/plans/{planId}/features", new { title = "Billing" });
        (await api.Ada.PostAsJsonAsync($"/api/v1/plans/{planId}/features/{a}/dependencies", new { dependsOnId = b }, ApiTestHost.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var loop = await api.Ada.PostAsJsonAsync($"/api/v1/plans/{planId}/features/{b}/dependencies", new { dependsOnId = a }, ApiTestHost.Json);

        await RoadmapApiFixture.ShouldBeValidationProblemAsync(loop, "dependsOnId");
        (await loop.Content.ReadAsStringAsync()).ShouldContain("loop");
    }

    [Fact]
    public async Task AViewerAReadOnlyTokenAndAnOutsider_CannotAddDependencies()
    {
        var page = await (await api.Ada.GetAsync($"/api/v1/plans/{api.DemoPlanId}/features?pageSize=2&sort=title")).JsonAsync();
        var first = page.GetProperty("items")[0].GetProperty("id").GetInt32();
        var second = page.GetProperty("items")[1].GetProperty("id").GetInt32();
        var url = $"/api/v1/plans/{api.DemoPlanId}/features/{first}/dependencies";

        (await api.Viewer.GetAsync($"/api/v1/plans/{api.DemoPlanId}/dependencies")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.Viewer.PostAsJsonAsync(url, new { dependsOnId = second }, ApiTestHost.Json), HttpStatusCode.Forbidden);
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.AdaReadOnly.PostAsJsonAsync(url, new { dependsOnId = second }, ApiTestHost.Json), HttpStatusCode.Forbidden);
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.Outsider.GetAsync($"/api/v1/plans/{api.DemoPlanId}/dependencies"), HttpStatusCode.NotFound);
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.Outsider.GetAsync(url), HttpStatusCode.NotFound);
        await RoadmapApiFixture.ShouldBeProblemAsync(await api.Outsider.PostAsJsonAsync(url, new { dependsOnId = second }, ApiTestHost.Json), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ADependencyAddedThroughTheApi_IsInThePlansHistoryWithTheTokensName()
    {
        var planId = await api.NewPlanAsync();
        var (a, _) = await api.CreateAsync($"/api/v1/plans/{planId}/features", new { title = "Search" });
        var (b, _) = await api.CreateAsync($"/api/v1/plans/{planId}/features", new { title = "Index" });
        var before = (await api.TokenHistoryAsync(planId)).Count;

        (await api.Ada.PostAsJsonAsync($"/api/v1/plans/{planId}/features/{a}/dependencies", new { dependsOnId = b }, ApiTestHost.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await api.TokenHistoryAsync(planId)).Count.ShouldBeGreaterThan(before);
    }
}
