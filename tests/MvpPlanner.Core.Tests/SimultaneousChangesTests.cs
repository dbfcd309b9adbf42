using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

/// <summary>Two people changing the same thing at once: deleting one item together, or saving a link to an item
/// someone else deletes meanwhile. Each ends with a clear answer, never an unhandled database error.</summary>
public class SimultaneousChangesTests
{
    private const int People = 4;

    /// <summary>Everyone presses "Delete" on the same item at the same moment.</summary>
    private static async Task AllDeleteAtOnceAsync(Func<Task<ServiceResult>> delete)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, People).Select(_ => Task.Run(delete)));

        results.Count(r => r.Succeeded).ShouldBe(1, string.Join("; ", results.Select(r => r.Message)));
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.Status == ResultStatus.NotFound);
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.Message!.Contains("deleted by someone else"));
    }

    // Two people deleting the same item at once

    [Fact]
    public async Task DeletePersona_SeveralPeopleAtOnce_OneDeletesOthersToldItIsGone()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        for (var round = 0; round < 3; round++)
        {
            var personaId = await test.CreatePersonaAsync(planId, $"Persona {round}");
            await test.CreateProblemAsync(planId, $"Problem {round}", personaId);

            await AllDeleteAtOnceAsync(() => test.Get<PersonaService>().DeleteAsync(planId, personaId));
        }

        (await test.Get<PersonaService>().ListAsync(planId)).ShouldBeEmpty();
        (await test.Get<ProblemService>().ListAsync(planId)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task DeleteProblem_SeveralPeopleAtOnce_OneDeletesOthersToldItIsGone()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId);

        for (var round = 0; round < 3; round++)
        {
            var problemId = await test.CreateProblemAsync(planId, $"Problem {round}", personaId);
            await test.CreateFeatureAsync(planId, $"Feature {round}", null, null, problemId);

            await AllDeleteAtOnceAsync(() => test.Get<ProblemService>().DeleteAsync(planId, problemId));
        }

        (await test.Get<ProblemService>().ListAsync(planId)).ShouldBeEmpty();
        (await test.Get<FeatureService>().ListAsync(planId)).ShouldAllBe(f => f.Problems.Count == 0);
    }

    [Fact]
    public async Task DeleteFeature_SeveralPeopleAtOnce_OneDeletesOthersToldItIsGone()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();

        await AllDeleteAtOnceAsync(() => test.Get<FeatureService>().DeleteAsync(sample.PlanId, sample.FeatureId));
        await AllDeleteAtOnceAsync(() => test.Get<FeatureService>().DeleteAsync(sample.PlanId, sample.SecondFeatureId));

        (await test.Get<FeatureService>().ListAsync(sample.PlanId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task DeletePhase_SeveralPeopleAtOnce_OneDeletesOthersToldItIsGoneAndFeaturesStay()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();

        await AllDeleteAtOnceAsync(() => test.Get<RoadmapService>().DeletePhaseAsync(sample.PlanId, sample.PhaseId));

        var board = await test.GetBoardAsync(sample.PlanId);
        board.Phases.ShouldNotContain(p => p.Id == sample.PhaseId);
        board.Phases.Select(p => p.Order).ShouldBe(Enumerable.Range(0, board.Phases.Count));
        (await test.CellAsync(sample.PlanId, null, sample.LaneId)).Select(c => c.Rank).ShouldBe([0, 1]);
    }

    [Fact]
    public async Task DeleteLane_SeveralPeopleAtOnce_OneDeletesOthersToldItIsGoneAndFeaturesStay()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();

        await AllDeleteAtOnceAsync(() => test.Get<RoadmapService>().DeleteLaneAsync(sample.PlanId, sample.LaneId));

        var board = await test.GetBoardAsync(sample.PlanId);
        board.Lanes.ShouldNotContain(l => l.Id == sample.LaneId);
        board.Lanes.Select(l => l.Order).ShouldBe(Enumerable.Range(0, board.Lanes.Count));
        (await test.CellAsync(sample.PlanId, sample.PhaseId, null)).Select(c => c.Rank).ShouldBe([0, 1]);
    }

    [Fact]
    public async Task DeleteOutcome_SeveralPeopleAtOnce_OneDeletesOthersToldItIsGone()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();

        await AllDeleteAtOnceAsync(() => test.Get<PlanService>().DeleteOutcomeAsync(sample.PlanId, sample.OutcomeId));

        (await test.Get<PlanService>().GetOverviewAsync(sample.PlanId)).ShouldNotBeNull().Outcomes.ShouldBeEmpty();
    }

    [Fact]
    public async Task DeletePlan_SeveralOwnersAtOnce_OneDeletesOthersToldItIsGone()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();

        await AllDeleteAtOnceAsync(() => test.Get<PlanService>().DeleteAsync(sample.PlanId));

        (await test.Get<PlanService>().ListAsync(includeArchived: true)).ShouldNotContain(p => p.Id == sample.PlanId);
    }

    [Fact]
    public async Task RemoveMember_SeveralOwnersAtOnce_OneRemovesOthersToldTheyAreGone()
    {
        await using var test = await TestDatabase.CreateAsync();
        var member = await test.CreateMemberAsync("Mia Member", WorkspaceRole.Editor);

        await AllDeleteAtOnceAsync(() => test.Get<WorkspaceService>().RemoveMemberAsync(test.WorkspaceId, member.UserId));

        (await test.Get<WorkspaceService>().ListMembersAsync(test.WorkspaceId)).ShouldNotContain(m => m.UserId == member.UserId);
    }

    [Fact]
    public async Task RemoveMember_TwoOwnersRemoveEachOtherAtOnce_WorkspaceKeepsAnOwner()
    {
        await using var test = await TestDatabase.CreateAsync();
        var second = await test.CreateMemberAsync("Sam Second", WorkspaceRole.Owner);
        var workspaces = test.Get<WorkspaceService>();

        // Both owners act through their own service calls; the caller is read before each call's checks.
        test.ActAs(test.Owner);
        var first = workspaces.RemoveMemberAsync(test.WorkspaceId, test.Owner.UserId);
        var other = workspaces.RemoveMemberAsync(test.WorkspaceId, second.UserId);
        var results = await Task.WhenAll(first, other);

        results.Count(r => r.Succeeded).ShouldBe(1, string.Join("; ", results.Select(r => r.Message)));
        await using var db = await test.NewContextAsync();
        db.WorkspaceMembers.Count(m => m.WorkspaceId == test.WorkspaceId && m.Role == WorkspaceRole.Owner).ShouldBe(1);
    }

    // A linked item deleted while someone saves a link to it

    [Fact]
    public async Task AddProcess_StageDeletedWhileFormOpen_FieldErrorOnStageAndNothingSaved()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var stageId = await test.AddStageAsync(planId, "Onboarding");
        var roleId = await test.AddRoleAsync(planId, "Host");
        var input = new ProcessInput { Name = "Welcome call", StageId = stageId, OwnerRoleId = roleId };

        (await test.Journey().DeleteStageAsync(planId, stageId)).Status.ShouldBe(ResultStatus.Ok);
        var result = await test.Processes().AddProcessAsync(planId, input);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ErrorsFor(nameof(ProcessInput.StageId)).ShouldHaveSingleItem().ShouldContain("no longer exists");
        (await test.GetOperationsAsync(planId)).Processes.ShouldBeEmpty();
    }

    [Fact]
    public async Task UpdateProcess_RoleDeletedWhileFormOpen_FieldErrorOnRoleAndProcessUnchanged()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var roleId = await test.AddRoleAsync(planId, "Host");
        var processId = await test.AddProcessAsync(planId, new ProcessInput { Name = "Welcome call" });
        var input = (await test.GetOperationsAsync(planId)).Processes.Single().ToInput();
        input.OwnerRoleId = roleId;
        var before = await test.OperationsSnapshotAsync(planId);

        (await test.Roles().DeleteRoleAsync(planId, roleId)).Status.ShouldBe(ResultStatus.Ok);
        var afterDelete = await test.OperationsSnapshotAsync(planId);
        var result = await test.Processes().UpdateProcessAsync(planId, processId, input);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ErrorsFor(nameof(ProcessInput.OwnerRoleId)).ShouldHaveSingleItem();
        before.ShouldNotBe(afterDelete);
        (await test.OperationsSnapshotAsync(planId)).ShouldBe(afterDelete);
    }

    [Fact]
    public async Task SaveProcess_WhileStagesAreDeleted_EveryoneGetsAnAnswerAndNoLinkToAGoneStage()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var processId = await test.AddProcessAsync(planId, new ProcessInput { Name = "Welcome call" });

        for (var round = 0; round < 4; round++)
        {
            var stageId = await test.AddStageAsync(planId, $"Stage {round}");
            var input = (await test.GetOperationsAsync(planId)).Processes.Single().ToInput();
            input.StageId = stageId;

            var results = await Task.WhenAll(
                Task.Run(() => test.Journey().DeleteStageAsync(planId, stageId)),
                Task.Run(() => test.Processes().UpdateProcessAsync(planId, processId, input)));

            results[0].Status.ShouldBe(ResultStatus.Ok, results[0].Message);
            if (!results[1].Succeeded)
            {
                results[1].ErrorsFor(nameof(ProcessInput.StageId)).ShouldHaveSingleItem();
            }

            (await test.GetOperationsAsync(planId)).Processes.Single().StageId.ShouldBeNull();
        }
    }

    [Fact]
    public async Task UpdateFeature_ProblemDeletedWhileFormOpen_FieldErrorOnProblemsAndFeatureUnchanged()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var doomed = await test.CreateProblemAsync(sample.PlanId, "Tools break on the first loan", sample.PersonaId);
        var input = (await test.Get<FeatureService>().ListAsync(sample.PlanId)).Single(f => f.Id == sample.FeatureId).ToInput();
        input.ProblemIds = [sample.ProblemId, doomed];

        (await test.Get<ProblemService>().DeleteAsync(sample.PlanId, doomed)).Status.ShouldBe(ResultStatus.Ok);
        var before = await test.SnapshotAsync(sample.WorkspaceId);
        var result = await test.Get<FeatureService>().UpdateAsync(sample.PlanId, sample.FeatureId, input);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ErrorsFor(nameof(FeatureInput.ProblemIds)).ShouldHaveSingleItem().ShouldContain("deleted");
        (await test.SnapshotAsync(sample.WorkspaceId)).ShouldBe(before);
    }

    [Fact]
    public async Task CreateFeature_ProblemDeletedWhileFormOpen_FieldErrorOnProblemsAndNothingAdded()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var doomed = await test.CreateProblemAsync(sample.PlanId, "Tools break on the first loan", sample.PersonaId);

        (await test.Get<ProblemService>().DeleteAsync(sample.PlanId, doomed)).Status.ShouldBe(ResultStatus.Ok);
        var before = await test.SnapshotAsync(sample.WorkspaceId);
        var result = await test.Get<FeatureService>().CreateAsync(sample.PlanId, new FeatureInput { Title = "Repair log", ProblemIds = [doomed] });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ErrorsFor(nameof(FeatureInput.ProblemIds)).ShouldHaveSingleItem();
        (await test.SnapshotAsync(sample.WorkspaceId)).ShouldBe(before);
    }

    [Fact]
    public async Task SaveFeature_WhileItsProblemIsDeleted_EveryoneGetsAnAnswer()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();

        for (var round = 0; round < 4; round++)
        {
            var problemId = await test.CreateProblemAsync(sample.PlanId, $"Problem {round}", sample.PersonaId);
            var input = (await test.Get<FeatureService>().ListAsync(sample.PlanId)).Single(f => f.Id == sample.FeatureId).ToInput();
            input.ProblemIds = [problemId];

            var results = await Task.WhenAll(
                Task.Run(() => test.Get<ProblemService>().DeleteAsync(sample.PlanId, problemId)),
                Task.Run(() => test.Get<FeatureService>().UpdateAsync(sample.PlanId, sample.FeatureId, input)));

            results[0].Status.ShouldBe(ResultStatus.Ok, results[0].Message);
            if (!results[1].Succeeded)
            {
                results[1].ErrorsFor(nameof(FeatureInput.ProblemIds)).ShouldHaveSingleItem();
            }

            (await test.Get<FeatureService>().ListAsync(sample.PlanId)).Single(f => f.Id == sample.FeatureId).Problems.ShouldNotContain(p => p.Id == problemId);
        }
    }

    [Fact]
    public async Task SaveProblem_PersonaDeletedWhileFormOpen_FieldErrorOnPersonas()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var doomed = await test.CreatePersonaAsync(sample.PlanId, "Lena the lender");
        var input = (await test.Get<ProblemService>().ListAsync(sample.PlanId)).Single(p => p.Id == sample.ProblemId).ToInput();
        input.PersonaIds = [sample.PersonaId, doomed];

        (await test.Get<PersonaService>().DeleteAsync(sample.PlanId, doomed)).Status.ShouldBe(ResultStatus.Ok);
        var before = await test.SnapshotAsync(sample.WorkspaceId);
        var updated = await test.Get<ProblemService>().UpdateAsync(sample.PlanId, sample.ProblemId, input);
        var created = await test.Get<ProblemService>().CreateAsync(sample.PlanId, new ProblemInput { Statement = "No time to lend", PersonaIds = [doomed] });

        updated.ErrorsFor(nameof(ProblemInput.PersonaIds)).ShouldHaveSingleItem();
        created.ErrorsFor(nameof(ProblemInput.PersonaIds)).ShouldHaveSingleItem();
        (await test.SnapshotAsync(sample.WorkspaceId)).ShouldBe(before);
    }

    [Fact]
    public async Task MoveFeature_IntoPhaseDeletedMeanwhile_NotFoundOnPhaseFieldAndCardStays()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var roadmap = test.Get<RoadmapService>();

        (await roadmap.DeletePhaseAsync(sample.PlanId, sample.OtherPhaseId)).Status.ShouldBe(ResultStatus.Ok);
        var before = await test.SnapshotAsync(sample.WorkspaceId);
        var result = await roadmap.MoveFeatureAsync(sample.PlanId, sample.FeatureId, sample.OtherPhaseId, sample.LaneId, 0);

        result.Status.ShouldBe(ResultStatus.NotFound);
        result.ErrorsFor("PhaseId").ShouldHaveSingleItem().ShouldContain("deleted meanwhile");
        (await test.SnapshotAsync(sample.WorkspaceId)).ShouldBe(before);
    }

    [Fact]
    public async Task MoveFeature_IntoLaneDeletedMeanwhile_NotFoundOnLaneField()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var roadmap = test.Get<RoadmapService>();

        (await roadmap.DeleteLaneAsync(sample.PlanId, sample.OtherLaneId)).Status.ShouldBe(ResultStatus.Ok);
        var result = await roadmap.MoveFeatureAsync(sample.PlanId, sample.FeatureId, sample.PhaseId, sample.OtherLaneId, 0);

        result.Status.ShouldBe(ResultStatus.NotFound);
        result.ErrorsFor("LaneId").ShouldHaveSingleItem();
        (await test.CellAsync(sample.PlanId, sample.PhaseId, sample.LaneId)).Select(c => c.Id).ShouldContain(sample.FeatureId);
    }

    [Fact]
    public async Task MoveFeature_WhileTargetPhaseIsDeleted_EveryoneGetsAnAnswerAndRanksStayGapFree()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var roadmap = test.Get<RoadmapService>();

        for (var round = 0; round < 4; round++)
        {
            var phaseId = (await roadmap.AddPhaseAsync(sample.PlanId, new PhaseInput { Name = $"Phase {round}" })).Value;

            var results = await Task.WhenAll(
                Task.Run(() => roadmap.DeletePhaseAsync(sample.PlanId, phaseId)),
                Task.Run(() => roadmap.MoveFeatureAsync(sample.PlanId, sample.FeatureId, phaseId, sample.LaneId, 0)));

            results[0].Status.ShouldBe(ResultStatus.Ok, results[0].Message);
            results[1].Status.ShouldBeOneOf(ResultStatus.Ok, ResultStatus.NotFound);
            var board = await test.GetBoardAsync(sample.PlanId);
            board.Phases.ShouldNotContain(p => p.Id == phaseId);
            foreach (var cell in board.Cards.GroupBy(c => (c.PhaseId, c.LaneId)))
            {
                cell.Select(c => c.Rank).Order().ShouldBe(Enumerable.Range(0, cell.Count()));
            }
        }
    }

    [Fact]
    public async Task RecordMeasurement_WhileTheKpiIsDeleted_EveryoneGetsAnAnswer()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        for (var round = 0; round < 4; round++)
        {
            var kpiId = await test.AddKpiAsync(planId, $"Loans {round}");
            var measurement = new MeasurementInput { MeasuredOn = new DateTime(2026, 6, 15), Value = round };

            var results = await Task.WhenAll(
                Task.Run(() => test.Kpis().DeleteKpiAsync(planId, kpiId)),
                Task.Run(() => test.Kpis().RecordMeasurementAsync(planId, kpiId, measurement)));

            results[0].Status.ShouldBe(ResultStatus.Ok, results[0].Message);
            results[1].Status.ShouldBeOneOf(ResultStatus.Ok, ResultStatus.NotFound);
        }

        (await test.GetOperationsAsync(planId)).Kpis.ShouldBeEmpty();
    }

    // The last line of defence: the database refuses a link the checks did not catch

    [Fact]
    public async Task WritePath_LinkToARowThatIsGone_AnswersLinkGoneAndLogsWhatWasSaved()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();

        var result = await test.Get<PlanWriter>().WriteAsync(sample.PlanId, WorkspaceRole.Editor, w =>
        {
            w.Db.Features.Add(new Feature { PlanId = sample.PlanId, Title = "Orphan", PhaseId = 999_999 });
            return Task.FromResult(ServiceResult.Ok());
        });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message.ShouldNotBeNull().ShouldContain("deleted by someone else meanwhile");
        var logged = test.Logs.AtLeast(LogLevel.Warning).Where(e => e.Category == typeof(PlanWriter).FullName).ShouldHaveSingleItem();
        logged.Values["Entries"].ShouldBeAssignableTo<IEnumerable<string>>().ShouldNotBeNull().ShouldContain("Feature Added");
        logged.Exception.ShouldBeAssignableTo<DbUpdateException>();
    }

    [Fact]
    public async Task SaveVersioned_LinkToARowThatIsGone_AnswersLinkGoneInsteadOfThrowing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        await using var db = await test.NewContextAsync();
        var feature = await db.Features.SingleAsync(f => f.Id == sample.FeatureId);
        feature.LaneId = 999_999;

        var result = await db.SaveVersionedAsync(feature, feature.Version, "The feature", CancellationToken.None, test.Get<ILogger<FeatureService>>());

        result.Status.ShouldBe(ResultStatus.Invalid);
        (await test.CellAsync(sample.PlanId, sample.PhaseId, sample.LaneId)).Select(c => c.Id).ShouldContain(sample.FeatureId);
    }
}
