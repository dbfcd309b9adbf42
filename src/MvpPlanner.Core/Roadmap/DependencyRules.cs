namespace MvpPlanner.Core.Roadmap;

/// <summary>A feature that needs another one: <see cref="FeatureId"/> depends on <see cref="DependsOnId"/>.</summary>
public readonly record struct DependencyEdge(int FeatureId, int DependsOnId);

/// <summary>The rules for dependencies between features, without a database.</summary>
public static class DependencyRules
{
    /// <summary>The cycle that adding "<paramref name="featureId"/> depends on <paramref name="dependsOnId"/>" would
    /// close, as the feature ids around it starting and ending with <paramref name="featureId"/>; null when none.
    /// A feature depending on itself is a cycle of one.</summary>
    public static IReadOnlyList<int>? CycleIfAdded(IEnumerable<DependencyEdge> existing, int featureId, int dependsOnId)
    {
        if (featureId == dependsOnId)
        {
            return [featureId, featureId];
        }

        var needs = existing.GroupBy(e => e.FeatureId).ToDictionary(g => g.Key, g => g.Select(e => e.DependsOnId).ToList());

        // A path from the new prerequisite back to the feature closes the cycle: breadth first, so the shortest.
        var cameFrom = new Dictionary<int, int> { [dependsOnId] = featureId };
        var queue = new Queue<int>([dependsOnId]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var next in needs.GetValueOrDefault(current) ?? [])
            {
                if (next == featureId)
                {
                    var path = new List<int> { featureId, current };
                    for (var at = current; at != dependsOnId;)
                    {
                        at = cameFrom[at];
                        path.Add(at);
                    }

                    path.Add(featureId);
                    path.Reverse();
                    return path;
                }

                if (cameFrom.TryAdd(next, current))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return null;
    }

    /// <summary>True when a feature is planned to start before what it depends on is planned to be finished: by
    /// dates when both are known (starting on the day the other ends is too early), otherwise by the order of their
    /// phases (a later phase cannot deliver first). Two features in the same phase without dates of their own are in
    /// order: the phase is the team's to arrange. Unscheduled features (no phase, no dates) are never early.</summary>
    public static bool IsScheduledBefore(FeatureSchedule feature, int? featurePhaseOrder, FeatureSchedule dependsOn, int? dependsOnPhaseOrder)
    {
        var samePhaseNoOwnDates = featurePhaseOrder is not null && featurePhaseOrder == dependsOnPhaseOrder && !feature.OwnStart && !dependsOn.OwnTarget;
        if (samePhaseNoOwnDates)
        {
            return false;
        }

        if (feature.Start is { } start && dependsOn.End is { } end)
        {
            return start <= end;
        }

        return featurePhaseOrder is { } mine && dependsOnPhaseOrder is { } theirs && mine < theirs;
    }
}
