using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Common;

/// <summary>Queries over an entity type known only at run time (the history and the trash work for every kind of
/// item from the model's metadata), translated to SQL like any typed query.</summary>
internal static class EntityQueries
{
    private static readonly MethodInfo WhereEqualsMethod = typeof(EntityQueries).GetMethod(nameof(WhereEqualsGeneric), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ByIdsMethod = typeof(EntityQueries).GetMethod(nameof(ByIdsGeneric), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The entity type a history entry or trash entry names by its class ("Persona"); null when unknown.</summary>
    public static Microsoft.EntityFrameworkCore.Metadata.IEntityType? TypeOf(PlannerDbContext db, string kind) =>
        db.Model.GetEntityTypes().FirstOrDefault(t => !t.IsPropertyBag && t.ClrType.Name == kind);

    /// <summary>The items of <paramref name="type"/> with the given ids, not tracked.</summary>
    public static Task<List<EntityBase>> ByIdsAsync(PlannerDbContext db, Type type, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        (Task<List<EntityBase>>)ByIdsMethod.MakeGenericMethod(type).Invoke(null, [db, ids, ct])!;

    /// <summary>The rows of <paramref name="type"/> whose <paramref name="property"/> equals <paramref name="value"/>.</summary>
    public static Task<List<object>> WhereEqualsAsync(PlannerDbContext db, Type type, string property, Type propertyType, object value, bool track, CancellationToken ct) =>
        (Task<List<object>>)WhereEqualsMethod.MakeGenericMethod(type).Invoke(null, [db, property, propertyType, value, track, ct])!;

    private static async Task<List<EntityBase>> ByIdsGeneric<T>(PlannerDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
        where T : EntityBase =>
        [.. await db.Set<T>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(ct)];

    private static async Task<List<object>> WhereEqualsGeneric<T>(PlannerDbContext db, string property, Type propertyType, object value, bool track, CancellationToken ct)
        where T : class
    {
        var row = Expression.Parameter(typeof(T), "e");
        var read = Expression.Call(typeof(EF), nameof(EF.Property), [propertyType], row, Expression.Constant(property));
        var equals = Expression.Equal(read, Expression.Convert(Expression.Constant(value), propertyType));
        var query = db.Set<T>().Where(Expression.Lambda<Func<T, bool>>(equals, row));
        return [.. await (track ? query : query.AsNoTracking()).ToListAsync(ct)];
    }
}
