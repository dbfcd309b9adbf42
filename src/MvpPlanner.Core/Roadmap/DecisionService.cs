using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Feedback;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.Roadmap;

/// <summary>The plan's decision log: each go/no-go call (persevere, pivot, stop) at the end of a phase, with its reasons
/// and evidence, and the phase's gate as it stood at that moment.</summary>
public class DecisionService(PlanWriter writer, GateService gates, IValidator<DecisionInput> validator, ILogger<DecisionService> logger)
{
    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<DecisionView>> ListAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await writer.OpenForReadAsync(planId, ct);
        if (db is null)
        {
            return [];
        }

        var rows = await db.PhaseDecisions.AsNoTracking().Where(d => d.PlanId == planId)
            .OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.Id)
            .Select(d => new
            {
                d.Id,
                d.PhaseId,
                d.PhaseName,
                d.Decision,
                d.DecidedOn,
                d.Reasons,
                d.DecidedBy,
                d.GateSnapshot,
                Outcomes = d.Outcomes.OrderBy(o => o.Order).Select(o => new EvidenceOption(o.Id, o.Description)).ToList(),
                Feedback = d.FeedbackItems.OrderByDescending(f => f.ReceivedOn).Select(f => new EvidenceOption(f.Id, f.Text)).ToList(),
                RecordedBy = db.Users.Where(u => u.Id == d.CreatedById).Select(u => u.DisplayName).FirstOrDefault(),
                d.Version,
            })
            .ToListAsync(ct);
        return rows.Select(r => new DecisionView(r.Id, r.PhaseId, r.PhaseName, r.Decision, r.DecidedOn, r.Reasons, r.DecidedBy, r.Outcomes, r.Feedback,
            GateSnapshots.Read(r.GateSnapshot), r.RecordedBy ?? "", r.Version)).ToList();
    }

    /// <summary>What a decision can rest on: the plan's outcomes and its feedback (triaged first, archived left out).</summary>
    public async Task<DecisionEvidenceOptions> GetEvidenceOptionsAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await writer.OpenForReadAsync(planId, ct);
        if (db is null)
        {
            return new([], []);
        }

        var outcomes = await db.TargetOutcomes.AsNoTracking().Where(o => o.PlanId == planId).OrderBy(o => o.Order).ThenBy(o => o.Id)
            .Select(o => new EvidenceOption(o.Id, o.Description)).ToListAsync(ct);
        var feedback = await db.FeedbackItems.AsNoTracking().Where(f => f.PlanId == planId && f.State != FeedbackState.Archived)
            .OrderBy(f => f.State == FeedbackState.Linked ? 0 : 1).ThenByDescending(f => f.ReceivedOn).ThenByDescending(f => f.Id).Take(200)
            .Select(f => new EvidenceOption(f.Id, f.Text)).ToListAsync(ct);
        return new(outcomes, feedback);
    }

    public async Task<ServiceResult<int>> RecordAsync(int planId, DecisionInput input, CancellationToken ct = default)
    {
        // The gate is read just before the write: the snapshot is what the people deciding were looking at.
        var gate = input.PhaseId is { } phaseId ? await gates.GetGateAsync(planId, phaseId, ct) : null;
        return await writer.WriteAsync<DecisionInput, int>(planId, input, validator, async w =>
        {
            var phase = await w.FindAsync<RoadmapPhase>(input.PhaseId!.Value, ct: ct);
            if (phase is null)
            {
                return Fail.Invalid(nameof(DecisionInput.PhaseId), "That phase no longer exists. Choose another.");
            }

            if (await EvidenceAsync(w.Db, planId, input, ct) is not { } evidence)
            {
                return Fail.From(ServiceResult.LinkGone());
            }

            var (outcomes, feedback) = evidence;

            var decision = new PhaseDecision
            {
                PlanId = planId,
                PhaseId = phase.Id,
                PhaseName = phase.Name,
                Decision = input.Decision,
                DecidedOn = DateOnly.FromDateTime(input.DecidedOn!.Value),
                Reasons = Text.Clean(input.Reasons),
                DecidedBy = Text.Clean(input.DecidedBy),
                GateSnapshot = GateSnapshots.Write(gate?.Result ?? GateResult.None),
                Outcomes = outcomes,
                FeedbackItems = feedback,
            };
            w.Db.Add(decision);
            await w.SaveAsync(ct);
            logger.LogInformation("Recorded decision {DecisionId} ({Decision}) after phase {PhaseId} of plan {PlanId}", decision.Id, decision.Decision, phase.Id, planId);
            return ServiceResult<int>.Ok(decision.Id, $"Decision recorded for \"{phase.Name}\".");
        }, ct);
    }

    /// <summary>Corrects a recorded decision: the call, the day, the reasons, who decided and the evidence. Its phase and
    /// the gate as it stood when it was recorded stay: they are the record.</summary>
    public Task<ServiceResult> UpdateAsync(int planId, int decisionId, DecisionInput input, CancellationToken ct = default) =>
        writer.UpdateAsync<PhaseDecision, DecisionInput>(planId, decisionId, input, input.Version, validator, async (db, decision, i, token) =>
        {
            if (await EvidenceAsync(db, planId, i, token) is not { } evidence)
            {
                return ServiceResult.LinkGone();
            }

            decision.Decision = i.Decision;
            decision.DecidedOn = DateOnly.FromDateTime(i.DecidedOn!.Value);
            decision.Reasons = Text.Clean(i.Reasons);
            decision.DecidedBy = Text.Clean(i.DecidedBy);
            decision.Outcomes = evidence.Outcomes;
            decision.FeedbackItems = evidence.Feedback;
            logger.LogInformation("Updated decision {DecisionId} of plan {PlanId}", decision.Id, planId);
            return ServiceResult.Ok($"Decision after \"{decision.PhaseName}\" saved.");
        }, "Decision", ct, q => q.Include(d => d.Outcomes).Include(d => d.FeedbackItems));

    public Task<ServiceResult> DeleteAsync(int planId, int decisionId, CancellationToken ct = default) =>
        writer.DeleteAsync<PhaseDecision>(planId, decisionId, "Decision", ct);

    /// <summary>The outcomes and feedback the input names, all of this plan; null when one is gone or not the plan's.</summary>
    private static async Task<(List<TargetOutcome> Outcomes, List<FeedbackItem> Feedback)?> EvidenceAsync(
        Data.PlannerDbContext db, int planId, DecisionInput input, CancellationToken ct)
    {
        var outcomeIds = input.OutcomeIds.Distinct().ToList();
        var feedbackIds = input.FeedbackIds.Distinct().ToList();
        var outcomes = await db.TargetOutcomes.Where(o => o.PlanId == planId && outcomeIds.Contains(o.Id)).ToListAsync(ct);
        var feedback = await db.FeedbackItems.Where(f => f.PlanId == planId && feedbackIds.Contains(f.Id)).ToListAsync(ct);
        return outcomes.Count == outcomeIds.Count && feedback.Count == feedbackIds.Count ? (outcomes, feedback) : null;
    }
}

/// <summary>A decision's gate snapshot as stored (<see cref="PhaseDecision.GateSnapshot"/>): one format for the decision log
/// and for plan.json, which carries it as structured data and writes it back.</summary>
internal static class GateSnapshots
{
    public static string Write(GateResult gate) => JsonSerializer.Serialize(gate);

    public static GateResult Read(string json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return GateResult.None;
        }

        try
        {
            return JsonSerializer.Deserialize<GateResult>(json) ?? GateResult.None;
        }
        catch (JsonException)
        {
            return GateResult.None;
        }
    }
}
