using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

public class FeatureServiceTests
{
    [Fact]
    public async Task CreateAsync_InPhaseAndLane_ListedWithNamesAndAppendedToCell()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var board = await test.GetBoardAsync(planId);
        var (mvp, development) = (board.Phases[0], board.Lanes[1]);

        var first = await test.CreateFeatureAsync(planId, "Catalogue", mvp.Id, development.Id);
        var second = await test.CreateFeatureAsync(planId, "Borrow request", mvp.Id, development.Id);

        var rows = await test.Get<FeatureService>().ListAsync(planId);
        rows.Select(r => r.Id).ShouldBe([first, second]);
        rows.ShouldAllBe(r => r.PhaseName == "MVP" && r.LaneName == "Development");
        (await test.CellAsync(planId, mvp.Id, development.Id)).ShouldBe([(first, 0), (second, 1)]);
    }

    [Fact]
    public async Task CreateAsync_WithProblems_ListsProblemsAndTheirPersonas()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var bo = await test.CreatePersonaAsync(planId, "Bo");
        var lena = await test.CreatePersonaAsync(planId, "Lena");
        var find = await test.CreateProblemAsync(planId, "Cannot find tools", bo);
        var track = await test.CreateProblemAsync(planId, "Loses track of loans", lena, bo);

        var featureId = await test.CreateFeatureAsync(planId, "Borrow request", null, null, find, track);

        var row = (await test.Get<FeatureService>().ListAsync(planId)).Single();
        row.Id.ShouldBe(featureId);
        row.Problems.Select(p => p.Id).ShouldBe([find, track]);
        row.PersonaIds.ShouldBe([bo, lena], ignoreOrder: true);
        row.PhaseId.ShouldBeNull();
        row.PhaseName.ShouldBeNull();
    }

    [Fact]
    public async Task CreateAsync_PhaseOfAnotherPlan_IsInvalidOnPhaseId()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync("Mine");
        var otherPlanId = await test.CreatePlanAsync("Theirs");
        var theirPhase = (await test.GetBoardAsync(otherPlanId)).Phases[0].Id;

        var result = await test.Get<FeatureService>().CreateAsync(planId, new FeatureInput { Title = "Sneaky", PhaseId = theirPhase });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([nameof(FeatureInput.PhaseId)]);
        (await test.Get<FeatureService>().ListAsync(planId)).ShouldBeEmpty();
        (await test.Get<FeatureService>().ListAsync(otherPlanId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateAsync_LaneOfAnotherPlan_IsInvalidOnLaneId()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync("Mine");
        var otherPlanId = await test.CreatePlanAsync("Theirs");
        var theirLane = (await test.GetBoardAsync(otherPlanId)).Lanes[0].Id;

        var result = await test.Get<FeatureService>().CreateAsync(planId, new FeatureInput { Title = "Sneaky", LaneId = theirLane });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([nameof(FeatureInput.LaneId)]);
    }

    [Fact]
    public async Task CreateAsync_ProblemOfAnotherPlan_IsInvalidOnProblemIds()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync("Mine");
        var otherPlanId = await test.CreatePlanAsync("Theirs");
        var theirProblem = await test.CreateProblemAsync(otherPlanId, "Theirs", await test.CreatePersonaAsync(otherPlanId));

        var result = await test.Get<FeatureService>().CreateAsync(planId, new FeatureInput { Title = "Sneaky", ProblemIds = [theirProblem] });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([nameof(FeatureInput.ProblemIds)]);
    }

    [Fact]
    public async Task CreateAsync_WhitespaceOnlyTitle_IsInvalidOnTitle()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await test.Get<FeatureService>().CreateAsync(planId, new FeatureInput { Title = "\t  " });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([nameof(FeatureInput.Title)]);
    }

    [Fact]
    public async Task CreateAsync_MarkupEmojiAndRtlTitle_RoundTripsUnchangedButTrimmed()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        const string title = "<script>alert(1)</script> 📦 קטלוג כלים";

        await test.CreateFeatureAsync(planId, " " + title + "   ");

        (await test.Get<FeatureService>().ListAsync(planId)).Single().Title.ShouldBe(title);
        (await test.GetBoardAsync(planId)).Cards.Single().Title.ShouldBe(title);
    }

    [Fact]
    public async Task UpdateAsync_StaleVersion_IsConflictAndFirstChangeKept()
    {
        await using var test = await TestDatabase.CreateAsync();
        var features = test.Get<FeatureService>();
        var planId = await test.CreatePlanAsync();
        var featureId = await test.CreateFeatureAsync(planId, "Original");
        var read = (await features.ListAsync(planId)).Single();

        var firstInput = read.ToInput();
        firstInput.Title = "First edit";
        var secondInput = read.ToInput();
        secondInput.Title = "Second edit";
        var first = await features.UpdateAsync(planId, featureId, firstInput);
        var second = await features.UpdateAsync(planId, featureId, secondInput);

        first.Status.ShouldBe(ResultStatus.Ok);
        second.Status.ShouldBe(ResultStatus.Conflict);
        var now = (await features.ListAsync(planId)).Single();
        now.Title.ShouldBe("First edit");
        now.Version.ShouldBe(read.Version + 1);
    }

    [Fact]
    public async Task UpdatePriorityAsync_StaleVersion_IsConflictAndFirstChangeKept()
    {
        await using var test = await TestDatabase.CreateAsync();
        var features = test.Get<FeatureService>();
        var planId = await test.CreatePlanAsync();
        var featureId = await test.CreateFeatureAsync(planId, "Catalogue");
        var read = (await features.ListAsync(planId)).Single();

        var firstInput = read.ToPriorityInput();
        firstInput.Moscow = Moscow.Must;
        firstInput.Reach = 100;
        var secondInput = read.ToPriorityInput();
        secondInput.Moscow = Moscow.Wont;
        var first = await features.UpdatePriorityAsync(planId, featureId, firstInput);
        var second = await features.UpdatePriorityAsync(planId, featureId, secondInput);

        first.Status.ShouldBe(ResultStatus.Ok);
        second.Status.ShouldBe(ResultStatus.Conflict);
        var now = (await features.ListAsync(planId)).Single();
        now.Moscow.ShouldBe(Moscow.Must);
        now.Reach.ShouldBe(100);
        now.Version.ShouldBe(read.Version + 1);
    }

    [Fact]
    public async Task UpdatePriorityAsync_AfterFullEditFromSameRead_IsConflict()
    {
        await using var test = await TestDatabase.CreateAsync();
        var features = test.Get<FeatureService>();
        var planId = await test.CreatePlanAsync();
        var featureId = await test.CreateFeatureAsync(planId, "Original");
        var read = (await features.ListAsync(planId)).Single();

        var edit = read.ToInput();
        edit.Title = "Renamed in the dialog";
        var priority = read.ToPriorityInput();
        priority.Status = FeatureStatus.Dropped;
        (await features.UpdateAsync(planId, featureId, edit)).Status.ShouldBe(ResultStatus.Ok);
        var stale = await features.UpdatePriorityAsync(planId, featureId, priority);

        stale.Status.ShouldBe(ResultStatus.Conflict);
        var now = (await features.ListAsync(planId)).Single();
        now.Title.ShouldBe("Renamed in the dialog");
        now.Status.ShouldBe(FeatureStatus.Idea);
    }

    [Fact]
    public async Task UpdateAsync_MovedToAnotherCell_AppendedAtEndOfThatCell()
    {
        await using var test = await TestDatabase.CreateAsync();
        var features = test.Get<FeatureService>();
        var planId = await test.CreatePlanAsync();
        var board = await test.GetBoardAsync(planId);
        var (mvp, design) = (board.Phases[0].Id, board.Lanes[0].Id);
        var existing = await test.CreateFeatureAsync(planId, "Already there", mvp, design);
        var moving = await test.CreateFeatureAsync(planId, "Moving");
        var read = (await features.ListAsync(planId)).Single(f => f.Id == moving);

        var input = read.ToInput();
        input.PhaseId = mvp;
        input.LaneId = design;
        var result = await features.UpdateAsync(planId, moving, input);

        result.Status.ShouldBe(ResultStatus.Ok);
        (await test.CellAsync(planId, mvp, design)).ShouldBe([(existing, 0), (moving, 1)]);
    }

    [Fact]
    public async Task UpdateAsync_WrongPlan_IsNotFoundAndNothingChanges()
    {
        await using var test = await TestDatabase.CreateAsync();
        var features = test.Get<FeatureService>();
        var planId = await test.CreatePlanAsync("Mine");
        var otherPlanId = await test.CreatePlanAsync("Theirs");
        var featureId = await test.CreateFeatureAsync(planId, "Original");
        var read = (await features.ListAsync(planId)).Single();

        var input = read.ToInput();
        input.Title = "Hijacked";
        var full = await features.UpdateAsync(otherPlanId, featureId, input);
        var priority = read.ToPriorityInput();
        priority.Status = FeatureStatus.Dropped;
        var inline = await features.UpdatePriorityAsync(otherPlanId, featureId, priority);

        full.Status.ShouldBe(ResultStatus.NotFound);
        inline.Status.ShouldBe(ResultStatus.NotFound);
        var now = (await features.ListAsync(planId)).Single();
        now.Title.ShouldBe("Original");
        now.Status.ShouldBe(FeatureStatus.Idea);
        now.Version.ShouldBe(read.Version);
    }

    [Fact]
    public async Task DeleteAsync_WrongPlan_IsNotFoundAndFeatureKept()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync("Mine");
        var otherPlanId = await test.CreatePlanAsync("Theirs");
        var featureId = await test.CreateFeatureAsync(planId, "Keep me");

        var result = await test.Get<FeatureService>().DeleteAsync(otherPlanId, featureId);

        result.Status.ShouldBe(ResultStatus.NotFound);
        await using var db = await test.NewContextAsync();
        (await db.Features.AnyAsync(f => f.Id == featureId)).ShouldBeTrue();
    }

    [Fact]
    public async Task DeleteAsync_FeatureWithProblems_ProblemsStay()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var problemId = await test.CreateProblemAsync(planId, "Still a problem", await test.CreatePersonaAsync(planId));
        var featureId = await test.CreateFeatureAsync(planId, "Short-lived", null, null, problemId);

        var result = await test.Get<FeatureService>().DeleteAsync(planId, featureId);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Message.ShouldBe("Deleted feature \"Short-lived\".");
        (await test.Get<FeatureService>().ListAsync(planId)).ShouldBeEmpty();
        var problem = (await test.Get<ProblemService>().ListAsync(planId)).Single();
        problem.Id.ShouldBe(problemId);
        problem.Features.ShouldBeEmpty();
    }
}
