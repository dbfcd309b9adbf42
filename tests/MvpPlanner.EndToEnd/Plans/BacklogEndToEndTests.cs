using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MvpPlanner.Core.Features;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.Plans;

/// <summary>A backlog longer than a page in a real browser: one page of rows, and each priority cell opens its own
/// editor (a list for status and MoSCoW, a number for reach) that saves the choice.</summary>
public sealed partial class BacklogEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task Backlog_SixtyFeatures_ShowsAPageAndSavesEditsMadeInCells()
    {
        var app = StartApp();
        await Page.RegisterAsync(app, "Ada Lovelace");
        await Page.ByTestId("new-plan").ClickAsync();
        await Page.ByTestId("plan-name").FillAsync("Big backlog");
        await Page.ByTestId("form-submit").ClickAsync();
        await Page.WaitForURLAsync(PlanUrl());
        var planUrl = Page.Url;
        var planId = int.Parse(planUrl[(planUrl.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        await app.QueryDbAsync(async db =>
        {
            db.Features.AddRange(Enumerable.Range(1, 60).Select(i => new Feature
            {
                PlanId = planId, Title = $"Feature {i}", Rank = i, Reach = 61 - i, Impact = 1, Confidence = 100, Effort = 1,
            }));
            return await db.SaveChangesAsync();
        });

        await Page.GotoInteractiveAsync($"{planUrl}/features");
        await Expect(Page.ByTestId("backlog-count")).ToHaveTextAsync("60 of 60 features");
        await Expect(Page.ByTestId("feature-row-title")).ToHaveCountAsync(50);
        var row = Page.Locator("tr").Filter(new() { Has = Page.ByTestId("feature-row-title").GetByText("Feature 3", new() { Exact = true }) });

        await row.GetByRole(AriaRole.Button, new() { Name = "Status of Feature 3: Idea, edit" }).ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Planned" }).First.ClickAsync();
        await Expect(row.Locator("button[data-testid=cell-status]")).ToHaveTextAsync("Planned");

        await row.Locator("button[data-testid=moscow-chip]").ClickAsync();
        await Page.Locator(".mud-popover-open").GetByText("Must have", new() { Exact = true }).ClickAsync();
        await Expect(row.Locator("button[data-testid=moscow-chip]")).ToHaveTextAsync("Must have");

        await row.Locator("button[data-testid=cell-reach]").ClickAsync();
        await row.Locator("input[data-testid=cell-reach]").FillAsync("500");
        await row.Locator("input[data-testid=cell-reach]").PressAsync("Tab");
        await Expect(row.Locator("[data-testid=rice-cell]")).ToHaveTextAsync("500");
        await Expect(row.Locator("button[data-testid=cell-reach]")).ToHaveTextAsync("500");

        await WaitUntilAsync(app, f => f.Title == "Feature 3" && f.Status == FeatureStatus.Planned && f.Moscow == Moscow.Must && f.Reach == 500);

        // On a phone the table scrolls sideways inside itself; the page does not.
        await Page.SetViewportSizeAsync(390, 844);
        await Expect(Page.ByTestId("backlog-pager")).ToBeVisibleAsync();
        (await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")).ShouldBeTrue();
        ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Backlog_TextThatIsNotANumberInACell_StaysWithItsMessageAfterLeavingAndTheStoredValueIsKept()
    {
        var app = StartApp();
        await Page.RegisterAsync(app, "Ada Lovelace");
        await Page.ByTestId("new-plan").ClickAsync();
        await Page.ByTestId("plan-name").FillAsync("Small backlog");
        await Page.ByTestId("form-submit").ClickAsync();
        await Page.WaitForURLAsync(PlanUrl());
        var planUrl = Page.Url;
        var planId = int.Parse(planUrl[(planUrl.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        await app.QueryDbAsync(async db =>
        {
            db.Features.Add(new Feature { PlanId = planId, Title = "Offline mode", Rank = 1, Reach = 100, Impact = 1, Confidence = 100, Effort = 4 });
            return await db.SaveChangesAsync();
        });
        await Page.GotoInteractiveAsync($"{planUrl}/features");
        var row = Page.Locator("tr").Filter(new() { Has = Page.ByTestId("feature-row-title").GetByText("Offline mode", new() { Exact = true }) });

        await row.Locator("button[data-testid=cell-reach]").ClickAsync();
        await row.Locator("input[data-testid=cell-reach]").FillAsync("abc");
        await row.Locator("input[data-testid=cell-reach]").PressAsync("Tab");

        await Expect(row.Locator("input[data-testid=cell-reach]")).ToHaveValueAsync("abc");
        await Expect(row).ToContainTextAsync("Enter a whole number");
        await Expect(row.Locator("[data-testid=rice-cell]")).ToHaveTextAsync("25");

        // A decimal comma where the culture writes a decimal point is refused, not read as 25.
        await row.Locator("input[data-testid=cell-reach]").PressAsync("Escape");
        await row.Locator("button[data-testid=cell-effort]").ClickAsync();
        await row.Locator("input[data-testid=cell-effort]").FillAsync("2,5");
        await row.Locator("input[data-testid=cell-effort]").PressAsync("Tab");
        await Expect(row).ToContainTextAsync("no thousands separators");

        var stored = await app.QueryDbAsync(db => db.Features.SingleAsync(f => f.Title == "Offline mode"));
        stored.Reach.ShouldBe(100);
        stored.Effort.ShouldBe(4);
        ConsoleErrors.ShouldBeEmpty();
    }

    /// <summary>Each edit is saved by the circuit after the cell shows it; poll the database briefly.</summary>
    private static async Task WaitUntilAsync(PlannerAppServer app, System.Linq.Expressions.Expression<Func<Feature, bool>> stored)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await app.QueryDbAsync(db => db.Features.AnyAsync(stored)))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new ShouldAssertException("The edits were not stored.");
    }

    [GeneratedRegex(@"/plans/\d+$")]
    private static partial Regex PlanUrl();
}
