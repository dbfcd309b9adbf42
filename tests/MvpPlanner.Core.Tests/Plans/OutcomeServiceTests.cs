using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.History;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.Plans;

/// <summary>Target outcomes with numbers, links and measurements, through the services over a real SQLite file.</summary>
public class OutcomeServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static MeasurementInput Reading(DateOnly on, decimal value, string note = "") =>
        new() { MeasuredOn = on.ToDateTime(TimeOnly.MinValue), Value = value, Note = note };

    private static async Task<int> AddOutcomeAsync(TestDatabase test, int planId, decimal? baseline = 10, decimal? target = 60, DateOnly? due = null,
        int? personaId = null, params int[] featureIds)
    {
        var result = await test.Get<PlanService>().AddOutcomeAsync(planId, new OutcomeInput
        {
            Description = "Residents borrow instead of buying",
            Metric = "Loans per month",
            Target = "60 loans",
            BaselineValue = baseline,
            TargetValue = target,
            TargetDate = due?.ToDateTime(TimeOnly.MinValue),
            PersonaId = personaId,
            FeatureIds = featureIds,
        });
        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        return result.Value;
    }

    [Fact]
    public async Task AddOutcome_WithNumbersPersonaAndFeatures_ReadBackWithStatus()
    {
        await using var test = await TestDatabase.CreateAsync(new TestClock(Now));
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId, "Bo the borrower");
        var featureId = await test.CreateFeatureAsync(planId, "Tool catalogue");
        var outcomeId = await AddOutcomeAsync(test, planId, 10, 60, new DateOnly(2026, 12, 31), personaId, featureId);

        var outcome = (await test.Get<OutcomeService>().ListAsync(planId)).ShouldNotBeNull().Outcomes.ShouldHaveSingleItem();

        outcome.Id.ShouldBe(outcomeId);
        outcome.BaselineValue.ShouldBe(10m);
        outcome.TargetValue.ShouldBe(60m);
        outcome.TargetDate.ShouldBe(new DateOnly(2026, 12, 31));
        outcome.Persona!.Name.ShouldBe("Bo the borrower");
        outcome.Features.Select(f => f.Name).ShouldBe(["Tool catalogue"]);
        outcome.Progress.Status.ShouldBe(ProgressStatus.NoData);
    }

    [Fact]
    public async Task AddOutcome_TargetEqualsBaseline_IsInvalidOnTarget()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await test.Get<PlanService>().AddOutcomeAsync(planId, new OutcomeInput { Description = "D", Metric = "M", Target = "T", BaselineValue = 5, TargetValue = 5 });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([nameof(OutcomeInput.TargetValue)]);
    }

    [Fact]
    public async Task AddOutcome_PersonaOfAnotherPlan_IsInvalidOnPersona()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync("Mine");
        var foreignPersona = await test.CreatePersonaAsync(await test.CreatePlanAsync("Theirs"));

        var result = await test.Get<PlanService>().AddOutcomeAsync(planId, new OutcomeInput { Description = "D", Metric = "M", Target = "T", PersonaId = foreignPersona });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([nameof(OutcomeInput.PersonaId)]);
    }

    [Fact]
    public async Task RecordMeasurement_SavedWithHistory_StatusFollowsTheReading()
    {
        await using var test = await TestDatabase.CreateAsync(new TestClock(Now));
        var planId = await test.CreatePlanAsync();
        var outcomeId = await AddOutcomeAsync(test, planId, 10, 60, new DateOnly(2026, 12, 31));
        var outcomes = test.Get<OutcomeService>();

        var behind = await outcomes.RecordMeasurementAsync(planId, outcomeId, Reading(new DateOnly(2026, 3, 1), 10.5m, " <b>slow start</b> "));
        var ahead = await outcomes.RecordMeasurementAsync(planId, outcomeId, Reading(new DateOnly(2026, 3, 1), 30m));

        behind.Status.ShouldBe(ResultStatus.Ok, behind.Message);
        ahead.Undo.ShouldNotBeNull();
        var outcome = (await outcomes.GetAsync(planId, outcomeId)).ShouldNotBeNull();
        outcome.Measurements.Select(m => m.Value).ShouldBe([10.5m, 30m]);
        outcome.Measurements[0].Note.ShouldBe("<b>slow start</b>");
        outcome.Progress.Status.ShouldBe(ProgressStatus.OnTrack);
        (await outcomes.LatestValueAsync(planId, outcomeId)).ShouldBe(30m);
        var history = await test.Get<HistoryService>().ForItemAsync(planId, nameof(TargetOutcome), outcomeId);
        history[0].Fields.ShouldContain(f => f.After == "30 on 2026-03-01");
    }

    [Fact]
    public async Task RecordMeasurement_Undo_RemovesIt()
    {
        await using var test = await TestDatabase.CreateAsync(new TestClock(Now));
        var planId = await test.CreatePlanAsync();
        var outcomeId = await AddOutcomeAsync(test, planId);
        var recorded = await test.Get<OutcomeService>().RecordMeasurementAsync(planId, outcomeId, Reading(new DateOnly(2026, 2, 1), 12));

        (await test.Get<UndoService>().UndoAsync(planId, recorded.Undo!.ChangeSetId)).Succeeded.ShouldBeTrue();

        (await test.Get<OutcomeService>().LatestValueAsync(planId, outcomeId)).ShouldBeNull();
    }

    [Fact]
    public async Task UpdateAndDeleteMeasurement_AreHistory_AndUndoPutsTheReadingBack()
    {
        await using var test = await TestDatabase.CreateAsync(new TestClock(Now));
        var planId = await test.CreatePlanAsync();
        var outcomeId = await AddOutcomeAsync(test, planId);
        var outcomes = test.Get<OutcomeService>();
        await outcomes.RecordMeasurementAsync(planId, outcomeId, Reading(new DateOnly(2026, 2, 1), 12, "first"));
        var measurementId = (await outcomes.GetAsync(planId, outcomeId))!.Measurements[0].Id;

        var corrected = await outcomes.UpdateMeasurementAsync(planId, outcomeId, measurementId, Reading(new DateOnly(2026, 2, 2), 21.5m, "typo fixed"));
        corrected.Status.ShouldBe(ResultStatus.Ok, corrected.Message);
        (await outcomes.GetAsync(planId, outcomeId))!.Measurements.ShouldHaveSingleItem().ShouldBe(new MeasurementView(measurementId, new DateOnly(2026, 2, 2), 21.5m, "typo fixed"));
        var deleted = await outcomes.DeleteMeasurementAsync(planId, outcomeId, measurementId);
        deleted.Status.ShouldBe(ResultStatus.Ok, deleted.Message);
        (await outcomes.GetAsync(planId, outcomeId))!.Measurements.ShouldBeEmpty();

        var history = await test.Get<HistoryService>().ForItemAsync(planId, nameof(TargetOutcome), outcomeId);
        history[0].Fields.ShouldContain(f => f.Before == "21.5 on 2026-02-02");
        history[1].Fields.ShouldContain(f => f.Before == "12 on 2026-02-01" && f.After == "21.5 on 2026-02-02");

        (await test.Get<UndoService>().UndoAsync(planId, deleted.Undo!.ChangeSetId)).Succeeded.ShouldBeTrue();
        (await test.Get<UndoService>().UndoAsync(planId, corrected.Undo!.ChangeSetId)).Succeeded.ShouldBeTrue();
        (await outcomes.GetAsync(planId, outcomeId))!.Measurements.ShouldHaveSingleItem().ShouldBe(new MeasurementView(measurementId, new DateOnly(2026, 2, 1), 12, "first"));
    }

    [Fact]
    public async Task RecordMeasurement_ByViewer_IsRefusedAndNothingSaved()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var outcomeId = await AddOutcomeAsync(test, planId);
        test.ActAs(await test.CreateMemberAsync("Vera Viewer", WorkspaceRole.Viewer));

        var result = await test.Get<OutcomeService>().RecordMeasurementAsync(planId, outcomeId, Reading(new DateOnly(2026, 2, 1), 12));

        result.Status.ShouldBe(ResultStatus.Forbidden);
        (await test.Get<OutcomeService>().ListAsync(planId))!.Outcomes[0].Measurements.ShouldBeEmpty();
    }

    [Fact]
    public async Task RecordMeasurement_MissingValue_IsInvalidOnValue()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var outcomeId = await AddOutcomeAsync(test, planId);

        var result = await test.Get<OutcomeService>().RecordMeasurementAsync(planId, outcomeId, new MeasurementInput { MeasuredOn = DateTime.Today });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([nameof(MeasurementInput.Value)]);
    }

    [Fact]
    public async Task MeasurementOfAnotherPlansOutcome_IsNotFound()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync("Mine");
        var otherPlanId = await test.CreatePlanAsync("Theirs");
        var theirOutcome = await AddOutcomeAsync(test, otherPlanId);

        var result = await test.Get<OutcomeService>().RecordMeasurementAsync(planId, theirOutcome, Reading(new DateOnly(2026, 2, 1), 12));

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Fact]
    public async Task DeleteOutcome_ItsMeasurementsGoWithIt_AndComeBackOnRestore()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var outcomeId = await AddOutcomeAsync(test, planId);
        await test.Get<OutcomeService>().RecordMeasurementAsync(planId, outcomeId, Reading(new DateOnly(2026, 2, 1), 12));

        var deleted = await test.Get<PlanService>().DeleteOutcomeAsync(planId, outcomeId);

        deleted.Status.ShouldBe(ResultStatus.Ok, deleted.Message);
        await using (var db = await test.NewContextAsync())
        {
            (await db.OutcomeMeasurements.CountAsync(m => m.OutcomeId == outcomeId)).ShouldBe(0);
        }

        (await test.Get<UndoService>().UndoAsync(planId, deleted.Undo!.ChangeSetId)).Succeeded.ShouldBeTrue();
        (await test.Get<OutcomeService>().LatestValueAsync(planId, outcomeId)).ShouldBe(12m);
    }

    [Fact]
    public async Task UpdateOutcome_StaleVersion_IsConflictAndNumbersKept()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var outcomeId = await AddOutcomeAsync(test, planId, 10, 60);
        var plans = test.Get<PlanService>();
        var read = (await test.Get<OutcomeService>().GetAsync(planId, outcomeId))!.ToInput();
        var theirs = (await test.Get<OutcomeService>().GetAsync(planId, outcomeId))!.ToInput();

        read.TargetValue = 80;
        theirs.TargetValue = 90;
        (await plans.UpdateOutcomeAsync(planId, outcomeId, read)).Status.ShouldBe(ResultStatus.Ok);
        var second = await plans.UpdateOutcomeAsync(planId, outcomeId, theirs);

        second.Status.ShouldBe(ResultStatus.Conflict);
        (await test.Get<OutcomeService>().GetAsync(planId, outcomeId))!.TargetValue.ShouldBe(80m);
    }

    [Fact]
    public async Task UpdateOutcome_LinksChanged_FeaturesReplaced()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var first = await test.CreateFeatureAsync(planId, "Catalogue");
        var second = await test.CreateFeatureAsync(planId, "Reminders");
        var outcomeId = await AddOutcomeAsync(test, planId, featureIds: first);
        var input = (await test.Get<OutcomeService>().GetAsync(planId, outcomeId))!.ToInput();
        input.FeatureIds = [second];

        (await test.Get<PlanService>().UpdateOutcomeAsync(planId, outcomeId, input)).Status.ShouldBe(ResultStatus.Ok);

        (await test.Get<OutcomeService>().GetAsync(planId, outcomeId))!.Features.Select(f => f.Id).ShouldBe([second]);
    }
}
