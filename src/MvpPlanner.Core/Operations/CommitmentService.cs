using System.Linq.Expressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Operations;

/// <summary>The promises the operation makes (commitments), which core processes keep.</summary>
public class CommitmentService(PlanWriter writer, IValidator<CommitmentInput> validator)
{
    internal static readonly Expression<Func<Commitment, CommitmentView>> View =
        c => new CommitmentView(c.Id, c.Text, c.Version, c.KeptBy.Select(p => p.Name).ToList());

    public Task<CommitmentView?> GetAsync(int planId, int id, CancellationToken ct = default) =>
        PlanItemReads.OneAsync(writer, planId, id, View, ct);

    public Task<ServiceResult<int>> AddCommitmentAsync(int planId, CommitmentInput input, CancellationToken ct = default) =>
        writer.CreateAsync<Commitment, CommitmentInput>(planId, input, validator, Apply, "Commitment", ct);

    public Task<ServiceResult> UpdateCommitmentAsync(int planId, int id, CommitmentInput input, CancellationToken ct = default) =>
        writer.UpdateAsync<Commitment, CommitmentInput>(planId, id, input, input.Version, validator, Apply, "Commitment", ct);

    /// <summary>Processes that kept the commitment stay; only their link to it goes.</summary>
    public Task<ServiceResult> DeleteCommitmentAsync(int planId, int id, CancellationToken ct = default) =>
        writer.DeleteAsync<Commitment>(planId, id, "Commitment", ct, async (db, commitment, token) =>
        {
            var keepers = await db.CoreProcesses.CountAsync(p => p.Commitments.Any(c => c.Id == commitment.Id), token);
            return keepers == 0 ? null : $"{Text.Plural(keepers, "process", "processes")} no longer {(keepers == 1 ? "keeps" : "keep")} it.";
        });

    private static Task<ServiceResult> Apply(PlannerDbContext db, Commitment commitment, CommitmentInput input, CancellationToken ct)
    {
        commitment.Text = Text.Clean(input.Text);
        return Task.FromResult(ServiceResult.Ok());
    }
}
