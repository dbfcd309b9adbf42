using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.ImportExport;

/// <summary>What an import would do to each row, worked out against the plan as read now: the same code makes the
/// preview and, inside the write transaction, the import itself, so what the user saw is what is written. Everything
/// the rows refer to (phases, lanes, problems, personas, existing titles) is read once up front, never per row.</summary>
internal sealed partial class ImportPlan
{
    private static readonly FeatureInputValidator FeatureValidator = new();
    private static readonly PersonaInputValidator PersonaValidator = new();
    private static readonly ProblemInputValidator ProblemValidator = new();

    private readonly ImportKind _kind;
    private readonly int _planId;
    private readonly List<Planned> _rows;

    private ImportPlan(ImportKind kind, int planId, List<Planned> rows)
    {
        _kind = kind;
        _planId = planId;
        _rows = rows;
        Preview = new ImportPreview(rows.Select(r => r.Preview).ToList());
    }

    public ImportPreview Preview { get; }

    public static async Task<ImportPlan> BuildAsync(PlannerDbContext db, int planId, CsvAnalysis analysis, ImportOptions options, bool forUpdate, CancellationToken ct)
    {
        var mapped = (string field) => options.Mapping.TryGetValue(field, out var c) && c >= 0 && c < analysis.Headers.Count;
        var linksReplaced = forUpdate && options.Duplicates == DuplicateMode.Update;
        Dictionary<string, EntityBase> existing;
        Func<string[], Parsed> parse;
        switch (analysis.Kind)
        {
            case ImportKind.Personas:
                existing = Items(await db.Personas.Where(p => p.PlanId == planId).OrderBy(p => p.Id).ToListAsync(ct), p => p.Name);
                parse = row => ParsePersona(analysis, options, row);
                break;
            case ImportKind.Problems:
                var problems = db.Problems.Where(p => p.PlanId == planId);
                existing = Items(await (linksReplaced && mapped(ImportFields.Personas) ? problems.Include(p => p.Personas) : problems).OrderBy(p => p.Id).ToListAsync(ct), p => p.Statement);
                var personas = mapped(ImportFields.Personas)
                    ? Items(await db.Personas.Where(p => p.PlanId == planId).OrderBy(p => p.Id).ToListAsync(ct), p => p.Name)
                    : [];
                parse = row => ParseProblem(analysis, options, row, personas);
                break;
            default:
                var features = db.Features.Where(f => f.PlanId == planId);
                existing = Items(await (linksReplaced && mapped(ImportFields.Problems) ? features.Include(f => f.Problems) : features).OrderBy(f => f.Id).ToListAsync(ct), f => f.Title);
                var lookups = new FeatureLookups(
                    Index(await db.RoadmapPhases.Where(p => p.PlanId == planId).OrderBy(p => p.Order).ThenBy(p => p.Id).ToListAsync(ct), p => p.Name),
                    Index(await db.Lanes.Where(l => l.PlanId == planId).OrderBy(l => l.Order).ThenBy(l => l.Id).ToListAsync(ct), l => l.Name),
                    mapped(ImportFields.Problems) ? Items(await db.Problems.Where(p => p.PlanId == planId).OrderBy(p => p.Id).ToListAsync(ct), p => p.Statement) : []);
                parse = row => ParseFeature(analysis, options, row, lookups);
                break;
        }

        return new ImportPlan(analysis.Kind, planId, Plan(analysis, options, existing, parse));
    }

    /// <summary>Writes the rows: new items added in one go, duplicates updated in place. New features go to the end of
    /// their board cell, in file order.</summary>
    public async Task ApplyAsync(PlannerDbContext db, CancellationToken ct)
    {
        Dictionary<(int?, int?), int> nextRank = [];
        if (_kind == ImportKind.Features)
        {
            await PlanOrder.BumpAsync(db, _planId, ct);
            var cells = await db.Features.Where(f => f.PlanId == _planId).GroupBy(f => new { f.PhaseId, f.LaneId })
                .Select(g => new { g.Key.PhaseId, g.Key.LaneId, Last = g.Max(f => f.Rank) }).ToListAsync(ct);
            nextRank = cells.ToDictionary(c => (c.PhaseId, c.LaneId), c => c.Last + 1);
        }

        var created = new EntityBase?[_rows.Count];
        for (var i = 0; i < _rows.Count; i++)
        {
            var row = _rows[i];
            EntityBase item;
            switch (row.Preview.Outcome)
            {
                case RowOutcome.New:
                    item = _kind switch
                    {
                        ImportKind.Personas => new Persona { PlanId = _planId },
                        ImportKind.Problems => new Problem { PlanId = _planId },
                        _ => new Feature { PlanId = _planId },
                    };
                    created[i] = item;
                    break;
                case RowOutcome.Update:
                    item = row.Target!.Existing ?? created[row.Target.Row]!;
                    break;
                default:
                    continue;
            }

            var cellBefore = item is Feature before ? (before.PhaseId, before.LaneId) : default;
            row.Parsed.Apply(item);
            if (item is Feature feature && (created[i] is not null || (feature.PhaseId, feature.LaneId) != cellBefore))
            {
                var cell = (feature.PhaseId, feature.LaneId);
                feature.Rank = nextRank.GetValueOrDefault(cell);
                nextRank[cell] = feature.Rank + 1;
            }
        }

        db.AddRange(created.Where(c => c is not null)!);
    }

    private static List<Planned> Plan(CsvAnalysis analysis, ImportOptions options, Dictionary<string, EntityBase> existing, Func<string[], Parsed> parse)
    {
        var what = analysis.Kind switch { ImportKind.Personas => "persona", ImportKind.Problems => "problem", _ => "feature" };
        var seen = existing.ToDictionary(e => e.Key, e => new Target(e.Value, -1));
        var rows = new List<Planned>(analysis.Rows.Count);
        for (var i = 0; i < analysis.Rows.Count; i++)
        {
            var rowNumber = i + 2; // the header is row 1, as a spreadsheet numbers them
            var parsed = parse(analysis.Rows[i]);
            var key = CsvValues.NameKey(parsed.Title);
            var duplicateOf = key.Length > 0 ? seen.GetValueOrDefault(key) : null;
            string? note = null;
            var outcome = RowOutcome.New;
            if (duplicateOf is not null)
            {
                var where = duplicateOf.Existing is not null ? $"a {what} with this title is already in the plan" : $"row {duplicateOf.Row + 2} has the same title";
                (outcome, note) = options.Duplicates switch
                {
                    DuplicateMode.Skip => (RowOutcome.Skip, $"Skipped: {where}."),
                    DuplicateMode.Update => (RowOutcome.Update, $"Updates it: {where}."),
                    _ => (RowOutcome.New, $"Added as another {what}, although {where}."),
                };
            }
            else if (key.Length > 0)
            {
                seen[key] = new Target(null, i);
            }

            // A skipped row is not written, so its other values do not matter.
            var errors = outcome == RowOutcome.Skip ? [] : parsed.Errors;
            if (outcome == RowOutcome.Update && duplicateOf?.Existing is { } stored && parsed.CheckUpdate?.Invoke(stored) is { } conflict)
            {
                errors = [.. errors, conflict];
            }

            rows.Add(new Planned(
                new ImportRowPreview(rowNumber, parsed.Title, parsed.Values, errors.Count > 0 ? RowOutcome.Error : outcome, errors, note),
                parsed,
                outcome == RowOutcome.Update ? duplicateOf : null));
        }

        return rows;
    }

    private sealed record FeatureLookups(Dictionary<string, RoadmapPhase> Phases, Dictionary<string, Lane> Lanes, Dictionary<string, EntityBase> Problems);

    /// <summary>A parsed row; <see cref="CheckUpdate"/> finds what the row cannot change on an item already in the
    /// plan (a new target before the start it keeps).</summary>
    private sealed record Parsed(string Title, IReadOnlyDictionary<string, string> Values, List<string> Errors, Action<EntityBase> Apply,
        Func<EntityBase, string?>? CheckUpdate = null);

    /// <summary>What a duplicate row updates: an item already in the plan, or the one an earlier row creates.</summary>
    private sealed record Target(EntityBase? Existing, int Row);

    private sealed record Planned(ImportRowPreview Preview, Parsed Parsed, Target? Target);
}
