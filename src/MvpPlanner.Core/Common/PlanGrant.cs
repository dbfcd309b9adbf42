using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Common;

/// <summary>Permission to write to one plan without a membership: a capability link held by someone without an account.
/// <see cref="PlanWriter"/> takes it in place of the role check; everything else in the pipeline stays the same.</summary>
public abstract class PlanGrant(int planId, Caller actor)
{
    public int PlanId { get; } = planId;

    /// <summary>Who the plan's history names as the author.</summary>
    public Caller Actor { get; } = actor;

    /// <summary>Uses the grant inside the write transaction, so a link revoked or expired a moment ago writes nothing;
    /// null when it holds, otherwise the refusal.</summary>
    protected internal abstract Task<ServiceResult?> ClaimAsync(PlannerDbContext db, CancellationToken ct);

    /// <summary>Whether the grant allows this pending change: a link lets its holder add one kind of item, nothing else.</summary>
    protected internal abstract bool Covers(EntityEntry entry);

    /// <summary>A change outside the grant is a bug in the calling service, never something a visitor can cause.</summary>
    internal void EnsureCovers(PlannerDbContext db)
    {
        var outside = db.ChangeTracker.Entries().FirstOrDefault(e => e.State is not (EntityState.Unchanged or EntityState.Detached) && !Covers(e));
        if (outside is not null)
        {
            throw new InvalidOperationException($"A {GetType().Name} does not allow changing {outside.Metadata.ClrType.Name}.");
        }
    }
}
