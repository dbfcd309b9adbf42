using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Plans;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Http;

/// <summary>What a browser gets from the server on a first request: status codes and the friendly pages,
/// with the app in the Production environment.</summary>
public sealed class SiteHttpTests(PlannerWebApplicationFactory factory) : IClassFixture<PlannerWebApplicationFactory>
{
    private const string NotFoundText = "We could not find that page";
    private const string ErrorText = "Something went wrong";


    [Fact]
    public async Task Home_Get_ListsPlans()
    {
        var response = await (await factory.SignedInAsync()).Http.GetAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Plans");
        html.ShouldContain(DemoPlanSeeder.DemoPlanName);
    }

    [Fact]
    public async Task PlanOverview_DemoPlan_ShowsPlanName()
    {
        var demoId = await factory.DemoPlanIdAsync();

        var response = await (await factory.SignedInAsync()).Http.GetAsync(new Uri($"/plans/{demoId}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain(DemoPlanSeeder.DemoPlanName);
    }

    [Fact]
    public async Task PlanOverview_UnknownPlan_Answers404WithFriendlyPage()
    {
        var response = await (await factory.SignedInAsync()).Http.GetAsync(new Uri("/plans/999999", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain(NotFoundText);
    }

    [Fact]
    public async Task UnknownUrl_Get_Answers404WithFriendlyPage()
    {
        var response = await (await factory.SignedInAsync()).Http.GetAsync(new Uri("/no/such/page", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(NotFoundText);
        html.ShouldContain("Go to your plans");
    }

    [Fact]
    public async Task Healthz_Get_AnswersHealthyWithoutSignIn()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"status\":\"Healthy\"");
    }

    [Fact]
    public async Task ErrorPage_Get_ShowsFriendlyTextWithoutTechnicalDetail()
    {
        var response = await (await factory.SignedInAsync()).Http.GetAsync(new Uri("/error", UriKind.Relative));

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(ErrorText);
        html.ShouldContain("Go to your plans");
        html.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task Home_WhenDatabaseIsBroken_ShowsFriendlyErrorWithoutStackTrace()
    {
        await using var broken = new PlannerWebApplicationFactory { SeedDemoPlan = false };
        var client = (await broken.SignedInAsync()).Http;
        await broken.QueryAsync(async (IDbContextFactory<PlannerDbContext> contexts) =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await db.Database.ExecuteSqlRawAsync("DROP TABLE Plans;");
        });

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(ErrorText);
        html.ShouldNotContain("Exception");
        html.ShouldNotContain(nameof(SqliteException));
        html.ShouldNotContain("no such table");
        html.ShouldNotContain(" at MvpPlanner");
    }
}
