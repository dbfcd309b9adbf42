using MvpPlanner.Core.Personas;
using MvpPlanner.Core.History;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

public class PlanServiceTests
{
    [Fact]
    public async Task CreateAsync_NewPlan_SeedsDefaultPhasesAndLanesInOrder()
    {
        await using var test = await TestDatabase.CreateAsync();

        var planId = await test.CreatePlanAsync("Tool library");

        var board = await test.GetBoardAsync(planId);
        board.Phases.Select(p => p.Name).ShouldBe(["MVP", "Pilot", "Beta", "Roll-out", "Later"]);
        board.Phases.Select(p => p.Order).ShouldBe([0, 1, 2, 3, 4]);
        board.Lanes.Select(l => l.Name).ShouldBe(["Design", "Development", "Communication", "Go-to-market"]);
        board.Lanes.Select(l => l.Order).ShouldBe([0, 1, 2, 3]);
    }

    [Fact]
    public async Task CreateAsync_ValidInput_IsPersistedForAFreshContext()
    {
        await using var test = await TestDatabase.CreateAsync();

        var result = await test.Get<PlanService>().CreateAsync(test.WorkspaceId, new PlanInput
        {
            Name = "  Tool library  ",
            Vision = "Borrow, don't buy.",
            ValueProposition = "A tool within a short walk.",
        });

        result.Status.ShouldBe(ResultStatus.Ok);
        await using var db = await test.NewContextAsync();
        var plan = await db.Plans.Include(p => p.Phases).Include(p => p.Lanes).SingleAsync(p => p.Id == result.Value);
        plan.Name.ShouldBe("Tool library");
        plan.Vision.ShouldBe("Borrow, don't buy.");
        plan.ValueProposition.ShouldBe("A tool within a short walk.");
        plan.Version.ShouldBe(1);
        plan.Phases.Count.ShouldBe(5);
        plan.Lanes.Count.ShouldBe(4);
    }

    [Fact]
    public async Task CreateAsync_EmptyName_IsInvalidOnNameField()
    {
        await using var test = await TestDatabase.CreateAsync();

        var result = await test.Get<PlanService>().CreateAsync(test.WorkspaceId, new PlanInput { Name = "" });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe(["Name"]);
        result.ErrorsFor("Name").ShouldBe(["Give the plan a name."]);
        (await test.Get<PlanService>().ListAsync(true)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateAsync_NameLongerThanLimit_IsInvalidOnNameField()
    {
        await using var test = await TestDatabase.CreateAsync();

        var result = await test.Get<PlanService>().CreateAsync(test.WorkspaceId, new PlanInput { Name = new string('x', TextLimits.Name + 1) });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe(["Name"]);
        result.ErrorsFor("Name").ShouldHaveSingleItem();
        (await test.Get<PlanService>().ListAsync(true)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateAsync_NameExactlyAtLimit_IsAccepted()
    {
        await using var test = await TestDatabase.CreateAsync();

        var result = await test.Get<PlanService>().CreateAsync(test.WorkspaceId, new PlanInput { Name = new string('x', TextLimits.Name) });

        result.Status.ShouldBe(ResultStatus.Ok);
    }

    [Fact]
    public async Task SetArchivedAsync_Archived_HiddenFromActiveListButShownWithArchived()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plans = test.Get<PlanService>();
        var keptId = await test.CreatePlanAsync("Kept");
        var archivedId = await test.CreatePlanAsync("Old");

        var result = await plans.SetArchivedAsync(archivedId, true);

        result.Status.ShouldBe(ResultStatus.Ok);
        (await plans.ListAsync(false)).Select(p => p.Id).ShouldBe([keptId]);
        var all = await plans.ListAsync(true);
        all.Select(p => p.Id).ShouldBe([keptId, archivedId], ignoreOrder: true);
        all.Single(p => p.Id == archivedId).IsArchived.ShouldBeTrue();
    }

    [Fact]
    public async Task SetArchivedAsync_Restored_ShowsAgainInActiveList()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plans = test.Get<PlanService>();
        var planId = await test.CreatePlanAsync();
        await plans.SetArchivedAsync(planId, true);

        await plans.SetArchivedAsync(planId, false);

        (await plans.ListAsync(false)).Select(p => p.Id).ShouldBe([planId]);
    }

    [Fact]
    public async Task DeleteAsync_PlanWithItems_GoesToTheWorkspaceTrashThenPurgeAfter30DaysRemovesEverythingInIt()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var test = await TestDatabase.CreateAsync(clock);
        var planId = await test.CreatePlanAsync("Doomed");
        var otherPlanId = await test.CreatePlanAsync("Survivor");
        var personaId = await test.CreatePersonaAsync(planId);
        var problemId = await test.CreateProblemAsync(planId, "It hurts", personaId);
        var phaseId = (await test.GetBoardAsync(planId)).Phases[0].Id;
        await test.CreateFeatureAsync(planId, "Fix it", phaseId, null, problemId);
        await test.Get<PlanService>().AddOutcomeAsync(planId, new OutcomeInput { Description = "Less pain", Metric = "Complaints", Target = "0" });
        await test.CreatePersonaAsync(otherPlanId);

        var result = await test.Get<PlanService>().DeleteAsync(planId);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Message.ShouldBe("Moved plan \"Doomed\" to the workspace's trash. Owners can restore it there for 30 days.");
        (await test.Get<PlanService>().ListAsync(includeArchived: true)).Select(p => p.Name).ShouldBe(["Survivor"]);
        (await test.Get<PlanService>().GetOverviewAsync(planId)).ShouldBeNull();
        (await test.Get<TrashService>().ListPlansAsync(test.WorkspaceId)).Select(p => p.Name).ShouldBe(["Doomed"]);

        clock.Advance(TimeSpan.FromDays(29));
        (await test.Get<TrashService>().PurgeAsync()).ShouldBe(0);
        clock.Advance(TimeSpan.FromDays(2));
        (await test.Get<TrashService>().PurgeAsync()).ShouldBe(1);

        await using var db = await test.NewContextAsync();
        (await db.Plans.AnyAsync(p => p.Id == planId)).ShouldBeFalse();
        (await db.Personas.AnyAsync(p => p.PlanId == planId)).ShouldBeFalse();
        (await db.Problems.AnyAsync(p => p.PlanId == planId)).ShouldBeFalse();
        (await db.Features.AnyAsync(f => f.PlanId == planId)).ShouldBeFalse();
        (await db.TargetOutcomes.AnyAsync(o => o.PlanId == planId)).ShouldBeFalse();
        (await db.RoadmapPhases.AnyAsync(p => p.PlanId == planId)).ShouldBeFalse();
        (await db.ActivityEntries.AnyAsync(a => a.PlanId == planId)).ShouldBeFalse();
        (await db.Personas.CountAsync(p => p.PlanId == otherPlanId)).ShouldBe(1);
        (await db.RoadmapPhases.CountAsync(p => p.PlanId == otherPlanId)).ShouldBe(5);
    }

    [Fact]
    public async Task RestorePlan_FromTheWorkspaceTrash_BackInTheListWithEverythingInIt()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        await test.Get<PlanService>().DeleteAsync(sample.PlanId);

        var restored = await test.Get<TrashService>().RestorePlanAsync(sample.PlanId);

        restored.Succeeded.ShouldBeTrue(restored.Message);
        (await test.Get<PlanService>().ListAsync(includeArchived: true)).ShouldContain(p => p.Id == sample.PlanId);
        (await test.Get<TrashService>().ListPlansAsync(test.WorkspaceId)).ShouldBeEmpty();
        (await test.Get<PersonaService>().ListAsync(sample.PlanId)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task DeleteAsync_UnknownPlan_IsNotFound()
    {
        await using var test = await TestDatabase.CreateAsync();

        var result = await test.Get<PlanService>().DeleteAsync(12345);

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Fact]
    public async Task GetOverviewAsync_NewPlan_NoLaunchStepTicked()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var overview = await test.Get<PlanService>().GetOverviewAsync(planId);

        overview.ShouldNotBeNull();
        overview.LaunchSteps.Count.ShouldBe(LaunchStepCatalog.All.Count);
        overview.LaunchSteps.ShouldAllBe(s => !s.IsDone && !s.IsProvenByData);
    }

    [Fact]
    public async Task GetOverviewAsync_PersonaExists_DefinePersonaTickedFromData()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        await test.CreatePersonaAsync(planId);

        var overview = await test.Get<PlanService>().GetOverviewAsync(planId);

        var step = overview!.LaunchSteps.Single(s => s.Step == LaunchSteps.DefinePersona);
        step.IsDone.ShouldBeTrue();
        step.IsProvenByData.ShouldBeTrue();
        overview.PersonaCount.ShouldBe(1);
        overview.LaunchSteps.Where(s => s.Step != LaunchSteps.DefinePersona).ShouldAllBe(s => !s.IsDone);
    }

    [Fact]
    public async Task GetOverviewAsync_MvpFeaturesAllShipped_KeyFeaturesAndLaunchTickedFromData()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var mvpId = (await test.GetBoardAsync(planId)).Phases[0].Id;
        var featureId = await test.CreateFeatureAsync(planId, "Catalogue", mvpId);
        var features = test.Get<FeatureService>();
        var plans = test.Get<PlanService>();

        var before = await plans.GetOverviewAsync(planId);
        await features.UpdatePriorityAsync(planId, featureId, new FeaturePriorityInput { Status = FeatureStatus.Shipped, Version = 1 });
        var after = await plans.GetOverviewAsync(planId);

        before!.MvpFeatureCount.ShouldBe(1);
        before.LaunchSteps.Single(s => s.Step == LaunchSteps.IdentifyKeyFeatures).IsProvenByData.ShouldBeTrue();
        before.LaunchSteps.Single(s => s.Step == LaunchSteps.Launch).IsDone.ShouldBeFalse();
        after!.LaunchSteps.Single(s => s.Step == LaunchSteps.Launch).IsProvenByData.ShouldBeTrue();
    }

    [Fact]
    public async Task SetLaunchStepAsync_ManualTick_PersistsAndCanBeUnticked()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plans = test.Get<PlanService>();
        var planId = await test.CreatePlanAsync();

        (await plans.SetLaunchStepAsync(planId, LaunchSteps.Prototype, true)).Status.ShouldBe(ResultStatus.Ok);
        (await plans.SetLaunchStepAsync(planId, LaunchSteps.Design, true)).Status.ShouldBe(ResultStatus.Ok);
        var ticked = await plans.GetOverviewAsync(planId);
        await plans.SetLaunchStepAsync(planId, LaunchSteps.Prototype, false);
        var unticked = await plans.GetOverviewAsync(planId);

        ticked!.LaunchSteps.Where(s => s.IsDone).Select(s => s.Step).ShouldBe([LaunchSteps.Design, LaunchSteps.Prototype]);
        ticked.LaunchSteps.ShouldAllBe(s => !s.IsProvenByData);
        unticked!.LaunchSteps.Where(s => s.IsDone).Select(s => s.Step).ShouldBe([LaunchSteps.Design]);
        await using var db = await test.NewContextAsync();
        (await db.Plans.SingleAsync(p => p.Id == planId)).CompletedLaunchSteps.ShouldBe(LaunchSteps.Design);
    }

    [Fact]
    public async Task SetLaunchStepAsync_UnknownPlan_IsNotFound()
    {
        await using var test = await TestDatabase.CreateAsync();

        var result = await test.Get<PlanService>().SetLaunchStepAsync(999, LaunchSteps.Design, true);

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Fact]
    public async Task Outcomes_AddUpdateDelete_OverviewShowsEachChange()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plans = test.Get<PlanService>();
        var planId = await test.CreatePlanAsync();

        var first = await plans.AddOutcomeAsync(planId, new OutcomeInput { Description = " Borrow instead of buy ", Metric = "Loans/month", Baseline = "0", Target = "60" });
        var second = await plans.AddOutcomeAsync(planId, new OutcomeInput { Description = "Lenders keep lending", Metric = "Active lenders", Target = "70 %" });
        first.Status.ShouldBe(ResultStatus.Ok);
        second.Status.ShouldBe(ResultStatus.Ok);
        var added = (await plans.GetOverviewAsync(planId))!.Outcomes;
        added.Select(o => o.Description).ShouldBe(["Borrow instead of buy", "Lenders keep lending"]);

        var updated = await plans.UpdateOutcomeAsync(planId, first.Value, new OutcomeInput
        {
            Description = "Borrow instead of buy",
            Metric = "Loans/month",
            Baseline = "0",
            Target = "80",
            Version = added[0].Version,
        });
        updated.Status.ShouldBe(ResultStatus.Ok);
        (await plans.GetOverviewAsync(planId))!.Outcomes[0].Target.ShouldBe("80");

        var deleted = await plans.DeleteOutcomeAsync(planId, second.Value);
        deleted.Status.ShouldBe(ResultStatus.Ok);
        var remaining = (await plans.GetOverviewAsync(planId))!.Outcomes;
        remaining.Select(o => o.Id).ShouldBe([first.Value]);
        (await plans.DeleteOutcomeAsync(planId, second.Value)).Status.ShouldBe(ResultStatus.NotFound);
    }

    [Fact]
    public async Task AddOutcomeAsync_MissingMetricAndTarget_IsInvalidPerField()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await test.Get<PlanService>().AddOutcomeAsync(planId, new OutcomeInput { Description = "Something" });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe(["Metric", "Target"], ignoreOrder: true);
    }

    [Fact]
    public async Task UpdateAsync_StaleVersion_IsConflictAndFirstChangeKept()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plans = test.Get<PlanService>();
        var planId = await test.CreatePlanAsync("Original");
        var version = (await plans.GetOverviewAsync(planId))!.Version;

        var first = await plans.UpdateAsync(planId, new PlanInput { Name = "First edit", Version = version });
        var second = await plans.UpdateAsync(planId, new PlanInput { Name = "Second edit", Version = version });

        first.Status.ShouldBe(ResultStatus.Ok);
        second.Status.ShouldBe(ResultStatus.Conflict);
        second.Message!.ShouldContain("changed by someone else");
        var overview = await plans.GetOverviewAsync(planId);
        overview!.Name.ShouldBe("First edit");
        overview.Version.ShouldBe(version + 1);
    }

    [Fact]
    public async Task UpdateOutcomeAsync_StaleVersion_IsConflictAndFirstChangeKept()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plans = test.Get<PlanService>();
        var planId = await test.CreatePlanAsync();
        var outcomeId = (await plans.AddOutcomeAsync(planId, new OutcomeInput { Description = "D", Metric = "M", Target = "T" })).Value;
        var version = (await plans.GetOverviewAsync(planId))!.Outcomes.Single().Version;

        var first = await plans.UpdateOutcomeAsync(planId, outcomeId, new OutcomeInput { Description = "D", Metric = "M", Target = "first", Version = version });
        var second = await plans.UpdateOutcomeAsync(planId, outcomeId, new OutcomeInput { Description = "D", Metric = "M", Target = "second", Version = version });

        first.Status.ShouldBe(ResultStatus.Ok);
        second.Status.ShouldBe(ResultStatus.Conflict);
        (await plans.GetOverviewAsync(planId))!.Outcomes.Single().Target.ShouldBe("first");
    }

    [Fact]
    public async Task CreateAsync_MarkupEmojiAndRtlName_RoundTripsUnchangedButTrimmed()
    {
        await using var test = await TestDatabase.CreateAsync();
        const string name = "<script>alert(1)</script> 🚀🧰 مكتبة الأدوات";

        var planId = await test.CreatePlanAsync("  " + name + "\t\n");

        (await test.Get<PlanService>().GetOverviewAsync(planId))!.Name.ShouldBe(name);
        (await test.Get<PlanService>().ListAsync(false)).Single().Name.ShouldBe(name);
    }

    [Fact]
    public async Task CreateAsync_WhitespaceOnlyName_IsInvalid()
    {
        await using var test = await TestDatabase.CreateAsync();

        var result = await test.Get<PlanService>().CreateAsync(test.WorkspaceId, new PlanInput { Name = "   \t " });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe(["Name"]);
    }
}
