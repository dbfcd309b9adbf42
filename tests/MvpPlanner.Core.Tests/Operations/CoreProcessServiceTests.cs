using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.Operations;

/// <summary>Core processes: their stage, owner, steps and links, through <see cref="CoreProcessService"/> over a real SQLite file.</summary>
public class CoreProcessServiceTests
{
    private const string OddText = "<script>alert('x')</script> 👩🏽‍🔧 שלום \"quotes\" & ümlaut";

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
