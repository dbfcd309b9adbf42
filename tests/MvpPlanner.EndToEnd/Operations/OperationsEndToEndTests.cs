using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.Operations;

/// <summary>Issue 4's walk: the operation behind an MVP laid out in the browser, and the readiness check pointing at
/// an MVP feature that has no process behind it until one is added.</summary>
public sealed partial class OperationsEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task MvpFeatureNeedingSupport_ShowsInReadinessUntilAProcessSupportsIt()
    {
        var app = StartApp();
        await Page.RegisterAsync(app, "Ada Lovelace");
        await Page.ByTestId("new-plan").ClickAsync();
        await Page.ByTestId("plan-name").FillAsync("Community bike repair");
        await Page.ByTestId("plan-promise").FillAsync("Your bike fixed within 48 hours, or the repair is free.");
        await Page.ByTestId("form-submit").ClickAsync();
        await Page.WaitForURLAsync(PlanUrl());
        var planUrl = Page.Url;

        // The promise and one commitment it implies.
        await Page.GotoInteractiveAsync($"{planUrl}/operations");
        await Expect(Page.ByTestId("promise-text")).ToContainTextAsync("within 48 hours");
        await Page.ByTestId("add-commitment").First.ClickAsync();
        await Page.ByTestId("commitment-text").FillAsync("We answer repair requests within 4 hours");
        await Page.ByTestId("form-submit").ClickAsync();
        await Expect(Page.ByTestId("commitment-row")).ToContainTextAsync("within 4 hours");

        // The journey is there from the start: the seed's six stages.
        await Expect(Page.ByTestId("stage-column")).ToHaveCountAsync(6);

        // One owner role.
        await Page.ByTestId("add-role").First.ClickAsync();
        await Page.ByTestId("role-name").FillAsync("Repair desk lead");
        await Page.ByTestId("role-holder").FillAsync("Sam");
        await Page.ByTestId("form-submit").ClickAsync();
        await Expect(Page.ByTestId("role-row")).ToContainTextAsync("Repair desk lead");

        // An essential tool and a KPI.
        await Page.GotoInteractiveAsync($"{planUrl}/tools-kpis");
        await Page.ByTestId("add-tool").First.ClickAsync();
        await Page.ByTestId("tool-name").FillAsync("Shared inbox");
        await Page.ByTestId("tool-cost").FillAsync("12");
        await Page.ByTestId("form-submit").ClickAsync();
        await Expect(Page.ByTestId("tools-total-cost")).ToContainTextAsync("12");
        await Page.ByTestId("add-kpi").First.ClickAsync();
        await Page.ByTestId("kpi-name").FillAsync("Time to first answer");
        await Page.ByTestId("kpi-unit").FillAsync("hours");
        await Page.ByTestId("kpi-target").FillAsync("4");
        await Page.ChooseAsync("kpi-owner", "Repair desk lead");
        await Page.ByTestId("form-submit").ClickAsync();
        await Expect(Page.ByTestId("kpi-card")).ToContainTextAsync("Time to first answer");

        // The "good enough" process for the Support stage, with its owner, tool and the commitment it keeps.
        var supportStageId = await app.QueryDbAsync(db => db.JourneyStages.Where(s => s.Name == "Support").Select(s => s.Id).SingleAsync());
        await Page.GotoInteractiveAsync($"{planUrl}/operations");
        await Page.ByTestId($"add-process-{supportStageId}").ClickAsync();
        await Page.ByTestId("process-name").FillAsync("Answer repair requests");
        await Page.ChooseAsync("process-owner", "Repair desk lead");
        await Page.ChooseAsync("process-tools", "Shared inbox");
        await Page.ChooseAsync("process-keeps", "We answer repair requests within 4 hours");
        await Page.ByTestId("form-submit").ClickAsync();
        var process = Page.ByTestId("process-card").Filter(new() { HasText = "Answer repair requests" });
        await Expect(process).ToContainTextAsync("Repair desk lead");

        // A feature in the MVP phase that needs operational support, with no process behind it yet.
        await Page.GotoInteractiveAsync($"{planUrl}/features");
        await Page.ByTestId("new-feature-empty").ClickAsync();
        await Page.ByTestId("feature-title").FillAsync("Live chat with the repair desk");
        await Page.ChooseAsync("feature-phase", "MVP");
        await Page.GetByText("Needs operational support").ClickAsync();
        await Page.ByTestId("form-submit").ClickAsync();
        await Expect(Page.ByTestId("feature-row-title")).ToHaveTextAsync("Live chat with the repair desk");

        await Page.GotoInteractiveAsync($"{planUrl}/readiness");
        var finding = Page.Locator("[data-testid=finding][data-rule=feature-without-process]");
        await Expect(finding).ToContainTextAsync("Live chat with the repair desk");
        await Screenshots.TakeAsync(Page, "readiness");

        // Say which process supports the feature: the finding goes away.
        await Page.GotoInteractiveAsync($"{planUrl}/operations");
        await process.GetByText("Answer repair requests").First.ClickAsync();
        await Expect(Page.ByTestId("process-name")).ToHaveValueAsync("Answer repair requests");
        await Page.ChooseAsync("process-features", "Live chat with the repair desk");
        await Page.ByTestId("form-submit").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        await Page.GotoInteractiveAsync($"{planUrl}/readiness");
        await Expect(Page.ByTestId("readiness-page")).ToBeVisibleAsync();
        await Expect(finding).ToHaveCountAsync(0);
        var supported = await app.QueryDbAsync(db => db.CoreProcesses.Where(p => p.Name == "Answer repair requests").SelectMany(p => p.Features).Select(f => f.Title).ToListAsync());
        supported.ShouldBe(["Live chat with the repair desk"]);

        await Page.GotoInteractiveAsync($"{planUrl}/operations");
        await Expect(process).ToBeVisibleAsync();
        await Screenshots.TakeAsync(Page, "operations");
        ConsoleErrors.ShouldBeEmpty();
    }

    [GeneratedRegex(@"/plans/\d+$")]
    private static partial Regex PlanUrl();
}
