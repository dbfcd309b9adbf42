using System.Net;
using MvpPlanner.Core.Plans;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Http;

/// <summary>The Tools & KPIs and Readiness pages answer on first load with the demo plan's operation, and 404 for an unknown plan.</summary>
public sealed class OperationsPagesHttpTests(PlannerWebApplicationFactory factory) : IClassFixture<PlannerWebApplicationFactory>
{
    [Fact]
    public async Task ToolsKpisPage_DemoPlan_ShowsToolsTotalAndKpis()
    {
        var html = await GetSectionAsync("tools-kpis");

        html.ShouldContain("Shared inbox");
        html.ShouldContain("Loans spreadsheet");
        html.ShouldContain("Support response time");
        html.ShouldContain("data-testid=\"tools-total-cost\"");
    }

    [Fact]
    public async Task ReadinessPage_DemoPlan_ShowsScoreFindingsAndTheMvpBesideMvoTable()
    {
        var html = await GetSectionAsync("readiness");

        html.ShouldContain("data-testid=\"readiness-score\"");
        html.ShouldContain("data-testid=\"mvp-mvo-summary\"");
        html.ShouldContain("Is this business deliverable?");
    }

    [Theory]
    [InlineData("tools-kpis")]
    [InlineData("readiness")]
    public async Task OperationsSection_UnknownPlan_Answers404WithFriendlyPage(string section)
    {
        var response = await (await factory.SignedInAsync()).Http.GetAsync(new Uri($"/plans/999999/{section}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("We could not find that page");
    }

    private async Task<string> GetSectionAsync(string section)
    {
        var demoId = await factory.DemoPlanIdAsync();
        var response = await (await factory.SignedInAsync()).Http.GetAsync(new Uri($"/plans/{demoId}/{section}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(DemoPlanSeeder.DemoPlanName);
        return html;
    }
}
