using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.Plans;

public class PlanService(
    IDbContextFactory<PlannerDbContext> dbFactory,
    PlanAccess access,
    IValidator<PlanInput> planValidator,
    IValidator<OutcomeInput> outcomeValidator,
    PlanWriter writer,
    ILogger<PlanService> logger)
{
    /// <summary>The plans of every workspace the caller belongs to.</summary>
    public async Task<IReadOnlyList<PlanSummary>> ListAsync(bool includeArchived, CancellationToken ct = default)
    {
        if (await access.GetCallerAsync() is not { } caller)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var memberships = await db.WorkspaceMembers.AsNoTracking()
            .Where(m => m.UserId == caller.UserId)
            .ToDictionaryAsync(m => m.WorkspaceId, m => caller.Limit(m.Role), ct);
        var workspaceIds = memberships.Keys.Where(caller.MayReach).ToList();
        var plans = await db.Plans.AsNoTracking()
            .Where(p => workspaceIds.Contains(p.WorkspaceId) && p.DeletedAt == null && (includeArchived || !p.IsArchived))
            .OrderBy(p => p.IsArchived).ThenByDescending(p => p.UpdatedAt)
            .Select(p => new { p.Id, p.Name, p.Vision, p.IsArchived, p.UpdatedAt, Personas = p.Personas.Count, Problems = p.Problems.Count, Features = p.Features.Count, p.WorkspaceId, WorkspaceName = p.Workspace!.Name })
            .ToListAsync(ct);
        return plans
            .Select(p => new PlanSummary(p.Id, p.Name, p.Vision, p.IsArchived, p.UpdatedAt, p.Personas, p.Problems, p.Features, p.WorkspaceId, p.WorkspaceName, memberships[p.WorkspaceId]))
            .ToList();
    }

    public async Task<PlanOverview?> GetOverviewAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return null;
        }

        var callerId = db.ActingUser!.UserId;
        var plan = await db.Plans.AsNoTracking()
            .Where(p => p.Id == planId)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Vision,
                p.ValueProposition,
                p.IsArchived,
                p.Version,
                p.UpdatedAt,
                p.CompletedLaunchSteps,
                p.WorkspaceId,
                WorkspaceName = p.Workspace!.Name,
                MyRole = p.Workspace.Members.Where(m => m.UserId == callerId).Select(m => m.Role).First(),
                Outcomes = p.Outcomes.OrderBy(o => o.Order).ThenBy(o => o.Id)
                    .Select(o => new OutcomeView(o.Id, o.Description, o.Metric, o.Baseline, o.Target, o.Version)).ToList(),
                PersonaCount = p.Personas.Count,
                ProblemCount = p.Problems.Count,
                FeatureCount = p.Features.Count,
                FirstPhaseId = p.Phases.OrderBy(ph => ph.Order).Select(ph => (int?)ph.Id).FirstOrDefault(),
                UnscheduledCount = p.Features.Count(f => f.PhaseId == null),
            })
            .FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }

        var mvpFeatures = plan.FirstPhaseId is { } firstPhaseId
            ? await db.Features.Where(f => f.PhaseId == firstPhaseId).Select(f => f.Status).ToListAsync(ct)
            : [];
        var proven = LaunchSteps.None;
        if (plan.ProblemCount > 0)
        {
            proven |= LaunchSteps.DefineProblem;
        }

        if (plan.PersonaCount > 0)
        {
            proven |= LaunchSteps.DefinePersona;
        }

        if (mvpFeatures.Count > 0)
        {
            proven |= LaunchSteps.IdentifyKeyFeatures;
        }

        if (mvpFeatures.Count > 0 && mvpFeatures.All(s => s is FeatureStatus.Shipped or FeatureStatus.Dropped))
        {
            proven |= LaunchSteps.Launch;
        }

        var steps = LaunchStepCatalog.All
            .Select(s => new LaunchStepView(
                s.Step,
                s.Title,
                s.Hint,
                (proven | plan.CompletedLaunchSteps).HasFlag(s.Step),
                proven.HasFlag(s.Step)))
            .ToList();

        return new PlanOverview(
            plan.Id, plan.Name, plan.Vision, plan.ValueProposition, plan.IsArchived, plan.Version, plan.UpdatedAt, plan.Outcomes,
            plan.PersonaCount, plan.ProblemCount, plan.FeatureCount, mvpFeatures.Count, plan.UnscheduledCount, steps,
            plan.WorkspaceId, plan.WorkspaceName, db.ActingUser.Limit(plan.MyRole));
    }

    public async Task<ServiceResult<int>> CreateAsync(int workspaceId, PlanInput input, CancellationToken ct = default)
    {
        var validation = await planValidator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return Fail.Invalid(validation);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckWorkspaceAsync(db, workspaceId, WorkspaceRole.Editor, ct) is { } denied)
        {
            return Fail.From(denied);
        }

        var plan = new Plan
        {
            WorkspaceId = workspaceId,
            Name = Text.Clean(input.Name),
            Vision = Text.Clean(input.Vision),
            ValueProposition = Text.Clean(input.ValueProposition),
            Phases = RoadmapDefaults.CreatePhases(),
            Lanes = RoadmapDefaults.CreateLanes(),
            JourneyStages = OperationsDefaults.CreateStages(),
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Created plan {PlanId} {PlanName}", plan.Id, plan.Name);
        return ServiceResult<int>.Ok(plan.Id, $"Created plan \"{plan.Name}\".");
    }

    public Task<ServiceResult> UpdateAsync(int planId, PlanInput input, CancellationToken ct = default) =>
        writer.WriteAsync(planId, input, planValidator, async w =>
        {
            var plan = await w.Db.Plans.FirstAsync(p => p.Id == planId, ct);
            plan.Name = Text.Clean(input.Name);
            plan.Vision = Text.Clean(input.Vision);
            plan.ValueProposition = Text.Clean(input.ValueProposition);
            w.BasedOn(plan, input.Version);
            return ServiceResult.Ok();
        }, ct);

    public Task<ServiceResult> SetArchivedAsync(int planId, bool archived, CancellationToken ct = default) =>
        writer.WriteAsync(planId, WorkspaceRole.Owner, async w =>
        {
            var plan = await w.Db.Plans.FirstAsync(p => p.Id == planId, ct);
            plan.IsArchived = archived;
            return ServiceResult.Ok(archived ? $"Archived \"{plan.Name}\"." : $"Restored \"{plan.Name}\".");
        }, ct);

    /// <summary>Moves the plan to its workspace's trash for 30 days: gone from every list, page and share link until an
    /// owner restores it (<see cref="History.TrashService.RestorePlanAsync"/>).</summary>
    /// <param name="expectedVersion">When given (the API's If-Match), the plan is deleted only at this version.</param>
    public Task<ServiceResult> DeleteAsync(int planId, int? expectedVersion = null, CancellationToken ct = default) =>
        writer.WriteAsync(planId, WorkspaceRole.Owner, async w =>
        {
            // Read in the write transaction: of several owners deleting at once, the later ones find it gone.
            var plan = await w.Db.Plans.FirstOrDefaultAsync(p => p.Id == planId && p.DeletedAt == null, ct);
            if (plan is null)
            {
                return ServiceResult.NotFound("The plan");
            }

            w.BasedOn(plan, expectedVersion ?? plan.Version);
            plan.DeletedAt = w.Db.Clock.GetUtcNow().UtcDateTime;
            plan.DeletedById = w.Db.ActingUser?.UserId;
            logger.LogInformation("Moved plan {PlanId} to the trash", planId);
            return ServiceResult.Ok($"Moved plan \"{plan.Name}\" to the workspace's trash. Owners can restore it there for 30 days.");
        }, ct);

    public Task<ServiceResult> SetLaunchStepAsync(int planId, LaunchSteps step, bool done, CancellationToken ct = default) =>
        writer.WriteAsync(planId, WorkspaceRole.Editor, async w =>
        {
            var plan = await w.Db.Plans.FirstAsync(p => p.Id == planId, ct);
            plan.CompletedLaunchSteps = done ? plan.CompletedLaunchSteps | step : plan.CompletedLaunchSteps & ~step;
            return ServiceResult.Ok();
        }, ct);

    public Task<ServiceResult<int>> AddOutcomeAsync(int planId, OutcomeInput input, CancellationToken ct = default) =>
        writer.WriteAsync<OutcomeInput, int>(planId, input, outcomeValidator, async w =>
        {
            var order = await w.Db.TargetOutcomes.Where(o => o.PlanId == planId).CountAsync(ct);
            var outcome = new TargetOutcome { PlanId = planId, Order = order };
            if (await OutcomeService.ApplyAsync(w.Db, planId, outcome, input, ct) is { Succeeded: false } refused)
            {
                return Fail.From(refused);
            }

            w.Db.TargetOutcomes.Add(outcome);
            await w.SaveAsync(ct);
            return ServiceResult<int>.Ok(outcome.Id, "Outcome added.");
        }, ct);

    public Task<ServiceResult> UpdateOutcomeAsync(int planId, int outcomeId, OutcomeInput input, CancellationToken ct = default) =>
        writer.UpdateAsync<TargetOutcome, OutcomeInput>(planId, outcomeId, input, input.Version, outcomeValidator,
            (db, outcome, i, c) => OutcomeService.ApplyAsync(db, planId, outcome, i, c), "Outcome", ct, q => q.Include(o => o.Features));

    /// <param name="expectedVersion">When given (the API's If-Match), the outcome is deleted only at this version.</param>
    public Task<ServiceResult> DeleteOutcomeAsync(int planId, int outcomeId, int? expectedVersion = null, CancellationToken ct = default) =>
        writer.WriteAsync(planId, WorkspaceRole.Editor, async w =>
        {
            var outcome = await w.FindAsync<TargetOutcome>(outcomeId, ct: ct);
            if (outcome is null)
            {
                return ServiceResult.NotFound("The outcome");
            }

            w.Expect(outcome, expectedVersion);
            await w.TrashAsync(outcome, ct);
            return ServiceResult.Ok("Outcome deleted.");
        }, ct);
}
