using MvpPlanner.Core.Common;
using MvpPlanner.Core.ImportExport;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.ImportExport;

/// <summary>The plan templates (src/MvpPlanner.Core/ImportExport/Templates/*.json), read from the source tree: each one
/// passes every import rule, becomes a plan, and starts as a sound MVO. A fresh plan has no KPI measurements yet, and a
/// team may add a process for a journey stage later, so those findings are expected; nothing else is.</summary>
public class PlanTemplateFilesTests
{
    /// <summary>What a fresh template may still be told: record a first measurement, cover a stage with a process.</summary>
    private static readonly HashSet<string> ExpectedFindings = ["kpi-not-measured", "stage-without-process"];

    private static readonly string[] WordsUsersMustNotSee = ["todo", "lorem", "placeholder", "seed", "tbd", "xxx"];

    public static string TemplatesFolder { get; } = Path.Combine(RepositoryRoot(), "src", "MvpPlanner.Core", "ImportExport", "Templates");

    public static TheoryData<string> TemplateFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TemplatesFolder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void TheTemplatesFolder_HoldsTheThreeTemplates()
    {
        Directory.GetFiles(TemplatesFolder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["concierge-service.json", "internal-tool.json", "software-dashboard.json"]);
    }

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public async Task Template_IsAcceptedAndImportsAsASoundPlan(string fileName)
    {
        await using var test = await TestDatabase.CreateAsync();
        var import = test.Get<PlanImportService>();

        PlanDocument document;
        await using (var file = File.OpenRead(Path.Combine(TemplatesFolder, fileName)))
        {
            var read = await import.ReadAsync(file);
            read.Status.ShouldBe(ResultStatus.Ok, $"{fileName}: {read.Message}");
            document = read.Value!;
        }

        var imported = await import.ImportAsync(test.WorkspaceId, document);
        imported.Status.ShouldBe(ResultStatus.Ok, $"{fileName}: {imported.Message}");

        var ops = (await test.Get<OperationsService>().GetAsync(imported.Value)).ShouldNotBeNull();
        ops.Kpis.Count.ShouldBeInRange(2, 3, $"{fileName}: the MVO advice is 2–3 KPIs.");
        ops.Processes.ShouldContain(p => p.KeepsCorePromise, $"{fileName}: one process keeps the core promise.");
        ops.Processes.ShouldAllBe(p => p.OwnerRoleId != null && p.StageId != null, $"{fileName}: every process has an owner and a stage.");
        ops.Processes.Count.ShouldBeInRange(3, 5, fileName);
        foreach (var feature in ops.Features.Where(f => f.NeedsOperationalSupport))
        {
            ops.Processes.ShouldContain(p => p.FeatureIds.Contains(feature.Id), $"{fileName}: \"{feature.Title}\" needs operational support but no process is behind it.");
        }

        var report = (await test.Get<ReadinessService>().CheckAsync(imported.Value)).ShouldNotBeNull();
        var unexpected = report.Findings.Where(f => !ExpectedFindings.Contains(f.Rule)).Select(f => $"{f.Rule}: {f.Title}").ToList();
        unexpected.ShouldBeEmpty($"{fileName}: a fresh plan from this template should have only 'not measured yet' or 'stage without process' findings.");
        report.Findings.ShouldNotContain(f => f.Severity == FindingSeverity.High, fileName);
        report.Findings.Count(f => f.Rule == "stage-without-process").ShouldBeLessThanOrEqualTo(2, $"{fileName}: keep the critical path covered.");
    }

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public async Task Template_IsAStartingPointWithNothingThatGoesStale(string fileName)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(TemplatesFolder, fileName));
        foreach (var word in WordsUsersMustNotSee)
        {
            System.Text.RegularExpressions.Regex.IsMatch(text, $@"\b{word}\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
                .ShouldBeFalse($"{fileName} shows users the word \"{word}\".");
        }

        await using var test = await TestDatabase.CreateAsync();
        var read = await test.Get<PlanImportService>().ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)));
        read.Status.ShouldBe(ResultStatus.Ok, $"{fileName}: {read.Message}");
        var d = read.Value!;

        d.SchemaVersion.ShouldBe(PlanDocument.CurrentSchemaVersion);
        d.Plan.IsArchived.ShouldBeFalse();
        d.Plan.CompletedLaunchSteps.ShouldBeEmpty();
        d.Plan.Vision.ShouldNotBeNullOrWhiteSpace();
        d.Plan.ValueProposition.ShouldNotBeNullOrWhiteSpace();
        d.Workshops.ShouldBeEmpty();
        d.Kpis.ShouldAllBe(k => k.Measurements.Count == 0 && k.Reviews.Count == 0 && k.OwnerRole != null && k.Target != null && k.Unit != "");
        d.Phases.ShouldAllBe(p => p.StartDate == null && p.EndDate == null);

        d.Phases.Select(p => p.Name).ShouldBe(RoadmapDefaults.Phases.Select(p => p.Name));
        d.Lanes.Select(l => l.Name).ShouldBe(RoadmapDefaults.Lanes);

        d.Outcomes.Count.ShouldBeInRange(2, 3, fileName);
        d.Personas.Count.ShouldBeInRange(1, 2, fileName);
        d.Problems.Count.ShouldBeInRange(2, 4, fileName);
        d.Problems.ShouldAllBe(p => p.Personas.Count > 0);
        d.Features.Count.ShouldBeInRange(6, 10, fileName);
        d.Features.ShouldAllBe(f => f.Problems.Count > 0 && (f.Phase == null) == (f.Lane == null));
        d.Features.ShouldContain(f => f.Phase == null, $"{fileName}: some features wait unscheduled.");
        d.Features.ShouldContain(f => f.Phase == "phase-mvp" || d.Phases[0].Key == f.Phase, $"{fileName}: the MVP phase has features.");
        d.Features.GroupBy(f => (f.Phase, f.Lane)).Where(g => g.Key.Phase != null)
            .ShouldAllBe(cell => cell.Select(f => f.Rank).Distinct().Count() == cell.Count());
        d.Commitments.ShouldNotBeEmpty();
        d.JourneyStages.Count.ShouldBe(OperationsDefaults.Stages.Count);
        d.CoreProcesses.ShouldAllBe(p => p.Tools.Count > 0 && Lines.Split(p.Steps).Count < OperationsDefaults.ManyProcessSteps);
        d.CoreProcesses.Count(p => p.KeepsCorePromise).ShouldBe(1, fileName);
        d.EssentialTools.ShouldNotBeEmpty();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MvpPlanner.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No MvpPlanner.sln above {AppContext.BaseDirectory}.");
    }
}
