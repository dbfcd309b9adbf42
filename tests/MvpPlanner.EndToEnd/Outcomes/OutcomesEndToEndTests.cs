using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.Outcomes;

/// <summary>After launch, a team records how an outcome's metric moved and sees at once whether it is on track.</summary>
public sealed partial class OutcomesEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task RecordMeasurement_OnTheOutcomesPage_StatusChangesToTargetMet()
    {
        var app = StartApp();
        await Page.RegisterAsync(app, "Ada Lovelace");
        await Page.ByTestId("new-plan").ClickAsync();
        await Page.ByTestId("plan-name").FillAsync("Tool library");
        await Page.ByTestId("form-submit").ClickAsync();
        await Page.WaitForURLAsync(PlanUrl(), new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        var planUrl = Page.Url;

        await Page.GotoInteractiveAsync($"{planUrl}/outcomes");
        await Page.ByTestId("add-outcome").ClickAsync();
        await Page.ByTestId("outcome-description").FillAsync("Residents borrow instead of buying");
        await Page.ByTestId("outcome-metric").FillAsync("Loans per month");
        await Page.ByTestId("outcome-target").FillAsync("60 loans a month");
        await Page.ByTestId("outcome-baseline-value").FillAsync("10");
        await Page.ByTestId("outcome-target-value").FillAsync("60");
        await Page.ByTestId("form-submit").ClickAsync();
        var card = Page.ByTestId("outcome-card");
        await Expect(card.GetByTestId("outcome-status")).ToHaveTextAsync("No measurements yet");

        await card.GetByTestId("record-outcome-measurement").ClickAsync();
        await Page.ByTestId("measurement-value").FillAsync("64");
        await Page.ByTestId("measurement-note").FillAsync("After the launch mail");
        await Page.ByTestId("form-submit").ClickAsync();

        await Expect(card.GetByTestId("outcome-status")).ToHaveTextAsync("Target met");
        await Expect(card.GetByTestId("outcome-measurement-row")).ToContainTextAsync("After the launch mail");
        await Expect(card.GetByTestId("chart-caption")).ToContainTextAsync("Status: Target met.");
        await Screenshots.TakeAsync(Page, "outcomes");
        await Page.SetViewportSizeAsync(390, 844);
        await Screenshots.TakeAsync(Page, "outcomes-phone");
        (await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("the outcomes page scrolls sideways on a phone");
        ConsoleErrors.ShouldBeEmpty();
    }

    [GeneratedRegex(@"/plans/\d+$")]
    private static partial Regex PlanUrl();
}
