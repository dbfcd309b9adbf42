using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MvpPlanner.Core.Plans;
using MvpPlanner.EndToEnd.Infrastructure;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.ScaleOut;

/// <summary>Two app instances on one PostgreSQL database and one Redis, each on its own port, as behind a proxy with
/// sticky sessions: Ada's browser talks to instance A, Bea's to instance B.</summary>
public sealed class TwoInstancesEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser), IAsyncLifetime
{
    private string? _database;

    [Fact]
    public async Task PersonaAddedInABrowserOnInstanceA_AppearsLiveOnInstanceB_AndPresenceListsBothOnBoth()
    {
        var (a, b, planId, participant) = await StartPairAsync();
        await Page.GotoInteractiveAsync(a.Url($"/plans/{planId}/personas"));
        await participant.GotoInteractiveAsync(b.Url($"/plans/{planId}/personas"));

        await Expect(Page.ByTestId("presence-person")).ToHaveCountAsync(2);
        await Expect(participant.ByTestId("presence-person")).ToHaveCountAsync(2);
        await Expect(participant.Locator("[data-testid=presence-person][data-name='Ada Lovelace']")).ToBeVisibleAsync();

        await Page.ByTestId("add-persona").First.ClickAsync();
        await Page.ByTestId("persona-name").FillAsync("Night-shift nurse");
        await Page.ByTestId("form-submit").ClickAsync();

        await Expect(participant.ByTestId("persona-card").Filter(new() { HasText = "Night-shift nurse" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TimerStartedAndPausedOnInstanceA_IsSeenOnInstanceB()
    {
        var (a, b, planId, participant) = await StartPairAsync();
        await Page.GotoInteractiveAsync(a.Url($"/plans/{planId}/workshop"));
        await participant.GotoInteractiveAsync(b.Url($"/plans/{planId}/workshop"));
        await Expect(participant.ByTestId("timer-remaining")).ToHaveTextAsync("--:--");

        await Page.ByTestId("timer-minutes").FillAsync("5");
        await Page.ByTestId("timer-start").ClickAsync();

        await Expect(participant.ByTestId("timer-remaining")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*0[45]:\d\d\s*$"));
        await Page.ByTestId("timer-pause").ClickAsync();
        await Expect(participant.ByTestId("workshop-timer")).ToContainTextAsync("Paused");
    }

    [Fact]
    public async Task SignInOnInstanceA_IsAcceptedByInstanceB()
    {
        var (_, b, planId, _) = await StartPairAsync();

        // Ada signed in on A only; her browser sends the same cookie to B (cookies ignore the port).
        var response = await Page.GotoInteractiveAsync(b.Url($"/plans/{planId}/personas"));

        response!.Url.ShouldContain($"/plans/{planId}/personas");
        await Expect(Page.ByTestId("add-persona").First).ToBeVisibleAsync();
    }

    /// <summary>Ada registers on A (first account: the demo plan) and invites Bea, who joins on B from the same link.</summary>
    private async Task<(PlannerAppServer A, PlannerAppServer B, int PlanId, IPage Participant)> StartPairAsync()
    {
        var server = Environment.GetEnvironmentVariable("MVPPLANNER_TEST_POSTGRES") is { Length: > 0 } s
            ? s
            : throw new InvalidOperationException("MVPPLANNER_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL and Redis.");
        var redis = Environment.GetEnvironmentVariable("MVPPLANNER_TEST_REDIS") is { Length: > 0 } r
            ? r
            : throw new InvalidOperationException("MVPPLANNER_TEST_REDIS is not set: run the tests with ./test.sh, which starts PostgreSQL and Redis.");

        _database = "mvp_e2e_" + Guid.NewGuid().ToString("N");
        await ExecuteOnServerAsync(server, $"""CREATE DATABASE "{_database}" """);
        var settings = new Dictionary<string, string>
        {
            ["Planner:DatabaseProvider"] = "PostgreSql",
            ["ConnectionStrings:Planner"] = new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString,
            ["ConnectionStrings:Redis"] = $"{redis},channelPrefix=e2e-{Guid.NewGuid():N}:",
        };
        var a = StartApp(seedDemoPlan: true, settings);
        var b = StartApp(seedDemoPlan: true, settings);

        await Page.RegisterAsync(a, "Ada Lovelace");
        var plan = await a.QueryDbAsync(db => db.Plans.Where(p => p.Name == DemoPlanSeeder.DemoPlanName).Select(p => new { p.Id, p.WorkspaceId }).SingleAsync());
        var invitation = await Page.CreateInvitationAsync(a, plan.WorkspaceId, "Editor");
        invitation.ShouldStartWith(a.BaseAddress.ToString().TrimEnd('/'));

        var participant = await (await NewContextAsync()).NewPageAsync();
        await participant.JoinWithInvitationAsync(b.Url(new Uri(invitation).PathAndQuery), "Bea Participant");
        return (a, b, plan.Id, participant);
    }

    private static async Task ExecuteOnServerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync(Environment.GetEnvironmentVariable("MVPPLANNER_TEST_POSTGRES")!, $"""DROP DATABASE IF EXISTS "{_database}" WITH (FORCE)""");
        }
    }
}
