using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Workshops;

/// <summary>Publishes a change for every plan touched by a successful save, whichever service made it,
/// so no service can forget to tell the other open views. A save inside an explicit transaction is published
/// once the transaction commits (and never if it rolls back), so a view reloading at once sees the change.</summary>
public sealed class PlanChangeInterceptor(IPlanChangeNotifier notifier, PlanChangeCounters counters) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // Keyed by context, so concurrent saves of different contexts never mix their plans.
    // Collected before the save with the entity itself, because an added item gets its id only from the save.
    private readonly ConditionalWeakTable<DbContext, List<(int PlanId, object Entity, ItemChangeKind Change)>> _pending = [];
    private readonly ConditionalWeakTable<DbContext, List<(int PlanId, ChangedItem Item)>> _awaitingCommit = [];

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
        Saved(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        Discard(_pending, eventData.Context);
        base.SaveChangesFailed(eventData);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(_pending, eventData.Context);
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Publish(eventData.Context, _awaitingCommit);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Publish(eventData.Context, _awaitingCommit);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(_awaitingCommit, eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(_awaitingCommit, eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Discard(_awaitingCommit, eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(_awaitingCommit, eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var changes = new List<(int, object, ItemChangeKind)>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var planId = PlanItems.PlanIdOf(entry.Entity);
            if (planId != 0)
            {
                var kind = entry.State switch
                {
                    EntityState.Added => ItemChangeKind.Added,
                    EntityState.Deleted => ItemChangeKind.Deleted,
                    _ => ItemChangeKind.Modified,
                };
                changes.Add((planId, entry.Entity, kind));
            }
        }

        _pending.AddOrUpdate(context, changes);
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var collected))
        {
            return;
        }

        _pending.Remove(context);
        var saved = collected.Select(c => (c.PlanId, new ChangedItem(c.Entity.GetType().Name, PlanItems.IdOf(c.Entity), c.Change))).ToList();
        if (context.Database.CurrentTransaction is null)
        {
            Publish(context, saved);
        }
        else
        {
            _awaitingCommit.GetOrCreateValue(context).AddRange(saved);
        }
    }

    private void Publish(DbContext? context, ConditionalWeakTable<DbContext, List<(int PlanId, ChangedItem Item)>> table)
    {
        if (context is not null && table.TryGetValue(context, out var changes))
        {
            table.Remove(context);
            Publish(context, changes);
        }
    }

    private void Publish(DbContext context, List<(int PlanId, ChangedItem Item)> changes)
    {
        var by = (context as PlannerDbContext)?.ActingUser?.UserId;
        foreach (var group in changes.GroupBy(p => p.PlanId))
        {
            counters.Raise(group.Key);
            var items = group.Select(g => g.Item).Distinct().ToList();
            notifier.Publish(new PlanChange(group.Key, string.Join(",", items.Select(i => i.Kind).Distinct()), by) { Items = items });
        }
    }

    private static void Discard<T>(ConditionalWeakTable<DbContext, T> table, DbContext? context)
        where T : class
    {
        if (context is not null)
        {
            table.Remove(context);
        }
    }
}
