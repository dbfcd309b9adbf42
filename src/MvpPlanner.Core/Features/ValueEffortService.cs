using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Features;

/// <summary>Reads the value-vs-effort chart: the features matching the backlog's filters, placed by <see cref="ValueEffort"/>.</summary>
public class ValueEffortService(IDbContextFactory<PlannerDbContext> dbFactory, PlanAccess access)
{
    public async Task<ValueEffortChart> GetChartAsync(int planId, BacklogFilter filter, ValueEffortMode mode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return ValueEffortChart.Empty with { Mode = mode };
        }

        var plan = db.Features.AsNoTracking().Where(f => f.PlanId == planId);
        var planCount = await plan.CountAsync(ct);

        // Every matching feature is on the chart, so all of them are read; the filters still run in SQL.
        var rows = await FeatureService.ToRowsAsync(plan.Matching(filter).OrderBy(f => f.Id), ct);
        return ValueEffort.Build(rows, mode, planCount);
    }
}
