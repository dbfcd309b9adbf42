using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.Tests.Infrastructure;

/// <summary>Builds a plan's minimum viable operation through the operations services, as the operations pages do.
/// Each helper asserts success, so a test reads as the plan it sets up.</summary>
public static class OperationsSetup
{
    /// <summary>The operations pages' read model.</summary>
    public static OperationsService Operations(this TestDatabase test) => test.Get<OperationsService>();

    public static CommitmentService Commitments(this TestDatabase test) => test.Get<CommitmentService>();

    public static JourneyService Journey(this TestDatabase test) => test.Get<JourneyService>();

    public static OperationRoleService Roles(this TestDatabase test) => test.Get<OperationRoleService>();

    public static CoreProcessService Processes(this TestDatabase test) => test.Get<CoreProcessService>();

    public static EssentialToolService Tools(this TestDatabase test) => test.Get<EssentialToolService>();

    public static KpiService Kpis(this TestDatabase test) => test.Get<KpiService>();

    public static async Task SetCorePromiseAsync(this TestDatabase test, int planId, string promise)
    {
        var plan = (await test.Get<PlanService>().GetOverviewAsync(planId)).ShouldNotBeNull();
        var result = await test.Get<PlanService>().UpdateAsync(planId, new PlanInput
        {
            Name = plan.Name,
            Vision = plan.Vision,
            ValueProposition = promise,
            Version = plan.Version,
        });
        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
    }

    public static Task<int> AddCommitmentAsync(this TestDatabase test, int planId, string text) =>
        OkAsync(test.Commitments().AddCommitmentAsync(planId, new CommitmentInput { Text = text }));

    public static Task<int> AddStageAsync(this TestDatabase test, int planId, string name) =>
        OkAsync(test.Journey().AddStageAsync(planId, new StageInput { Name = name }));

    public static Task<int> AddRoleAsync(this TestDatabase test, int planId, string name, string holder = "") =>
        OkAsync(test.Roles().AddRoleAsync(planId, new RoleInput { Name = name, Holder = holder }));

    public static Task<int> AddToolAsync(this TestDatabase test, int planId, string name, decimal monthlyCost = 0) =>
        OkAsync(test.Tools().AddToolAsync(planId, new ToolInput { Name = name, MonthlyCost = monthlyCost }));

    public static Task<int> AddProcessAsync(this TestDatabase test, int planId, ProcessInput input) =>
        OkAsync(test.Processes().AddProcessAsync(planId, input));

    public static Task<int> AddKpiAsync(this TestDatabase test, int planId, string name, ReviewCadence cadence = ReviewCadence.Weekly, int? ownerRoleId = null) =>
        OkAsync(test.Kpis().AddKpiAsync(planId, new KpiInput { Name = name, Cadence = cadence, OwnerRoleId = ownerRoleId }));

    public static async Task RecordMeasurementAsync(this TestDatabase test, int planId, int kpiId, DateOnly on, decimal value)
    {
        var result = await test.Kpis().RecordMeasurementAsync(planId, kpiId, new MeasurementInput { MeasuredOn = on.ToDateTime(TimeOnly.MinValue), Value = value });
        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
    }

    public static async Task RecordReviewAsync(this TestDatabase test, int planId, int kpiId, DateOnly on, string notes = "Looked at the numbers")
    {
        var result = await test.Kpis().RecordReviewAsync(planId, kpiId, new ReviewInput { HeldOn = on.ToDateTime(TimeOnly.MinValue), Notes = notes });
        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
    }

    /// <summary>Deletes the journey every new plan starts with, as a team that wants its own stages would.</summary>
    public static async Task ClearJourneyAsync(this TestDatabase test, int planId)
    {
        foreach (var stage in (await test.GetOperationsAsync(planId)).Stages)
        {
            var result = await test.Journey().DeleteStageAsync(planId, stage.Id);
            result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        }
    }

    public static async Task<OperationsView> GetOperationsAsync(this TestDatabase test, int planId) =>
        (await test.Operations().GetAsync(planId)).ShouldNotBeNull();

    /// <summary>Everything of one plan's operation, read fresh as text: compare two snapshots to prove nothing changed.</summary>
    public static async Task<string> OperationsSnapshotAsync(this TestDatabase test, int planId)
    {
        await using var db = await test.NewContextAsync();
        var lines = new List<string>();
        lines.AddRange((await db.Commitments.AsNoTracking().Where(c => c.PlanId == planId).OrderBy(c => c.Id).ToListAsync())
            .Select(c => $"commitment {c.Id} {c.Text} v{c.Version}"));
        lines.AddRange((await db.JourneyStages.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.Id).ToListAsync())
            .Select(s => $"stage {s.Id} {s.Name} #{s.Order} | {s.Touchpoints} | {s.InternalActions} v{s.Version}"));
        lines.AddRange((await db.OperationRoles.AsNoTracking().Where(r => r.PlanId == planId).OrderBy(r => r.Id).ToListAsync())
            .Select(r => $"role {r.Id} {r.Name} ({r.Holder}) v{r.Version}"));
        lines.AddRange((await db.CoreProcesses.AsNoTracking().Include(p => p.Commitments).Include(p => p.Tools).Include(p => p.Features)
                .Where(p => p.PlanId == planId).OrderBy(p => p.Id).ToListAsync())
            .Select(p => $"process {p.Id} {p.Name} stage {p.StageId} owner {p.OwnerRoleId} {p.Automation} manual {p.HasRunManually} promise {p.KeepsCorePromise} " +
                $"commitments [{string.Join(",", p.Commitments.Select(c => c.Id).Order())}] tools [{string.Join(",", p.Tools.Select(t => t.Id).Order())}] " +
                $"features [{string.Join(",", p.Features.Select(f => f.Id).Order())}] steps {p.Steps.ReplaceLineEndings("/")} v{p.Version}"));
        lines.AddRange((await db.EssentialTools.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.Id).ToListAsync())
            .Select(t => $"tool {t.Id} {t.Name} {t.Category} {t.MonthlyCost} v{t.Version}"));
        lines.AddRange((await db.Kpis.AsNoTracking().Include(k => k.Measurements).Include(k => k.Reviews).Where(k => k.PlanId == planId).OrderBy(k => k.Id).ToListAsync())
            .Select(k => $"kpi {k.Id} {k.Name} {k.Unit} {k.Direction} {k.Target} owner {k.OwnerRoleId} {k.Cadence} v{k.Version} " +
                $"measurements [{string.Join(",", k.Measurements.OrderBy(m => m.Id).Select(m => $"{m.MeasuredOn:O}={m.Value}"))}] " +
                $"reviews [{string.Join(",", k.Reviews.OrderBy(r => r.Id).Select(r => $"{r.HeldOn:O}:{r.Notes}"))}]"));
        return string.Join('\n', lines);
    }

    private static async Task<int> OkAsync(Task<ServiceResult<int>> call)
    {
        var result = await call;
        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        return result.Value;
    }
}
