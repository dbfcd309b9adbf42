using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.History;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.History;

/// <summary>A delete moves the item and what hangs off it to the plan's trash for 30 days; restore brings it back.</summary>
public class TrashTests
{
    [Fact]
    public async Task DeletePersonaWithProblems_RestoreFromTrash_BackUnderItsIdWithItsProblemsLinked()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId, "Bo the borrower");
        await test.CreateProblemAsync(planId, "Tools come back late", personaId);
        await test.CreateProblemAsync(planId, "Tools get lost", personaId);
        await test.Get<PersonaService>().DeleteAsync(planId, personaId);
        var trash = await test.Get<TrashService>().ListAsync(planId);
        trash.Single().Includes.ShouldBe("linked to 2 problems");

        var restored = await test.Get<TrashService>().RestoreAsync(planId, trash[0].Id);

        restored.Message.ShouldBe("Restored persona \"Bo the borrower\".");
        var persona = (await test.Get<PersonaService>().ListAsync(planId)).Single();
        persona.Id.ShouldBe(personaId);
        persona.Problems.Select(p => p.Name).ShouldBe(["Tools come back late", "Tools get lost"]);
        (await test.Get<TrashService>().ListAsync(planId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task RestorePersona_OneOfItsProblemsDeletedMeanwhile_RestoresTheRestAndSaysWhatWasNotRelinked()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId, "Bo");
        await test.CreateProblemAsync(planId, "Tools come back late", personaId);
        var lost = await test.CreateProblemAsync(planId, "Tools get lost", personaId);
        await test.Get<PersonaService>().DeleteAsync(planId, personaId);
        await test.Get<ProblemService>().DeleteAsync(planId, lost);
        var personaTrash = (await test.Get<TrashService>().ListAsync(planId)).Single(t => t.ItemType == "persona");

        var restored = await test.Get<TrashService>().RestoreAsync(planId, personaTrash.Id);

        restored.Succeeded.ShouldBeTrue();
        restored.Message.ShouldBe("Restored persona \"Bo\". Not relinked: problem \"Tools get lost\" is gone.");
        (await test.Get<PersonaService>().ListAsync(planId)).Single().Problems.Select(p => p.Name).ShouldBe(["Tools come back late"]);
    }

    [Fact]
    public async Task DeletePhase_RestoreFromTrash_ItsFeaturesGoBackIntoIt()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var pilot = (await test.GetBoardAsync(planId)).Phases[1];
        var featureId = await test.CreateFeatureAsync(planId, "Loan reminders", pilot.Id);
        await test.Get<RoadmapService>().DeletePhaseAsync(planId, pilot.Id);

        var trashed = (await test.Get<TrashService>().ListAsync(planId)).Single();
        trashed.Includes.ShouldBe("1 feature in it");
        await test.Get<TrashService>().RestoreAsync(planId, trashed.Id);

        var board = await test.GetBoardAsync(planId);
        board.Phases.Select(p => p.Name).ShouldContain("Pilot");
        (await test.CellAsync(planId, pilot.Id, null)).Select(c => c.Id).ShouldBe([featureId]);
    }

    [Fact]
    public async Task EveryKindOfPlanItem_DeletedAndRestored_ComesBackWithItsValues()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var planId = sample.PlanId;
        var deletes = new (string Kind, int Id, Func<Task<ServiceResult>> Delete)[]
        {
            ("Feature", sample.FeatureId, () => test.Get<FeatureService>().DeleteAsync(planId, sample.FeatureId)),
            ("Problem", sample.ProblemId, () => test.Get<ProblemService>().DeleteAsync(planId, sample.ProblemId)),
            ("Persona", sample.PersonaId, () => test.Get<PersonaService>().DeleteAsync(planId, sample.PersonaId)),
            ("TargetOutcome", sample.OutcomeId, () => test.Get<PlanService>().DeleteOutcomeAsync(planId, sample.OutcomeId)),
            ("Lane", sample.OtherLaneId, () => test.Get<RoadmapService>().DeleteLaneAsync(planId, sample.OtherLaneId)),
            ("RoadmapPhase", sample.OtherPhaseId, () => test.Get<RoadmapService>().DeletePhaseAsync(planId, sample.OtherPhaseId)),
        };
        var before = await test.SnapshotAsync(sample.WorkspaceId);

        foreach (var (kind, _, delete) in deletes)
        {
            (await delete()).Succeeded.ShouldBeTrue(kind);
        }

        (await test.Get<TrashService>().ListAsync(planId)).Count.ShouldBe(deletes.Length);
        foreach (var trashed in await test.Get<TrashService>().ListAsync(planId))
        {
            var restored = await test.Get<TrashService>().RestoreAsync(planId, trashed.Id);
            restored.Succeeded.ShouldBeTrue(restored.Message);
        }

        (await test.Get<TrashService>().ListAsync(planId)).ShouldBeEmpty();
        // Everything is back as it was, at its place; only the versions went up (a restore is a change too).
        (await ContentAsync(test, sample.WorkspaceId)).ShouldBe(Content(before));
    }

    private static async Task<string> ContentAsync(TestDatabase test, int workspaceId) => Content(await test.SnapshotAsync(workspaceId));

    private static string Content(string snapshot) => string.Join('\n', snapshot.Split('\n')
        .Where(line => !line.StartsWith("activity entries", StringComparison.Ordinal))
        .Select(line => System.Text.RegularExpressions.Regex.Replace(line, @" v\d+$", "")));

    [Fact]
    public async Task RestoreTwiceAtOnce_OneRestoresTheOtherIsToldItIsNotInTheTrash()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId, "Bo");
        await test.Get<PersonaService>().DeleteAsync(planId, personaId);
        var trashId = (await test.Get<TrashService>().ListAsync(planId)).Single().Id;

        var results = await TestDatabase.AllAtOnceAsync(Enumerable.Range(0, 4)
            .Select(_ => (Func<Task<ServiceResult<RestoreReport>>>)(() => test.Get<TrashService>().RestoreAsync(planId, trashId))).ToList());

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.Status == ResultStatus.NotFound);
        (await test.Get<PersonaService>().ListAsync(planId)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task DeletePermanently_OnlyOwnersMay_AndItIsGone()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId, "Bo");
        await test.Get<PersonaService>().DeleteAsync(planId, personaId);
        var trashId = (await test.Get<TrashService>().ListAsync(planId)).Single().Id;
        var owner = test.Owner;

        test.ActAs(await test.CreateMemberAsync("Eddie Editor", WorkspaceRole.Editor));
        (await test.Get<TrashService>().DeletePermanentlyAsync(planId, trashId)).Status.ShouldBe(ResultStatus.Forbidden);
        test.ActAs(owner);
        (await test.Get<TrashService>().DeletePermanentlyAsync(planId, trashId)).Succeeded.ShouldBeTrue();

        (await test.Get<TrashService>().ListAsync(planId)).ShouldBeEmpty();
        (await test.Get<TrashService>().RestoreAsync(planId, trashId)).Status.ShouldBe(ResultStatus.NotFound);
    }

    [Fact]
    public async Task Purge_ItemsOlderThan30Days_RemovedYoungerOnesKept()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var test = await TestDatabase.CreateAsync(clock);
        var planId = await test.CreatePlanAsync();
        var old = await test.CreatePersonaAsync(planId, "Old");
        var young = await test.CreatePersonaAsync(planId, "Young");
        await test.Get<PersonaService>().DeleteAsync(planId, old);
        clock.Advance(TimeSpan.FromDays(20));
        await test.Get<PersonaService>().DeleteAsync(planId, young);
        clock.Advance(TimeSpan.FromDays(11));

        (await test.Get<TrashService>().PurgeAsync()).ShouldBe(1);

        (await test.Get<TrashService>().ListAsync(planId)).Select(t => t.Name).ShouldBe(["Young"]);
    }

    [Fact]
    public async Task DeleteFeature_ByViewer_RefusedAndNothingInTheTrash()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var featureId = await test.CreateFeatureAsync(planId, "Loan reminders");
        test.ActAs(await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer));

        (await test.Get<FeatureService>().DeleteAsync(planId, featureId)).Status.ShouldBe(ResultStatus.Forbidden);

        await using var db = await test.NewContextAsync();
        (await db.TrashedItems.CountAsync()).ShouldBe(0);
        (await db.Features.CountAsync(f => f.Id == featureId)).ShouldBe(1);
    }
}
