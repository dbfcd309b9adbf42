using MvpPlanner.Core.Common;
using MvpPlanner.Core.ImportExport;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.Plans;

/// <summary>A plan taken elsewhere through plan.json keeps its outcomes' numbers, links and measurements.</summary>
public class OutcomePlanJsonTests
{
    [Fact]
    public async Task ExportThenImport_KeepsNumbersPersonaFeaturesAndMeasurements()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId, "Bo the borrower");
        var featureId = await test.CreateFeatureAsync(planId, "Tool catalogue");
        var added = await test.Get<PlanService>().AddOutcomeAsync(planId, new OutcomeInput
        {
            Description = "Residents borrow instead of buying", Metric = "Loans per month", Target = "60",
            BaselineValue = 10, TargetValue = 60.5m, TargetDate = new DateTime(2026, 12, 31), PersonaId = personaId, FeatureIds = [featureId],
        });
        added.Status.ShouldBe(ResultStatus.Ok, added.Message);
        var outcomes = test.Get<OutcomeService>();
        await outcomes.RecordMeasurementAsync(planId, added.Value, new MeasurementInput { MeasuredOn = new DateTime(2026, 2, 1), Value = 12.25m, Note = "<b>first</b>" });
        await outcomes.RecordMeasurementAsync(planId, added.Value, new MeasurementInput { MeasuredOn = new DateTime(2026, 3, 1), Value = 20 });

        var file = await test.Get<PlanExportService>().PlanJsonAsync(planId);
        var document = await test.Get<PlanImportService>().ReadAsync(new MemoryStream(file.Value!.Content));
        document.Status.ShouldBe(ResultStatus.Ok, document.Message);
        var imported = await test.Get<PlanImportService>().ImportAsync(test.WorkspaceId, document.Value!);
        imported.Status.ShouldBe(ResultStatus.Ok, imported.Message);

        var copy = (await outcomes.ListAsync(imported.Value))!.Outcomes.ShouldHaveSingleItem();
        copy.BaselineValue.ShouldBe(10m);
        copy.TargetValue.ShouldBe(60.5m);
        copy.TargetDate.ShouldBe(new DateOnly(2026, 12, 31));
        copy.Persona!.Name.ShouldBe("Bo the borrower");
        copy.Features.Select(f => f.Name).ShouldBe(["Tool catalogue"]);
        copy.Measurements.Select(m => (m.MeasuredOn, m.Value, m.Note)).ShouldBe([(new DateOnly(2026, 2, 1), 12.25m, "<b>first</b>"), (new DateOnly(2026, 3, 1), 20m, "")]);
    }

    [Fact]
    public async Task Import_OutcomeReferringToAMissingPersona_IsRefusedWithAMessage()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        await test.Get<PlanService>().AddOutcomeAsync(planId, new OutcomeInput { Description = "D", Metric = "M", Target = "T" });
        var document = (await test.Get<PlanExportService>().GetDocumentAsync(planId)).Value!;
        var broken = document with { Outcomes = [document.Outcomes[0] with { Persona = "persona-99" }] };

        var imported = await test.Get<PlanImportService>().ImportAsync(test.WorkspaceId, broken);

        imported.Status.ShouldBe(ResultStatus.Invalid);
        imported.Errors.Values.SelectMany(e => e).ShouldContain(e => e.Contains("persona \"persona-99\", which is not in the file"));
    }
}
