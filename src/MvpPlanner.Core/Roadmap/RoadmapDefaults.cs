namespace MvpPlanner.Core.Roadmap;

/// <summary>What a new plan starts with: the phases and lanes of the service roadmap seed.</summary>
public static class RoadmapDefaults
{
    public static IReadOnlyList<(string Name, string Goal)> Phases { get; } =
    [
        ("MVP", "The minimum set of features needed for the first release."),
        ("Pilot", "Try the MVP with a small group of real users and learn."),
        ("Beta", "Open to more users; fix what the pilot found."),
        ("Roll-out", "Release to everyone, with communication and distribution."),
        ("Later", "Enhancements initially left aside, for greater impact."),
    ];

    public static IReadOnlyList<string> Lanes { get; } = ["Design", "Development", "Communication", "Go-to-market"];

    public static List<RoadmapPhase> CreatePhases() =>
        Phases.Select((p, i) => new RoadmapPhase { Name = p.Name, Goal = p.Goal, Order = i }).ToList();

    public static List<Lane> CreateLanes() =>
        Lanes.Select((name, i) => new Lane { Name = name, Order = i }).ToList();
}
