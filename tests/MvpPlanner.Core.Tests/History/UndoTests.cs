using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.History;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.History;

/// <summary>Every change offers Undo; Undo never silently overwrites someone else's later change.</summary>
public class UndoTests
{
    [Fact]
    public async Task UndoEdit_PutsTheEarlierValuesBack()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var featureId = await test.CreateFeatureAsync(planId, "Loan reminders");
        var edit = await test.Get<FeatureService>().UpdateAsync(planId, featureId, new FeatureInput { Title = "Reminders", Effort = 3, Version = 1 });
        edit.Undo.ShouldNotBeNull();

        var undone = await test.Get<UndoService>().UndoAsync(planId, edit.Undo.ChangeSetId);

        undone.Succeeded.ShouldBeTrue(undone.Message);
        var row = await test.Get<FeatureService>().GetRowAsync(planId, featureId);
        row!.Title.ShouldBe("Loan reminders");
        row.Effort.ShouldBeNull();
    }

    [Fact]
    public async Task UndoBoardMove_CardBackInItsCellAtItsPlace()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var board = await test.GetBoardAsync(planId);
        var (mvp, pilot) = (board.Phases[0].Id, board.Phases[1].Id);
        var first = await test.CreateFeatureAsync(planId, "Catalogue", mvp);
        var second = await test.CreateFeatureAsync(planId, "Borrow request", mvp);
        var move = await test.Get<RoadmapService>().MoveFeatureAsync(planId, first, pilot, null, 0);

        var undone = await test.Get<UndoService>().UndoAsync(planId, move.Undo!.ChangeSetId);

        undone.Succeeded.ShouldBeTrue(undone.Message);
        (await test.CellAsync(planId, mvp, null)).Select(c => c.Id).ShouldBe([first, second]);
        (await test.CellAsync(planId, pilot, null)).ShouldBeEmpty();
    }

    [Fact]
    public async Task UndoDelete_PersonaBackWithItsProblems()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId, "Bo");
        await test.CreateProblemAsync(planId, "Tools come back late", personaId);
        var deleted = await test.Get<PersonaService>().DeleteAsync(planId, personaId);

        var undone = await test.Get<UndoService>().UndoAsync(planId, deleted.Undo!.ChangeSetId);

        undone.Succeeded.ShouldBeTrue(undone.Message);
        (await test.Get<PersonaService>().ListAsync(planId)).Single().Problems.Count.ShouldBe(1);
        (await test.Get<TrashService>().ListAsync(planId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task UndoCreate_TheNewItemGoesToTheTrash()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var created = await test.Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = "Typo persona" });

        var undone = await test.Get<UndoService>().UndoAsync(planId, created.Undo!.ChangeSetId);

        undone.Succeeded.ShouldBeTrue(undone.Message);
        (await test.Get<PersonaService>().ListAsync(planId)).ShouldBeEmpty();
        (await test.Get<TrashService>().ListAsync(planId)).Select(t => t.Name).ShouldBe(["Typo persona"]);
    }

    [Fact]
    public async Task UndoTheUndo_TheChangeIsBack()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId, "Bo");
        var rename = await test.Get<PersonaService>().UpdateAsync(planId, personaId, new PersonaInput { Name = "Bo the borrower", Version = 1 });
        var undo = await test.Get<UndoService>().UndoAsync(planId, rename.Undo!.ChangeSetId);

        var redo = await test.Get<UndoService>().UndoAsync(planId, undo.Undo!.ChangeSetId);

        redo.Succeeded.ShouldBeTrue(redo.Message);
        (await test.Get<PersonaService>().ListAsync(planId)).Single().Name.ShouldBe("Bo the borrower");
    }

    [Fact]
    public async Task UndoAfterSomeoneElseChangedTheItem_ConflictWithBothValuesAndNothingOverwritten()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId, "Bo");
        var mine = await test.Get<PersonaService>().UpdateAsync(planId, personaId, new PersonaInput { Name = "Bo the borrower", Version = 1 });
        test.ActAs(await test.CreateMemberAsync("Eddie Editor", WorkspaceRole.Editor));
        await test.Get<PersonaService>().UpdateAsync(planId, personaId, new PersonaInput { Name = "Bo, weekend borrower", Version = 2 });
        test.ActAs(test.Owner);

        var undone = await test.Get<UndoService>().UndoAsync(planId, mine.Undo!.ChangeSetId);

        undone.Status.ShouldBe(ResultStatus.Conflict);
        undone.Value!.Conflicts.ShouldBe([new UndoConflict("persona", "Bo, weekend borrower", "name", "Bo", "Bo, weekend borrower")]);
        (await test.Get<PersonaService>().ListAsync(planId)).Single().Name.ShouldBe("Bo, weekend borrower");

        var anyway = await test.Get<UndoService>().UndoAsync(planId, mine.Undo.ChangeSetId, overwrite: true);

        anyway.Succeeded.ShouldBeTrue(anyway.Message);
        (await test.Get<PersonaService>().ListAsync(planId)).Single().Name.ShouldBe("Bo");
    }

    [Fact]
    public async Task UndoByViewer_Refused()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var created = await test.Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = "Bo" });
        test.ActAs(await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer));

        (await test.Get<UndoService>().UndoAsync(planId, created.Undo!.ChangeSetId)).Status.ShouldBe(ResultStatus.Forbidden);
    }

    [Fact]
    public async Task UndoAChangeOfAnotherPlan_NotFound()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var otherPlan = await test.CreatePlanAsync("Other");
        var created = await test.Get<PersonaService>().CreateAsync(otherPlan, new PersonaInput { Name = "Bo" });

        (await test.Get<UndoService>().UndoAsync(planId, created.Undo!.ChangeSetId)).Status.ShouldBe(ResultStatus.NotFound);
        (await test.Get<PersonaService>().ListAsync(otherPlan)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task RestoreEarlierVersion_ValuesOfThatVersionBack_StaleViewRefused()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId, "Bo");
        await test.Get<PersonaService>().UpdateAsync(planId, personaId, new PersonaInput { Name = "Bo the borrower", Goals = "Borrow a drill", Version = 1 });
        await test.Get<PersonaService>().UpdateAsync(planId, personaId, new PersonaInput { Name = "Bo B.", Goals = "Borrow a drill", Version = 2 });

        var stale = await test.Get<UndoService>().RestoreVersionAsync(planId, nameof(Persona), personaId, version: 1, expectedVersion: 2);
        stale.Status.ShouldBe(ResultStatus.Conflict);

        var restored = await test.Get<UndoService>().RestoreVersionAsync(planId, nameof(Persona), personaId, version: 1, expectedVersion: 3);

        restored.Succeeded.ShouldBeTrue(restored.Message);
        var persona = (await test.Get<PersonaService>().ListAsync(planId)).Single();
        (persona.Name, persona.Goals).ShouldBe(("Bo", ""));
    }
}
