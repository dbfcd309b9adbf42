using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

/// <summary>The minimum viable operation (issue 4) through the operations services over a real SQLite file.</summary>
public class OperationsServiceTests
{
    private const string OddText = "<script>alert('x')</script> 👩🏽‍🔧 שלום \"quotes\" & ümlaut";

    // Commitments

    [Fact]
    public async Task AddCommitment_ValidText_ReadBackTrimmedWithNoKeeper()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await test.Commitments().AddCommitmentAsync(planId, new CommitmentInput { Text = "  We answer support requests within 24 hours \n" });

        result.Status.ShouldBe(ResultStatus.Ok);
        var commitment = (await test.GetOperationsAsync(planId)).Commitments.ShouldHaveSingleItem();
        commitment.Id.ShouldBe(result.Value);
        commitment.Text.ShouldBe("We answer support requests within 24 hours");
        commitment.Version.ShouldBe(1);
        commitment.KeptBy.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AddCommitment_EmptyText_IsInvalidOnTextAndNothingStored(string text)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await test.Commitments().AddCommitmentAsync(planId, new CommitmentInput { Text = text });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([nameof(CommitmentInput.Text)]);
        result.ErrorsFor(nameof(CommitmentInput.Text)).ShouldHaveSingleItem().ShouldContain("Write the commitment");
        (await test.GetOperationsAsync(planId)).Commitments.ShouldBeEmpty();
    }

    [Fact]
    public async Task AddCommitment_LongerThanALine_IsInvalidOnText()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await test.Commitments().AddCommitmentAsync(planId, new CommitmentInput { Text = new string('a', TextLimits.Line + 1) });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([nameof(CommitmentInput.Text)]);
        (await test.GetOperationsAsync(planId)).Commitments.ShouldBeEmpty();
    }

    [Fact]
    public async Task AddCommitment_MarkupEmojiAndRtlText_StoredVerbatim()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        await test.AddCommitmentAsync(planId, OddText);

        (await test.GetOperationsAsync(planId)).Commitments.Single().Text.ShouldBe(OddText);
    }

    [Fact]
    public async Task UpdateCommitment_StaleVersion_IsConflictAndFirstEditKept()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var id = await test.AddCommitmentAsync(planId, "Original");
        var read = (await test.GetOperationsAsync(planId)).Commitments.Single();
        var first = read.ToInput();
        first.Text = "First edit";
        var second = read.ToInput();
        second.Text = "Second edit";

        (await test.Commitments().UpdateCommitmentAsync(planId, id, first)).Status.ShouldBe(ResultStatus.Ok);
        var stale = await test.Commitments().UpdateCommitmentAsync(planId, id, second);

        stale.Status.ShouldBe(ResultStatus.Conflict);
        stale.Message.ShouldNotBeNull().ShouldContain("changed by someone else");
        var now = (await test.GetOperationsAsync(planId)).Commitments.Single();
        now.Text.ShouldBe("First edit");
        now.Version.ShouldBe(2);
    }

    [Fact]
    public async Task DeleteCommitment_KeptByProcesses_ProcessesStayAndMessageNamesThem()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var doomed = await test.AddCommitmentAsync(planId, "Answer within 24 hours");
        var other = await test.AddCommitmentAsync(planId, "Refund within a week");
        var both = await test.AddProcessAsync(planId, new ProcessInput { Name = "Support inbox", CommitmentIds = [doomed, other] });
        var onlyDoomed = await test.AddProcessAsync(planId, new ProcessInput { Name = "Phone support", CommitmentIds = [doomed] });

        var result = await test.Commitments().DeleteCommitmentAsync(planId, doomed);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Message.ShouldBe("Deleted commitment \"Answer within 24 hours\". 2 processes no longer keep it.");
        var ops = await test.GetOperationsAsync(planId);
        ops.Commitments.Select(c => c.Id).ShouldBe([other]);
        ops.Processes.Select(p => p.Id).ShouldBe([onlyDoomed, both], ignoreOrder: true);
        ops.Processes.Single(p => p.Id == both).CommitmentIds.ShouldBe([other]);
        ops.Processes.Single(p => p.Id == onlyDoomed).CommitmentIds.ShouldBeEmpty();
    }

    [Fact]
    public async Task DeleteCommitment_SeveralPeopleAtOnce_OneDeletesOthersToldItIsGone()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        for (var round = 0; round < 3; round++)
        {
            var id = await test.AddCommitmentAsync(planId, $"Commitment {round}");
            await test.AddProcessAsync(planId, new ProcessInput { Name = $"Keeper {round}", CommitmentIds = [id] });

            var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => test.Commitments().DeleteCommitmentAsync(planId, id))));

            results.Count(r => r.Succeeded).ShouldBe(1);
            results.Where(r => !r.Succeeded).ShouldAllBe(r => r.Status == ResultStatus.NotFound);
        }

        var ops = await test.GetOperationsAsync(planId);
        ops.Commitments.ShouldBeEmpty();
        ops.Processes.Count.ShouldBe(3);
    }

    // Journey stages

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

    // Roles

    [Fact]
    public async Task AddRole_WithHolder_ListedByNameWithLabel()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        await test.AddRoleAsync(planId, "Support Lead", " Sam ");
        await test.AddRoleAsync(planId, "Billing clerk");

        var roles = (await test.GetOperationsAsync(planId)).Roles;
        roles.Select(r => r.Label).ShouldBe(["Billing clerk", "Support Lead (Sam)"]);
    }

    [Theory]
    [InlineData(" ", "", nameof(RoleInput.Name))]
    [InlineData("long", "", nameof(RoleInput.Name))]
    [InlineData("Lead", "long", nameof(RoleInput.Holder))]
    public async Task AddRole_EmptyOrOverLongField_IsInvalidOnThatField(string name, string holder, string field)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await test.Roles().AddRoleAsync(planId, new RoleInput
        {
            Name = name == "long" ? new string('r', TextLimits.Name + 1) : name,
            Holder = holder == "long" ? new string('h', TextLimits.Name + 1) : holder,
        });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([field]);
        (await test.GetOperationsAsync(planId)).Roles.ShouldBeEmpty();
    }

    [Fact]
    public async Task UpdateRole_StaleVersion_IsConflict()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var id = await test.AddRoleAsync(planId, "Lead");
        var read = (await test.GetOperationsAsync(planId)).Roles.Single();
        var first = read.ToInput();
        first.Holder = "Ana";
        var second = read.ToInput();
        second.Holder = "Ben";

        (await test.Roles().UpdateRoleAsync(planId, id, first)).Status.ShouldBe(ResultStatus.Ok);
        (await test.Roles().UpdateRoleAsync(planId, id, second)).Status.ShouldBe(ResultStatus.Conflict);

        (await test.GetOperationsAsync(planId)).Roles.Single().Holder.ShouldBe("Ana");
    }

    [Fact]
    public async Task DeleteRole_OwningProcessesAndKpis_TheyStayWithoutOwnerAndMessageNamesThem()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var lead = await test.AddRoleAsync(planId, "Support Lead");
        var other = await test.AddRoleAsync(planId, "Founder");
        var inbox = await test.AddProcessAsync(planId, new ProcessInput { Name = "Support inbox", OwnerRoleId = lead });
        var billing = await test.AddProcessAsync(planId, new ProcessInput { Name = "Billing", OwnerRoleId = other });
        var kpi = await test.AddKpiAsync(planId, "Response time", ownerRoleId: lead);

        var result = await test.Roles().DeleteRoleAsync(planId, lead);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Message.ShouldBe("Deleted role \"Support Lead\". 1 process and 1 KPI now have no owner.");
        var ops = await test.GetOperationsAsync(planId);
        ops.Roles.Select(r => r.Id).ShouldBe([other]);
        ops.Processes.Single(p => p.Id == inbox).OwnerRoleId.ShouldBeNull();
        ops.Processes.Single(p => p.Id == billing).OwnerRoleId.ShouldBe(other);
        ops.Kpis.Single(k => k.Id == kpi).OwnerRoleId.ShouldBeNull();
        ops.RoleName(null).ShouldBe("No owner");
    }

    // Core processes

    [Fact]
    public async Task AddProcess_EveryLink_ReadBackWithStepsAndLinks()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var planId = sample.PlanId;
        var stage = await test.AddStageAsync(planId, "Support");
        var role = await test.AddRoleAsync(planId, "Support Lead", "Sam");
        var commitment = await test.AddCommitmentAsync(planId, "Answer within 24 hours");
        var inbox = await test.AddToolAsync(planId, "Shared inbox", 12m);
        var sheet = await test.AddToolAsync(planId, "Spreadsheet");

        var result = await test.Processes().AddProcessAsync(planId, new ProcessInput
        {
            Name = " Support inbox ",
            StageId = stage,
            Steps = "Read new mail\n\n  Reply with template  \nLog in sheet",
            IsFrontstage = true,
            Automation = Automation.PartlyAutomated,
            HasRunManually = true,
            OwnerRoleId = role,
            KeepsCorePromise = true,
            CommitmentIds = [commitment, commitment],
            ToolIds = [inbox, sheet],
            FeatureIds = [sample.FeatureId],
        });

        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        var ops = await test.GetOperationsAsync(planId);
        var process = ops.Processes.ShouldHaveSingleItem();
        process.Name.ShouldBe("Support inbox");
        process.StageId.ShouldBe(stage);
        process.StepList.ShouldBe(["Read new mail", "Reply with template", "Log in sheet"]);
        process.IsFrontstage.ShouldBeTrue();
        process.Automation.ShouldBe(Automation.PartlyAutomated);
        process.HasRunManually.ShouldBeTrue();
        process.OwnerRoleId.ShouldBe(role);
        ops.RoleName(process.OwnerRoleId).ShouldBe("Support Lead (Sam)");
        process.KeepsCorePromise.ShouldBeTrue();
        process.CommitmentIds.ShouldBe([commitment]);
        process.ToolIds.ShouldBe([inbox, sheet], ignoreOrder: true);
        process.FeatureIds.ShouldBe([sample.FeatureId]);
        ops.Commitments.Single().KeptBy.ShouldBe(["Support inbox"]);
        ops.ProcessesOf(stage).Select(p => p.Id).ShouldBe([process.Id]);
    }

    [Fact]
    public async Task UpdateProcess_LinksOnly_SavedAsNewVersion()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var tool = await test.AddToolAsync(planId, "CRM");
        var id = await test.AddProcessAsync(planId, new ProcessInput { Name = "Sales call" });
        var input = (await test.GetOperationsAsync(planId)).Processes.Single().ToInput();
        input.ToolIds = [tool];

        var result = await test.Processes().UpdateProcessAsync(planId, id, input);

        result.Status.ShouldBe(ResultStatus.Ok);
        var process = (await test.GetOperationsAsync(planId)).Processes.Single();
        process.ToolIds.ShouldBe([tool]);
        process.Version.ShouldBe(2);
    }

    [Fact]
    public async Task UpdateProcess_StaleVersion_IsConflictAndLinksUnchanged()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var crm = await test.AddToolAsync(planId, "CRM");
        var sheet = await test.AddToolAsync(planId, "Sheet");
        var id = await test.AddProcessAsync(planId, new ProcessInput { Name = "Sales call" });
        var read = (await test.GetOperationsAsync(planId)).Processes.Single();
        var first = read.ToInput();
        first.ToolIds = [crm];
        var second = read.ToInput();
        second.ToolIds = [sheet];
        second.Name = "Overwritten";

        (await test.Processes().UpdateProcessAsync(planId, id, first)).Status.ShouldBe(ResultStatus.Ok);
        var stale = await test.Processes().UpdateProcessAsync(planId, id, second);

        stale.Status.ShouldBe(ResultStatus.Conflict);
        stale.Message.ShouldBe("The core process was changed by someone else while you were editing. Reload to see their change, then apply yours again.");
        var process = (await test.GetOperationsAsync(planId)).Processes.Single();
        process.Name.ShouldBe("Sales call");
        process.ToolIds.ShouldBe([crm]);
    }

    [Theory]
    [InlineData(nameof(ProcessInput.StageId))]
    [InlineData(nameof(ProcessInput.OwnerRoleId))]
    [InlineData(nameof(ProcessInput.CommitmentIds))]
    [InlineData(nameof(ProcessInput.ToolIds))]
    [InlineData(nameof(ProcessInput.FeatureIds))]
    public async Task AddProcess_LinkToAnotherPlansItem_IsInvalidOnThatFieldAndNothingStored(string field)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync("Mine");
        var foreign = await test.CreateSamplePlanAsync("Theirs");
        var input = await ForeignLinkAsync(test, foreign.PlanId, foreign.FeatureId, field);
        var before = await test.OperationsSnapshotAsync(foreign.PlanId);

        var result = await test.Processes().AddProcessAsync(planId, input);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([field]);
        result.Message.ShouldNotBeNull().ShouldContain("no longer exists");
        (await test.GetOperationsAsync(planId)).Processes.ShouldBeEmpty();
        (await test.OperationsSnapshotAsync(foreign.PlanId)).ShouldBe(before);
    }

    [Theory]
    [InlineData(nameof(ProcessInput.StageId))]
    [InlineData(nameof(ProcessInput.OwnerRoleId))]
    [InlineData(nameof(ProcessInput.CommitmentIds))]
    [InlineData(nameof(ProcessInput.ToolIds))]
    [InlineData(nameof(ProcessInput.FeatureIds))]
    public async Task UpdateProcess_LinkToAnotherPlansItem_IsInvalidAndProcessUnchanged(string field)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync("Mine");
        var id = await test.AddProcessAsync(planId, new ProcessInput { Name = "Mine" });
        var foreign = await test.CreateSamplePlanAsync("Theirs");
        var input = await ForeignLinkAsync(test, foreign.PlanId, foreign.FeatureId, field);
        input.Version = 1;
        var before = await test.OperationsSnapshotAsync(planId);

        var result = await test.Processes().UpdateProcessAsync(planId, id, input);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([field]);
        (await test.OperationsSnapshotAsync(planId)).ShouldBe(before);
    }

    [Fact]
    public async Task UpdateProcess_ProcessOfAnotherPlan_IsNotFound()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync("Mine");
        var otherPlanId = await test.CreatePlanAsync("Theirs");
        var theirs = await test.AddProcessAsync(otherPlanId, new ProcessInput { Name = "Theirs" });
        var before = await test.OperationsSnapshotAsync(otherPlanId);

        var update = await test.Processes().UpdateProcessAsync(planId, theirs, new ProcessInput { Name = "Hijacked", Version = 1 });
        var delete = await test.Processes().DeleteProcessAsync(planId, theirs);

        update.Status.ShouldBe(ResultStatus.NotFound);
        delete.Status.ShouldBe(ResultStatus.NotFound);
        (await test.OperationsSnapshotAsync(otherPlanId)).ShouldBe(before);
    }

    [Theory]
    [InlineData("", nameof(ProcessInput.Name))]
    [InlineData("long name", nameof(ProcessInput.Name))]
    [InlineData("long steps", nameof(ProcessInput.Steps))]
    [InlineData("bad automation", nameof(ProcessInput.Automation))]
    public async Task AddProcess_BadField_IsInvalidOnThatField(string what, string field)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var input = new ProcessInput { Name = "Onboarding call" };
        switch (what)
        {
            case "long name": input.Name = new string('p', TextLimits.Name + 1); break;
            case "long steps": input.Steps = new string('s', TextLimits.Text + 1); break;
            case "bad automation": input.Automation = (Automation)42; break;
            default: input.Name = what; break;
        }

        var result = await test.Processes().AddProcessAsync(planId, input);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([field]);
        (await test.GetOperationsAsync(planId)).Processes.ShouldBeEmpty();
    }

    [Fact]
    public async Task AddProcess_MarkupAndUnicodeSteps_StoredVerbatim()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        await test.AddProcessAsync(planId, new ProcessInput { Name = OddText, Steps = OddText + "\n" + "<img src=x onerror=alert(1)>" });

        var process = (await test.GetOperationsAsync(planId)).Processes.Single();
        process.Name.ShouldBe(OddText);
        process.StepList.ShouldBe([OddText, "<img src=x onerror=alert(1)>"]);
    }

    [Fact]
    public async Task DeleteProcess_Linked_CommitmentToolAndFeatureStay()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var commitment = await test.AddCommitmentAsync(sample.PlanId, "Answer within a day");
        var tool = await test.AddToolAsync(sample.PlanId, "Inbox", 5m);
        var id = await test.AddProcessAsync(sample.PlanId, new ProcessInput { Name = "Inbox", CommitmentIds = [commitment], ToolIds = [tool], FeatureIds = [sample.FeatureId] });

        var result = await test.Processes().DeleteProcessAsync(sample.PlanId, id);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Message.ShouldBe("Deleted core process \"Inbox\".");
        var ops = await test.GetOperationsAsync(sample.PlanId);
        ops.Processes.ShouldBeEmpty();
        ops.Commitments.Single().KeptBy.ShouldBeEmpty();
        ops.Tools.Single().Id.ShouldBe(tool);
        ops.Features.Select(f => f.Id).ShouldContain(sample.FeatureId);
    }

    // Essential tools

    [Fact]
    public async Task AddTool_SeveralWithCents_TotalMonthlyCostAddsUp()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        await test.Tools().AddToolAsync(planId, new ToolInput { Name = "Payments", Category = "Billing", MonthlyCost = 19.99m });
        await test.AddToolAsync(planId, "CRM", 5.01m);
        await test.AddToolAsync(planId, "Spreadsheet", 0m);

        var ops = await test.GetOperationsAsync(planId);
        ops.Tools.Select(t => t.Name).ShouldBe(["CRM", "Payments", "Spreadsheet"]);
        ops.Tools.Single(t => t.Name == "Payments").Category.ShouldBe("Billing");
        ops.Tools.Single(t => t.Name == "Payments").MonthlyCost.ShouldBe(19.99m);
        ops.TotalMonthlyCost.ShouldBe(25m);
    }

    [Fact]
    public async Task TotalMonthlyCost_NoTools_IsZero()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        (await test.GetOperationsAsync(planId)).TotalMonthlyCost.ShouldBe(0m);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(-100)]
    [InlineData(1_000_000.01)]
    public async Task AddTool_CostOutOfRange_IsInvalidOnMonthlyCost(double cost)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await test.Tools().AddToolAsync(planId, new ToolInput { Name = "CRM", MonthlyCost = (decimal)cost });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([nameof(ToolInput.MonthlyCost)]);
        result.ErrorsFor(nameof(ToolInput.MonthlyCost)).ShouldBe(["Monthly cost is between 0 and 1,000,000."]);
        (await test.GetOperationsAsync(planId)).Tools.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("", "", nameof(ToolInput.Name))]
    [InlineData("long", "", nameof(ToolInput.Name))]
    [InlineData("CRM", "long", nameof(ToolInput.Category))]
    public async Task AddTool_EmptyOrOverLongText_IsInvalidOnThatField(string name, string category, string field)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await test.Tools().AddToolAsync(planId, new ToolInput
        {
            Name = name == "long" ? new string('t', TextLimits.Name + 1) : name,
            Category = category == "long" ? new string('c', TextLimits.Name + 1) : category,
        });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([field]);
    }

    [Fact]
    public async Task UpdateTool_StaleVersion_IsConflictAndCostKept()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var id = await test.AddToolAsync(planId, "CRM", 10m);
        var read = (await test.GetOperationsAsync(planId)).Tools.Single();
        var first = read.ToInput();
        first.MonthlyCost = 20m;
        var second = read.ToInput();
        second.MonthlyCost = 30m;

        (await test.Tools().UpdateToolAsync(planId, id, first)).Status.ShouldBe(ResultStatus.Ok);
        (await test.Tools().UpdateToolAsync(planId, id, second)).Status.ShouldBe(ResultStatus.Conflict);

        (await test.GetOperationsAsync(planId)).TotalMonthlyCost.ShouldBe(20m);
    }

    [Fact]
    public async Task DeleteTool_UsedByProcesses_ProcessesStayAndMessageNamesThem()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var crm = await test.AddToolAsync(planId, "CRM", 30m);
        var sheet = await test.AddToolAsync(planId, "Sheet", 0m);
        var sales = await test.AddProcessAsync(planId, new ProcessInput { Name = "Sales call", ToolIds = [crm, sheet] });

        var result = await test.Tools().DeleteToolAsync(planId, crm);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Message.ShouldBe("Deleted tool \"CRM\". 1 process no longer uses it.");
        var ops = await test.GetOperationsAsync(planId);
        ops.Processes.Single(p => p.Id == sales).ToolIds.ShouldBe([sheet]);
        ops.TotalMonthlyCost.ShouldBe(0m);
    }

    // KPIs, measurements and reviews

    [Fact]
    public async Task AddKpi_AllFields_ReadBack()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var role = await test.AddRoleAsync(planId, "Support Lead");

        var result = await test.Kpis().AddKpiAsync(planId, new KpiInput
        {
            Name = " Support response time ",
            Unit = "hours",
            Direction = KpiDirection.LowerIsBetter,
            Target = 24m,
            OwnerRoleId = role,
            Cadence = ReviewCadence.BiWeekly,
        });

        result.Status.ShouldBe(ResultStatus.Ok);
        var kpi = (await test.GetOperationsAsync(planId)).Kpis.ShouldHaveSingleItem();
        kpi.Name.ShouldBe("Support response time");
        kpi.Unit.ShouldBe("hours");
        kpi.Direction.ShouldBe(KpiDirection.LowerIsBetter);
        kpi.Target.ShouldBe(24m);
        kpi.OwnerRoleId.ShouldBe(role);
        kpi.Cadence.ShouldBe(ReviewCadence.BiWeekly);
        kpi.Measurements.ShouldBeEmpty();
        kpi.Latest.ShouldBeNull();
        kpi.OnTarget.ShouldBeNull();
        kpi.NextReviewDue.ShouldBeNull();
    }

    [Theory]
    [InlineData("empty name", nameof(KpiInput.Name))]
    [InlineData("long name", nameof(KpiInput.Name))]
    [InlineData("long unit", nameof(KpiInput.Unit))]
    [InlineData("huge target", nameof(KpiInput.Target))]
    [InlineData("bad cadence", nameof(KpiInput.Cadence))]
    [InlineData("bad direction", nameof(KpiInput.Direction))]
    public async Task AddKpi_BadField_IsInvalidOnThatField(string what, string field)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var input = new KpiInput { Name = "Time to onboard" };
        switch (what)
        {
            case "empty name": input.Name = " "; break;
            case "long name": input.Name = new string('k', TextLimits.Name + 1); break;
            case "long unit": input.Unit = new string('u', 51); break;
            case "huge target": input.Target = 2_000_000_000m; break;
            case "bad cadence": input.Cadence = (ReviewCadence)9; break;
            default: input.Direction = (KpiDirection)9; break;
        }

        var result = await test.Kpis().AddKpiAsync(planId, input);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([field]);
        (await test.GetOperationsAsync(planId)).Kpis.ShouldBeEmpty();
    }

    [Fact]
    public async Task AddKpi_OwnerRoleOfAnotherPlan_IsInvalidOnOwner()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync("Mine");
        var otherPlanId = await test.CreatePlanAsync("Theirs");
        var foreignRole = await test.AddRoleAsync(otherPlanId, "Their lead");

        var result = await test.Kpis().AddKpiAsync(planId, new KpiInput { Name = "NPS", OwnerRoleId = foreignRole });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([nameof(KpiInput.OwnerRoleId)]);
        (await test.GetOperationsAsync(planId)).Kpis.ShouldBeEmpty();
    }

    [Fact]
    public async Task UpdateKpi_StaleVersion_IsConflict()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var id = await test.AddKpiAsync(planId, "NPS");
        var read = (await test.GetOperationsAsync(planId)).Kpis.Single();
        var first = read.ToInput();
        first.Target = 40m;
        var second = read.ToInput();
        second.Target = 60m;

        (await test.Kpis().UpdateKpiAsync(planId, id, first)).Status.ShouldBe(ResultStatus.Ok);
        (await test.Kpis().UpdateKpiAsync(planId, id, second)).Status.ShouldBe(ResultStatus.Conflict);

        (await test.GetOperationsAsync(planId)).Kpis.Single().Target.ShouldBe(40m);
    }

    [Theory]
    [InlineData(KpiDirection.HigherIsBetter, 50, true)]
    [InlineData(KpiDirection.HigherIsBetter, 49.5, false)]
    [InlineData(KpiDirection.LowerIsBetter, 50, true)]
    [InlineData(KpiDirection.LowerIsBetter, 50.5, false)]
    public async Task RecordMeasurement_LatestAgainstTarget_OnTargetFollowsDirection(KpiDirection direction, double latest, bool onTarget)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var id = (await test.Kpis().AddKpiAsync(planId, new KpiInput { Name = "Score", Direction = direction, Target = 50m })).Value;
        await test.RecordMeasurementAsync(planId, id, new DateOnly(2026, 3, 2), (decimal)latest);
        await test.RecordMeasurementAsync(planId, id, new DateOnly(2026, 3, 1), 1000m);

        var kpi = (await test.GetOperationsAsync(planId)).Kpis.Single();

        kpi.Measurements.Select(m => m.MeasuredOn).ShouldBe([new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2)]);
        kpi.Latest.ShouldNotBeNull().Value.ShouldBe((decimal)latest);
        kpi.OnTarget.ShouldBe(onTarget);
    }

    [Fact]
    public async Task RecordMeasurement_WithNote_StoredWithDateValueAndNote()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var id = await test.AddKpiAsync(planId, "Onboarding days");

        var result = await test.Kpis().RecordMeasurementAsync(planId, id, new MeasurementInput { MeasuredOn = new DateTime(2026, 5, 4), Value = 3.5m, Note = " " + OddText + " " });

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Message.ShouldBe("Measurement recorded.");
        var measurement = (await test.GetOperationsAsync(planId)).Kpis.Single().Measurements.Single();
        measurement.MeasuredOn.ShouldBe(new DateOnly(2026, 5, 4));
        measurement.Value.ShouldBe(3.5m);
        measurement.Note.ShouldBe(OddText);
    }

    [Theory]
    [InlineData("no date", nameof(MeasurementInput.MeasuredOn))]
    [InlineData("no value", nameof(MeasurementInput.Value))]
    [InlineData("huge value", nameof(MeasurementInput.Value))]
    [InlineData("long note", nameof(MeasurementInput.Note))]
    public async Task RecordMeasurement_BadField_IsInvalidOnThatField(string what, string field)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var id = await test.AddKpiAsync(planId, "NPS");
        var input = new MeasurementInput { MeasuredOn = new DateTime(2026, 1, 1), Value = 1m };
        switch (what)
        {
            case "no date": input.MeasuredOn = null; break;
            case "no value": input.Value = null; break;
            case "huge value": input.Value = -1_000_000_001m; break;
            default: input.Note = new string('n', TextLimits.Line + 1); break;
        }

        var result = await test.Kpis().RecordMeasurementAsync(planId, id, input);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([field]);
        (await test.GetOperationsAsync(planId)).Kpis.Single().Measurements.ShouldBeEmpty();
    }

    [Fact]
    public async Task RecordMeasurement_KpiOfAnotherPlan_IsNotFoundAndNothingStored()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync("Mine");
        var otherPlanId = await test.CreatePlanAsync("Theirs");
        var theirs = await test.AddKpiAsync(otherPlanId, "Their KPI");

        var result = await test.Kpis().RecordMeasurementAsync(planId, theirs, new MeasurementInput { MeasuredOn = new DateTime(2026, 1, 1), Value = 1m });
        var review = await test.Kpis().RecordReviewAsync(planId, theirs, new ReviewInput { HeldOn = new DateTime(2026, 1, 1), Notes = "Sneaky" });

        result.Status.ShouldBe(ResultStatus.NotFound);
        review.Status.ShouldBe(ResultStatus.NotFound);
        var kpi = (await test.GetOperationsAsync(otherPlanId)).Kpis.Single();
        kpi.Measurements.ShouldBeEmpty();
        kpi.Reviews.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("no date", nameof(ReviewInput.HeldOn))]
    [InlineData("no notes", nameof(ReviewInput.Notes))]
    [InlineData("long notes", nameof(ReviewInput.Notes))]
    public async Task RecordReview_BadField_IsInvalidOnThatField(string what, string field)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var id = await test.AddKpiAsync(planId, "NPS");
        var input = new ReviewInput { HeldOn = new DateTime(2026, 1, 1), Notes = "Fine" };
        switch (what)
        {
            case "no date": input.HeldOn = null; break;
            case "no notes": input.Notes = "  "; break;
            default: input.Notes = new string('r', TextLimits.Text + 1); break;
        }

        var result = await test.Kpis().RecordReviewAsync(planId, id, input);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([field]);
        (await test.GetOperationsAsync(planId)).Kpis.Single().Reviews.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(ReviewCadence.Weekly, 7)]
    [InlineData(ReviewCadence.BiWeekly, 14)]
    [InlineData(ReviewCadence.Monthly, 30)]
    public async Task NextReviewDue_AfterReviews_IsOneCadenceAfterTheLatestReview(ReviewCadence cadence, int days)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var id = await test.AddKpiAsync(planId, "NPS", cadence);
        await test.RecordMeasurementAsync(planId, id, new DateOnly(2026, 1, 1), 10m);
        await test.RecordReviewAsync(planId, id, new DateOnly(2026, 2, 10), "Second review");
        await test.RecordReviewAsync(planId, id, new DateOnly(2026, 2, 1), "First review");

        var kpi = (await test.GetOperationsAsync(planId)).Kpis.Single();

        kpi.Reviews.Select(r => r.Notes).ShouldBe(["Second review", "First review"]);
        kpi.LastReview.ShouldBe(new DateOnly(2026, 2, 10));
        kpi.NextReviewDue.ShouldBe(new DateOnly(2026, 2, 10).AddDays(days));
    }

    [Fact]
    public async Task NextReviewDue_NoReviewYet_IsOneCadenceAfterTheFirstMeasurement()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var id = await test.AddKpiAsync(planId, "NPS", ReviewCadence.Monthly);
        await test.RecordMeasurementAsync(planId, id, new DateOnly(2026, 1, 20), 10m);
        await test.RecordMeasurementAsync(planId, id, new DateOnly(2026, 1, 5), 8m);

        (await test.GetOperationsAsync(planId)).Kpis.Single().NextReviewDue.ShouldBe(new DateOnly(2026, 2, 4));
    }

    [Fact]
    public async Task DeleteKpi_WithMeasurementsAndReviews_RemovesThemAndKeepsOtherKpis()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var doomed = await test.AddKpiAsync(planId, "Doomed");
        var kept = await test.AddKpiAsync(planId, "Kept");
        await test.RecordMeasurementAsync(planId, doomed, new DateOnly(2026, 1, 1), 1m);
        await test.RecordReviewAsync(planId, doomed, new DateOnly(2026, 1, 2));
        await test.RecordMeasurementAsync(planId, kept, new DateOnly(2026, 1, 1), 2m);

        var result = await test.Kpis().DeleteKpiAsync(planId, doomed);

        result.Status.ShouldBe(ResultStatus.Ok);
        var kpi = (await test.GetOperationsAsync(planId)).Kpis.ShouldHaveSingleItem();
        kpi.Id.ShouldBe(kept);
        kpi.Measurements.ShouldHaveSingleItem().Value.ShouldBe(2m);
        await using var db = await test.NewContextAsync();
        (await db.KpiMeasurements.CountAsync()).ShouldBe(1);
        (await db.KpiReviews.CountAsync()).ShouldBe(0);
    }

    // Who may change the operation

    public static TheoryData<string> Changes => new(OperationChanges.Keys);

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Change_AsViewer_IsForbiddenAndNothingChanges(string change)
    {
        await using var test = await TestDatabase.CreateAsync();
        var ops = await CreateFullOperationAsync(test);
        var viewer = await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer);
        var before = await test.OperationsSnapshotAsync(ops.PlanId);
        test.ActAs(viewer);

        var result = await OperationChanges[change](test, ops);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        result.Message.ShouldNotBeNull().ShouldContain("You can view this plan but not change it");
        test.ActAs(test.Owner);
        (await test.OperationsSnapshotAsync(ops.PlanId)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Change_ByOutsider_IsNotFoundAndNothingChanges(string change)
    {
        await using var test = await TestDatabase.CreateAsync();
        var ops = await CreateFullOperationAsync(test);
        var (outsider, _) = await test.CreateOutsiderAsync();
        var before = await test.OperationsSnapshotAsync(ops.PlanId);
        test.ActAs(outsider);

        var result = await OperationChanges[change](test, ops);

        result.Status.ShouldBe(ResultStatus.NotFound);
        result.Message.ShouldNotBeNull().ShouldContain("was not found");
        (await test.OperationsSnapshotAsync(ops.PlanId)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Change_AsEditor_Succeeds(string change)
    {
        await using var test = await TestDatabase.CreateAsync();
        var ops = await CreateFullOperationAsync(test);
        test.ActAs(await test.CreateMemberAsync("Eddie Editor", WorkspaceRole.Editor));

        var result = await OperationChanges[change](test, ops);

        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
    }

    [Fact]
    public async Task AddDefaultStages_AsViewer_IsForbiddenAndJourneyStaysEmpty()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        await test.ClearJourneyAsync(planId);
        test.ActAs(await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer));

        var result = await test.Journey().AddDefaultStagesAsync(planId);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        (await test.GetOperationsAsync(planId)).Stages.ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_AsViewer_SeesTheWholeOperation()
    {
        await using var test = await TestDatabase.CreateAsync();
        var ops = await CreateFullOperationAsync(test);
        test.ActAs(await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer));

        var view = await test.GetOperationsAsync(ops.PlanId);

        view.Commitments.ShouldHaveSingleItem();
        view.Stages.Count.ShouldBe(6);
        view.Roles.ShouldHaveSingleItem();
        view.Processes.ShouldHaveSingleItem();
        view.Tools.ShouldHaveSingleItem();
        view.Kpis.ShouldHaveSingleItem().Measurements.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Get_ByOutsiderOrSignedOut_ReturnsNothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var ops = await CreateFullOperationAsync(test);
        var (outsider, _) = await test.CreateOutsiderAsync();

        test.ActAs(outsider);
        (await test.Operations().GetAsync(ops.PlanId)).ShouldBeNull();
        test.ActAs(null);
        (await test.Operations().GetAsync(ops.PlanId)).ShouldBeNull();
    }

    private sealed record FullOperation(int PlanId, int CommitmentId, int StageId, int RoleId, int ProcessId, int ToolId, int KpiId);

    /// <summary>Every change the operations page offers, made with valid input and the current version,
    /// so only the caller's rights decide the answer.</summary>
    private static readonly Dictionary<string, Func<TestDatabase, FullOperation, Task<ServiceResult>>> OperationChanges = new()
    {
        ["commitment.add"] = async (t, o) => await t.Commitments().AddCommitmentAsync(o.PlanId, new CommitmentInput { Text = "New" }),
        ["commitment.update"] = async (t, o) => await t.Commitments().UpdateCommitmentAsync(o.PlanId, o.CommitmentId, new CommitmentInput { Text = "Changed", Version = 1 }),
        ["commitment.delete"] = async (t, o) => await t.Commitments().DeleteCommitmentAsync(o.PlanId, o.CommitmentId),
        ["stage.add"] = async (t, o) => await t.Journey().AddStageAsync(o.PlanId, new StageInput { Name = "Renewal" }),
        ["stage.update"] = async (t, o) => await t.Journey().UpdateStageAsync(o.PlanId, o.StageId, new StageInput { Name = "Changed", Version = 1 }),
        ["stage.move"] = async (t, o) => await t.Journey().MoveStageAsync(o.PlanId, o.StageId, 1),
        ["stage.delete"] = async (t, o) => await t.Journey().DeleteStageAsync(o.PlanId, o.StageId),
        ["role.add"] = async (t, o) => await t.Roles().AddRoleAsync(o.PlanId, new RoleInput { Name = "New role" }),
        ["role.update"] = async (t, o) => await t.Roles().UpdateRoleAsync(o.PlanId, o.RoleId, new RoleInput { Name = "Changed", Version = 1 }),
        ["role.delete"] = async (t, o) => await t.Roles().DeleteRoleAsync(o.PlanId, o.RoleId),
        ["process.add"] = async (t, o) => await t.Processes().AddProcessAsync(o.PlanId, new ProcessInput { Name = "New process" }),
        ["process.update"] = async (t, o) => await t.Processes().UpdateProcessAsync(o.PlanId, o.ProcessId, new ProcessInput { Name = "Changed", Version = 1 }),
        ["process.delete"] = async (t, o) => await t.Processes().DeleteProcessAsync(o.PlanId, o.ProcessId),
        ["tool.add"] = async (t, o) => await t.Tools().AddToolAsync(o.PlanId, new ToolInput { Name = "New tool" }),
        ["tool.update"] = async (t, o) => await t.Tools().UpdateToolAsync(o.PlanId, o.ToolId, new ToolInput { Name = "Changed", MonthlyCost = 1m, Version = 1 }),
        ["tool.delete"] = async (t, o) => await t.Tools().DeleteToolAsync(o.PlanId, o.ToolId),
        ["kpi.add"] = async (t, o) => await t.Kpis().AddKpiAsync(o.PlanId, new KpiInput { Name = "New KPI" }),
        ["kpi.update"] = async (t, o) => await t.Kpis().UpdateKpiAsync(o.PlanId, o.KpiId, new KpiInput { Name = "Changed", Version = 1 }),
        ["kpi.delete"] = async (t, o) => await t.Kpis().DeleteKpiAsync(o.PlanId, o.KpiId),
        ["kpi.measure"] = async (t, o) => await t.Kpis().RecordMeasurementAsync(o.PlanId, o.KpiId, new MeasurementInput { MeasuredOn = new DateTime(2026, 2, 1), Value = 5m }),
        ["kpi.review"] = async (t, o) => await t.Kpis().RecordReviewAsync(o.PlanId, o.KpiId, new ReviewInput { HeldOn = new DateTime(2026, 2, 1), Notes = "Reviewed" }),
    };

    private static async Task<FullOperation> CreateFullOperationAsync(TestDatabase test)
    {
        var sample = await test.CreateSamplePlanAsync();
        var planId = sample.PlanId;
        var stageId = (await test.GetOperationsAsync(planId)).Stages[0].Id;
        var commitment = await test.AddCommitmentAsync(planId, "Answer within 24 hours");
        var role = await test.AddRoleAsync(planId, "Support Lead");
        var tool = await test.AddToolAsync(planId, "Inbox", 9m);
        var process = await test.AddProcessAsync(planId, new ProcessInput
        {
            Name = "Support inbox",
            StageId = stageId,
            OwnerRoleId = role,
            CommitmentIds = [commitment],
            ToolIds = [tool],
            FeatureIds = [sample.FeatureId],
        });
        var kpi = await test.AddKpiAsync(planId, "Response time", ownerRoleId: role);
        await test.RecordMeasurementAsync(planId, kpi, new DateOnly(2026, 1, 1), 20m);
        return new FullOperation(planId, commitment, stageId, role, process, tool, kpi);
    }

    private static async Task<ProcessInput> ForeignLinkAsync(TestDatabase test, int foreignPlanId, int foreignFeatureId, string field)
    {
        var input = new ProcessInput { Name = "Linked" };
        switch (field)
        {
            case nameof(ProcessInput.StageId): input.StageId = await test.AddStageAsync(foreignPlanId, "Their stage"); break;
            case nameof(ProcessInput.OwnerRoleId): input.OwnerRoleId = await test.AddRoleAsync(foreignPlanId, "Their role"); break;
            case nameof(ProcessInput.CommitmentIds): input.CommitmentIds = [await test.AddCommitmentAsync(foreignPlanId, "Their commitment")]; break;
            case nameof(ProcessInput.ToolIds): input.ToolIds = [await test.AddToolAsync(foreignPlanId, "Their tool")]; break;
            default: input.FeatureIds = [foreignFeatureId]; break;
        }

        return input;
    }
}
