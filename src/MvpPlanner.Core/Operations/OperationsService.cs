using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Operations;

/// <summary>The minimum viable operation of a plan: commitments, journey stages, roles, core processes, tools and KPIs.</summary>
public class OperationsService(
    PlanWriter store,
    IDbContextFactory<PlannerDbContext> dbFactory,
    PlanAccess access,
    IValidator<CommitmentInput> commitmentValidator,
    IValidator<StageInput> stageValidator,
    IValidator<RoleInput> roleValidator,
    IValidator<ProcessInput> processValidator,
    IValidator<ToolInput> toolValidator,
    IValidator<KpiInput> kpiValidator,
    IValidator<MeasurementInput> measurementValidator,
    IValidator<ReviewInput> reviewValidator,
    ILogger<OperationsService> logger)
{
    public async Task<OperationsView?> GetAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await store.OpenForReadAsync(planId, ct);
        if (db is null)
        {
            return null;
        }

        var promise = await db.Plans.Where(p => p.Id == planId).Select(p => p.ValueProposition).FirstAsync(ct);
        var firstPhaseId = await db.RoadmapPhases.Where(p => p.PlanId == planId).OrderBy(p => p.Order).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var commitments = await db.Commitments.AsNoTracking().Where(c => c.PlanId == planId).OrderBy(c => c.Id)
            .Select(c => new CommitmentView(c.Id, c.Text, c.Version, c.KeptBy.Select(p => p.Name).ToList())).ToListAsync(ct);
        var stages = await db.JourneyStages.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.Order).ThenBy(s => s.Id)
            .Select(s => new StageView(s.Id, s.Name, s.Order, s.Touchpoints, s.InternalActions, s.Version)).ToListAsync(ct);
        var roles = await db.OperationRoles.AsNoTracking().Where(r => r.PlanId == planId).OrderBy(r => r.Name)
            .Select(r => new RoleView(r.Id, r.Name, r.Holder, r.Version)).ToListAsync(ct);
        var processes = await db.CoreProcesses.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.Name)
            .Select(p => new ProcessView(p.Id, p.Name, p.StageId, p.Steps, p.IsFrontstage, p.Automation, p.HasRunManually, p.OwnerRoleId, p.KeepsCorePromise,
                p.Commitments.Select(c => c.Id).ToList(), p.Tools.Select(t => t.Id).ToList(), p.Features.Select(f => f.Id).ToList(), p.Version))
            .ToListAsync(ct);
        var tools = await db.EssentialTools.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.Name)
            .Select(t => new ToolView(t.Id, t.Name, t.Category, t.MonthlyCost, t.Version)).ToListAsync(ct);
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.PlanId == planId).OrderBy(k => k.Id)
            .Select(k => new KpiView(k.Id, k.Name, k.Unit, k.Direction, k.Target, k.OwnerRoleId, k.Cadence, k.Version,
                k.Measurements.OrderBy(m => m.MeasuredOn).ThenBy(m => m.Id).Select(m => new MeasurementView(m.Id, m.MeasuredOn, m.Value, m.Note)).ToList(),
                k.Reviews.OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Id).Select(r => new ReviewView(r.Id, r.HeldOn, r.Notes)).ToList()))
            .ToListAsync(ct);
        var features = await db.Features.AsNoTracking().Where(f => f.PlanId == planId).OrderBy(f => f.Title)
            .Select(f => new FeatureOption(f.Id, f.Title, firstPhaseId != null && f.PhaseId == firstPhaseId, f.NeedsOperationalSupport)).ToListAsync(ct);
        return new OperationsView(planId, promise, commitments, stages, roles, processes, tools, kpis, features);
    }

    public Task<ServiceResult<int>> AddCommitmentAsync(int planId, CommitmentInput input, CancellationToken ct = default) =>
        store.CreateAsync<Commitment, CommitmentInput>(planId, input, commitmentValidator, ApplyCommitment, "Commitment", ct);

    public Task<ServiceResult> UpdateCommitmentAsync(int planId, int id, CommitmentInput input, CancellationToken ct = default) =>
        store.UpdateAsync<Commitment, CommitmentInput>(planId, id, input, input.Version, commitmentValidator, ApplyCommitment, "Commitment", ct);

    /// <summary>Processes that kept the commitment stay; only their link to it goes.</summary>
    public Task<ServiceResult> DeleteCommitmentAsync(int planId, int id, CancellationToken ct = default) =>
        store.DeleteAsync<Commitment>(planId, id, "Commitment", ct, async (db, commitment, token) =>
        {
            var keepers = await db.CoreProcesses.CountAsync(p => p.Commitments.Any(c => c.Id == commitment.Id), token);
            return keepers == 0 ? null : $"{Text.Plural(keepers, "process", "processes")} no longer {(keepers == 1 ? "keeps" : "keep")} it.";
        });

    public Task<ServiceResult<int>> AddStageAsync(int planId, StageInput input, CancellationToken ct = default) =>
        store.CreateAsync<JourneyStage, StageInput>(planId, input, stageValidator, async (db, stage, i, token) =>
        {
            // After the last stage, not at the count: deleting a stage leaves its place empty. Read after taking the
            // plan's order token inside the store's write transaction, so two people adding at once do not get the same place.
            await PlanOrder.BumpAsync(db, planId, token);
            stage.Order = (await db.JourneyStages.Where(s => s.PlanId == planId).MaxAsync(s => (int?)s.Order, token) ?? -1) + 1;
            return await ApplyStage(db, stage, i, token);
        }, "Journey stage", ct);

    public Task<ServiceResult> UpdateStageAsync(int planId, int id, StageInput input, CancellationToken ct = default) =>
        store.UpdateAsync<JourneyStage, StageInput>(planId, id, input, input.Version, stageValidator, ApplyStage, "Journey stage", ct);

    /// <summary>The stage's processes stay, without a stage; the readiness check then lists them.</summary>
    public Task<ServiceResult> DeleteStageAsync(int planId, int id, CancellationToken ct = default) =>
        store.DeleteAsync<JourneyStage>(planId, id, "Journey stage", ct, async (db, stage, token) =>
        {
            var processes = await db.CoreProcesses.CountAsync(p => p.StageId == stage.Id, token);
            return processes == 0 ? null : $"{Text.Plural(processes, "process", "processes")} now {(processes == 1 ? "has" : "have")} no stage.";
        });

    /// <summary>Moves a stage one place earlier or later along the journey.</summary>
    public async Task<ServiceResult> MoveStageAsync(int planId, int id, int offset, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Editor, ct) is { } denied)
        {
            return denied;
        }

        // As board moves (see PlanOrder): a move computed from an order someone else changed meanwhile is refused.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await PlanOrder.ReadAsync(db, planId, ct);
        var stages = await db.JourneyStages.Where(s => s.PlanId == planId).OrderBy(s => s.Order).ThenBy(s => s.Id).ToListAsync(ct);
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

        if (!await PlanOrder.ClaimAsync(db, planId, order, ct))
        {
            logger.LogInformation("Move of journey stage {StageId} in plan {PlanId} refused: another move changed the order at the same moment", id, planId);
            return ServiceResult.OrderChanged();
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ServiceResult.Ok();
    }

    /// <summary>Adds the seed's journey (Marketing … Support) to a plan that has no stages yet.</summary>
    public async Task<ServiceResult> AddDefaultStagesAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Editor, ct) is { } denied)
        {
            return denied;
        }

        // Checked and written in one transaction, so two people pressing the button at once add the journey once.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.JourneyStages.AnyAsync(s => s.PlanId == planId, ct))
        {
            return ServiceResult.Invalid("Stages", "This plan already has journey stages.");
        }

        foreach (var stage in OperationsDefaults.CreateStages())
        {
            stage.PlanId = planId;
            db.JourneyStages.Add(stage);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ServiceResult.Ok("Added the journey stages Marketing, Sales, Onboarding, Billing, Delivery and Support.");
    }

    public Task<ServiceResult<int>> AddRoleAsync(int planId, RoleInput input, CancellationToken ct = default) =>
        store.CreateAsync<OperationRole, RoleInput>(planId, input, roleValidator, ApplyRole, "Role", ct);

    public Task<ServiceResult> UpdateRoleAsync(int planId, int id, RoleInput input, CancellationToken ct = default) =>
        store.UpdateAsync<OperationRole, RoleInput>(planId, id, input, input.Version, roleValidator, ApplyRole, "Role", ct);

    /// <summary>Deleting a role leaves its processes and KPIs without an owner; the readiness check then lists them.</summary>
    public Task<ServiceResult> DeleteRoleAsync(int planId, int id, CancellationToken ct = default) =>
        store.DeleteAsync<OperationRole>(planId, id, "Role", ct, async (db, role, token) =>
        {
            var processes = await db.CoreProcesses.CountAsync(p => p.OwnerRoleId == role.Id, token);
            var kpis = await db.Kpis.CountAsync(k => k.OwnerRoleId == role.Id, token);
            var owned = new[] { processes == 0 ? null : Text.Plural(processes, "process", "processes"), kpis == 0 ? null : Text.Plural(kpis, "KPI") }
                .OfType<string>().ToList();
            return owned.Count == 0 ? null
                : $"{string.Join(" and ", owned)} now {(processes + kpis == 1 ? "has" : "have")} no owner.";
        });

    public Task<ServiceResult<int>> AddProcessAsync(int planId, ProcessInput input, CancellationToken ct = default) =>
        store.CreateAsync<CoreProcess, ProcessInput>(planId, input, processValidator, ApplyProcess, "Core process", ct);

    public Task<ServiceResult> UpdateProcessAsync(int planId, int id, ProcessInput input, CancellationToken ct = default) =>
        store.UpdateAsync<CoreProcess, ProcessInput>(planId, id, input, input.Version, processValidator, ApplyProcess, "Core process", ct,
            q => q.Include(p => p.Commitments).Include(p => p.Tools).Include(p => p.Features));

    public Task<ServiceResult> DeleteProcessAsync(int planId, int id, CancellationToken ct = default) =>
        store.DeleteAsync<CoreProcess>(planId, id, "Core process", ct);

    public Task<ServiceResult<int>> AddToolAsync(int planId, ToolInput input, CancellationToken ct = default) =>
        store.CreateAsync<EssentialTool, ToolInput>(planId, input, toolValidator, ApplyTool, "Tool", ct);

    public Task<ServiceResult> UpdateToolAsync(int planId, int id, ToolInput input, CancellationToken ct = default) =>
        store.UpdateAsync<EssentialTool, ToolInput>(planId, id, input, input.Version, toolValidator, ApplyTool, "Tool", ct);

    /// <summary>Processes that used the tool stay; only their link to it goes.</summary>
    public Task<ServiceResult> DeleteToolAsync(int planId, int id, CancellationToken ct = default) =>
        store.DeleteAsync<EssentialTool>(planId, id, "Tool", ct, async (db, tool, token) =>
        {
            var users = await db.CoreProcesses.CountAsync(p => p.Tools.Any(t => t.Id == tool.Id), token);
            return users == 0 ? null : $"{Text.Plural(users, "process", "processes")} no longer {(users == 1 ? "uses" : "use")} it.";
        });

    public Task<ServiceResult<int>> AddKpiAsync(int planId, KpiInput input, CancellationToken ct = default) =>
        store.CreateAsync<Kpi, KpiInput>(planId, input, kpiValidator, ApplyKpi, "KPI", ct);

    public Task<ServiceResult> UpdateKpiAsync(int planId, int id, KpiInput input, CancellationToken ct = default) =>
        store.UpdateAsync<Kpi, KpiInput>(planId, id, input, input.Version, kpiValidator, ApplyKpi, "KPI", ct);

    public Task<ServiceResult> DeleteKpiAsync(int planId, int id, CancellationToken ct = default) =>
        store.DeleteAsync<Kpi>(planId, id, "KPI", ct);

    public async Task<ServiceResult> RecordMeasurementAsync(int planId, int kpiId, MeasurementInput input, CancellationToken ct = default)
    {
        var validation = await measurementValidator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return ServiceResult.Invalid(validation);
        }

        return await ChangeKpiAsync(planId, kpiId, (db, kpi) => db.KpiMeasurements.Add(new KpiMeasurement
        {
            KpiId = kpi.Id,
            MeasuredOn = DateOnly.FromDateTime(input.MeasuredOn!.Value),
            Value = input.Value!.Value,
            Note = Text.Clean(input.Note),
            RecordedById = db.ActingUser?.UserId,
        }), "Measurement recorded.", ct);
    }

    public async Task<ServiceResult> RecordReviewAsync(int planId, int kpiId, ReviewInput input, CancellationToken ct = default)
    {
        var validation = await reviewValidator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return ServiceResult.Invalid(validation);
        }

        return await ChangeKpiAsync(planId, kpiId, (db, kpi) => db.KpiReviews.Add(new KpiReview
        {
            KpiId = kpi.Id,
            HeldOn = DateOnly.FromDateTime(input.HeldOn!.Value),
            Notes = Text.Clean(input.Notes),
            RecordedById = db.ActingUser?.UserId,
        }), "Review recorded.", ct);
    }

    private async Task<ServiceResult> ChangeKpiAsync(int planId, int kpiId, Action<PlannerDbContext, Kpi> change, string message, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Editor, ct) is { } denied)
        {
            return denied;
        }

        // One write transaction: a KPI deleted meanwhile is "not found", not a foreign-key error on the new row.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var kpi = await db.Kpis.FirstOrDefaultAsync(k => k.Id == kpiId && k.PlanId == planId, ct);
        if (kpi is null)
        {
            return ServiceResult.NotFound("The KPI");
        }

        change(db, kpi);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ServiceResult.Ok(message);
    }

    private static Task<ServiceResult> ApplyCommitment(PlannerDbContext db, Commitment commitment, CommitmentInput input, CancellationToken ct)
    {
        commitment.Text = Text.Clean(input.Text);
        return Task.FromResult(ServiceResult.Ok());
    }

    private static Task<ServiceResult> ApplyStage(PlannerDbContext db, JourneyStage stage, StageInput input, CancellationToken ct)
    {
        stage.Name = Text.Clean(input.Name);
        stage.Touchpoints = Text.Clean(input.Touchpoints);
        stage.InternalActions = Text.Clean(input.InternalActions);
        return Task.FromResult(ServiceResult.Ok());
    }

    private static Task<ServiceResult> ApplyRole(PlannerDbContext db, OperationRole role, RoleInput input, CancellationToken ct)
    {
        role.Name = Text.Clean(input.Name);
        role.Holder = Text.Clean(input.Holder);
        return Task.FromResult(ServiceResult.Ok());
    }

    private static Task<ServiceResult> ApplyTool(PlannerDbContext db, EssentialTool tool, ToolInput input, CancellationToken ct)
    {
        tool.Name = Text.Clean(input.Name);
        tool.Category = Text.Clean(input.Category);
        tool.MonthlyCost = input.MonthlyCost;
        return Task.FromResult(ServiceResult.Ok());
    }

    private static async Task<ServiceResult> ApplyKpi(PlannerDbContext db, Kpi kpi, KpiInput input, CancellationToken ct)
    {
        if (input.OwnerRoleId is { } roleId && !await db.OperationRoles.AnyAsync(r => r.Id == roleId && r.PlanId == kpi.PlanId, ct))
        {
            return ServiceResult.Invalid(nameof(KpiInput.OwnerRoleId), "That role no longer exists. Choose another.");
        }

        kpi.Name = Text.Clean(input.Name);
        kpi.Unit = Text.Clean(input.Unit);
        kpi.Direction = input.Direction;
        kpi.Target = input.Target;
        kpi.OwnerRoleId = input.OwnerRoleId;
        kpi.Cadence = input.Cadence;
        return ServiceResult.Ok();
    }

    /// <summary>Links are checked against the same plan, so a deleted or foreign stage, role, tool or feature is refused by name.</summary>
    private static async Task<ServiceResult> ApplyProcess(PlannerDbContext db, CoreProcess process, ProcessInput input, CancellationToken ct)
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
