using System.Text;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.History;
using MvpPlanner.Core.ImportExport;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.ImportExport;

/// <summary>A team brings the backlog it already has: from Jira, Productboard, Trello or a spreadsheet, all rows in
/// one change or none.</summary>
public class CsvImportTests
{
    [Fact]
    public async Task JiraExport_RecognisedAndImportedWithPrioritiesStatusesAndLabels()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var analysis = await AnalyseSampleAsync("jira-export.csv");
        analysis.RecognisedAs.ShouldBe("Jira");
        var options = CsvImportService.SuggestOptions(analysis);
        options.MoscowValues.ShouldBe(new Dictionary<string, Moscow>
        {
            ["Highest"] = Moscow.Must, ["High"] = Moscow.Must, ["Medium"] = Moscow.Should, ["Low"] = Moscow.Could, ["Lowest"] = Moscow.Wont,
        }, ignoreOrder: true);
        options.StatusValues["To Do"].ShouldBe(FeatureStatus.Idea);
        options.StatusValues["Selected for Development"].ShouldBe(FeatureStatus.Planned);
        options.StatusValues["In Progress"].ShouldBe(FeatureStatus.InProgress);
        options.StatusValues["Done"].ShouldBe(FeatureStatus.Shipped);
        options.StatusValues["Won't Do"].ShouldBe(FeatureStatus.Dropped);

        var result = await test.Get<CsvImportService>().ImportAsync(planId, analysis, options);

        result.Succeeded.ShouldBeTrue(result.Message);
        result.Value!.Added.ShouldBe(5);
        result.Message.ShouldBe("Imported 5 features.");
        var features = await FeaturesAsync(test, planId);
        var reminders = features["Loan reminders"];
        reminders.Moscow.ShouldBe(Moscow.Must);
        reminders.Status.ShouldBe(FeatureStatus.Idea);
        reminders.Owner.ShouldBe("Ana Admin");
        reminders.Effort.ShouldBe(5);
        reminders.Description.ShouldBe("Remind borrowers a day before the tool is due.\nSend by SMS, then by email.\n\nLabels: reminders, mvp");
        features["Deposit handling"].Effort.ShouldBe(3);
        features["Deposit handling"].Description.ShouldBe("Labels: payments");
        features["Loyalty badges"].Status.ShouldBe(FeatureStatus.Dropped);
        features["Loyalty badges"].Moscow.ShouldBe(Moscow.Wont);
        reminders.Target.ShouldBe(new FuzzyDate(new DateOnly(2027, 3, 15), DatePrecision.Day));
        reminders.Start.ShouldBeNull();
        features["Deposit handling"].Target.ShouldBeNull();
    }

    [Fact]
    public async Task ProductboardExport_ImportanceAndStatusesMapped()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var analysis = await AnalyseSampleAsync("productboard-export.csv");
        analysis.RecognisedAs.ShouldBe("Productboard");

        var result = await ImportAsync(test, planId, analysis);

        result.Value!.Added.ShouldBe(4);
        var features = await FeaturesAsync(test, planId);
        features["Tool catalogue"].Moscow.ShouldBe(Moscow.Must);
        features["Tool catalogue"].Owner.ShouldBe("ana@example.org");
        features["Tool catalogue"].Value.ShouldBe(5);
        features["Pickup slots"].Status.ShouldBe(FeatureStatus.Idea);
        features["Membership fees"].Status.ShouldBe(FeatureStatus.Planned);
        features["Membership fees"].Moscow.ShouldBe(Moscow.Could);
        features["Membership fees"].Description.ShouldBe("Monthly fee for members\n\nLabels: payments, admin");
        features["Waiting list"].Status.ShouldBe(FeatureStatus.Shipped);
        features["Waiting list"].Moscow.ShouldBe(Moscow.Wont);
    }

    [Fact]
    public async Task TrelloExport_ListNamesBecomeStatuses()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var analysis = await AnalyseSampleAsync("trello-export.csv");
        analysis.RecognisedAs.ShouldBe("Trello");

        await ImportAsync(test, planId, analysis);

        var features = await FeaturesAsync(test, planId);
        features.Count.ShouldBe(3);
        features["Tool catalogue"].Status.ShouldBe(FeatureStatus.Idea);
        features["Borrow request"].Status.ShouldBe(FeatureStatus.InProgress);
        features["Borrow request"].Description.ShouldBe("Ask to borrow\nand get an answer\n\nLabels: Development (blue)");
        features["Borrow request"].Owner.ShouldBe("Cy Coder (cy)");
        features["Return checklist"].Status.ShouldBe(FeatureStatus.Shipped);
        features["Borrow request"].Target.ShouldBe(new FuzzyDate(new DateOnly(2027, 1, 15), DatePrecision.Day));
        features["Tool catalogue"].TargetDate.ShouldBeNull();
    }

    [Fact]
    public async Task Spreadsheet_SemicolonsBomDecimalCommasAndQuotedLineBreaks_ReadRight()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var board = await test.GetBoardAsync(planId);
        var analysis = await AnalyseSampleAsync("spreadsheet-semicolons.csv");
        analysis.Separator.ShouldBe(';');
        analysis.Headers[0].ShouldBe("Title");

        await ImportAsync(test, planId, analysis);

        var features = await FeaturesAsync(test, planId);
        var cafe = features["Café finder"];
        cafe.Description.ShouldBe("Find a café near the library;\nopen late");
        (cafe.Reach, cafe.Impact, cafe.Confidence, cafe.Effort, cafe.Value).ShouldBe((120, 0.5, 80, 2.5, 4));
        cafe.Moscow.ShouldBe(Moscow.Must);
        cafe.Owner.ShouldBe("Zoë Müller");
        cafe.PhaseId.ShouldBe(board.Phases.Single(p => p.Name == "MVP").Id);
        cafe.LaneId.ShouldBe(board.Lanes.Single(l => l.Name == "Design").Id);
        features["Volunteer rota"].PhaseId.ShouldBeNull();
        features["Volunteer rota"].Status.ShouldBe(FeatureStatus.InProgress);
    }

    [Fact]
    public async Task FormulaPayload_StoredAsTextOnImport_NeutralisedOnExport_AndRoundTrips()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        await ImportAsync(test, planId, await AnalyseSampleAsync("formula-injection.csv"));

        var features = await FeaturesAsync(test, planId);
        var payload = "=HYPERLINK(\"http://evil.example/steal\",\"Click me\")";
        features.Keys.ShouldBe([payload, "-2+3 reasons to borrow"], ignoreOrder: true);
        features[payload].Description.ShouldBe("+cmd|' /C calc'!A0");
        features[payload].Owner.ShouldBe("@SUM(1+1)");
        var export = await test.Get<CsvExportService>().FeaturesAsync(planId);
        var text = Encoding.UTF8.GetString(export.Value!.Content);
        text.ShouldContain("'=HYPERLINK");
        text.ShouldContain("'+cmd");
        text.ShouldContain("'@SUM");
        text.ShouldContain("'-2+3");

        var again = await test.CreatePlanAsync("Copy");
        var reimported = await CsvImportService.AnalyseAsync(new MemoryStream(export.Value.Content), "features.csv", ImportKind.Features);
        await ImportAsync(test, again, reimported.Value!);
        (await FeaturesAsync(test, again)).Keys.ShouldBe(features.Keys, ignoreOrder: true);
        (await FeaturesAsync(test, again))[payload].Owner.ShouldBe("@SUM(1+1)");
    }

    [Fact]
    public async Task WrongValues_EveryRowShowsItsErrors_AndNothingIsWritten()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var csv = "Title,Reach,Impact,Confidence,Effort,Phase,Value\n" +
                  "Good one,10,1,50,2,MVP,3\n" +
                  ",10,1,50,2,,\n" +
                  "Bad numbers,ten,7,150,\"1,500\",,9\n" +
                  "Lost phase,,,,,Someday,\n" +
                  $"{new string('x', 201)},,,,,,\n";
        var analysis = await AnalyseAsync(csv);
        var options = CsvImportService.SuggestOptions(analysis);
        var before = await test.SnapshotAsync(test.WorkspaceId);

        var preview = (await test.Get<CsvImportService>().PreviewAsync(planId, analysis, options)).Value!;
        var result = await test.Get<CsvImportService>().ImportAsync(planId, analysis, options);

        preview.New.ShouldBe(1);
        preview.WithErrors.ShouldBe(4);
        preview.CanImport.ShouldBeFalse();
        preview.Rows[1].Errors.ShouldContain("Title: Give the feature a title.");
        preview.Rows[2].RowNumber.ShouldBe(4);
        preview.Rows[2].Errors.ShouldContain(e => e.StartsWith("Reach: \"ten\" is not a number"));
        preview.Rows[2].Errors.ShouldContain("Impact: Impact is one of 0.25, 0.5, 1, 2 or 3.");
        preview.Rows[2].Errors.ShouldContain("Confidence: Confidence is a percentage from 0 to 100.");
        preview.Rows[2].Errors.ShouldContain(e => e.StartsWith("Effort: \"1,500\" could mean 1500 or 1.500"));
        preview.Rows[2].Errors.ShouldContain("Value: Value goes from 1 to 5.");
        preview.Rows[3].Errors.ShouldHaveSingleItem().ShouldStartWith("There is no roadmap phase \"Someday\" in this plan. Use one of: MVP, Pilot");
        preview.Rows[4].Errors.ShouldHaveSingleItem().ShouldStartWith("Title: Keep this to 200 characters or fewer");
        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message.ShouldBe("Nothing was imported: 4 rows have errors (row 3, 4, 5, 6). Correct them and import again.");
        (await test.SnapshotAsync(test.WorkspaceId)).ShouldBe(before);
    }

    [Theory]
    [InlineData(DuplicateMode.Skip, 0, 1, "Old description")]
    [InlineData(DuplicateMode.Update, 0, 0, "New description")]
    [InlineData(DuplicateMode.Add, 1, 0, "Old description")]
    public async Task DuplicateTitle_SkippedUpdatedOrAddedAsChosen(DuplicateMode mode, int extraCopies, int skipped, string description)
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var existing = (await test.Get<FeatureService>().GetRowAsync(sample.PlanId, sample.FeatureId))!.ToInput();
        existing.Description = "Old description";
        existing.Owner = "Kept owner";
        await test.Get<FeatureService>().UpdateAsync(sample.PlanId, sample.FeatureId, existing);
        var analysis = await AnalyseAsync("Title,Description,MoSCoW\n  TOOL catalogue ,New description,Must\nBrand new,,\n");
        var options = CsvImportService.SuggestOptions(analysis);
        options.Duplicates = mode;

        var result = await test.Get<CsvImportService>().ImportAsync(sample.PlanId, analysis, options);

        result.Succeeded.ShouldBeTrue(result.Message);
        result.Value!.Skipped.ShouldBe(skipped);
        var catalogues = await ReadAsync(test, db => db.Features.Where(f => f.PlanId == sample.PlanId && f.Title.ToLower().Contains("catalogue")).OrderBy(f => f.Id).ToListAsync());
        catalogues.Count.ShouldBe(1 + extraCopies);
        catalogues[0].Description.ShouldBe(description);
        catalogues[0].Owner.ShouldBe("Kept owner"); // not mapped, so never overwritten
        catalogues[0].PhaseId.ShouldBe(sample.PhaseId);
        (await FeaturesAsync(test, sample.PlanId)).ShouldContainKey("Brand new");
    }

    [Fact]
    public async Task DuplicateTitlesWithinTheFile_DetectedLikeThoseInThePlan()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var analysis = await AnalyseAsync("Title,Reach\nLoan reminders,10\nloan reminders ,20\n");
        var options = CsvImportService.SuggestOptions(analysis);

        var preview = (await test.Get<CsvImportService>().PreviewAsync(planId, analysis, options)).Value!;
        preview.Rows.Select(r => r.Outcome).ShouldBe([RowOutcome.New, RowOutcome.Skip]);
        preview.Rows[1].Note.ShouldBe("Skipped: row 2 has the same title.");

        options.Duplicates = DuplicateMode.Update;
        var result = await test.Get<CsvImportService>().ImportAsync(planId, analysis, options);

        result.Value!.Added.ShouldBe(1);
        result.Value.Updated.ShouldBe(1);
        (await FeaturesAsync(test, planId)).ShouldHaveSingleItem().Value.Reach.ShouldBe(20);
    }

    [Fact]
    public async Task NewFeatures_GoToTheEndOfTheirBoardCell_InFileOrder()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var analysis = await AnalyseAsync("Title,Phase,Lane\nFirst import,MVP,Design\nSecond import,mvp,design\nUnscheduled one,,\n");

        await ImportAsync(test, sample.PlanId, analysis);

        var features = await FeaturesAsync(test, sample.PlanId);
        (await test.CellAsync(sample.PlanId, sample.PhaseId, sample.LaneId)).Select(c => c.Id)
            .ShouldBe([sample.FeatureId, sample.SecondFeatureId, features["First import"].Id, features["Second import"].Id]);
        (await test.CellAsync(sample.PlanId, null, null)).ShouldHaveSingleItem().Rank.ShouldBe(0);
    }

    [Fact]
    public async Task TenThousandRows_AreImported()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var csv = new StringBuilder("Title,Description,Status,Priority,Reach,Impact,Confidence,Effort,Phase\n");
        for (var i = 1; i <= 10_000; i++)
        {
            csv.Append($"Feature {i},\"Line one\nline two, with a comma\",In Progress,High,{i},2,80,1.5,Pilot\n");
        }

        var analysis = await AnalyseAsync(csv.ToString());
        var result = await ImportAsync(test, planId, analysis);

        result.Value!.Added.ShouldBe(10_000);
        await using var db = await test.NewContextAsync();
        (await db.Features.CountAsync(f => f.PlanId == planId)).ShouldBe(10_000);
        (await db.Features.Where(f => f.PlanId == planId).MaxAsync(f => f.Rank)).ShouldBe(9_999);
    }

    [Fact]
    public async Task FileOverTheLimits_RefusedWithAMessage()
    {
        var big = new MemoryStream(new byte[CsvFileReader.MaxBytes + 1]);
        var tooBig = await CsvImportService.AnalyseAsync(big, "big.csv", ImportKind.Features);
        tooBig.Status.ShouldBe(ResultStatus.Invalid);
        tooBig.Message.ShouldBe("This file is larger than 10 MB. Split it into smaller files and import them one after another.");

        var rows = new StringBuilder("Title\n");
        for (var i = 0; i <= CsvFileReader.MaxRows; i++)
        {
            rows.Append('F').Append(i).Append('\n');
        }

        var tooMany = await CsvImportService.AnalyseAsync(new MemoryStream(Encoding.UTF8.GetBytes(rows.ToString())), "many.csv", ImportKind.Features);
        tooMany.Message.ShouldBe("This file has more than 20,000 rows. Split it into smaller files and import them one after another.");
    }

    [Theory]
    [InlineData("", "This file is empty.")]
    [InlineData("Title,Status\n", "This file has column names but no rows to import.")]
    [InlineData("Title,Description\nLoans,\"never closed\nLate fees,x\n", "This file could not be read as CSV")]
    [InlineData("\0\u0001PK\u0003\u0004 binary", "This does not look like a CSV file")]
    [InlineData(",,\nLoans,x,y\n", "The first row of this file is empty.")]
    public async Task MalformedFile_RefusedWithAMessage(string content, string message)
    {
        var result = await CsvImportService.AnalyseAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)), "bad.csv", ImportKind.Features);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message!.ShouldStartWith(message);
    }

    [Fact]
    public async Task OldExcelAnsiFile_AccentsSurvive()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var latin1 = System.Text.Encoding.Latin1.GetBytes("Title;Owner\nCafé finder;Zoë\n");

        var analysis = await CsvImportService.AnalyseAsync(new MemoryStream(latin1), "ansi.csv", ImportKind.Features);
        await ImportAsync(test, planId, analysis.Value!);

        (await FeaturesAsync(test, planId))["Café finder"].Owner.ShouldBe("Zoë");
    }

    [Theory]
    [InlineData("2,5", 2.5)]
    [InlineData("2.5", 2.5)]
    [InlineData("0,25", 0.25)]
    [InlineData(" 3 ", 3.0)]
    public async Task Effort_DecimalPointOrComma_ReadTheSame(string written, double effort)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        await ImportAsync(test, planId, await AnalyseAsync($"Title;Effort\nOffline mode;{written}\n"));

        (await FeaturesAsync(test, planId))["Offline mode"].Effort.ShouldBe(effort);
    }

    [Theory]
    [InlineData("1.500")]
    [InlineData("1,500")]
    [InlineData("1,500.5")]
    [InlineData("2,5 weeks")]
    public async Task Reach_AmbiguousOrNotANumber_IsARowErrorNotAGuess(string written)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var analysis = await AnalyseAsync($"Title;Reach\nOffline mode;{written}\n");

        var preview = (await test.Get<CsvImportService>().PreviewAsync(planId, analysis, CsvImportService.SuggestOptions(analysis))).Value!;

        preview.Rows.ShouldHaveSingleItem().Errors.ShouldHaveSingleItem().ShouldStartWith($"Reach: \"{written}\"");
    }

    [Fact]
    public async Task Viewer_CannotImport_AndNothingIsWritten()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var analysis = await AnalyseSampleAsync("jira-export.csv");
        var viewer = await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer);
        var before = await test.SnapshotAsync(test.WorkspaceId);
        test.ActAs(viewer);

        var result = await test.Get<CsvImportService>().ImportAsync(sample.PlanId, analysis, CsvImportService.SuggestOptions(analysis));

        result.Status.ShouldBe(ResultStatus.Forbidden);
        (await test.Get<CsvImportService>().PreviewAsync(sample.PlanId, analysis, CsvImportService.SuggestOptions(analysis))).Status.ShouldBe(ResultStatus.Forbidden);
        test.ActAs(test.Owner);
        (await test.SnapshotAsync(test.WorkspaceId)).ShouldBe(before);
    }

    [Fact]
    public async Task UndoImport_RemovesTheImportedFeatures()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var result = await ImportAsync(test, sample.PlanId, await AnalyseSampleAsync("trello-export.csv"));
        result.Undo.ShouldNotBeNull();

        var undone = await test.Get<UndoService>().UndoAsync(sample.PlanId, result.Undo.ChangeSetId);

        undone.Succeeded.ShouldBeTrue(undone.Message);
        (await FeaturesAsync(test, sample.PlanId)).Keys.ShouldBe(["Tool catalogue", "Borrow request"], ignoreOrder: true);
    }

    [Fact]
    public async Task Import_IsOneChangeInTheActivity()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await ImportAsync(test, planId, await AnalyseSampleAsync("productboard-export.csv"));

        var changeSets = await ReadAsync(test, db => db.ActivityEntries.Where(a => a.PlanId == planId && a.ChangeSetId == result.Undo!.ChangeSetId).CountAsync());
        changeSets.ShouldBe(4);
    }

    [Fact]
    public async Task PersonasAndProblems_ImportedWithTheirLinks()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personas = await AnalyseAsync("Name,User group,Goals\nBo the borrower,Residents,Borrow a drill\nLia the lender,Members,Share tools\n", ImportKind.Personas);
        (await ImportAsync(test, planId, personas)).Value!.Added.ShouldBe(2);
        var problems = await AnalyseAsync("Problem,Severity,Frequency,Personas\nCannot find a tool,Severe,Every week,Bo the borrower; lia the lender\nTools come back late,2,daily,\n", ImportKind.Problems);

        (await ImportAsync(test, planId, problems)).Value!.Added.ShouldBe(2);

        var list = await test.Get<ProblemService>().ListAsync(planId);
        var find = list.Single(p => p.Statement == "Cannot find a tool");
        (find.Severity, find.Frequency).ShouldBe((4, ProblemFrequency.Weekly));
        find.Personas.Select(p => p.Name).ShouldBe(["Bo the borrower", "Lia the lender"]);
        var late = list.Single(p => p.Statement == "Tools come back late");
        late.HasNoPersona.ShouldBeTrue();
        late.Frequency.ShouldBe(ProblemFrequency.Daily);
    }

    [Fact]
    public async Task FeatureLinkedToAProblemByItsStatement()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var analysis = await AnalyseAsync("Title,Problems solved\nTool map,cannot find a tool nearby\nMystery,No such problem\n");
        var preview = (await test.Get<CsvImportService>().PreviewAsync(sample.PlanId, analysis, CsvImportService.SuggestOptions(analysis))).Value!;
        preview.Rows[1].Errors.ShouldHaveSingleItem().ShouldStartWith("There is no problem \"No such problem\" in this plan.");

        var fixedFile = await AnalyseAsync("Title,Problems solved\nTool map,cannot find a tool nearby\n");
        await ImportAsync(test, sample.PlanId, fixedFile);

        var row = (await test.Get<FeatureService>().ListAsync(sample.PlanId)).Single(f => f.Title == "Tool map");
        row.Problems.ShouldHaveSingleItem().Id.ShouldBe(sample.ProblemId);
    }

    [Fact]
    public async Task ExportedDates_ImportBackWithTheirPrecision()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        await CsvExportTests.SetDatesAsync(test, sample.PlanId, sample.FeatureId, (new DateTime(2027, 3, 12), DatePrecision.Day), (new DateTime(2027, 5, 1), DatePrecision.Month));
        await CsvExportTests.SetDatesAsync(test, sample.PlanId, sample.SecondFeatureId, (new DateTime(2027, 4, 1), DatePrecision.Quarter), (null, DatePrecision.Day));
        var export = await test.Get<CsvExportService>().FeaturesAsync(sample.PlanId);

        var again = await test.CreatePlanAsync("Copy");
        var analysis = await CsvImportService.AnalyseAsync(new MemoryStream(export.Value!.Content), "features.csv", ImportKind.Features);
        analysis.Value!.SuggestedMapping[ImportFields.Start].ShouldBe(analysis.Value.Headers.ToList().IndexOf("Start"));
        analysis.Value.SuggestedMapping[ImportFields.Target].ShouldBe(analysis.Value.Headers.ToList().IndexOf("Target"));
        var options = CsvImportService.SuggestOptions(analysis.Value);
        options.Mapping.Remove(ImportFields.Phase); // the copy has no phases or lanes yet
        options.Mapping.Remove(ImportFields.Lane);
        options.Mapping.Remove(ImportFields.Problems);
        (await test.Get<CsvImportService>().ImportAsync(again, analysis.Value, options)).Succeeded.ShouldBeTrue();

        var copies = await FeaturesAsync(test, again);
        copies["Tool catalogue"].Start.ShouldBe(new FuzzyDate(new DateOnly(2027, 3, 12), DatePrecision.Day));
        copies["Tool catalogue"].Target.ShouldBe(new FuzzyDate(new DateOnly(2027, 5, 1), DatePrecision.Month));
        copies["Borrow request"].Start.ShouldBe(new FuzzyDate(new DateOnly(2027, 4, 1), DatePrecision.Quarter));
        copies["Borrow request"].Target.ShouldBeNull();
    }

    [Theory]
    [InlineData("Due date", "15/Mar/27 12:00 AM", "2027-03-15", DatePrecision.Day)]
    [InlineData("Due", "2027-03-15 09:00", "2027-03-15", DatePrecision.Day)]
    [InlineData("Target date", "2027-03-15T23:30:00.000Z", "2027-03-15", DatePrecision.Day)]
    [InlineData("Target", "2027-03", "2027-03-01", DatePrecision.Month)]
    [InlineData("Target", "2027-Q2", "2027-04-01", DatePrecision.Quarter)]
    [InlineData("Target", "Q4 2027", "2027-10-01", DatePrecision.Quarter)]
    public async Task TargetColumn_JiraDueDateOrFuzzyDate_BecomesTheTarget(string header, string written, string first, DatePrecision precision)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var analysis = await AnalyseAsync($"Summary;{header}\nOffline mode;{written}\n");

        await ImportAsync(test, planId, analysis);

        (await FeaturesAsync(test, planId))["Offline mode"].Target.ShouldBe(new FuzzyDate(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), precision));
    }

    [Fact]
    public async Task Dates_UnreadableOrStartAfterTarget_AreRowErrors_AndNothingIsImported()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var analysis = await AnalyseAsync("Title,Start date,Due date\nGood,2027-Q1,2027-03\nSoon,next week,\nSlashes,,03/04/2027\nBackwards,2027-06,2027-Q1\nNo day,2027-02-30,\n");
        var options = CsvImportService.SuggestOptions(analysis);
        var before = await test.SnapshotAsync(test.WorkspaceId);

        var preview = (await test.Get<CsvImportService>().PreviewAsync(planId, analysis, options)).Value!;
        var result = await test.Get<CsvImportService>().ImportAsync(planId, analysis, options);

        preview.Rows[0].Outcome.ShouldBe(RowOutcome.New);
        preview.Rows[0].Values[ImportFields.Start].ShouldBe("2027-Q1");
        preview.Rows[1].Errors.ShouldHaveSingleItem().ShouldBe("Start: \"next week\" is not a date this import reads. Write a day as 2027-03-15, a month as 2027-03 or a quarter as 2027-Q1.");
        preview.Rows[2].Errors.ShouldHaveSingleItem().ShouldStartWith("Target: \"03/04/2027\" could be day first or month first.");
        preview.Rows[3].Errors.ShouldHaveSingleItem().ShouldBe("Target: The target cannot be before the start.");
        preview.Rows[4].Errors.ShouldHaveSingleItem().ShouldStartWith("Start: \"2027-02-30\" is not a date");
        result.Status.ShouldBe(ResultStatus.Invalid);
        (await test.SnapshotAsync(test.WorkspaceId)).ShouldBe(before);
    }

    [Fact]
    public async Task Update_EmptyDateCellClears_UnmatchedDateColumnKeeps_AndTheKeptDateStillOrdersTheNewOne()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        await CsvExportTests.SetDatesAsync(test, sample.PlanId, sample.FeatureId, (new DateTime(2027, 6, 1), DatePrecision.Month), (new DateTime(2027, 9, 30), DatePrecision.Day));
        await CsvExportTests.SetDatesAsync(test, sample.PlanId, sample.SecondFeatureId, (new DateTime(2027, 6, 1), DatePrecision.Month), (new DateTime(2027, 9, 30), DatePrecision.Day));

        var backwards = await AnalyseAsync("Title,Target\nTool catalogue,2027-Q1\n");
        var refused = await test.Get<CsvImportService>().PreviewAsync(sample.PlanId, backwards, new ImportOptions { Mapping = new(backwards.SuggestedMapping), Duplicates = DuplicateMode.Update });
        refused.Value!.Rows.ShouldHaveSingleItem().Errors.ShouldHaveSingleItem()
            .ShouldBe("Target: The target cannot be before the start. The feature starts 2027-06, and the file has no start column.");

        var analysis = await AnalyseAsync("Title,Target\nTool catalogue,\nBorrow request,2027-Q4\n");
        var result = await test.Get<CsvImportService>().ImportAsync(sample.PlanId, analysis, new ImportOptions { Mapping = new(analysis.SuggestedMapping), Duplicates = DuplicateMode.Update });

        result.Value!.Updated.ShouldBe(2);
        var features = await FeaturesAsync(test, sample.PlanId);
        features["Tool catalogue"].Start.ShouldBe(new FuzzyDate(new DateOnly(2027, 6, 1), DatePrecision.Month));
        features["Tool catalogue"].Target.ShouldBeNull();
        features["Borrow request"].Start.ShouldBe(new FuzzyDate(new DateOnly(2027, 6, 1), DatePrecision.Month));
        features["Borrow request"].Target.ShouldBe(new FuzzyDate(new DateOnly(2027, 10, 1), DatePrecision.Quarter));
    }

    private static async Task<ServiceResult<ImportSummary>> ImportAsync(TestDatabase test, int planId, CsvAnalysis analysis)
    {
        var result = await test.Get<CsvImportService>().ImportAsync(planId, analysis, CsvImportService.SuggestOptions(analysis));
        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        return result;
    }

    private static async Task<CsvAnalysis> AnalyseSampleAsync(string name)
    {
        await using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "ImportExport", "Samples", name));
        var result = await CsvImportService.AnalyseAsync(file, name, ImportKind.Features);
        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        return result.Value!;
    }

    private static async Task<CsvAnalysis> AnalyseAsync(string csv, ImportKind kind = ImportKind.Features)
    {
        var result = await CsvImportService.AnalyseAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "test.csv", kind);
        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        return result.Value!;
    }

    private static async Task<Dictionary<string, Feature>> FeaturesAsync(TestDatabase test, int planId) =>
        (await ReadAsync(test, db => db.Features.Where(f => f.PlanId == planId).ToListAsync())).ToDictionary(f => f.Title);

    private static async Task<T> ReadAsync<T>(TestDatabase test, Func<MvpPlanner.Core.Data.PlannerDbContext, Task<T>> read)
    {
        await using var db = await test.NewContextAsync();
        return await read(db);
    }
}
