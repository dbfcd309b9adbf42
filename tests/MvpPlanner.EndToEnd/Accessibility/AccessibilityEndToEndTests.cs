using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MvpPlanner.Core.Plans;
using MvpPlanner.EndToEnd.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.Accessibility;

/// <summary>axe-core on every page of the app, signed out and signed in, with a plan that has content, a running
/// vote round and a share link. Any finding fails the test, whatever its impact (minor, moderate, serious or critical);
/// every finding is reported.</summary>
public sealed class AccessibilityEndToEndTests(BrowserFixture browser, ITestOutputHelper output) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task EveryPage_WithContent_HasNoAxeViolations()
    {
        var app = StartApp(seedDemoPlan: true);
        var findings = new List<Finding>();

        foreach (var path in SitePages.SignedOutPages)
        {
            await Page.GotoAsync(app.Url(path));
            findings.AddRange(await CheckAsync(Page, path));
        }

        await Page.RegisterAsync(app, "Ada Lovelace");
        var planId = await app.QueryDbAsync(db => db.Plans.Where(p => p.Name == DemoPlanSeeder.DemoPlanName).Select(p => p.Id).SingleAsync());
        var workspaceId = await app.QueryDbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.WorkspaceId).SingleAsync());
        var sharedUrl = await CreateShareLinkAsync(app, planId);
        await StartVoteRoundAsync(app, planId);
        await DateThePhasesAsync(app, planId);

        await Page.GotoAsync(app.Url(SitePages.PasswordPage));
        findings.AddRange(await CheckAsync(Page, SitePages.PasswordPage));

        var pages = new List<string>(SitePages.SignedInPages(workspaceId, planId));
        pages.AddRange(SitePages.PlanPages.Select(p => $"/plans/{planId}{p}"));
        foreach (var path in pages)
        {
            await Page.GotoInteractiveAsync(app.Url(path));
            findings.AddRange(await CheckAsync(Page, path));
        }

        // The feature dialog, opened from the backlog.
        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/features"));
        await Page.ByTestId("edit-feature").First.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Dialog).Locator("[data-testid='dependency-picker']")).ToBeVisibleAsync(); // loads after the form
        findings.AddRange(await CheckAsync(Page, "feature dialog"));

        // The stakeholder's page: static HTML, read without signing in.
        var reader = await (await NewContextAsync()).NewPageAsync();
        await reader.GotoAsync(sharedUrl);
        findings.AddRange(await CheckAsync(reader, "/s/{token}"));

        foreach (var finding in findings)
        {
            output.WriteLine(finding.ToString());
        }

        findings.ShouldBeEmpty(Report(findings));
    }

    private async Task<string> CreateShareLinkAsync(PlannerAppServer app, int planId)
    {
        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/sharing"));
        await Page.ByTestId("new-share-link").ClickAsync();
        await Page.ByTestId("share-label").FillAsync("Everyone");
        foreach (var scope in await Page.Locator("[data-testid^='share-scope-']").AllAsync())
        {
            await scope.CheckAsync();
        }

        await Page.ByTestId("form-submit").ClickAsync();
        return await Page.ByTestId("share-link-url").InputValueAsync();
    }

    private async Task StartVoteRoundAsync(PlannerAppServer app, int planId)
    {
        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/workshop"));
        await Page.ByTestId("start-workshop").ClickAsync();
        await Page.ByTestId("open-vote").ClickAsync();
        await Page.ByTestId("vote-title").FillAsync("What goes into the MVP?");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Select all" }).ClickAsync();
        await Page.ByTestId("vote-dots").FillAsync("3");
        await Page.ByTestId("form-submit").ClickAsync();
        await Expect(Page.ByTestId("vote-round")).ToBeVisibleAsync();
        await Page.ByTestId("place-dot").First.ClickAsync();
    }

    /// <summary>The demo plan has no dates; the timeline's chart (bars, milestones, arrows) needs some to be checked.</summary>
    private static Task<int> DateThePhasesAsync(PlannerAppServer app, int planId) =>
        app.QueryDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var phases = await db.RoadmapPhases.Where(p => p.PlanId == planId).OrderBy(p => p.Order).ToListAsync();
            for (var i = 0; i < phases.Count; i++)
            {
                (phases[i].StartDate, phases[i].EndDate) = (today.AddMonths(2 * i - 1), today.AddMonths(2 * i + 1).AddDays(-1));
            }

            db.Milestones.Add(new MvpPlanner.Core.Roadmap.Milestone { PlanId = planId, Name = "Pilot starts", Date = today.AddMonths(1), Kind = MvpPlanner.Core.Roadmap.MilestoneKind.PilotStart });
            return await db.SaveChangesAsync();
        });

    private static async Task<IEnumerable<Finding>> CheckAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var result = await page.RunAxe();
        return result.Violations.Select(v => new Finding(
            name, v.Id, v.Impact ?? "none", v.Help, v.Nodes.Select(n => n.Target?.ToString() ?? "?").ToList()));
    }

    private static string Report(IReadOnlyList<Finding> findings)
    {
        var text = new StringBuilder().AppendLine($"{findings.Count} axe violations:");
        foreach (var finding in findings)
        {
            text.AppendLine(finding.ToString());
        }

        return text.ToString();
    }

    private sealed record Finding(string Page, string Rule, string Impact, string Help, IReadOnlyList<string> Targets)
    {
        public override string ToString() =>
            $"{Page}: {Rule} ({Impact}) {Help} — {Targets.Count} element(s): {string.Join(" | ", Targets.Take(8))}";
    }
}
