using System.Linq.Expressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Operations;

/// <summary>The core processes that deliver the product: their stage, owner, steps, and what they keep, use and support.</summary>
public class CoreProcessService(PlanWriter writer, IValidator<ProcessInput> validator)
{
    internal static readonly Expression<Func<CoreProcess, ProcessView>> View =
        p => new ProcessView(p.Id, p.Name, p.StageId, p.Steps, p.IsFrontstage, p.Automation, p.HasRunManually, p.OwnerRoleId, p.KeepsCorePromise,
            p.Commitments.Select(c => c.Id).ToList(), p.Tools.Select(t => t.Id).ToList(), p.Features.Select(f => f.Id).ToList(), p.Version);

    public Task<ProcessView?> GetAsync(int planId, int id, CancellationToken ct = default) =>
        PlanItemReads.OneAsync(writer, planId, id, View, ct);

    public Task<ServiceResult<int>> AddProcessAsync(int planId, ProcessInput input, CancellationToken ct = default) =>
        writer.CreateAsync<CoreProcess, ProcessInput>(planId, input, validator, Apply, "Core process", ct);

    public Task<ServiceResult> UpdateProcessAsync(int planId, int id, ProcessInput input, CancellationToken ct = default) =>
        writer.UpdateAsync<CoreProcess, ProcessInput>(planId, id, input, input.Version, validator, Apply, "Core process", ct,
            q => q.Include(p => p.Commitments).Include(p => p.Tools).Include(p => p.Features));

    public Task<ServiceResult> DeleteProcessAsync(int planId, int id, CancellationToken ct = default) =>
        writer.DeleteAsync<CoreProcess>(planId, id, "Core process", ct);

    /// <summary>Links are checked against the same plan, so a deleted or foreign stage, role, tool or feature is refused by name.</summary>
    private static async Task<ServiceResult> Apply(PlannerDbContext db, CoreProcess process, ProcessInput input, CancellationToken ct)
    {
        var planId = process.PlanId;
        if (input.StageId is { } stageId && !await db.JourneyStages.AnyAsync(s => s.Id == stageId && s.PlanId == planId, ct))
        {
            return ServiceResult.Invalid(nameof(ProcessInput.StageId), "That journey stage no longer exists. Choose another.");
        }

        if (input.OwnerRoleId is { } roleId && !await db.OperationRoles.AnyAsync(r => r.Id == roleId && r.PlanId == planId, ct))
        {
            return ServiceResult.Invalid(nameof(ProcessInput.OwnerRoleId), "That role no longer exists. Choose another.");
        }

        var commitmentIds = input.CommitmentIds.Distinct().ToList();
        var commitments = await db.Commitments.Where(c => c.PlanId == planId && commitmentIds.Contains(c.Id)).ToListAsync(ct);
        var toolIds = input.ToolIds.Distinct().ToList();
        var tools = await db.EssentialTools.Where(t => t.PlanId == planId && toolIds.Contains(t.Id)).ToListAsync(ct);
        var featureIds = input.FeatureIds.Distinct().ToList();
        var features = await db.Features.Where(f => f.PlanId == planId && featureIds.Contains(f.Id)).ToListAsync(ct);
        if (commitments.Count != commitmentIds.Count)
        {
            return ServiceResult.Invalid(nameof(ProcessInput.CommitmentIds), "A chosen commitment no longer exists; choose again.");
        }

        if (tools.Count != toolIds.Count)
        {
            return ServiceResult.Invalid(nameof(ProcessInput.ToolIds), "A chosen tool no longer exists; choose again.");
        }

        if (features.Count != featureIds.Count)
        {
            return ServiceResult.Invalid(nameof(ProcessInput.FeatureIds), "A chosen feature no longer exists; choose again.");
        }

        process.Name = Text.Clean(input.Name);
        process.StageId = input.StageId;
        process.Steps = Text.Clean(input.Steps);
        process.IsFrontstage = input.IsFrontstage;
        process.Automation = input.Automation;
        process.HasRunManually = input.HasRunManually;
        process.OwnerRoleId = input.OwnerRoleId;
        process.KeepsCorePromise = input.KeepsCorePromise;
        process.Commitments.Clear();
        process.Commitments.AddRange(commitments);
        process.Tools.Clear();
        process.Tools.AddRange(tools);
        process.Features.Clear();
        process.Features.AddRange(features);
        return ServiceResult.Ok();
    }
}
