using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.ImportExport;

/// <summary>A team moves its Jira backlog in: upload, match, preview, import, see the cards on the roadmap, and undo it all.</summary>
public sealed partial class CsvImportEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    private const string JiraExport =
        "Summary,Issue key,Status,Priority,Labels,Labels,Custom field (Story Points)\n" +
        "Loan reminders,TL-1,To Do,Highest,reminders,mvp,3\n" +
        "Tool catalogue,TL-2,In Progress,Medium,catalogue,,5\n" +
        "Damage reports,TL-3,Done,Low,,,\"2,5\"\n";

    [Fact]
    public async Task JiraCsv_UploadedMappedPreviewedAndImported_ShowsOnTheBoard_ThenUndoRemovesIt()
    {
        var app = StartApp();
        await Page.RegisterAsync(app, "Ada Lovelace");
        await Page.ByTestId("new-plan").ClickAsync();
        await Page.ByTestId("plan-name").FillAsync("Tool library");
        await Page.ByTestId("form-submit").ClickAsync();
        await Page.WaitForURLAsync(PlanUrl());
        var planUrl = Page.Url;

        await Page.GotoInteractiveAsync($"{planUrl}/features");
        // The backlog's entry point; the page is then loaded whole, because a file chosen before the in-app navigation
        // has set up the file input's script would be missed (a person cannot choose that fast).
        await Page.ByTestId("import-csv").ClickAsync();
        await Page.WaitForURLAsync(new Regex("/import$"));
        await Page.GotoInteractiveAsync($"{planUrl}/import");
        await Page.ChooseFileAsync("import-file", new FilePayload { Name = "jira.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(JiraExport) });

        await Expect(Page.ByTestId("import-file-summary")).ToContainTextAsync("looks like a Jira export");
        await Expect(Page.ByTestId("mapping-title")).ToHaveTextAsync("Summary");
        await Page.ChooseAsync("mapping-labels", "Not imported");
        await Page.ByTestId("import-preview").ClickAsync();
        await Expect(Page.ByTestId("import-counts")).ToContainTextAsync("3 new");
        await Expect(Page.ByTestId("import-run")).ToBeEnabledAsync();
        await Page.ByTestId("mapping-title").ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(Page, "import-mapping");
        await Page.ByTestId("import-preview-table").ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(Page, "import-preview");
        await Page.ByTestId("import-run").ClickAsync();
        await Expect(Page.ByTestId("import-done")).ToContainTextAsync("Imported 3 features.");

        await Page.ByTestId("import-open-roadmap").ClickAsync();
        await Page.WaitForURLAsync(new Regex("/roadmap$"));
        var board = Page.Locator(".feature-card");
        await Expect(board.Filter(new() { HasText = "Loan reminders" })).ToBeVisibleAsync();
        await Expect(board.Filter(new() { HasText = "Damage reports" })).ToBeVisibleAsync();
        var stored = await app.QueryDbAsync(db => db.Features.OrderBy(f => f.Title).Select(f => new { f.Title, f.Effort, f.Description }).ToListAsync());
        stored.Select(f => f.Effort).ShouldBe([2.5, 3, 5]);
        stored.ShouldAllBe(f => f.Description == "");

        await Page.ByTestId("undo-button").Last.ClickAsync();

        await Expect(board).ToHaveCountAsync(0);
        (await app.QueryDbAsync(db => db.Features.CountAsync())).ShouldBe(0);
        ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task ImportPage_PhoneWidth_HasNoSidewaysScrolling()
    {
        var app = StartApp();
        await Page.SetViewportSizeAsync(390, 844);
        await Page.RegisterAsync(app, "Ada Lovelace");
        await Page.ByTestId("new-plan").ClickAsync();
        await Page.ByTestId("plan-name").FillAsync("Tool library");
        await Page.ByTestId("form-submit").ClickAsync();
        await Page.WaitForURLAsync(PlanUrl());

        await Page.GotoInteractiveAsync($"{Page.Url}/import");
        await Page.ChooseFileAsync("import-file", new FilePayload { Name = "jira.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(JiraExport) });
        await Page.ByTestId("import-preview").ClickAsync();
        await Expect(Page.ByTestId("import-counts")).ToContainTextAsync("3 new");

        (await Page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
    }

    [GeneratedRegex(@"/plans/\d+$")]
    private static partial Regex PlanUrl();
}
