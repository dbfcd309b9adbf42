using MvpPlanner.Core.Features;

namespace MvpPlanner.Web.Features.Roadmap;

/// <summary>What a board card says about its dependencies: how many features it needs and how many need it, and the
/// pairs planned in the wrong order, in words.</summary>
public sealed record CardDependencies(int Needs, int NeededBy, IReadOnlyList<string> Warnings)
{
    public static IReadOnlyDictionary<int, CardDependencies> ByFeature(IReadOnlyList<PlanDependency> dependencies)
    {
        var ids = dependencies.SelectMany(d => new[] { d.FeatureId, d.DependsOnId }).Distinct();
        return ids.ToDictionary(id => id, id => new CardDependencies(
            dependencies.Count(d => d.FeatureId == id),
            dependencies.Count(d => d.DependsOnId == id),
            dependencies.Where(d => d.IsEarly && (d.FeatureId == id || d.DependsOnId == id)).Select(d => d.Warning).ToList()));
    }

    /// <summary>"Needs 2 · needed by 1"</summary>
    public string Summary => string.Join(" · ", new[]
    {
        Needs > 0 ? $"Needs {Needs}" : null,
        NeededBy > 0 ? $"{(Needs > 0 ? "needed" : "Needed")} by {NeededBy}" : null,
    }.Where(s => s is not null));
}
