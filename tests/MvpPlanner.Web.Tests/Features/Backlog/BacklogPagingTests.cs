using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Features;
using MvpPlanner.Web.Features.Backlog;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Backlog;

/// <summary>The backlog of a plan larger than one page: pages, sorting and filtering come from the database, and
/// edits and others' changes touch only the rows concerned.</summary>
public class BacklogPagingTests : PlannerTestContext
{
    private const int FeatureCount = 60;
    private int _planId;
    private readonly List<int> _ids = [];

    [Fact]
    public async Task BacklogPage_MoreFeaturesThanAPage_ShowsTheFirstPageAndCountsThemAll()
    {
        await CreateBacklogAsync();

        var page = RenderPage();

        page.WaitForAssertion(() => Titles(page).ShouldBe(Enumerable.Range(1, 50).Select(TitleOf)));
        page.Find("[data-testid=backlog-count]").TextContent.ShouldBe($"{FeatureCount} of {FeatureCount} features");
    }

    [Fact]
    public async Task BacklogPage_NextPage_ShowsTheFollowingRows()
    {
        await CreateBacklogAsync();
        var page = RenderPage();
        page.WaitForAssertion(() => Titles(page).Count.ShouldBe(50));

        await NextPageAsync(page);

        page.WaitForAssertion(() => Titles(page).ShouldBe(Enumerable.Range(51, 10).Select(TitleOf)));
    }

    [Fact]
    public async Task BacklogPage_SortByRiceHeader_SortsAcrossPages()
    {
        // Reach runs against the creation order: the lowest scores were created last and are on page 2 unsorted.
        await CreateBacklogAsync();
        var page = RenderPage();
        page.WaitForAssertion(() => Titles(page).Count.ShouldBe(50));

        await SortByAsync(page, "RICE"); // ascending: the lowest scores first
        page.WaitForAssertion(() => Titles(page).ShouldBe(Enumerable.Range(11, 50).Reverse().Select(TitleOf)));
        await SortByAsync(page, "RICE"); // descending
        page.WaitForAssertion(() => Titles(page).ShouldBe(Enumerable.Range(1, 50).Select(TitleOf)));
        await NextPageAsync(page);
        page.WaitForAssertion(() => Titles(page).ShouldBe(Enumerable.Range(51, 10).Select(TitleOf)));
    }

    [Fact]
    public async Task BacklogPage_FilterWhileOnPageTwo_ReturnsToTheFirstPageWithTheMatchingCount()
    {
        await CreateBacklogAsync();
        var page = RenderPage();
        page.WaitForAssertion(() => Titles(page).Count.ShouldBe(50));
        await NextPageAsync(page);
        page.WaitForAssertion(() => Titles(page).Count.ShouldBe(10));

        // Leaving the field applies the search at once; typing alone waits for a 300 ms pause, which a loaded machine can stretch.
        page.Find("input[data-testid=backlog-search]").Input("feature 1");
        page.Find("input[data-testid=backlog-search]").Blur();

        page.WaitForAssertion(() => Titles(page).ShouldBe(new[] { 1 }.Concat(Enumerable.Range(10, 10)).Select(TitleOf)));
        page.Find("[data-testid=backlog-count]").TextContent.ShouldBe($"11 of {FeatureCount} features");
    }

    [Fact]
    public async Task BacklogPage_EditReachOnPageTwo_SavesAndShowsTheNewRice()
    {
        await CreateBacklogAsync();
        var page = RenderPage();
        page.WaitForAssertion(() => Titles(page).Count.ShouldBe(50));
        await NextPageAsync(page);
        page.WaitForAssertion(() => Titles(page).First().ShouldBe(TitleOf(51)));

        await EditCellAsync(page, TitleOf(55), "cell-reach", "500");

        // Score = reach × 1 × 100 % ÷ 1.
        page.WaitForAssertion(() => RiceOf(page, TitleOf(55)).ShouldBe("500"));
        page.WaitForAssertion(() => Get<FeatureService>().GetRowAsync(_planId, _ids[54]).GetAwaiter().GetResult()!.Reach.ShouldBe(500));
        Titles(page).First().ShouldBe(TitleOf(51));
    }

    [Fact]
    public async Task BacklogPage_SomeoneElseChangesAFeature_PatchesOnlyThatRowInPlace()
    {
        await CreateBacklogAsync();
        var editor = await ActAsMemberAsync("Eddie Editor", WorkspaceRole.Editor);
        CallerAccessor.Caller = Owner;
        var page = RenderPage();
        page.WaitForAssertion(() => Titles(page).Count.ShouldBe(50));
        var before = ShownRows(page);

        // A change nobody announces (straight to the database): the page must not pick it up with the announced one.
        await using (var db = await Get<IDbContextFactory<PlannerDbContext>>().CreateDbContextAsync())
        {
            await db.Features.Where(f => f.Id == _ids[1]).ExecuteUpdateAsync(s => s.SetProperty(f => f.Title, "Quietly renamed"));
        }

        CallerAccessor.Caller = editor;
        var theirs = (await Get<FeatureService>().GetRowAsync(_planId, _ids[2]))!.ToPriorityInput();
        theirs.Reach = 7;
        (await Get<FeatureService>().UpdatePriorityAsync(_planId, _ids[2], theirs)).Succeeded.ShouldBeTrue();
        CallerAccessor.Caller = Owner;

        page.WaitForAssertion(() => RiceOf(page, TitleOf(3)).ShouldBe("7"));
        Titles(page).ShouldContain(TitleOf(2));
        Titles(page).ShouldNotContain("Quietly renamed");
        var after = ShownRows(page);
        after.Count.ShouldBe(before.Count);
        for (var i = 0; i < before.Count; i++)
        {
            after[i].ShouldBeSameAs(before[i]);
        }
    }

    [Fact]
    public async Task BacklogPage_SomeoneElseAddsAFeature_CountsItAndKeepsTheRowsShown()
    {
        await CreateBacklogAsync();
        var editor = await ActAsMemberAsync("Eddie Editor", WorkspaceRole.Editor);
        CallerAccessor.Caller = Owner;
        var page = RenderPage();
        page.WaitForAssertion(() => Titles(page).Count.ShouldBe(50));
        var before = ShownRows(page);

        CallerAccessor.Caller = editor;
        (await Get<FeatureService>().CreateAsync(_planId, new FeatureInput { Title = "Their new feature" })).Succeeded.ShouldBeTrue();
        CallerAccessor.Caller = Owner;

        page.WaitForAssertion(() => page.Find("[data-testid=backlog-count]").TextContent.ShouldBe($"{FeatureCount + 1} of {FeatureCount + 1} features"));
        var after = ShownRows(page);
        after.Count.ShouldBe(50);
        for (var i = 0; i < before.Count; i++)
        {
            after[i].ShouldBeSameAs(before[i]);
        }
    }

    private async Task CreateBacklogAsync()
    {
        _planId = await CreatePlanAsync("Big plan");
        for (var i = 1; i <= FeatureCount; i++)
        {
            var result = await Get<FeatureService>().CreateAsync(_planId, new FeatureInput
            {
                Title = TitleOf(i), Reach = FeatureCount + 1 - i, Impact = 1, Confidence = 100, Effort = 1,
            });
            result.Succeeded.ShouldBeTrue(result.Message);
            _ids.Add(result.Value);
        }
    }

    private static string TitleOf(int number) => $"Feature {number}";

    private IRenderedComponent<BacklogPage> RenderPage()
    {
        RenderProviders();
        return Render<BacklogPage>(p => p.Add(x => x.PlanId, _planId));
    }

    private static List<string> Titles(IRenderedComponent<BacklogPage> page) =>
        page.FindAll("[data-testid=feature-row-title]").Select(e => e.TextContent).ToList();

    private static List<FeatureRow> ShownRows(IRenderedComponent<BacklogPage> page) =>
        page.FindComponent<MudDataGrid<FeatureRow>>().Instance.ServerItems.ToList();

    private static string RiceOf(IRenderedComponent<BacklogPage> page, string title) =>
        RowOf(page, title).QuerySelector("[data-testid=rice-cell]")!.TextContent;

    private static AngleSharp.Dom.IElement RowOf(IRenderedComponent<BacklogPage> page, string title) =>
        page.FindAll("tr.mud-table-row").Single(r => r.QuerySelector("[data-testid=feature-row-title]")?.TextContent == title);

    private static async Task EditCellAsync(IRenderedComponent<BacklogPage> page, string title, string testId, string value)
    {
        await RowOf(page, title).QuerySelector($"button[data-testid={testId}]")!.ClickAsync(new());
        page.WaitForAssertion(() => RowOf(page, title).QuerySelector($"input[data-testid={testId}]").ShouldNotBeNull());
        RowOf(page, title).QuerySelector($"input[data-testid={testId}]")!.Change(value);
    }

    private static Task NextPageAsync(IRenderedComponent<BacklogPage> page) =>
        page.FindAll(".mud-table-pagination-actions button")[2].ClickAsync(new());

    private static Task SortByAsync(IRenderedComponent<BacklogPage> page, string column) =>
        page.FindAll("th").Single(h => h.QuerySelector(".sortable-column-header")?.TextContent == column)
            .QuerySelector("button[aria-label=Sort]")!.ClickAsync(new());
}
