using System.Linq.Expressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Operations;

/// <summary>The customer journey: its stages, in order, along which the core processes run.</summary>
public class JourneyService(PlanWriter writer, IValidator<StageInput> validator, ILogger<JourneyService> logger)
{
    internal static readonly Expression<Func<JourneyStage, StageView>> View =
        s => new StageView(s.Id, s.Name, s.Order, s.Touchpoints, s.InternalActions, s.Version);

    public Task<StageView?> GetAsync(int planId, int id, CancellationToken ct = default) =>
        PlanItemReads.OneAsync(writer, planId, id, View, ct);

    public Task<ServiceResult<int>> AddStageAsync(int planId, StageInput input, CancellationToken ct = default) =>
        writer.CreateAsync<JourneyStage, StageInput>(planId, input, validator, async (db, stage, i, token) =>
        {
            // After the last stage, not at the count: deleting a stage leaves its place empty. Read after taking the
            // plan's order token inside the writer's transaction, so two people adding at once do not get the same place.
            await PlanOrder.BumpAsync(db, planId, token);
            stage.Order = (await db.JourneyStages.Where(s => s.PlanId == planId).MaxAsync(s => (int?)s.Order, token) ?? -1) + 1;
            return await Apply(db, stage, i, token);
        }, "Journey stage", ct);

    public Task<ServiceResult> UpdateStageAsync(int planId, int id, StageInput input, CancellationToken ct = default) =>
        writer.UpdateAsync<JourneyStage, StageInput>(planId, id, input, input.Version, validator, Apply, "Journey stage", ct);

    /// <summary>The stage's processes stay, without a stage; the readiness check then lists them.</summary>
    public Task<ServiceResult> DeleteStageAsync(int planId, int id, CancellationToken ct = default) =>
        writer.DeleteAsync<JourneyStage>(planId, id, "Journey stage", ct, async (db, stage, token) =>
        {
            var processes = await db.CoreProcesses.CountAsync(p => p.StageId == stage.Id, token);
            return processes == 0 ? null : $"{Text.Plural(processes, "process", "processes")} now {(processes == 1 ? "has" : "have")} no stage.";
        });

    /// <summary>Moves a stage one place earlier or later along the journey. As board moves (see <see cref="PlanOrder"/>):
    /// a move computed from an order someone else changed meanwhile is refused.</summary>
    public Task<ServiceResult> MoveStageAsync(int planId, int id, int offset, CancellationToken ct = default) =>
        writer.WriteAsync(planId, WorkspaceRole.Editor, async w =>
        {
            var order = await PlanOrder.ReadAsync(w.Db, planId, ct);
            var stages = await w.Db.JourneyStages.Where(s => s.PlanId == w.PlanId).OrderBy(s => s.Order).ThenBy(s => s.Id).ToListAsync(ct);
            var index = stages.FindIndex(s => s.Id == id);
            if (index < 0)
            {
                return ServiceResult.NotFound("The journey stage");
            }

            var stage = stages[index];
            stages.RemoveAt(index);
            stages.Insert(Math.Clamp(index + offset, 0, stages.Count), stage);
            for (var i = 0; i < stages.Count; i++)
            {
                stages[i].Order = i;
            }

            w.Moved(stage);
            if (!await PlanOrder.ClaimAsync(w.Db, planId, order, ct))
            {
                logger.LogInformation("Move of journey stage {StageId} in plan {PlanId} refused: another move changed the order at the same moment", id, planId);
                return ServiceResult.OrderChanged();
            }

            return ServiceResult.Ok();
        }, ct);

    /// <summary>Adds the seed's journey (Marketing … Support) to a plan that has no stages yet. Checked and written in
    /// the writer's one transaction, so two people pressing the button at once add the journey once.</summary>
    public Task<ServiceResult> AddDefaultStagesAsync(int planId, CancellationToken ct = default) =>
        writer.WriteAsync(planId, WorkspaceRole.Editor, async w =>
        {
            if (await w.Db.JourneyStages.AnyAsync(s => s.PlanId == w.PlanId, ct))
            {
                return ServiceResult.Invalid("Stages", "This plan already has journey stages.");
            }

            foreach (var stage in OperationsDefaults.CreateStages())
            {
                stage.PlanId = w.PlanId;
                w.Db.JourneyStages.Add(stage);
            }

            return ServiceResult.Ok("Added the journey stages Marketing, Sales, Onboarding, Billing, Delivery and Support.");
        }, ct);

    private static Task<ServiceResult> Apply(PlannerDbContext db, JourneyStage stage, StageInput input, CancellationToken ct)
    {
        stage.Name = Text.Clean(input.Name);
        stage.Touchpoints = Text.Clean(input.Touchpoints);
        stage.InternalActions = Text.Clean(input.InternalActions);
        return Task.FromResult(ServiceResult.Ok());
    }
}
