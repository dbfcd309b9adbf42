using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.Operations;

/// <summary>Commitments: the promises the operation makes, through <see cref="CommitmentService"/> over a real SQLite file.</summary>
public class CommitmentServiceTests
{
    private const string OddText = "<script>alert('x')</script> 👩🏽‍🔧 שלום \"quotes\" & ümlaut";

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
}
