using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;

namespace MvpPlanner.Core.Operations;

/// <summary>One item of a plan read for a dialog, projected to its view: the dialog edits one card without loading the
/// whole page's data.</summary>
internal static class PlanItemReads
{
    /// <summary>The plan's item with this id as <typeparamref name="TView"/>; null when it is not in the plan or the
    /// caller may not see the plan.</summary>
    public static async Task<TView?> OneAsync<TEntity, TView>(PlanWriter writer, int planId, int id, Expression<Func<TEntity, TView>> view, CancellationToken ct)
        where TEntity : EntityBase, IPlanItem
        where TView : class
    {
        await using var db = await writer.OpenForReadAsync(planId, ct);
        if (db is null)
        {
            return null;
        }

        return await db.Set<TEntity>().AsNoTracking().Where(e => e.Id == id && e.PlanId == planId).Select(view).FirstOrDefaultAsync(ct);
    }
}
