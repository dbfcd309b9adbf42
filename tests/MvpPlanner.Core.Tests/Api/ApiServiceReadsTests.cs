using MvpPlanner.Core.Common;
using MvpPlanner.Core.Feedback;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.Api;

/// <summary>What the API needs from the services: one item by id, "no such plan" told apart from "none yet", a delete
/// only at the version the caller saw (If-Match), and a new reading's id.</summary>
public class ApiServiceReadsTests
{
    [Fact]
    public async Task PersonaAndProblem_AreReadOneByOne_OnlyInTheirPlan()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var otherPlan = await test.CreatePlanAsync("Other plan");
        var personaId = await test.CreatePersonaAsync(planId, "Lena");
        var problemId = await test.CreateProblemAsync(planId, "Tools go missing", personaId);

        (await test.Get<PersonaService>().GetAsync(planId, personaId))!.Problems.ShouldHaveSingleItem().Id.ShouldBe(problemId);
        (await test.Get<ProblemService>().GetAsync(planId, problemId))!.Personas.ShouldHaveSingleItem().Name.ShouldBe("Lena");
        (await test.Get<PersonaService>().GetAsync(otherPlan, personaId)).ShouldBeNull();
        (await test.Get<ProblemService>().GetAsync(otherPlan, problemId)).ShouldBeNull();
    }

    [Fact]
    public async Task TryList_IsNullForAnOutsider_AndEmptyForAnEmptyPlan()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var (outsider, _) = await test.CreateOutsiderAsync();

        (await test.Get<PersonaService>().TryListAsync(planId)).ShouldBeEmpty();
        (await test.Get<ProblemService>().TryListAsync(planId)).ShouldBeEmpty();
        (await test.Get<FeedbackService>().TryListAsync(planId, new FeedbackQuery()))!.Rows.ShouldBeEmpty();
        (await test.Get<FeedbackService>().TryCountsAsync(planId)).ShouldBe(new FeedbackCounts(0, 0, 0));
        test.ActAs(outsider);
        (await test.Get<PersonaService>().TryListAsync(planId)).ShouldBeNull();
        (await test.Get<ProblemService>().TryListAsync(planId)).ShouldBeNull();
        (await test.Get<FeedbackService>().TryListAsync(planId, new FeedbackQuery())).ShouldBeNull();
        (await test.Get<FeedbackService>().TryCountsAsync(planId)).ShouldBeNull();
    }

    [Fact]
    public async Task Delete_AtAnOlderVersion_IsAConflictAndKeepsTheItem_AtTheCurrentVersionDeletes()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId, "Lena");
        var problemId = await test.CreateProblemAsync(planId, "Tools go missing", personaId);
        var outcomeId = (await test.Get<PlanService>().AddOutcomeAsync(planId, new OutcomeInput { Description = "Loans", Metric = "Loans a week", Target = "25" })).Value;
        var feedbackId = (await test.Get<FeedbackService>().CaptureAsync(planId, new FeedbackInput { Text = "Where is my drill?" })).Value;
        (await test.Get<PersonaService>().UpdateAsync(planId, personaId, new PersonaInput { Name = "Lena L.", Version = 1 })).Succeeded.ShouldBeTrue();

        var deletes = new (string What, Func<int?, Task<ServiceResult>> Delete, Func<Task<int>> Version, Func<Task<bool>> Exists)[]
        {
            ("persona", v => test.Get<PersonaService>().DeleteAsync(planId, personaId, v), () => test.VersionOfAsync<Persona>(personaId),
                async () => await test.Get<PersonaService>().GetAsync(planId, personaId) is not null),
            ("problem", v => test.Get<ProblemService>().DeleteAsync(planId, problemId, v), () => test.VersionOfAsync<Problem>(problemId),
                async () => await test.Get<ProblemService>().GetAsync(planId, problemId) is not null),
            ("outcome", v => test.Get<PlanService>().DeleteOutcomeAsync(planId, outcomeId, v), () => test.VersionOfAsync<TargetOutcome>(outcomeId),
                async () => await test.Get<OutcomeService>().GetAsync(planId, outcomeId) is not null),
            ("feedback", v => test.Get<FeedbackService>().DeleteAsync(planId, feedbackId, v), () => test.VersionOfAsync<FeedbackItem>(feedbackId),
                async () => await test.Get<FeedbackService>().GetAsync(planId, feedbackId) is not null),
        };

        foreach (var (what, delete, version, exists) in deletes)
        {
            var current = await version();
            (await delete(current - 1)).Status.ShouldBe(ResultStatus.Conflict, what);
            (await exists()).ShouldBeTrue(what);
            (await delete(current)).Succeeded.ShouldBeTrue(what);
            (await exists()).ShouldBeFalse(what);
        }
    }

    [Fact]
    public async Task AddMeasurement_ReturnsTheNewReadingsId()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var outcomeId = (await test.Get<PlanService>().AddOutcomeAsync(planId, new OutcomeInput { Description = "Loans", Metric = "Loans a week", Target = "25" })).Value;

        var added = await test.Get<OutcomeService>().AddMeasurementAsync(planId, outcomeId, new MeasurementInput { MeasuredOn = new DateTime(2026, 11, 30), Value = 12 });

        added.Succeeded.ShouldBeTrue(added.Message);
        (await test.Get<OutcomeService>().GetAsync(planId, outcomeId))!.Measurements.ShouldHaveSingleItem().Id.ShouldBe(added.Value);
    }
}
