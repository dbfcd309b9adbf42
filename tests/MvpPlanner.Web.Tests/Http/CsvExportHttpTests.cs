using System.Net;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Data;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Http;

/// <summary>The CSV downloads at their stable URLs: any member gets a spreadsheet-ready file, nobody else learns the plan exists.</summary>
public sealed class CsvExportHttpTests(PlannerWebApplicationFactory factory) : IClassFixture<PlannerWebApplicationFactory>
{
    public static TheoryData<string> Files => new() { "features.csv", "personas.csv", "problems.csv" };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task CsvDownload_Owner_GetsUtf8WithBomAsAnAttachment(string file)
    {
        var planId = await factory.DemoPlanIdAsync();
        var client = await factory.SignedInAsync();

        var response = await client.Http.GetAsync(new Uri($"/plans/{planId}/export/{file}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldEndWith(file.Replace(".csv", "", StringComparison.Ordinal) + ".csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        bytes.Length.ShouldBeGreaterThan(100);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task CsvDownload_Viewer_GetsTheFile(string file)
    {
        var planId = await factory.DemoPlanIdAsync();
        var viewer = await RegisterAsync("viewer-" + file + "@example.com", WorkspaceRole.Viewer, planId);

        var response = await viewer.Http.GetAsync(new Uri($"/plans/{planId}/export/{file}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task CsvDownload_Outsider_Gets404(string file)
    {
        var planId = await factory.DemoPlanIdAsync();
        var outsider = await RegisterAsync("outsider-" + file + "@example.com", role: null, planId);

        var response = await outsider.Http.GetAsync(new Uri($"/plans/{planId}/export/{file}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Tool");
    }

    /// <summary>A new account (with a workspace of its own), made a member of the demo plan's workspace when a role is given.</summary>
    private async Task<BrowserLikeClient> RegisterAsync(string email, WorkspaceRole? role, int planId)
    {
        await factory.SignedInAsync(); // the first account (and the demo plan) exist before anyone else registers
        var client = BrowserLikeClient.Create(factory);
        (await client.RegisterAsync("Someone", email)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        if (role is { } granted)
        {
            await factory.QueryAsync(async (IDbContextFactory<PlannerDbContext> contexts) =>
            {
                await using var db = await contexts.CreateDbContextAsync();
                var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
                var workspaceId = await db.Plans.Where(p => p.Id == planId).Select(p => p.WorkspaceId).SingleAsync();
                await TestAccounts.AddMemberAsync(contexts, workspaceId, new Caller(userId, "Someone"), granted);
                return 0;
            });
        }

        return client;
    }
}
