using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.Operations;

/// <summary>The customer journey: stages, their order and the default journey, through <see cref="JourneyService"/> over a real SQLite file.</summary>
public class JourneyServiceTests
{
    [Fact]
    public async Task NewPlan_Created_StartsWithTheSeedJourney()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var stages = (await test.GetOperationsAsync(planId)).Stages;

        stages.Select(s => s.Name).ShouldBe(["Marketing", "Sales", "Onboarding", "Billing", "Delivery", "Support"]);
        stages.Select(s => s.Order).ShouldBe([0, 1, 2, 3, 4, 5]);
    }

    [Fact]
    public async Task AddDefaultStages_JourneyCleared_AddsTheSeedJourneyInOrder()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        await test.ClearJourneyAsync(planId);

        var result = await test.Journey().AddDefaultStagesAsync(planId);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Message.ShouldNotBeNull().ShouldContain("Marketing, Sales, Onboarding, Billing, Delivery and Support");
        var stages = (await test.GetOperationsAsync(planId)).Stages;
        stages.Select(s => s.Name).ShouldBe(["Marketing", "Sales", "Onboarding", "Billing", "Delivery", "Support"]);
        stages.Select(s => s.Order).ShouldBe([0, 1, 2, 3, 4, 5]);
    }

    [Fact]
    public async Task AddDefaultStages_PlanAlreadyHasStages_IsInvalidAndAddsNothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        await test.ClearJourneyAsync(planId);
        await test.AddStageAsync(planId, "Discovery call");

        var result = await test.Journey().AddDefaultStagesAsync(planId);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message.ShouldBe("This plan already has journey stages.");
        (await test.GetOperationsAsync(planId)).Stages.Select(s => s.Name).ShouldBe(["Discovery call"]);
    }

    [Fact]
    public async Task AddStage_AfterDefaults_GoesToTheEndOfTheJourney()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await test.Journey().AddStageAsync(planId, new StageInput
        {
            Name = " Renewal ",
            Touchpoints = "Reminder e-mail\nAccount page",
            InternalActions = "Check usage",
        });

        result.Status.ShouldBe(ResultStatus.Ok);
        var stage = (await test.GetOperationsAsync(planId)).Stages[^1];
        stage.Id.ShouldBe(result.Value);
        stage.Name.ShouldBe("Renewal");
        stage.Order.ShouldBe(6);
        stage.Touchpoints.ShouldBe("Reminder e-mail\nAccount page");
        stage.InternalActions.ShouldBe("Check usage");
    }

    [Fact]
    public async Task AddStage_AfterDeletingEarlierStages_GoesToTheEndOfTheJourney()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var stages = (await test.GetOperationsAsync(planId)).Stages;
        await test.Journey().DeleteStageAsync(planId, stages.Single(s => s.Name == "Marketing").Id);
        await test.Journey().DeleteStageAsync(planId, stages.Single(s => s.Name == "Sales").Id);

        await test.AddStageAsync(planId, "Renewal");

        (await test.GetOperationsAsync(planId)).Stages.Select(s => s.Name).ShouldBe(["Onboarding", "Billing", "Delivery", "Support", "Renewal"]);
    }

    [Fact]
    public async Task AddStage_EmptyJourneyOfOnePlan_OtherPlansStagesDoNotCount()
    {
        await using var test = await TestDatabase.CreateAsync();
        await test.CreatePlanAsync("Other");
        var planId = await test.CreatePlanAsync();
        await test.ClearJourneyAsync(planId);

        await test.AddStageAsync(planId, "First");
        await test.AddStageAsync(planId, "Second");

        (await test.GetOperationsAsync(planId)).Stages.Select(s => s.Name).ShouldBe(["First", "Second"]);
    }

    [Theory]
    [InlineData("", "", "", nameof(StageInput.Name))]
    [InlineData("x", "", "", null)]
    [InlineData("x", "long", "", nameof(StageInput.Touchpoints))]
    [InlineData("x", "", "long", nameof(StageInput.InternalActions))]
    [InlineData("long name", "", "", nameof(StageInput.Name))]
    public async Task AddStage_EmptyOrOverLongField_IsInvalidOnThatField(string name, string touchpoints, string internalActions, string? field)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var input = new StageInput
        {
            Name = name == "long name" ? new string('n', TextLimits.Name + 1) : name,
            Touchpoints = touchpoints == "long" ? new string('t', TextLimits.Text + 1) : touchpoints,
            InternalActions = internalActions == "long" ? new string('i', TextLimits.Text + 1) : internalActions,
        };

        var result = await test.Journey().AddStageAsync(planId, input);

        if (field is null)
        {
            result.Status.ShouldBe(ResultStatus.Ok);
            return;
        }

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([field]);
        (await test.GetOperationsAsync(planId)).Stages.Count.ShouldBe(6);
    }

    [Fact]
    public async Task AddStage_TextAtTheLimit_StoredWhole()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var touchpoints = string.Concat(Enumerable.Repeat("🧰 line\n", TextLimits.Text / 10)).Trim();

        var result = await test.Journey().AddStageAsync(planId, new StageInput { Name = new string('n', TextLimits.Name), Touchpoints = touchpoints });

        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        var stage = (await test.GetOperationsAsync(planId)).Stages.Single(s => s.Id == result.Value);
        stage.Name.Length.ShouldBe(TextLimits.Name);
        stage.Touchpoints.ShouldBe(touchpoints);
    }

    [Theory]
    [InlineData("Billing", -1, new[] { "Marketing", "Sales", "Onboarding", "Billing", "Delivery", "Support" }, new[] { "Marketing", "Sales", "Billing", "Onboarding", "Delivery", "Support" })]
    [InlineData("Billing", 1, new[] { "Marketing", "Sales", "Onboarding", "Billing", "Delivery", "Support" }, new[] { "Marketing", "Sales", "Onboarding", "Delivery", "Billing", "Support" })]
    [InlineData("Marketing", -1, new[] { "Marketing", "Sales", "Onboarding", "Billing", "Delivery", "Support" }, new[] { "Marketing", "Sales", "Onboarding", "Billing", "Delivery", "Support" })]
    [InlineData("Support", 1, new[] { "Marketing", "Sales", "Onboarding", "Billing", "Delivery", "Support" }, new[] { "Marketing", "Sales", "Onboarding", "Billing", "Delivery", "Support" })]
    [InlineData("Support", -10, new[] { "Marketing", "Sales", "Onboarding", "Billing", "Delivery", "Support" }, new[] { "Support", "Marketing", "Sales", "Onboarding", "Billing", "Delivery" })]
    public async Task MoveStage_ByOffset_NewOrderIsGapFree(string stage, int offset, string[] before, string[] after)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var stages = (await test.GetOperationsAsync(planId)).Stages;
        stages.Select(s => s.Name).ShouldBe(before);

        var result = await test.Journey().MoveStageAsync(planId, stages.Single(s => s.Name == stage).Id, offset);

        result.Status.ShouldBe(ResultStatus.Ok);
        var moved = (await test.GetOperationsAsync(planId)).Stages;
        moved.Select(s => s.Name).ShouldBe(after);
        moved.Select(s => s.Order).ShouldBe(Enumerable.Range(0, 6));
    }

    [Fact]
    public async Task MoveStage_SeveralPeopleAtOnce_AllSucceedAndOrderStaysGapFree()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var stages = (await test.GetOperationsAsync(planId)).Stages;

        for (var round = 0; round < 4; round++)
        {
            var moves = stages.Select((s, i) => Task.Run(() => test.Journey().MoveStageAsync(planId, s.Id, i % 2 == 0 ? 1 : -2)));
            var results = await Task.WhenAll(moves);

            results.ShouldAllBe(r => r.Status == ResultStatus.Ok);
            var now = (await test.GetOperationsAsync(planId)).Stages;
            now.Select(s => s.Order).ShouldBe(Enumerable.Range(0, 6));
            now.Select(s => s.Id).ShouldBe(stages.Select(s => s.Id), ignoreOrder: true);
        }
    }

    [Fact]
    public async Task AddDefaultStages_TwoPeopleAtOnce_JourneyAddedOnce()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        await test.ClearJourneyAsync(planId);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => test.Journey().AddDefaultStagesAsync(planId))));

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.Message == "This plan already has journey stages.");
        (await test.GetOperationsAsync(planId)).Stages.Count.ShouldBe(6);
    }

    [Fact]
    public async Task MoveStage_StageOfAnotherPlan_IsNotFoundAndNeitherPlanChanges()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync("Mine");
        var otherPlanId = await test.CreatePlanAsync("Other");
        var foreignStage = (await test.GetOperationsAsync(otherPlanId)).Stages[3].Id;
        var mine = await test.OperationsSnapshotAsync(planId);
        var theirs = await test.OperationsSnapshotAsync(otherPlanId);

        var result = await test.Journey().MoveStageAsync(planId, foreignStage, -1);

        result.Status.ShouldBe(ResultStatus.NotFound);
        (await test.OperationsSnapshotAsync(planId)).ShouldBe(mine);
        (await test.OperationsSnapshotAsync(otherPlanId)).ShouldBe(theirs);
    }

    [Fact]
    public async Task DeleteStage_WithProcesses_ProcessesStayWithoutStageAndMessageNamesThem()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var stages = (await test.GetOperationsAsync(planId)).Stages;
        var billing = stages.Single(s => s.Name == "Billing").Id;
        var support = stages.Single(s => s.Name == "Support").Id;
        var invoicing = await test.AddProcessAsync(planId, new ProcessInput { Name = "Invoicing", StageId = billing });
        var dunning = await test.AddProcessAsync(planId, new ProcessInput { Name = "Dunning", StageId = billing });
        var inbox = await test.AddProcessAsync(planId, new ProcessInput { Name = "Support inbox", StageId = support });

        var result = await test.Journey().DeleteStageAsync(planId, billing);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Message.ShouldBe("Deleted journey stage \"Billing\". 2 processes now have no stage.");
        var ops = await test.GetOperationsAsync(planId);
        ops.Stages.Select(s => s.Name).ShouldBe(["Marketing", "Sales", "Onboarding", "Delivery", "Support"]);
        ops.Processes.Select(p => p.Id).ShouldBe([invoicing, dunning, inbox], ignoreOrder: true);
        ops.Processes.Single(p => p.Id == invoicing).StageId.ShouldBeNull();
        ops.Processes.Single(p => p.Id == dunning).StageId.ShouldBeNull();
        ops.Processes.Single(p => p.Id == inbox).StageId.ShouldBe(support);
    }

    [Fact]
    public async Task DeleteStage_WithoutProcesses_PlainMessage()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var stageId = await test.AddStageAsync(planId, "Marketing");

        var result = await test.Journey().DeleteStageAsync(planId, stageId);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Message.ShouldBe("Deleted journey stage \"Marketing\".");
    }

    [Fact]
    public async Task UpdateStage_StaleVersion_IsConflictAndFirstEditKept()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var id = await test.AddStageAsync(planId, "Original");
        var read = (await test.GetOperationsAsync(planId)).Stages.Single(s => s.Id == id);
        var first = read.ToInput();
        first.Name = "First";
        var second = read.ToInput();
        second.Touchpoints = "Second";

        (await test.Journey().UpdateStageAsync(planId, id, first)).Status.ShouldBe(ResultStatus.Ok);
        (await test.Journey().UpdateStageAsync(planId, id, second)).Status.ShouldBe(ResultStatus.Conflict);

        var now = (await test.GetOperationsAsync(planId)).Stages.Single(s => s.Id == id);
        now.Name.ShouldBe("First");
        now.Touchpoints.ShouldBeEmpty();
    }
}
