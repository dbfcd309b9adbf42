using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Problems;

namespace MvpPlanner.Core.ImportExport;

/// <summary>Imports features, personas or problems from a CSV file in steps the user sees: analyse the file (columns,
/// suggested mapping), preview every row against the plan as it is now, then import all rows in one change through
/// the write path — one transaction, one entry in the activity, one Undo — or none when any row has an error.</summary>
public class CsvImportService(IDbContextFactory<PlannerDbContext> dbFactory, PlanAccess access, PlanWriter writer, ILogger<CsvImportService> logger)
{
    public static Task<ServiceResult<CsvAnalysis>> AnalyseAsync(Stream file, string fileName, ImportKind kind, CancellationToken ct = default) =>
        CsvFileReader.AnalyseAsync(file, fileName, kind, ct);

    /// <summary>The recognised mapping, the usual meaning of every status and priority value found, and "skip duplicates".</summary>
    public static ImportOptions SuggestOptions(CsvAnalysis analysis)
    {
        var options = new ImportOptions { Mapping = new Dictionary<string, int>(analysis.SuggestedMapping) };
        RefreshValues(analysis, options);
        return options;
    }

    /// <summary>After the mapping changed: a suggestion for every status and priority value now found, keeping the
    /// user's choices for values that were already there.</summary>
    public static void RefreshValues(CsvAnalysis analysis, ImportOptions options)
    {
        Refresh(options.StatusValues, DistinctValues(analysis, options, ImportFields.Status), ImportFields.SuggestStatus);
        Refresh(options.MoscowValues, DistinctValues(analysis, options, ImportFields.Moscow), ImportFields.SuggestMoscow);

        static void Refresh<T>(Dictionary<string, T> map, IReadOnlyList<string> values, Func<string, T> suggest)
        {
            foreach (var stale in map.Keys.Except(values, StringComparer.OrdinalIgnoreCase).ToList())
            {
                map.Remove(stale);
            }

            foreach (var value in values)
            {
                map.TryAdd(value, suggest(value));
            }
        }
    }

    /// <summary>The different non-empty values of the column mapped to <paramref name="field"/>, in the order they first appear.</summary>
    public static IReadOnlyList<string> DistinctValues(CsvAnalysis analysis, ImportOptions options, string field) =>
        options.Mapping.TryGetValue(field, out var column)
            ? analysis.Rows.Select(r => Text.Clean(CsvAnalysis.Cell(r, column))).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList()
            : [];

    public async Task<ServiceResult<ImportPreview>> PreviewAsync(int planId, CsvAnalysis analysis, ImportOptions options, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Editor, ct) is { } denied)
        {
            return Fail.From(denied);
        }

        if (MissingRequired(analysis, options) is { } missing)
        {
            return Fail.Invalid("mapping", missing);
        }

        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var plan = await ImportPlan.BuildAsync(db, planId, analysis, options, forUpdate: false, ct);
        return ServiceResult<ImportPreview>.Ok(plan.Preview);
    }

    public async Task<ServiceResult<ImportSummary>> ImportAsync(int planId, CsvAnalysis analysis, ImportOptions options, CancellationToken ct = default)
    {
        if (MissingRequired(analysis, options) is { } missing)
        {
            return Fail.Invalid("mapping", missing);
        }

        var result = await writer.WriteAsync<ImportSummary>(planId, WorkspaceRole.Editor, async w =>
        {
            // Read and checked again inside the write transaction: the plan may have changed since the preview.
            var plan = await ImportPlan.BuildAsync(w.Db, planId, analysis, options, forUpdate: true, ct);
            var preview = plan.Preview;
            if (preview.WithErrors > 0)
            {
                var rows = preview.Rows.Where(r => r.Outcome == RowOutcome.Error).Select(r => r.RowNumber).ToList();
                var listed = string.Join(", ", rows.Take(10)) + (rows.Count > 10 ? " …" : "");
                return Fail.Invalid("rows", $"Nothing was imported: {Text.Plural(rows.Count, "row has", "rows have")} errors (row {listed}). Correct them and import again.");
            }

            var summary = new ImportSummary(analysis.Kind, preview.New, preview.Updated, preview.Skipped);
            if (summary.Added + summary.Updated == 0)
            {
                return ServiceResult<ImportSummary>.Ok(summary, "Nothing was imported: every row was skipped as a duplicate.");
            }

            await plan.ApplyAsync(w.Db, ct);
            return ServiceResult<ImportSummary>.Ok(summary, Describe(summary));
        }, ct);

        if (result.Succeeded)
        {
            logger.LogInformation("Imported {Kind} into plan {PlanId} from CSV: {Added} added, {Updated} updated, {Skipped} skipped",
                analysis.Kind, planId, result.Value!.Added, result.Value.Updated, result.Value.Skipped);
        }

        return result;
    }

    public static string Describe(ImportSummary summary)
    {
        var what = summary.Kind switch
        {
            ImportKind.Personas => ("persona", "personas"),
            ImportKind.Problems => ("problem", "problems"),
            _ => ("feature", "features"),
        };
        var parts = new List<string> { $"Imported {Text.Plural(summary.Added + summary.Updated, what.Item1, what.Item2)}" };
        var details = new List<string>();
        if (summary.Updated > 0)
        {
            details.Add($"{summary.Added} new, {summary.Updated} updated");
        }

        if (summary.Skipped > 0)
        {
            details.Add($"{summary.Skipped} skipped as duplicates");
        }

        return details.Count == 0 ? parts[0] + "." : $"{parts[0]} ({string.Join("; ", details)}).";
    }

    private static string? MissingRequired(CsvAnalysis analysis, ImportOptions options)
    {
        var required = ImportFields.For(analysis.Kind).First(f => f.Required);
        return options.Mapping.TryGetValue(required.Key, out var column) && column >= 0 && column < analysis.Headers.Count
            ? null
            : $"Choose the column that holds the {required.Label.ToLowerInvariant()}.";
    }
}
