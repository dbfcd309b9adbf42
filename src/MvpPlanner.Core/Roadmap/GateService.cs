using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.Roadmap;

/// <summary>Phase gates: the checkable exit criteria of each phase, evaluated against the plan's outcomes, readiness
/// score and launch steps, and signed off by the roles they name.</summary>
public class GateService(
    PlanWriter writer,
    PlanService plans,
    ReadinessService readiness,
    IValidator<GateConditionInput> validator,
    IValidator<SignOffInput> signOffValidator,
    ILogger<GateService> logger)
{
    /// <summary>Every phase's gate, in phase order; phases without conditions have <see cref="GateResult.None"/>.</summary>
    public async Task<IReadOnlyList<PhaseGate>> GetGatesAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await writer.OpenForReadAsync(planId, ct);
        if (db is null)
        {
            return [];
        }

        var phases = await db.RoadmapPhases.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.Order).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.Order }).ToListAsync(ct);
        var conditions = await db.GateConditions.AsNoTracking().Where(c => c.PlanId == planId).OrderBy(c => c.Id)
            .Select(c => new GateConditionView(c.Id, c.PhaseId, c.Kind, c.OutcomeId, c.Outcome != null ? c.Outcome.Description : null, c.Threshold,
                c.RoleName, c.SignedOffAt, c.SignedOffByName, c.SignOffNote, c.Version))
            .ToListAsync(ct);
        var facts = await FactsAsync(db, planId, conditions, ct);
        var byPhase = conditions.ToLookup(c => c.PhaseId);
        return phases.Select(p => new PhaseGate(p.Id, p.Name, p.Order, byPhase[p.Id].ToList(), GateEvaluation.Evaluate(byPhase[p.Id], facts))).ToList();
    }

    public async Task<PhaseGate?> GetGateAsync(int planId, int phaseId, CancellationToken ct = default) =>
        (await GetGatesAsync(planId, ct)).FirstOrDefault(g => g.PhaseId == phaseId);

    /// <summary>Reads only what the conditions need: readiness and launch steps cost a plan-wide read each.</summary>
    private async Task<GateFacts> FactsAsync(PlannerDbContext db, int planId, IReadOnlyList<GateConditionView> conditions, CancellationToken ct)
    {
        var outcomeIds = conditions.Where(c => c.OutcomeId is not null).Select(c => c.OutcomeId!.Value).Distinct().ToList();
        var outcomes = await db.TargetOutcomes.AsNoTracking().Where(o => o.PlanId == planId && outcomeIds.Contains(o.Id))
            .Select(o => new
            {
                o.Id,
                o.BaselineValue,
                o.TargetValue,
                Latest = db.OutcomeMeasurements.Where(m => m.OutcomeId == o.Id).OrderByDescending(m => m.MeasuredOn).ThenByDescending(m => m.Id)
                    .Select(m => (decimal?)m.Value).FirstOrDefault(),
            })
            .ToDictionaryAsync(o => o.Id, o => new OutcomeFacts(o.BaselineValue, o.TargetValue, o.Latest), ct);
        int? score = conditions.Any(c => c.Kind == GateConditionKind.ReadinessAtLeast) ? (await readiness.CheckAsync(planId, ct))?.Score : null;
        var steps = LaunchSteps.None;
        if (conditions.Any(c => c.Kind == GateConditionKind.LaunchStepsDone) && await plans.GetOverviewAsync(planId, ct) is { } overview)
        {
            steps = overview.LaunchSteps.Where(s => s.IsDone).Aggregate(LaunchSteps.None, (all, s) => all | s.Step);
        }

        return new GateFacts(outcomes, score, steps);
    }

    public Task<ServiceResult<int>> AddConditionAsync(int planId, int phaseId, GateConditionInput input, CancellationToken ct = default) =>
        writer.WriteAsync<GateConditionInput, int>(planId, input, validator, async w =>
        {
            var phase = await w.FindAsync<RoadmapPhase>(phaseId, ct: ct);
            if (phase is null)
            {
                return Fail.NotFound("The phase");
            }

            var condition = new GateCondition { PlanId = planId, PhaseId = phaseId };
            var applied = await ApplyAsync(w.Db, condition, input, ct);
            if (!applied.Succeeded)
            {
                return Fail.From(applied);
            }

            w.Db.Add(condition);
            await w.SaveAsync(ct);
            logger.LogInformation("Added gate condition {ConditionId} ({Kind}) to phase {PhaseId} of plan {PlanId}", condition.Id, condition.Kind, phaseId, planId);
            return ServiceResult<int>.Ok(condition.Id, $"Condition added to the gate of \"{phase.Name}\".");
        }, ct);

    public Task<ServiceResult> UpdateConditionAsync(int planId, int conditionId, GateConditionInput input, CancellationToken ct = default) =>
        writer.UpdateAsync<GateCondition, GateConditionInput>(planId, conditionId, input, input.Version, validator, ApplyAsync, "Gate condition", ct);

    public Task<ServiceResult> RemoveConditionAsync(int planId, int conditionId, CancellationToken ct = default) =>
        writer.DeleteAsync<GateCondition>(planId, conditionId, "Gate condition", ct);

    /// <summary>Ticks (or unticks) a sign-off condition: who and when are recorded from the caller and the clock.</summary>
    public Task<ServiceResult> SignOffAsync(int planId, int conditionId, SignOffInput input, CancellationToken ct = default) =>
        writer.WriteAsync(planId, input, signOffValidator, async w =>
        {
            var condition = await w.FindAsync<GateCondition>(conditionId, ct: ct);
            if (condition is null)
            {
                return ServiceResult.NotFound("The gate condition");
            }

            if (condition.Kind != GateConditionKind.SignOff)
            {
                return ServiceResult.Invalid(nameof(SignOffInput.SignedOff), "Only a sign-off condition can be signed off.");
            }

            var caller = w.Db.ActingUser;
            condition.SignedOffAt = input.SignedOff ? w.Db.Clock.GetUtcNow().UtcDateTime : null;
            condition.SignedOffById = input.SignedOff ? caller?.UserId : null;
            condition.SignedOffByName = input.SignedOff ? caller?.DisplayName ?? "" : "";
            condition.SignOffNote = input.SignedOff ? Text.Clean(input.Note) : "";
            w.BasedOn(condition, input.Version);
            return ServiceResult.Ok(input.SignedOff ? $"Signed off as {condition.RoleName}." : $"Sign-off by {condition.RoleName} taken back.");
        }, ct);

    private static async Task<ServiceResult> ApplyAsync(PlannerDbContext db, GateCondition condition, GateConditionInput input, CancellationToken ct)
    {
        if (input.Kind == GateConditionKind.OutcomeReaches
            && !await db.TargetOutcomes.AnyAsync(o => o.Id == input.OutcomeId && o.PlanId == condition.PlanId, ct))
        {
            return ServiceResult.Invalid(nameof(GateConditionInput.OutcomeId), "That outcome no longer exists. Choose another.");
        }

        var roleName = input.Kind == GateConditionKind.SignOff ? Text.Clean(input.RoleName) : "";
        if (condition.Kind != input.Kind || condition.RoleName != roleName)
        {
            // A sign-off was given for that role and that condition; it does not carry over to another.
            condition.SignedOffAt = null;
            condition.SignedOffById = null;
            condition.SignedOffByName = "";
            condition.SignOffNote = "";
        }

        condition.Kind = input.Kind;
        condition.OutcomeId = input.Kind == GateConditionKind.OutcomeReaches ? input.OutcomeId : null;
        condition.Threshold = input.Kind == GateConditionKind.SignOff ? null : input.Threshold;
        condition.RoleName = roleName;
        return ServiceResult.Ok();
    }
}
