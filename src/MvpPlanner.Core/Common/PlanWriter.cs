using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.History;

namespace MvpPlanner.Core.Common;

/// <summary>The one write path: every change to a plan passes here. Validate, authorize for the plan and role, one
/// write transaction, the change itself, version check and save, then commit. The context records each change in the
/// plan's history as it saves (<see cref="HistoryRecorder"/>) and the change is announced to open views once the
/// transaction commits (<c>PlanChangeInterceptor</c>). A successful result carries the action's change set, which
/// Undo takes back.</summary>
public sealed class PlanWriter(IDbContextFactory<PlannerDbContext> dbFactory, PlanAccess access, ILogger<PlanWriter> logger)
{
    public async Task<ServiceResult> WriteAsync(int planId, WorkspaceRole role, Func<PlanWrite, Task<ServiceResult>> change, CancellationToken ct = default) =>
        await RunAsync(planId, role, change, ct);

    public async Task<ServiceResult> WriteAsync<TInput>(int planId, TInput input, IValidator<TInput> validator, Func<PlanWrite, Task<ServiceResult>> change, CancellationToken ct = default)
    {
        var validation = await validator.ValidateAsync(input, ct);
        return validation.IsValid ? await RunAsync(planId, WorkspaceRole.Editor, change, ct) : ServiceResult.Invalid(validation);
    }

    public async Task<ServiceResult<T>> WriteAsync<T>(int planId, WorkspaceRole role, Func<PlanWrite, Task<ServiceResult<T>>> change, CancellationToken ct = default) =>
        ServiceResult<T>.From(await RunAsync(planId, role, async w => await change(w), ct));

    public async Task<ServiceResult<T>> WriteAsync<TInput, T>(int planId, TInput input, IValidator<TInput> validator, Func<PlanWrite, Task<ServiceResult<T>>> change, CancellationToken ct = default)
    {
        var validation = await validator.ValidateAsync(input, ct);
        return validation.IsValid ? await WriteAsync(planId, WorkspaceRole.Editor, change, ct) : Fail.Invalid(validation);
    }

    /// <summary>A write by someone without an account, allowed by <paramref name="grant"/> instead of a membership. The
    /// same pipeline: validate, one transaction in which the grant is claimed first, the change (only what the grant
    /// covers), save with history in the grant's name, announce after commit.</summary>
    public async Task<ServiceResult<T>> WriteAsync<TInput, T>(PlanGrant grant, TInput input, IValidator<TInput> validator, Func<PlanWrite, Task<ServiceResult<T>>> change, CancellationToken ct = default)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return Fail.Invalid(validation);
        }

        return ServiceResult<T>.From(await RunAsync(grant.PlanId, db =>
        {
            db.ActingUser = grant.Actor;
            return Task.FromResult<ServiceResult?>(null);
        }, grant, async w => await grant.ClaimAsync(w.Db, ct) ?? await change(w), ct));
    }

    public delegate Task<ServiceResult> Apply<in TEntity, in TInput>(PlannerDbContext db, TEntity item, TInput input, CancellationToken ct);

    /// <summary>Adds a simple plan item: the caller supplies only how input maps onto it.</summary>
    public Task<ServiceResult<int>> CreateAsync<TEntity, TInput>(int planId, TInput input, IValidator<TInput> validator, Apply<TEntity, TInput> apply, string what, CancellationToken ct)
        where TEntity : EntityBase, IPlanItem, new() =>
        WriteAsync<TInput, int>(planId, input, validator, async w =>
        {
            var item = new TEntity { PlanId = planId };
            var applied = await apply(w.Db, item, input, ct);
            if (!applied.Succeeded)
            {
                return Fail.From(applied);
            }

            w.Db.Add(item);
            await w.SaveAsync(ct);
            return ServiceResult<int>.Ok(item.Id, $"{what} added.");
        }, ct);

    /// <summary>Changes a simple plan item if nobody saved it since the caller read <paramref name="expectedVersion"/>.</summary>
    public Task<ServiceResult> UpdateAsync<TEntity, TInput>(int planId, int id, TInput input, int expectedVersion, IValidator<TInput> validator,
        Apply<TEntity, TInput> apply, string what, CancellationToken ct, Func<IQueryable<TEntity>, IQueryable<TEntity>>? include = null)
        where TEntity : EntityBase, IPlanItem =>
        WriteAsync(planId, input, validator, async w =>
        {
            var item = await w.FindAsync(id, include, ct);
            if (item is null)
            {
                return ServiceResult.NotFound($"The {Lower(what)}");
            }

            var applied = await apply(w.Db, item, input, ct);
            if (applied.Succeeded)
            {
                w.BasedOn(item, expectedVersion);
            }

            return applied;
        }, ct);

    /// <summary>Moves a plan item to the trash.</summary>
    /// <param name="effect">Says what else the deletion affects (read before it happens), such as
    /// "2 processes now have no stage."; null when nothing else is affected.</param>
    /// <param name="expectedVersion">When given (the API's If-Match), the item is deleted only at this version.</param>
    public Task<ServiceResult> DeleteAsync<TEntity>(int planId, int id, string what, CancellationToken ct,
        Func<PlannerDbContext, TEntity, CancellationToken, Task<string?>>? effect = null, int? expectedVersion = null)
        where TEntity : EntityBase, IPlanItem =>
        WriteAsync(planId, WorkspaceRole.Editor, async w =>
        {
            var item = await w.FindAsync<TEntity>(id, ct: ct);
            if (item is null)
            {
                return ServiceResult.NotFound($"The {Lower(what)}");
            }

            var affected = effect is null ? null : await effect(w.Db, item, ct);
            w.Expect(item, expectedVersion);
            await w.TrashAsync(item, ct);
            var deleted = $"Deleted {Lower(what)} \"{item.ActivityName}\".";
            return ServiceResult.Ok(affected is null ? deleted : $"{deleted} {affected}");
        }, ct);

    /// <summary>"Journey stage" → "journey stage", but "KPI" stays "KPI".</summary>
    private static string Lower(string what) => what.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? what : what.ToLowerInvariant();

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

    private Task<ServiceResult> RunAsync(int planId, WorkspaceRole role, Func<PlanWrite, Task<ServiceResult>> change, CancellationToken ct) =>
        RunAsync(planId, db => access.CheckPlanAsync(db, planId, role, ct), null, change, ct);

    private async Task<ServiceResult> RunAsync(int planId, Func<PlannerDbContext, Task<ServiceResult?>> authorize, PlanGrant? grant,
        Func<PlanWrite, Task<ServiceResult>> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await authorize(db) is { } denied)
        {
            return denied;
        }

        // One write transaction: what the change reads (does the linked phase exist? what is the next rank?) still
        // holds when it saves, and its data, history and stamp commit together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PlanLock.TakeAsync(db, planId, ct);
        var changeSet = Guid.NewGuid();
        db.ChangeSetId = changeSet;
        ServiceResult result;
        try
        {
            result = await change(new PlanWrite(db, planId, grant));
            if (!result.Succeeded)
            {
                return result;
            }

            grant?.EnsureCovers(db);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            // Either someone saved a newer version, or someone deleted it: say which, so nobody reloads to look for it.
            var entry = e.Entries.Count > 0 ? e.Entries[0] : null;
            var what = entry is null ? "The item" : $"The {PlanItems.KindName(entry.Entity)}";
            var stillThere = entry?.Entity is EntityBase item && (await EntityQueries.ByIdsAsync(db, entry.Metadata.ClrType, [item.Id], ct)).Count > 0;
            logger.LogInformation("Save to plan {PlanId} refused: {Item} changed or deleted meanwhile", planId, entry?.Metadata.ClrType.Name);
            return stillThere ? ServiceResult.Conflict(what) : ServiceResult.NotFound(what);
        }
        catch (DbUpdateException e) when (DbContextExtensions.IsForeignKeyViolation(e))
        {
            return DbContextExtensions.LinkGone(db, e, logger);
        }

        await tx.CommitAsync(ct);
        if (db.RecordedChanges > 0)
        {
            logger.LogInformation("Saved {ChangeCount} change(s) to plan {PlanId} as {ChangeSet}", db.RecordedChanges, planId, changeSet);
            result.Undo = new UndoOffer(planId, changeSet);
        }

        return result;
    }
}

/// <summary>What a change works with inside the write path: the context (already authorized, in the transaction)
/// and the plan.</summary>
public sealed class PlanWrite(PlannerDbContext db, int planId, PlanGrant? grant = null)
{
    public PlannerDbContext Db { get; } = db;

    public int PlanId { get; } = planId;

    /// <summary>The plan's item of type <typeparamref name="T"/> with this id, tracked for change; null when not in this plan.</summary>
    public Task<T?> FindAsync<T>(int id, Func<IQueryable<T>, IQueryable<T>>? include = null, CancellationToken ct = default)
        where T : EntityBase, IPlanItem
    {
        IQueryable<T> items = Db.Set<T>();
        return (include?.Invoke(items) ?? items).FirstOrDefaultAsync(e => e.Id == id && e.PlanId == PlanId, ct);
    }

    /// <summary>Saves <paramref name="item"/> only if nobody saved it since the caller read <paramref name="version"/>:
    /// the database checks it (UPDATE … WHERE Version = @version), so two editors racing cannot both win.</summary>
    public void BasedOn(EntityBase item, int version)
    {
        var entry = Db.Entry(item);
        entry.Property(e => e.Version).OriginalValue = version;

        // A change to links only (many-to-many) leaves the row untouched; it is still a new version.
        if (entry.State == EntityState.Unchanged)
        {
            entry.State = EntityState.Modified;
        }
    }

    /// <summary>Deletes or changes <paramref name="item"/> only if it is still at <paramref name="version"/> (when one is
    /// given): the database checks it, as for <see cref="BasedOn"/>. For the API's If-Match on a delete.</summary>
    public void Expect(EntityBase item, int? version)
    {
        if (version is { } expected)
        {
            Db.Entry(item).Property(e => e.Version).OriginalValue = expected;
        }
    }

    /// <summary>Names the item a reorder moved, so its new position is history (and undoable) while the neighbours'
    /// renumbering is not.</summary>
    public void Moved(EntityBase item) => Db.MarkMoved(item);

    /// <summary>Moves the item, with its links and what hangs off it, to the plan's trash for 30 days.</summary>
    public Task TrashAsync(EntityBase item, CancellationToken ct = default) => TrashBin.MoveAsync(Db, item, ct);

    /// <summary>Saves what the change did so far (for example to get a new item's id); the write path saves the rest.</summary>
    public Task SaveAsync(CancellationToken ct = default)
    {
        grant?.EnsureCovers(Db);
        return Db.SaveChangesAsync(ct);
    }
}
