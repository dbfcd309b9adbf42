using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

/// <summary>A delete or move that names the version it was based on (the API's If-Match) is refused when someone
/// changed the item meanwhile, and nothing is lost.</summary>
public class ExpectedVersionTests
{
    [Fact]
    public async Task DeletingAFeature_AtAStaleVersion_IsRefusedAndTheFeatureStays()
    {
        await using var test = await TestDatabase.CreateAsync();
        var features = test.Get<FeatureService>();
        var planId = await test.CreatePlanAsync();
        var id = await test.CreateFeatureAsync(planId, "Catalogue");
        var stale = (await features.GetRowAsync(planId, id))!.Version;
        var input = (await features.GetRowAsync(planId, id))!.ToInput();
        input.Title = "Catalogue with search";
        (await features.UpdateAsync(planId, id, input)).Succeeded.ShouldBeTrue();

        (await features.DeleteAsync(planId, id, stale)).Status.ShouldBe(ResultStatus.Conflict);
        (await features.GetRowAsync(planId, id)).ShouldNotBeNull();

        (await features.DeleteAsync(planId, id, stale + 1)).Succeeded.ShouldBeTrue();
        (await features.GetRowAsync(planId, id)).ShouldBeNull();
    }

    [Fact]
    public async Task MovingAFeature_AtAStaleVersion_IsRefusedAndItStaysInItsCell()
    {
        await using var test = await TestDatabase.CreateAsync();
        var roadmap = test.Get<RoadmapService>();
        var features = test.Get<FeatureService>();
        var planId = await test.CreatePlanAsync();
        var board = await test.GetBoardAsync(planId);
        var id = await test.CreateFeatureAsync(planId, "Catalogue", board.Phases[0].Id, board.Lanes[0].Id);
        var version = (await features.GetRowAsync(planId, id))!.Version;

        (await roadmap.MoveFeatureAsync(planId, id, board.Phases[1].Id, null, 0, version - 1)).Status.ShouldBe(ResultStatus.Conflict);
        (await features.GetRowAsync(planId, id))!.PhaseId.ShouldBe(board.Phases[0].Id);

        (await roadmap.MoveFeatureAsync(planId, id, board.Phases[1].Id, null, 0, version)).Succeeded.ShouldBeTrue();
        var moved = (await features.GetRowAsync(planId, id))!;
        moved.PhaseId.ShouldBe(board.Phases[1].Id);
        moved.Version.ShouldBeGreaterThan(version);
    }

    [Fact]
    public async Task DeletingAPhaseOrALane_AtAStaleVersion_IsRefusedAndItStays()
    {
        await using var test = await TestDatabase.CreateAsync();
        var roadmap = test.Get<RoadmapService>();
        var planId = await test.CreatePlanAsync();
        var structure = (await roadmap.GetStructureAsync(planId))!;
        var (phase, lane) = (structure.Phases[0], structure.Lanes[0]);

        (await roadmap.DeletePhaseAsync(planId, phase.Id, phase.Version + 1)).Status.ShouldBe(ResultStatus.Conflict);
        (await roadmap.DeleteLaneAsync(planId, lane.Id, lane.Version + 1)).Status.ShouldBe(ResultStatus.Conflict);
        var after = (await roadmap.GetStructureAsync(planId))!;
        after.Phases.Select(p => p.Id).ShouldContain(phase.Id);
        after.Lanes.Select(l => l.Id).ShouldContain(lane.Id);

        (await roadmap.DeletePhaseAsync(planId, phase.Id, phase.Version)).Succeeded.ShouldBeTrue();
        (await roadmap.DeleteLaneAsync(planId, lane.Id, lane.Version)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task DeletingAMilestone_AtAStaleVersion_IsRefusedAndItStays()
    {
        await using var test = await TestDatabase.CreateAsync();
        var milestones = test.Get<MilestoneService>();
        var planId = await test.CreatePlanAsync();
        var created = await milestones.CreateAsync(planId, new MilestoneInput { Name = "Launch", Date = new DateTime(2026, 12, 1) });
        var milestone = (await milestones.GetAsync(planId, created.Value))!;

        (await milestones.DeleteAsync(planId, milestone.Id, milestone.Version + 1)).Status.ShouldBe(ResultStatus.Conflict);
        (await milestones.GetAsync(planId, milestone.Id)).ShouldNotBeNull();

        (await milestones.DeleteAsync(planId, milestone.Id, milestone.Version)).Succeeded.ShouldBeTrue();
        (await milestones.GetAsync(planId, milestone.Id)).ShouldBeNull();
    }
}
