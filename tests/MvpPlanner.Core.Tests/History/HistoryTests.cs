using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.History;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.History;

/// <summary>Every change leaves a line a product person can read, with each changed field's value before and after.</summary>
public class HistoryTests
{
    [Fact]
    public async Task EditFeature_HistoryShowsEachChangedFieldBeforeAndAfterAndWho()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var featureId = await test.CreateFeatureAsync(planId, "Loan reminders");
        test.ActAs(await test.CreateMemberAsync("Eddie Editor", WorkspaceRole.Editor));

        await test.Get<FeatureService>().UpdateAsync(planId, featureId, new FeatureInput
        {
            Title = "Loan reminders", Effort = 2.5, Moscow = Moscow.Must, Description = "By text message", Version = 1,
        });

        var lines = await test.Get<HistoryService>().ForItemAsync(planId, nameof(Feature), featureId);
        lines.Count.ShouldBe(2);
        lines[0].UserName.ShouldBe("Eddie Editor");
        lines[0].Version.ShouldBe(2);
        lines[0].Fields.ShouldContain(new FieldChangeView("effort", "(empty)", "2.5"));
        lines[0].Fields.ShouldContain(new FieldChangeView("MoSCoW", "Unset", "Must"));
        lines[0].Fields.ShouldContain(new FieldChangeView("description", "(empty)", "By text message"));
        lines[1].Sentence.ShouldBe("Olivia Owner added feature Loan reminders");
    }

    [Fact]
    public async Task MoveCardOnTheBoard_ActivityReadsMovedFromPhaseToPhase()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var board = await test.GetBoardAsync(planId);
        var (mvp, pilot) = (board.Phases[0].Id, board.Phases[1].Id);
        var featureId = await test.CreateFeatureAsync(planId, "Loan reminders", pilot);

        await test.Get<RoadmapService>().MoveFeatureAsync(planId, featureId, mvp, null, 0);

        var newest = (await test.Get<HistoryService>().ListAsync(planId))[0];
        newest.Sentence.ShouldBe("Olivia Owner moved Loan reminders from Pilot to MVP");
        newest.Whereabouts.ShouldBe(ItemWhereabouts.InPlan);
    }

    [Fact]
    public async Task ChangeLinkedProblems_HistoryNamesTheProblemsBeforeAndAfter()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId, "Bo");
        var late = await test.CreateProblemAsync(planId, "Tools come back late", personaId);
        var lost = await test.CreateProblemAsync(planId, "Tools get lost", personaId);
        var featureId = await test.CreateFeatureAsync(planId, "Loan reminders", null, null, late);

        var saved = await test.Get<FeatureService>().UpdateAsync(planId, featureId, new FeatureInput { Title = "Loan reminders", ProblemIds = [lost], Version = 1 });
        saved.Succeeded.ShouldBeTrue(string.Join("; ", saved.Errors.SelectMany(e => e.Value)));

        var line = (await test.Get<HistoryService>().ForItemAsync(planId, nameof(Feature), featureId))[0];
        line.Fields.ShouldBe([new FieldChangeView("problems", "Tools come back late", "Tools get lost")]);
    }

    [Fact]
    public async Task DeletedItem_ActivityLineKnowsItIsInTheTrash()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId, "Bo the borrower");

        await test.Get<PersonaService>().DeleteAsync(planId, personaId);

        var lines = (await test.Get<HistoryService>().ListAsync(planId)).Where(l => l.ItemKind == nameof(Persona) && l.ItemId == personaId).ToList();
        lines.Select(l => l.Sentence).ShouldBe(["Olivia Owner deleted persona Bo the borrower", "Olivia Owner added persona Bo the borrower"]);
        lines.ShouldAllBe(l => l.Whereabouts == ItemWhereabouts.InTrash);
    }

    [Fact]
    public async Task ScriptInAName_KeptAsPlainTextInTheHistory()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId, "Bo");

        await test.Get<PersonaService>().UpdateAsync(planId, personaId, new PersonaInput { Name = "<script>alert(1)</script> Bø 👩‍🔧", Version = 1 });

        var line = (await test.Get<HistoryService>().ForItemAsync(planId, nameof(Persona), personaId))[0];
        line.Sentence.ShouldBe("Olivia Owner renamed persona Bo to \"<script>alert(1)</script> Bø 👩‍🔧\"");
    }
}
