using System.Collections.Concurrent;

namespace MvpPlanner.Core.Workshops;

/// <summary>"Plan X changed": what every open view of that plan listens to, so a change made in one browser
/// appears in the others without a reload.</summary>
public sealed record PlanChange(int PlanId, string What, string? ByUserId);

/// <summary>Carries plan changes to everyone viewing the plan. In-process today; a Redis-backed implementation
/// can carry the same messages across several app instances.</summary>
public interface IPlanChangeNotifier
{
    void Publish(PlanChange change);

    /// <summary>Calls <paramref name="onChange"/> for every change of the plan until the returned handle is disposed.</summary>
    IDisposable Subscribe(int planId, Func<PlanChange, Task> onChange);
}

public sealed class InProcessPlanChangeNotifier : IPlanChangeNotifier
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
            });
        }
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
