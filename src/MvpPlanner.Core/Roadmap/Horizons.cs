namespace MvpPlanner.Core.Roadmap;

public enum Horizon
{
    Now,
    Next,
    Later,
}

/// <summary>What the horizon rule needs to know of a phase: its place, its dates and how many of its features are
/// still open (not shipped or dropped) or closed.</summary>
public sealed record HorizonPhase(int Id, int Order, DateOnly? StartDate, DateOnly? EndDate, int OpenFeatures = 0, int ClosedFeatures = 0)
{
    /// <summary>Finished: it ended before today, or it has features and every one of them is shipped or dropped.
    /// An empty phase is not finished by its features: it is a placeholder the team has not filled yet.</summary>
    public bool IsFinished(DateOnly today) => EndDate < today || (OpenFeatures == 0 && ClosedFeatures > 0);

    /// <summary>Today falls inside its dates; a missing start or end leaves that side open, but a phase with no
    /// dates at all covers nothing.</summary>
    public bool Covers(DateOnly today) =>
        (StartDate is not null || EndDate is not null) && (StartDate ?? DateOnly.MinValue) <= today && today <= (EndDate ?? DateOnly.MaxValue);
}

/// <summary>The phases of a plan placed on the three horizons. <see cref="Done"/> are the phases before Now, shown
/// as a summary; the Unscheduled features always belong to Later.</summary>
public sealed record HorizonAssignment(int? Now, int? Next, IReadOnlyList<int> Later, IReadOnlyList<int> Done)
{
    public Horizon? Of(int phaseId) =>
        phaseId == Now ? Horizon.Now
        : phaseId == Next ? Horizon.Next
        : Later.Contains(phaseId) ? Horizon.Later
        : null;
}

/// <summary>The Now / Next / Later rule, without a database: Now is the first phase (by order) whose dates contain
/// today; when no phase's dates do, the first phase that is not finished. Next is the phase after Now, Later every
/// phase after that. Phases before Now are done. When every phase is finished there is no Now and nothing is Next.</summary>
public static class Horizons
{
    public static HorizonAssignment Assign(IEnumerable<HorizonPhase> phases, DateOnly today)
    {
        var ordered = phases.OrderBy(p => p.Order).ThenBy(p => p.Id).ToList();
        var now = ordered.FindIndex(p => p.Covers(today));
        if (now < 0)
        {
            now = ordered.FindIndex(p => !p.IsFinished(today));
        }

        if (now < 0)
        {
            return new HorizonAssignment(null, null, [], ordered.Select(p => p.Id).ToList());
        }

        return new HorizonAssignment(
            ordered[now].Id,
            now + 1 < ordered.Count ? ordered[now + 1].Id : null,
            ordered.Skip(now + 2).Select(p => p.Id).ToList(),
            ordered.Take(now).Select(p => p.Id).ToList());
    }
}
