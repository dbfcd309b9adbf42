using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.Workshops;

/// <summary>Publishes a change for every plan touched by a successful save, whichever service made it,
/// so no service can forget to tell the other open views.</summary>
public sealed class PlanChangeInterceptor(IPlanChangeNotifier notifier) : SaveChangesInterceptor
{
    // Keyed by context, so concurrent saves of different contexts never mix their plans.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, List<(int PlanId, string What)>> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Publish(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Publish(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var changes = new List<(int, string)>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var planId = entry.Entity switch
            {
                Plan plan => plan.Id,
                IPlanItem item => item.PlanId,
                _ => 0,
            };
            if (planId != 0)
            {
                changes.Add((planId, entry.Entity.GetType().Name));
            }
        }

        _pending.AddOrUpdate(context, changes);
    }

    private void Publish(DbContext? context)
    {
        if (context is not PlannerDbContext db || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        _pending.Remove(context);
        foreach (var group in pending.GroupBy(p => p.PlanId))
        {
            notifier.Publish(new PlanChange(group.Key, string.Join(",", group.Select(g => g.What).Distinct()), db.ActingUser?.UserId));
        }
    }
}
