using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Common;

/// <summary>The create, update and delete steps every simple plan item shares: validate, check the caller's role,
/// find the item inside its plan, refuse stale saves, log. The caller supplies only how input maps onto the item.</summary>
public sealed class PlanItemStore(IDbContextFactory<PlannerDbContext> dbFactory, PlanAccess access, ILogger<PlanItemStore> logger)
{
    public delegate Task<ServiceResult> Apply<in TEntity, in TInput>(PlannerDbContext db, TEntity item, TInput input, CancellationToken ct);

    public async Task<ServiceResult<int>> CreateAsync<TEntity, TInput>(
        int planId, TInput input, IValidator<TInput> validator, Apply<TEntity, TInput> apply, string what, CancellationToken ct)
        where TEntity : EntityBase, IPlanItem, new()
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return Fail.Invalid(validation);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Editor, ct) is { } denied)
        {
            return Fail.From(denied);
        }

        // One write transaction: what the item links to (a stage, a role) is checked and linked before anyone can delete it.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var item = new TEntity { PlanId = planId };
        var applied = await apply(db, item, input, ct);
        if (!applied.Succeeded)
        {
            return Fail.From(applied);
        }

        db.Add(item);
        if (await db.SaveLinksAsync(logger, ct) is { } refused)
        {
            return Fail.From(refused);
        }

        await tx.CommitAsync(ct);
        logger.LogInformation("Created {ItemType} {ItemId} in plan {PlanId}", typeof(TEntity).Name, item.Id, planId);
        return ServiceResult<int>.Ok(item.Id, $"{what} added.");
    }

    public async Task<ServiceResult> UpdateAsync<TEntity, TInput>(
        int planId, int id, TInput input, int expectedVersion, IValidator<TInput> validator, Apply<TEntity, TInput> apply, string what,
        CancellationToken ct, Func<IQueryable<TEntity>, IQueryable<TEntity>>? include = null)
        where TEntity : EntityBase, IPlanItem
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return ServiceResult.Invalid(validation);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Editor, ct) is { } denied)
        {
            return denied;
        }

        // One write transaction: what the item links to is checked and linked before anyone can delete it.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        IQueryable<TEntity> items = db.Set<TEntity>();
        var item = await (include?.Invoke(items) ?? items).FirstOrDefaultAsync(e => e.Id == id && e.PlanId == planId, ct);
        if (item is null)
        {
            return ServiceResult.NotFound($"The {what.ToLowerInvariant()}");
        }

        var applied = await apply(db, item, input, ct);
        if (!applied.Succeeded)
        {
            return applied;
        }

        var saved = await db.SaveVersionedAsync(item, expectedVersion, $"The {what.ToLowerInvariant()}", ct, logger);
        if (saved.Succeeded)
        {
            await tx.CommitAsync(ct);
        }

        return saved;
    }

    /// <param name="effect">Says what else the deletion affects (read before it happens), such as
    /// "2 processes now have no stage."; null when nothing else is affected.</param>
    public async Task<ServiceResult> DeleteAsync<TEntity>(int planId, int id, string what, CancellationToken ct,
        Func<PlannerDbContext, TEntity, CancellationToken, Task<string?>>? effect = null)
        where TEntity : EntityBase, IPlanItem
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Editor, ct) is { } denied)
        {
            return denied;
        }

        // One write transaction: of two people deleting the same item at once, the second is told it is gone
        // instead of failing on the row the first one removed.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var item = await db.Set<TEntity>().FirstOrDefaultAsync(e => e.Id == id && e.PlanId == planId, ct);
        if (item is null)
        {
            return ServiceResult.NotFound($"The {what.ToLowerInvariant()}");
        }

        var affected = effect is null ? null : await effect(db, item, ct);
        db.Remove(item);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Deleted {ItemType} {ItemId} in plan {PlanId}", typeof(TEntity).Name, id, planId);
        var deleted = $"Deleted {what.ToLowerInvariant()} \"{item.ActivityName}\".";
        return ServiceResult.Ok(affected is null ? deleted : $"{deleted} {affected}");
    }

    /// <summary>Opens a context for a read after checking the caller may see the plan; null when they may not.</summary>
    public async Task<PlannerDbContext?> OpenForReadAsync(int planId, CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is null)
        {
            return db;
        }

        await db.DisposeAsync();
        return null;
    }
}
