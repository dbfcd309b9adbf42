using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Personas;

namespace MvpPlanner.Core.Feedback;

/// <summary>How many people asked for it: the triaged (linked) feedback behind features and problems. New items do
/// not count until someone has read and linked them; archived ones no longer count.</summary>
public class EvidenceService(PlanWriter writer)
{
    /// <summary>The quotes one feature or problem shows; enough to read, not the whole archive.</summary>
    public const int MaxQuotes = 50;

    public async Task<IReadOnlyDictionary<int, EvidenceSummary>> ForFeaturesAsync(int planId, IReadOnlyCollection<int> featureIds, CancellationToken ct = default)
    {
        await using var db = await writer.OpenForReadAsync(planId, ct);
        if (db is null || featureIds.Count == 0)
        {
            return new Dictionary<int, EvidenceSummary>();
        }

        var links = await Linked(db.FeedbackItems, planId)
            .SelectMany(f => f.Features, (f, x) => new { TargetId = x.Id, FeedbackId = f.Id, f.Organisation, f.PersonaId, PersonaName = f.Persona == null ? null : f.Persona.Name })
            .Where(l => featureIds.Contains(l.TargetId))
            .Select(l => new Link(l.TargetId, l.FeedbackId, l.Organisation, l.PersonaId, l.PersonaName))
            .ToListAsync(ct);
        return Summarise(links);
    }

    /// <summary>Every problem of the plan that has evidence (a plan has tens of problems, not thousands).</summary>
    public async Task<IReadOnlyDictionary<int, EvidenceSummary>> ForProblemsAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await writer.OpenForReadAsync(planId, ct);
        if (db is null)
        {
            return new Dictionary<int, EvidenceSummary>();
        }

        var links = await Linked(db.FeedbackItems, planId)
            .SelectMany(f => f.Problems, (f, x) => new Link(x.Id, f.Id, f.Organisation, f.PersonaId, f.Persona == null ? null : f.Persona.Name))
            .ToListAsync(ct);
        return Summarise(links);
    }

    /// <summary>The names feedback can be linked to: the plan's personas, problems and features (names only).</summary>
    public async Task<FeedbackLookups> LookupsAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await writer.OpenForReadAsync(planId, ct);
        if (db is null)
        {
            return FeedbackLookups.Empty;
        }

        var personas = await db.Personas.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new LinkedItem(p.Id, p.Name)).ToListAsync(ct);
        var problems = await db.Problems.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.Statement).ThenBy(p => p.Id)
            .Select(p => new LinkedItem(p.Id, p.Statement)).ToListAsync(ct);
        var features = await db.Features.AsNoTracking().Where(f => f.PlanId == planId).OrderBy(f => f.Title).ThenBy(f => f.Id)
            .Select(f => new LinkedItem(f.Id, f.Title)).ToListAsync(ct);
        return new FeedbackLookups(personas, problems, features);
    }

    public Task<IReadOnlyList<EvidenceQuote>> QuotesForFeatureAsync(int planId, int featureId, CancellationToken ct = default) =>
        QuotesAsync(planId, f => f.Features.Any(x => x.Id == featureId), ct);

    public Task<IReadOnlyList<EvidenceQuote>> QuotesForProblemAsync(int planId, int problemId, CancellationToken ct = default) =>
        QuotesAsync(planId, f => f.Problems.Any(x => x.Id == problemId), ct);

    private async Task<IReadOnlyList<EvidenceQuote>> QuotesAsync(int planId, System.Linq.Expressions.Expression<Func<FeedbackItem, bool>> about, CancellationToken ct)
    {
        await using var db = await writer.OpenForReadAsync(planId, ct);
        if (db is null)
        {
            return [];
        }

        return await Linked(db.FeedbackItems, planId).Where(about)
            .OrderByDescending(f => f.Importance == FeedbackImportance.High).ThenByDescending(f => f.ReceivedOn).ThenByDescending(f => f.Id)
            .Take(MaxQuotes)
            .Select(f => new EvidenceQuote(f.Id, f.Text, f.Source, f.Persona == null ? null : f.Persona.Name, f.Organisation, f.GivenBy, f.ReceivedOn, f.Importance))
            .ToListAsync(ct);
    }

    private static IQueryable<FeedbackItem> Linked(IQueryable<FeedbackItem> items, int planId) =>
        items.AsNoTracking().Where(f => f.PlanId == planId && f.State == FeedbackState.Linked);

    private static Dictionary<int, EvidenceSummary> Summarise(List<Link> links) =>
        links.GroupBy(l => l.TargetId).ToDictionary(g => g.Key, g => new EvidenceSummary(
            g.Select(l => l.FeedbackId).Distinct().Count(),
            g.Select(l => l.Organisation.Trim()).Where(o => o.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
            [.. g.Where(l => l.PersonaId is not null).GroupBy(l => (l.PersonaId!.Value, l.PersonaName ?? ""))
                .Select(p => new PersonaEvidence(p.Key.Value, p.Key.Item2, p.Count()))
                .OrderByDescending(p => p.Items).ThenBy(p => p.PersonaName, StringComparer.CurrentCulture)]));

    private sealed record Link(int TargetId, int FeedbackId, string Organisation, int? PersonaId, string? PersonaName);
}

/// <summary>The feedback behind one feature or problem: items, the distinct organisations they came from, and how many
/// came from each persona.</summary>
public sealed record EvidenceSummary(int Items, int Organisations, IReadOnlyList<PersonaEvidence> PerPersona)
{
    public static EvidenceSummary None { get; } = new(0, 0, []);
}

public sealed record PersonaEvidence(int PersonaId, string PersonaName, int Items);

public sealed record EvidenceQuote(int Id, string Text, FeedbackSource Source, string? PersonaName, string Organisation, string GivenBy, DateOnly ReceivedOn,
    FeedbackImportance Importance);

public sealed record FeedbackLookups(IReadOnlyList<LinkedItem> Personas, IReadOnlyList<LinkedItem> Problems, IReadOnlyList<LinkedItem> Features)
{
    public static FeedbackLookups Empty { get; } = new([], [], []);
}
