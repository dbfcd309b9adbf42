using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MvpPlanner.Core.Accounts;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.Accounts;

/// <summary>Issue 3's walk: an owner makes a team workspace with a plan, invites a second person as Viewer, and that
/// person sees the plan but nothing that would change it.</summary>
public sealed partial class InvitedViewerEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task InvitedViewer_OpensTheTeamPlan_SeesItWithoutEditingControls()
    {
        var app = StartApp();
        await Page.RegisterAsync(app, "Olivia Owner");

        await Page.GetByRole(AriaRole.Button, new() { Name = "New workspace" }).ClickAsync();
        await Page.ByTestId("workspace-name").FillAsync("Bike repair team");
        await Page.ByTestId("form-submit").ClickAsync();
        var team = Page.ByTestId("workspace-section").Filter(new() { HasText = "Bike repair team" });
        await team.GetByRole(AriaRole.Button, new() { Name = "Create a plan" }).ClickAsync();
        await Page.ByTestId("plan-name").FillAsync("Repair café launch");
        await Page.ByTestId("form-submit").ClickAsync();
        await Page.WaitForURLAsync(PlanUrl());
        var planUrl = Page.Url;

        var workspaceId = await app.QueryDbAsync(db => db.Workspaces.Where(w => w.Name == "Bike repair team").Select(w => w.Id).SingleAsync());
        var invitation = await Page.CreateInvitationAsync(app, workspaceId, nameof(WorkspaceRole.Viewer));

        var viewerContext = await NewContextAsync();
        var viewer = await viewerContext.NewPageAsync();
        await viewer.JoinWithInvitationAsync(invitation, "Vic Viewer");
        viewer.Url.ShouldBe(app.Url("/"));

        await Expect(viewer.GetByText("Repair café launch")).ToBeVisibleAsync();
        await viewer.GotoInteractiveAsync(planUrl);
        await Expect(viewer.ByTestId("read-only")).ToBeVisibleAsync();
        await viewer.GotoInteractiveAsync($"{planUrl}/features");
        await Expect(viewer.Locator("h1")).ToBeVisibleAsync();
        await Expect(viewer.ByTestId("new-feature")).ToHaveCountAsync(0);
        await Expect(viewer.ByTestId("new-feature-empty")).ToHaveCountAsync(0);
        await viewer.GotoInteractiveAsync($"{planUrl}/personas");
        await Expect(viewer.Locator("h1")).ToBeVisibleAsync();
        await Expect(viewer.ByTestId("add-persona")).ToHaveCountAsync(0);

        var role = await app.QueryDbAsync(db => db.WorkspaceMembers
            .Where(m => m.WorkspaceId == workspaceId && m.User!.DisplayName == "Vic Viewer").Select(m => m.Role).SingleAsync());
        role.ShouldBe(WorkspaceRole.Viewer);
    }

    [GeneratedRegex(@"/plans/\d+$")]
    private static partial Regex PlanUrl();
}
