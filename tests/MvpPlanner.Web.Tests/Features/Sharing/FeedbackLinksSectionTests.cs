using Bunit;
using MudBlazor;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Sharing;
using MvpPlanner.Web.Features.Sharing;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Sharing;

public class FeedbackLinksSectionTests : PlannerTestContext
{
    [Fact]
    public async Task SharingPage_CreateFeedbackLink_ShowsTheUrlOnceAndCountsFeedbackAsItArrives()
    {
        var planId = await CreatePlanAsync();
        var dialogs = RenderDialogProvider();
        var page = RenderPage(planId);
        page.WaitForAssertion(() => page.Find("[data-testid=feedback-links-empty]"));

        page.Find("button[data-testid=new-feedback-link]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("input[data-testid=feedback-link-label]"));
        dialogs.Find("input[data-testid=feedback-link-label]").Input("Customer office hours");
        dialogs.Find("[data-testid=form-submit]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=feedback-links-section] input[data-testid=share-link-url]"));
        var url = page.Find("[data-testid=feedback-links-section] input[data-testid=share-link-url]").GetAttribute("value")!;
        url.ShouldStartWith("http://localhost/f/");
        page.Find("[data-testid=feedback-links-section] [data-testid=share-link-created]").TextContent.ShouldContain("Link for Customer office hours created");
        var row = page.Find("[data-testid=feedback-link-row]");
        row.TextContent.ShouldContain("Customer office hours");
        row.TextContent.ShouldContain("Never");
        page.Find("[data-testid=feedback-link-count]").TextContent.ShouldBe("0");

        // Someone sends feedback through the form: the open page counts it without a reload.
        var sent = await Get<FeedbackLinkService>().SubmitAsync(url["http://localhost/f/".Length..], new FeedbackFormInput { Text = "More opening hours" }, "203.0.113.9");
        sent.Status.ShouldBe(ResultStatus.Ok);
        page.WaitForAssertion(() => page.Find("[data-testid=feedback-link-count]").TextContent.ShouldBe("1"), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task SharingPage_RevokeFeedbackLink_AsksNamingTheLabelThenShowsRevoked()
    {
        var planId = await CreatePlanAsync();
        (await Get<FeedbackLinkService>().CreateAsync(planId, new FeedbackLinkInput { Label = "Newsletter" })).Status.ShouldBe(ResultStatus.Ok);
        var dialogs = RenderDialogProvider();
        var page = RenderPage(planId);
        page.WaitForAssertion(() => page.Find("button[data-testid=revoke-feedback-link]"));

        page.Find("button[data-testid=revoke-feedback-link]").Click();
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("The form for \"Newsletter\" will stop taking feedback"));
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Revoke").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=feedback-link-state]").TextContent.ShouldBe("Revoked"));
        (await Get<FeedbackLinkService>().ListAsync(planId)).Single().State.ShouldBe(ShareLinkState.Revoked);
    }

    [Fact]
    public async Task SharingPage_Viewer_SeesFeedbackLinksButNoCreateOrRevoke()
    {
        var planId = await CreatePlanAsync();
        (await Get<FeedbackLinkService>().CreateAsync(planId, new FeedbackLinkInput { Label = "Newsletter" })).Status.ShouldBe(ResultStatus.Ok);
        await ActAsMemberAsync("Vic Viewer", WorkspaceRole.Viewer);

        var page = RenderPage(planId);

        page.WaitForAssertion(() => page.Find("[data-testid=feedback-link-row]"));
        page.FindAll("[data-testid=new-feedback-link]").ShouldBeEmpty();
        page.FindAll("[data-testid=revoke-feedback-link]").ShouldBeEmpty();
    }

    private IRenderedComponent<SharingPage> RenderPage(int planId) => Render<SharingPage>(p => p.Add(x => x.PlanId, planId));

    private IRenderedComponent<MudDialogProvider> RenderDialogProvider()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Render<MudDialogProvider>();
    }
}
