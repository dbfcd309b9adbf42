using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.History;

/// <summary>A deleted item is not lost: it waits in the plan's trash and comes back with its data.</summary>
public sealed partial class TrashEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task DeletedKpiWithMeasurements_RestoredFromTheTrash_IsBackWithItsLatestValue()
    {
        var app = StartApp();
        await Page.RegisterAsync(app, "Ada Lovelace");
        await Page.ByTestId("new-plan").ClickAsync();
        await Page.ByTestId("plan-name").FillAsync("Community bike repair");
        await Page.ByTestId("form-submit").ClickAsync();
        await Page.WaitForURLAsync(PlanUrl());
        var planUrl = Page.Url;

        // A KPI with one measurement: data worth getting back.
        await Page.GotoInteractiveAsync($"{planUrl}/tools-kpis");
        await Page.ByTestId("add-kpi").First.ClickAsync();
        await Page.ByTestId("kpi-name").FillAsync("Time to first answer");
        await Page.ByTestId("kpi-unit").FillAsync("hours");
        await Page.ByTestId("kpi-target").FillAsync("4");
        await Page.ByTestId("form-submit").ClickAsync();
        await Expect(Page.ByTestId("kpi-card")).ToContainTextAsync("Time to first answer");
        await Page.ByTestId("record-measurement").ClickAsync();
        await Page.ByTestId("measurement-value").FillAsync("3");
        await Page.ByTestId("form-submit").ClickAsync();
        await Expect(Page.ByTestId("kpi-latest")).ToContainTextAsync("3 hours");

        await Page.ByTestId("delete-kpi").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(Page.ByTestId("kpi-card")).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Deleted" }).GetByTestId("undo-button")).ToBeVisibleAsync();

        // The plan's navigation leads to the trash, where the KPI waits.
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Plan sections" }).GetByRole(AriaRole.Link, new() { Name = "Trash" }).ClickAsync();
        await Page.WaitForURLAsync(new Regex(@"/plans/\d+/trash$"));
        await Expect(Page.GetByRole(AriaRole.Main)).ToBeVisibleAsync();
        await Expect(Page.ByTestId("trash-item-name")).ToHaveTextAsync("Time to first answer");
        await Screenshots.TakeAsync(Page, "trash");
        await Page.ByTestId("trash-restore").ClickAsync();
        await Expect(Page.ByTestId("trash-empty")).ToBeVisibleAsync();

        await Page.GotoInteractiveAsync($"{planUrl}/tools-kpis");
        await Expect(Page.ByTestId("kpi-card")).ToContainTextAsync("Time to first answer");
        await Expect(Page.ByTestId("kpi-latest")).ToContainTextAsync("3 hours");
        ConsoleErrors.ShouldBeEmpty();
    }

    [GeneratedRegex(@"/plans/\d+$")]
    private static partial Regex PlanUrl();
}
