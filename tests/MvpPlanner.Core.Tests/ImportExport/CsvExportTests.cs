using System.Text;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.ImportExport;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.ImportExport;

/// <summary>The backlog, personas and problems as spreadsheets a team can open anywhere.</summary>
public class CsvExportTests
{
    [Fact]
    public async Task FeaturesCsv_HasEveryBacklogColumnWithBomAndInvariantNumbers()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var row = (await test.Get<FeatureService>().GetRowAsync(sample.PlanId, sample.FeatureId))!;
        var input = row.ToInput();
        (input.Reach, input.Impact, input.Confidence, input.Effort, input.Value, input.EffortSize, input.Moscow, input.Status, input.Owner, input.NeedsOperationalSupport) =
            (1050, 0.5, 80, 2.5, 4, 2, Moscow.Must, FeatureStatus.InProgress, "Ana", true);
        (await test.Get<FeatureService>().UpdateAsync(sample.PlanId, sample.FeatureId, input)).Succeeded.ShouldBeTrue();

        var file = await test.Get<CsvExportService>().FeaturesAsync(sample.PlanId);

        file.Succeeded.ShouldBeTrue(file.Message);
        file.Value!.ContentType.ShouldBe("text/csv; charset=utf-8");
        file.Value.FileName.ShouldBe("tool-library-features.csv");
        file.Value.Content.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(file.Value.Content[3..]).Split("\r\n");
        lines[0].ShouldBe("Title,Description,Status,MoSCoW,Reach,Impact,Confidence %,Effort (person-weeks),RICE score,Value (1-5),Effort size (1-5),Phase,Lane,Start,Target,Owner,Problems solved,Needs operational support");
        lines[1].ShouldBe("Tool catalogue,,In progress,Must have,1050,0.5,80,2.5,168,4,2,MVP,Design,,,Ana,Cannot find a tool nearby,Yes");
        lines[2].ShouldStartWith("Borrow request,,Idea,,,,,,,,,MVP,Design,,,,Cannot find a tool nearby,No");
    }

    [Fact]
    public async Task FeaturesCsv_OwnDates_WrittenAsDayMonthOrQuarter()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        await SetDatesAsync(test, sample.PlanId, sample.FeatureId, (new DateTime(2027, 3, 12), DatePrecision.Day), (new DateTime(2027, 5, 20), DatePrecision.Month));
        await SetDatesAsync(test, sample.PlanId, sample.SecondFeatureId, (null, DatePrecision.Day), (new DateTime(2027, 8, 1), DatePrecision.Quarter));

        var file = await test.Get<CsvExportService>().FeaturesAsync(sample.PlanId);

        var lines = Encoding.UTF8.GetString(file.Value!.Content[3..]).Split("\r\n");
        var start = lines[0].Split(',').ToList().IndexOf("Start");
        lines[0].Split(',')[start + 1].ShouldBe("Target");
        var cells = lines.Skip(1).Where(l => l.Length > 0).ToDictionary(l => l.Split(',')[0], l => l.Split(',')[start..(start + 2)]);
        cells["Tool catalogue"].ShouldBe(["2027-03-12", "2027-05"]);
        cells["Borrow request"].ShouldBe(["", "2027-Q3"]);
    }

    [Fact]
    public async Task FeaturesCsv_CellThatASpreadsheetWouldRun_StartsWithAnApostrophe()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        await test.CreateFeatureAsync(planId, "=HYPERLINK(\"http://evil.example\",\"Click\")");
        await test.CreateFeatureAsync(planId, "@SUM(A1)");
        await test.CreateFeatureAsync(planId, "+1 more loan");
        await test.CreateFeatureAsync(planId, "-5 minutes wait");

        var file = await test.Get<CsvExportService>().FeaturesAsync(planId);

        var text = Encoding.UTF8.GetString(file.Value!.Content);
        text.ShouldContain("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"");
        text.ShouldContain("'@SUM(A1)");
        text.ShouldContain("'+1 more loan");
        text.ShouldContain("'-5 minutes wait");
    }

    [Fact]
    public async Task PersonasAndProblemsCsv_ListTheirLinks()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();

        var personas = await test.Get<CsvExportService>().PersonasAsync(sample.PlanId);
        var problems = await test.Get<CsvExportService>().ProblemsAsync(sample.PlanId);

        var personaLines = Encoding.UTF8.GetString(personas.Value!.Content[3..]).Split("\r\n");
        personaLines[0].ShouldBe("Name,User group,Goals,Pains,Context,Problems");
        personaLines[1].ShouldBe("Bo the borrower,,,,,Cannot find a tool nearby");
        var problemLines = Encoding.UTF8.GetString(problems.Value!.Content[3..]).Split("\r\n");
        problemLines[0].ShouldBe("Statement,Severity (1-5),Frequency,Evidence,Personas,Features,Feature count");
        problemLines[1].ShouldBe("Cannot find a tool nearby,3,Every week,,Bo the borrower,Borrow request; Tool catalogue,2");
    }

    [Theory]
    [InlineData(WorkspaceRole.Viewer)]
    [InlineData(WorkspaceRole.Editor)]
    public async Task Export_AnyMember_GetsTheFile(WorkspaceRole role)
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        test.ActAs(await test.CreateMemberAsync("Vic", role));

        var export = test.Get<CsvExportService>();
        (await export.FeaturesAsync(sample.PlanId)).Succeeded.ShouldBeTrue();
        (await export.PersonasAsync(sample.PlanId)).Succeeded.ShouldBeTrue();
        (await export.ProblemsAsync(sample.PlanId)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Export_Outsider_IsToldThePlanIsNotThere()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var (outsider, _) = await test.CreateOutsiderAsync();
        test.ActAs(outsider);

        var export = test.Get<CsvExportService>();
        (await export.FeaturesAsync(sample.PlanId)).Status.ShouldBe(ResultStatus.NotFound);
        (await export.PersonasAsync(sample.PlanId)).Status.ShouldBe(ResultStatus.NotFound);
        (await export.ProblemsAsync(sample.PlanId)).Status.ShouldBe(ResultStatus.NotFound);
    }

    internal static async Task SetDatesAsync(TestDatabase test, int planId, int featureId, (DateTime? Date, DatePrecision Precision) start, (DateTime? Date, DatePrecision Precision) target)
    {
        var input = (await test.Get<FeatureService>().GetRowAsync(planId, featureId))!.ToInput();
        (input.StartDate, input.StartPrecision, input.TargetDate, input.TargetPrecision) = (start.Date, start.Precision, target.Date, target.Precision);
        var saved = await test.Get<FeatureService>().UpdateAsync(planId, featureId, input);
        saved.Succeeded.ShouldBeTrue(saved.Message);
    }
}
