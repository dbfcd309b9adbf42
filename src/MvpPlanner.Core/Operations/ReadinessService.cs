using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Operations;

public sealed record ComparisonRow(string Aspect, string Mvp, string Mvo);

/// <summary>The seed's MVP-versus-MVO table, with this plan's own facts beside each line.</summary>
public sealed record MvpMvoSummary(IReadOnlyList<ComparisonRow> Rows);

public class ReadinessService(OperationsService operations, IDbContextFactory<PlannerDbContext> dbFactory, PlanAccess access, TimeProvider clock)
{
    public async Task<ReadinessReport?> CheckAsync(int planId, CancellationToken ct = default)
    {
        var ops = await operations.GetAsync(planId, ct);
        return ops is null ? null : ReadinessCheck.Evaluate(ops, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    public async Task<MvpMvoSummary?> SummarizeAsync(int planId, CancellationToken ct = default)
    {
        var ops = await operations.GetAsync(planId, ct);
        if (ops is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return null;
        }

        var personas = await db.Personas.Where(p => p.PlanId == planId).Select(p => p.Name).ToListAsync(ct);
        var problems = await db.Problems.CountAsync(p => p.PlanId == planId, ct);
        var problemsWithoutPersona = await db.Problems.CountAsync(p => p.PlanId == planId && !p.Personas.Any(), ct);
        var mvpFeatures = ops.Features.Count(f => f.IsInMvpPhase);
        var owners = ops.Roles.Where(r => ops.Processes.Any(p => p.OwnerRoleId == r.Id)).Select(r => r.Label).ToList();
        var kpis = ops.Kpis.Select(k => k.Name).ToList();
        var report = ReadinessCheck.Evaluate(ops, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var marketRisk = problems == 0 ? "No problems written down yet"
            : problemsWithoutPersona == 0 ? $"{Text.Plural(problems, "problem")}, each tied to a persona"
            : $"{Text.Plural(problems, "problem")}, {problemsWithoutPersona} not yet tied to a persona";
        return new MvpMvoSummary(
        [
            new("Focus", $"{Text.Plural(ops.Features.Count, "feature")}, {mvpFeatures} in the MVP phase", $"{Text.Plural(ops.Processes.Count, "core process", "core processes")} over {Text.Plural(ops.Stages.Count, "journey stage")}"),
            new("Core question", "Is this product desirable?", "Is this business deliverable?"),
            new("Audience", personas.Count == 0 ? "No personas yet" : string.Join(", ", personas), owners.Count == 0 ? "No process owners yet" : string.Join(", ", owners)),
            new("Primary output", $"A product with just enough features: {mvpFeatures} in the MVP", $"Just enough process: {Text.Plural(ops.Tools.Count, "tool")} at {ops.TotalMonthlyCost:0.##} a month, {Text.Plural(kpis.Count, "KPI")}{(kpis.Count == 0 ? "" : " (" + string.Join(", ", kpis) + ")")}"),
            new("Risk mitigated", $"Building something nobody wants: {marketRisk}", $"Failing to deliver on promises: readiness {report.Score}/100, {report.Findings.Count} open findings"),
        ]);
    }
}
