using Bunit;
using MudBlazor;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Sharing;
using MvpPlanner.Web.Features.Sharing;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Sharing;

public class SharingPageTests : PlannerTestContext
{
    [Fact]
    public async Task SharingPage_CreateLink_ShowsTheFullUrlOnceAndListsTheLink()
    {
        var planId = await CreatePlanAsync();
        var dialogs = RenderDialogProvider();
        var page = RenderPage(planId);
        page.WaitForAssertion(() => page.Find("[data-testid=share-links-empty]"));

        page.Find("button[data-testid=new-share-link]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("input[data-testid=share-label]"));
        dialogs.Find("input[data-testid=share-label]").Input("Investors");
        dialogs.Find("input[data-testid=share-scope-features]").Change(true);
        dialogs.Find("[data-testid=form-submit]").Click();

        page.WaitForAssertion(() => page.Find("input[data-testid=share-link-url]"));
        var url = page.Find("input[data-testid=share-link-url]").GetAttribute("value")!;
        url.ShouldStartWith("http://localhost/s/");
        page.Find("[data-testid=share-link-created]").TextContent.ShouldContain("will not be shown again");
        var row = page.Find("[data-testid=share-link-row]");
        row.TextContent.ShouldContain("Investors");
        row.TextContent.ShouldContain("Roadmap");
        row.TextContent.ShouldContain("Features with priorities");
        row.TextContent.ShouldContain("Active");
        var link = (await Get<ShareLinkService>().ListAsync(planId)).ShouldHaveSingleItem();
        link.Scope.ShouldBe(ShareScope.Roadmap | ShareScope.Features);

        // Rendered again (a reload), the page no longer has the token anywhere.
        var reloaded = RenderPage(planId);
        reloaded.WaitForAssertion(() => reloaded.Find("[data-testid=share-link-row]"));
        reloaded.FindAll("[data-testid=share-link-url]").ShouldBeEmpty();
        reloaded.Markup.ShouldNotContain(url["http://localhost/s/".Length..]);
    }

    [Fact]
    public async Task SharingPage_CreateWithNowNextLaterAndOutcomes_StoresThoseScopesAndListsThem()
    {
        var planId = await CreatePlanAsync();
        var dialogs = RenderDialogProvider();
        var page = RenderPage(planId);
        page.WaitForAssertion(() => page.Find("[data-testid=share-links-empty]"));

        page.Find("button[data-testid=new-share-link]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("input[data-testid=share-label]"));
        dialogs.Find("input[data-testid=share-label]").Input("Board");
        dialogs.Find("input[data-testid=share-scope-roadmap]").Change(false);
        dialogs.Find("input[data-testid=share-scope-now-next-later]").Change(true);
        dialogs.Find("input[data-testid=share-scope-outcomes]").Change(true);
        dialogs.Find("[data-testid=form-submit]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=share-link-row]"));
        var row = page.Find("[data-testid=share-link-row]");
        row.TextContent.ShouldContain("Now / Next / Later");
        row.TextContent.ShouldContain("Target outcomes");
        var link = (await Get<ShareLinkService>().ListAsync(planId)).ShouldHaveSingleItem();
        link.Scope.ShouldBe(ShareScope.NowNextLater | ShareScope.Outcomes);
    }

    [Fact]
    public async Task SharingPage_CreateWithoutLabelOrScope_KeepsTheDialogOpenWithReasons()
    {
        var planId = await CreatePlanAsync();
        var dialogs = RenderDialogProvider();
        var page = RenderPage(planId);
        page.WaitForAssertion(() => page.Find("button[data-testid=new-share-link]"));

        page.Find("button[data-testid=new-share-link]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("input[data-testid=share-label]"));
        dialogs.Find("input[data-testid=share-scope-roadmap]").Change(false);
        dialogs.Find("input[data-testid=share-label]").Input("Board");
        dialogs.Find("[data-testid=form-submit]").Click();

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=share-scope-error]").TextContent.ShouldContain("at least one part"));
        (await Get<ShareLinkService>().ListAsync(planId)).ShouldBeEmpty();
        page.FindAll("[data-testid=share-link-url]").ShouldBeEmpty();
    }

    [Fact]
    public async Task SharingPage_Revoke_AsksNamingTheLabelThenShowsRevoked()
    {
        var planId = await CreatePlanAsync();
        (await Get<ShareLinkService>().CreateAsync(planId, new ShareLinkInput { Label = "Investors" })).Status.ShouldBe(ResultStatus.Ok);
        var dialogs = RenderDialogProvider();
        var page = RenderPage(planId);
        page.WaitForAssertion(() => page.Find("button[data-testid=revoke-share-link]"));

        page.Find("button[data-testid=revoke-share-link]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog").TextContent.ShouldContain("\"Investors\""));
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Revoke").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=share-link-state]").TextContent.ShouldBe("Revoked"));
        page.FindAll("[data-testid=revoke-share-link]").ShouldBeEmpty();
        (await Get<ShareLinkService>().ListAsync(planId)).Single().State.ShouldBe(ShareLinkState.Revoked);
    }

    [Fact]
    public async Task SharingPage_Viewer_SeesTheLinksButNoCreateOrRevoke()
    {
        var planId = await CreatePlanAsync();
        (await Get<ShareLinkService>().CreateAsync(planId, new ShareLinkInput { Label = "Investors" })).Status.ShouldBe(ResultStatus.Ok);
        await ActAsMemberAsync("Vic Viewer", WorkspaceRole.Viewer);

        var page = RenderPage(planId);

        page.WaitForAssertion(() => page.Find("[data-testid=share-link-row]").TextContent.ShouldContain("Investors"));
        page.FindAll("[data-testid=new-share-link], [data-testid=revoke-share-link]").ShouldBeEmpty();
    }

    private IRenderedComponent<SharingPage> RenderPage(int planId) => Render<SharingPage>(p => p.Add(x => x.PlanId, planId));

    private IRenderedComponent<MudDialogProvider> RenderDialogProvider()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Render<MudDialogProvider>();
    }
}
