using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MvpPlanner.Core.Workshops;

/// <summary>"Plan X changed": what every open view of that plan listens to, so a change made in one browser
/// appears in the others without a reload. <see cref="Items"/> names the saved items ("Feature 12 modified"), so a
/// view can patch what it shows instead of reloading everything; it is empty for presence, timer and workshop
/// signals, which are not item saves.</summary>
public sealed record PlanChange(int PlanId, string What, string? ByUserId)
{
    public IReadOnlyList<ChangedItem> Items { get; init; } = [];

    /// <summary>True when an item of type <typeparamref name="T"/> is among those saved.</summary>
    public bool Touches<T>() => Items.Any(i => i.Kind == typeof(T).Name);

    /// <summary>Ids of the items of type <typeparamref name="T"/> that were saved with the given kind of change (any, when null).</summary>
    public IEnumerable<int> IdsOf<T>(ItemChangeKind? kind = null) =>
        Items.Where(i => i.Kind == typeof(T).Name && (kind is null || i.Change == kind)).Select(i => i.Id);
}

/// <summary>One saved item: its type name (the entity class, e.g. "Feature"), id and what happened to it.</summary>
public sealed record ChangedItem(string Kind, int Id, ItemChangeKind Change);

public enum ItemChangeKind
{
    Added,
    Modified,
    Deleted,
}

/// <summary>Carries plan changes to everyone viewing the plan. In-process today; a Redis-backed implementation
/// can carry the same messages across several app instances.</summary>
public interface IPlanChangeNotifier
{
    void Publish(PlanChange change);

    /// <summary>Calls <paramref name="onChange"/> for every change of the plan until the returned handle is disposed.</summary>
    IDisposable Subscribe(int planId, Func<PlanChange, Task> onChange);
}

public sealed class InProcessPlanChangeNotifier(ILogger<InProcessPlanChangeNotifier> logger) : IPlanChangeNotifier
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, Func<PlanChange, Task>>> _subscribers = new();

    public void Publish(PlanChange change)
    {
        if (!_subscribers.TryGetValue(change.PlanId, out var handlers))
        {
            return;
        }

        foreach (var handler in handlers.Values)
        {
            // Fire and forget: one slow or broken view must not hold up the saver or the other views.
            _ = Task.Run(async () =>
            {
                try
                {
                    await handler(change);
                }
                catch (ObjectDisposedException)
                {
                    // The view closed while the change was on its way.
                }
#pragma warning disable CA1031 // A broken view must not stop the others; the failure is logged, not lost.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    logger.LogError(e, "A view of plan {PlanId} failed to take in the change {ChangeWhat}; subscriber {SubscriberType}",
                        change.PlanId, change.What, SubscriberType(handler));
                }
            });
        }
    }

    /// <summary>The class that subscribed (the page or component), not the compiler's closure class around the handler.</summary>
    private static string SubscriberType(Delegate handler)
    {
        var type = handler.Method.DeclaringType;
        while (type is { DeclaringType: not null } && type.Name.StartsWith('<'))
        {
            type = type.DeclaringType;
        }

        return type?.FullName ?? "unknown";
    }

    public IDisposable Subscribe(int planId, Func<PlanChange, Task> onChange)
    {
        var id = Guid.NewGuid();
        _subscribers.GetOrAdd(planId, _ => new()).TryAdd(id, onChange);
        return new Subscription(() =>
        {
            if (_subscribers.TryGetValue(planId, out var handlers))
            {
                handlers.TryRemove(id, out _);
            }
        });
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}

/// <summary>Counts, per plan, the saves committed by this app instance. Raised synchronously by
/// <see cref="PlanChangeInterceptor"/> at commit, before anyone is told, so a cache that compares counters never
/// serves what a finished save has changed. In-process only: across instances the database's
/// <c>Plan.ContentStamp</c> is the truth.</summary>
public sealed class PlanChangeCounters
{
    private readonly ConcurrentDictionary<int, long> _counters = new();
    private long _all;

    public long Of(int planId) => _counters.TryGetValue(planId, out var counter) ? counter : 0;

    /// <summary>Saves of all plans together: unchanged across a read means no save committed during it.</summary>
    public long All => Interlocked.Read(ref _all);

    internal void Raise(int planId)
    {
        _counters.AddOrUpdate(planId, 1, (_, counter) => counter + 1);
        Interlocked.Increment(ref _all);
    }
}
