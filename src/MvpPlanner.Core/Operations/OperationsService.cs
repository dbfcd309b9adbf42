using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;

namespace MvpPlanner.Core.Operations;

/// <summary>The operations pages' read model: a plan's whole minimum viable operation (commitments, journey stages,
/// roles, core processes, tools and KPIs) in one go. Changes go through the per-aggregate services
/// (<see cref="CommitmentService"/>, <see cref="JourneyService"/>, <see cref="OperationRoleService"/>,
/// <see cref="CoreProcessService"/>, <see cref="EssentialToolService"/>, <see cref="KpiService"/>), which also read one
/// item for a dialog.</summary>
public class OperationsService(PlanWriter writer)
{
    public async Task<OperationsView?> GetAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await writer.OpenForReadAsync(planId, ct);
        if (db is null)
        {
            return null;
        }

        return await LoadAsync(db, planId, ct);
    }

    /// <summary>Without an access check: for work the server does on its own (announcing readiness changes to webhooks).</summary>
    internal static async Task<OperationsView> LoadAsync(Data.PlannerDbContext db, int planId, CancellationToken ct)
    {
        var promise = await db.Plans.Where(p => p.Id == planId).Select(p => p.ValueProposition).FirstAsync(ct);
        var firstPhaseId = await db.RoadmapPhases.Where(p => p.PlanId == planId).OrderBy(p => p.Order).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var commitments = await db.Commitments.AsNoTracking().Where(c => c.PlanId == planId).OrderBy(c => c.Id).Select(CommitmentService.View).ToListAsync(ct);
        var stages = await db.JourneyStages.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.Order).ThenBy(s => s.Id).Select(JourneyService.View).ToListAsync(ct);
        var roles = await db.OperationRoles.AsNoTracking().Where(r => r.PlanId == planId).OrderBy(r => r.Name).Select(OperationRoleService.View).ToListAsync(ct);
        var processes = await db.CoreProcesses.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.Name).Select(CoreProcessService.View).ToListAsync(ct);
        var tools = await db.EssentialTools.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.Name).Select(EssentialToolService.View).ToListAsync(ct);
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.PlanId == planId).OrderBy(k => k.Id).Select(KpiService.View).ToListAsync(ct);
        var features = await db.Features.AsNoTracking().Where(f => f.PlanId == planId).OrderBy(f => f.Title)
            .Select(f => new FeatureOption(f.Id, f.Title, firstPhaseId != null && f.PhaseId == firstPhaseId, f.NeedsOperationalSupport, null)).ToListAsync(ct);
        var shipped = features.Count == 0 ? [] : await db.Features.Where(f => f.PlanId == planId && f.Status == FeatureStatus.Shipped).Select(f => f.Id).ToListAsync(ct);
        var needs = (await FeatureDependencyService.EdgesAsync(db, planId, ct)).Where(e => !shipped.Contains(e.DependsOnId)).ToLookup(e => e.FeatureId, e => e.DependsOnId);
        features = features.Select(f => needs.Contains(f.Id) ? f with { DependsOnIds = needs[f.Id].ToList() } : f).ToList();
        return new OperationsView(planId, promise, commitments, stages, roles, processes, tools, kpis, features);
    }
}
