using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.History;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

/// <summary>The plan's history: who created, changed, moved or deleted which item.</summary>
public class ActivityTests
{
    [Fact]
    public async Task Create_PlanAndItems_RecordedAsCreatedByTheOwner()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync("Tool library");
        await test.CreatePersonaAsync(planId, "Bo the borrower");
        await test.Get<PlanService>().AddOutcomeAsync(planId, new OutcomeInput { Description = "Residents borrow", Metric = "Loans", Target = "60" });

        var activity = await test.Get<HistoryService>().ListAsync(planId);

        activity.Select(Line).ShouldContain("Olivia Owner added plan Tool library");
        activity.Select(Line).ShouldContain("Olivia Owner added persona Bo the borrower");
        Line(activity[0]).ShouldBe("Olivia Owner added outcome Residents borrow");
    }

    [Fact]
    public async Task Rename_ByEditor_ReadsAsRenamedFromTheOldNameWithEditorsNameNewestFirst()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var personaId = await test.CreatePersonaAsync(planId, "Bo");
        var editor = await test.CreateMemberAsync("Eddie Editor", WorkspaceRole.Editor);
        test.ActAs(editor);

        await test.Get<PersonaService>().UpdateAsync(planId, personaId, new PersonaInput { Name = "Bo the borrower", Version = 1 });
        var planVersion = await test.VersionOfAsync<Plan>(planId);
        await test.Get<PlanService>().UpdateAsync(planId, new PlanInput { Name = "Tool library", Version = planVersion });

        var activity = await test.Get<HistoryService>().ListAsync(planId);
        activity.Take(2).Select(Line).ShouldBe(["Eddie Editor renamed plan Test plan to \"Tool library\"", "Eddie Editor renamed persona Bo to \"Bo the borrower\""]);
    }

    [Fact]
    public async Task MoveFeature_ToAnotherCell_ReadsMovedFromPhaseToPhaseAndNothingForRenumberedNeighbours()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var board = await test.GetBoardAsync(planId);
        var (mvp, pilot, design) = (board.Phases[0].Id, board.Phases[1].Id, board.Lanes[0].Id);
        var first = await test.CreateFeatureAsync(planId, "Catalogue", mvp, design);
        await test.CreateFeatureAsync(planId, "Borrow request", mvp, design);
        await test.CreateFeatureAsync(planId, "Reminders", mvp, design);
        var before = await test.Get<HistoryService>().ListAsync(planId);

        var move = await test.Get<RoadmapService>().MoveFeatureAsync(planId, first, pilot, design, 0);

        move.Succeeded.ShouldBeTrue();
        var after = await test.Get<HistoryService>().ListAsync(planId);
        after.Count.ShouldBe(before.Count + 1);
        Line(after[0]).ShouldBe("Olivia Owner moved Catalogue from MVP to Pilot");
        (await test.CellAsync(planId, mvp, design)).Select(c => c.Rank).ShouldBe([0, 1]);
    }

    [Fact]
    public async Task Delete_Feature_RecordedAsDeletedWithItsTitle()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var featureId = await test.CreateFeatureAsync(planId, "Ratings after each loan");

        await test.Get<FeatureService>().DeleteAsync(planId, featureId);

        Line((await test.Get<HistoryService>().ListAsync(planId))[0]).ShouldBe("Olivia Owner deleted feature Ratings after each loan");
    }

    [Fact]
    public async Task DeletePhase_RemainingPhasesRenumbered_OnlyTheDeletionIsRecorded()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var pilot = (await test.GetBoardAsync(planId)).Phases[1];
        var before = await test.Get<HistoryService>().ListAsync(planId);

        await test.Get<RoadmapService>().DeletePhaseAsync(planId, pilot.Id);

        (await test.GetBoardAsync(planId)).Phases.Select(p => p.Order).ShouldBe([0, 1, 2, 3]);
        var after = await test.Get<HistoryService>().ListAsync(planId);
        after.Count.ShouldBe(before.Count + 1);
        Line(after[0]).ShouldBe("Olivia Owner deleted phase Pilot");
    }

    [Fact]
    public async Task ListAsync_AsViewer_SeesTheSameHistoryAsTheOwner()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var ownerSees = await test.Get<HistoryService>().ListAsync(sample.PlanId);
        test.ActAs(await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer));

        var viewerSees = await test.Get<HistoryService>().ListAsync(sample.PlanId);

        ownerSees.ShouldNotBeEmpty();
        viewerSees.Select(Line).ShouldBe(ownerSees.Select(Line));
    }

    [Fact]
    public async Task ListAsync_OutsiderOrNotSignedIn_IsEmpty()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var (outsider, _) = await test.CreateOutsiderAsync();

        test.ActAs(outsider);
        var outsiderSees = await test.Get<HistoryService>().ListAsync(sample.PlanId);
        test.ActAs(null);
        var nobodySees = await test.Get<HistoryService>().ListAsync(sample.PlanId);

        outsiderSees.ShouldBeEmpty();
        nobodySees.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListAsync_TwoPlans_EachShowsOnlyItsOwnItems()
    {
        await using var test = await TestDatabase.CreateAsync();
        var first = await test.CreatePlanAsync("First");
        var second = await test.CreatePlanAsync("Second");
        await test.CreatePersonaAsync(first, "Only in first");

        var secondActivity = await test.Get<HistoryService>().ListAsync(second);

        secondActivity.ShouldNotContain(a => a.ItemName == "Only in first" || a.ItemName == "First");
        secondActivity.ShouldContain(a => a.ItemType == "plan" && a.ItemName == "Second");
    }

    private static string Line(HistoryLine entry) => entry.Sentence;
}
