using System.Net;
using MvpPlanner.Core.Plans;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Http;

/// <summary>The plan section pages answer on first load with the demo plan's content, and 404 for a plan
/// that does not exist.</summary>
public sealed class PlanSectionPagesTests(PlannerWebApplicationFactory factory) : IClassFixture<PlannerWebApplicationFactory>
{
    [Fact]
    public async Task PersonasPage_DemoPlan_ShowsPersonasAndProblems()
    {
        var html = await GetSectionAsync("personas");

        html.ShouldContain("Lena the lender");
        html.ShouldContain("Bo the borrower");
        html.ShouldContain("Lenders lose track of who has their tools.");
    }

    [Fact]
    public async Task FeaturesPage_DemoPlan_ShowsFeatures()
    {
        var html = await GetSectionAsync("features");

        html.ShouldContain("Tool catalogue with search");
        html.ShouldContain("Ratings after each loan");
    }

    [Fact]
    public async Task RoadmapPage_DemoPlan_ShowsPhasesAndPlacedFeatures()
    {
        var html = await GetSectionAsync("roadmap");

        html.ShouldContain("Pilot");
        html.ShouldContain("Roll-out");
        html.ShouldContain("Tool catalogue with search");
    }

    [Fact]
    public async Task OperationsPage_DemoPlan_ShowsTheBlueprintWithProcessesOwnersAndCommitments()
    {
        var html = await GetSectionAsync("operations");

        html.ShouldContain("Service blueprint");
        html.ShouldContain("Welcome a new lender");
        html.ShouldContain("Customer Support Lead (Ana)");
        html.ShouldContain("We answer every message within 24 hours.");
    }

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

    [Fact]
    public async Task TrashPage_DemoPlan_SaysTheTrashIsEmptyInsideTheMainLandmark()
    {
        var html = await GetSectionAsync("trash");

        html.ShouldContain("<main>");
        html.ShouldContain("The trash is empty");
    }

    [Theory]
    [InlineData("outcomes")]
    [InlineData("operations")]
    [InlineData("tools-kpis")]
    [InlineData("readiness")]
    [InlineData("personas")]
    [InlineData("features")]
    [InlineData("roadmap")]
    [InlineData("workshop")]
    [InlineData("sharing")]
    [InlineData("activity")]
    [InlineData("trash")]
    [InlineData("feedback")]
    public async Task SectionPage_UnknownPlan_Answers404WithFriendlyPage(string section)
    {
        var response = await (await factory.SignedInAsync()).Http.GetAsync(new Uri($"/plans/999999/{section}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("We could not find that page");
    }

    /// <summary>Fetches a section of the demo plan, checks it answered 200 under the plan's name, returns the HTML.</summary>
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
