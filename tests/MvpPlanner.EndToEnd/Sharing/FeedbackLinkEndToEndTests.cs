using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MvpPlanner.Core.Feedback;
using MvpPlanner.Core.Plans;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.Sharing;

public sealed class FeedbackLinkEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task FeedbackLink_VisitorOnAPhoneSendsFeedback_TheTeamSeesItCountedAtOnce()
    {
        var app = StartApp(seedDemoPlan: true);
        await Page.RegisterAsync(app, "Ada Admin");
        var planId = await app.QueryDbAsync(db => db.Plans.Where(p => p.Name == DemoPlanSeeder.DemoPlanName).Select(p => p.Id).SingleAsync());

        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/sharing"));
        await Page.ByTestId("new-feedback-link").ClickAsync();
        await Page.ByTestId("feedback-link-label").FillAsync("Customer office hours");
        await Page.ByTestId("form-submit").ClickAsync();
        var url = await Page.ByTestId("feedback-links-section").GetByTestId("share-link-url").InputValueAsync();
        url.ShouldStartWith(app.Url("/f/"));
        await Expect(Page.ByTestId("feedback-link-row")).ToContainTextAsync("Customer office hours");
        await Screenshots.TakeAsync(Page, "feedback-links");

        // A visitor on a phone: no account, no cookies.
        var phone = await NewContextAsync();
        var visitor = await phone.NewPageAsync();
        await visitor.SetViewportSizeAsync(390, 844);
        (await visitor.GotoAsync(url))!.Status.ShouldBe(200);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = DemoPlanSeeder.DemoPlanName, Level = 1 })).ToBeVisibleAsync();
        (await visitor.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")).ShouldBeTrue();
        await visitor.GetByLabel("Your feedback").FillAsync("Please open on Saturdays <script>alert(1)</script>");
        await visitor.GetByLabel("Your name (optional)").FillAsync("Noor");
        await Expect(visitor.Locator("input[name=website]")).Not.ToBeInViewportAsync();
        await Screenshots.TakeAsync(visitor, "feedback-form-phone");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();

        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync();
        visitor.Url.ShouldEndWith("/thanks");
        await Expect(Page.ByTestId("feedback-link-count")).ToHaveTextAsync("1");
        var item = await app.QueryDbAsync(db => db.FeedbackItems.SingleAsync());
        item.Text.ShouldBe("Please open on Saturdays <script>alert(1)</script>");
        item.State.ShouldBe(FeedbackState.New);
        ConsoleErrors.ShouldBeEmpty();
    }
}
