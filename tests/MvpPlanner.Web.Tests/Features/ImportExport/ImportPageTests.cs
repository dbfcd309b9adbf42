using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Data;
using MvpPlanner.Web.Features.ImportExport;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.ImportExport;

/// <summary>The import page: a file's columns are matched by themselves, the preview shows each row's errors, and
/// nothing can be imported until they are gone.</summary>
public class ImportPageTests : PlannerTestContext
{
    [Fact]
    public async Task ImportPage_JiraFile_ColumnsMatchedAndPreviewShowsTheRowWithAnError()
    {
        var planId = await CreatePlanAsync("Field app");
        RenderProviders();
        var page = Render<ImportPage>(p => p.Add(x => x.PlanId, planId));

        Upload(page, "Summary,Issue key,Priority,Status,Custom field (Story Points),Due Date\nOffline mode,FA-1,High,To Do,3,15/Mar/27 12:00 AM\nDark theme,FA-2,Low,Done,lots,\n");

        page.WaitForAssertion(() => page.Find("[data-testid=import-file-summary]").TextContent.ShouldContain("looks like a Jira export"));
        page.Find("[data-testid=mapping-title]").TextContent.ShouldBe("Summary");
        page.Find("[data-testid=mapping-moscow]").TextContent.ShouldBe("Priority");
        page.Find("[data-testid=mapping-target]").TextContent.ShouldBe("Due Date");
        page.FindAll("[data-testid=import-mapping] label").Select(l => l.TextContent.Trim()).ShouldContain("Start");
        page.FindAll("[data-testid=import-mapping] label").Select(l => l.TextContent.Trim()).ShouldContain("Target");
        page.FindAll("[data-testid=value-moscow]").Count.ShouldBe(2);
        await page.Find("[data-testid=import-preview]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=import-counts]").TextContent.ShouldContain("1 row with errors"));
        page.Markup.ShouldContain("Target: 2027-03-15");
        page.Find("[data-testid=import-row-errors]").TextContent.ShouldContain("Effort: \"lots\" is not a number.");
        page.Find("[data-testid=import-run]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task ImportPage_CleanFile_ImportsAllRowsAndLinksToTheRoadmap()
    {
        var planId = await CreatePlanAsync("Field app");
        RenderProviders();
        var page = Render<ImportPage>(p => p.Add(x => x.PlanId, planId));
        Upload(page, "Title;MoSCoW;Effort\nOffline mode;Must;2,5\nDark theme;Could;1\n");
        page.WaitForElement("[data-testid=import-preview]");

        await page.Find("[data-testid=import-preview]").ClickAsync(new());
        page.WaitForAssertion(() => page.Find("[data-testid=import-run]").HasAttribute("disabled").ShouldBeFalse());
        await page.Find("[data-testid=import-run]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=import-done]").TextContent.ShouldContain("Imported 2 features."));
        page.Find("[data-testid=import-open-roadmap]").GetAttribute("href").ShouldBe($"/plans/{planId}/roadmap");
        await using var db = await Get<IDbContextFactory<PlannerDbContext>>().CreateDbContextAsync();
        (await db.Features.Where(f => f.PlanId == planId).OrderBy(f => f.Title).Select(f => f.Effort).ToListAsync()).ShouldBe([1, 2.5]);
    }

    [Fact]
    public async Task ImportPage_KindChangedAfterUpload_SameFileMatchedForPersonas()
    {
        var planId = await CreatePlanAsync("Field app");
        RenderProviders();
        var page = Render<ImportPage>(p => p.Add(x => x.PlanId, planId));
        Upload(page, "Name,Goals,Pains\nBo the borrower,Borrow a drill,Shops are far\n");
        page.WaitForAssertion(() => page.Find("[data-testid=mapping-title]").TextContent.ShouldBe("Name"));

        await page.FindAll("input[type=radio]")[1].ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=mapping-name]").TextContent.ShouldBe("Name"));
        page.Find("[data-testid=mapping-goals]").TextContent.ShouldBe("Goals");
        page.Find("[data-testid=mapping-pains]").TextContent.ShouldBe("Pains");
    }

    [Fact]
    public async Task ImportPage_Viewer_IsToldOnlyEditorsCanImport()
    {
        var planId = await CreatePlanAsync("Field app");
        await ActAsMemberAsync("Vic Viewer", WorkspaceRole.Viewer);

        var page = Render<ImportPage>(p => p.Add(x => x.PlanId, planId));

        page.Find("[data-testid=import-viewer]").TextContent.ShouldContain("Only editors can import");
        page.FindAll("input[type=file]").ShouldBeEmpty();
    }

    private static void Upload(IRenderedComponent<ImportPage> page, string csv) =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "backlog.csv"));
}
