using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.ImportExport;

/// <summary>The backlog, the personas and the problems as spreadsheets. UTF-8 with a byte order mark (Excel reads
/// accents right only with it), numbers in invariant culture, and every text cell that a spreadsheet would run as a
/// formula (it starts with = + - @, tab or CR) gets a leading apostrophe, as OWASP advises against CSV injection.</summary>
public class CsvExportService(IDbContextFactory<PlannerDbContext> dbFactory, PlanAccess access, ILogger<CsvExportService> logger)
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly IReadOnlyList<string> FeatureHeaders =
    [
        "Title", "Description", "Status", "MoSCoW", "Reach", "Impact", "Confidence %", "Effort (person-weeks)", "RICE score",
        "Value (1-5)", "Effort size (1-5)", "Phase", "Lane", "Start", "Target", "Owner", "Problems solved", "Needs operational support",
    ];

    public static readonly IReadOnlyList<string> PersonaHeaders = ["Name", "User group", "Goals", "Pains", "Context", "Problems"];

    public static readonly IReadOnlyList<string> ProblemHeaders =
        ["Statement", "Severity (1-5)", "Frequency", "Evidence", "Personas", "Features", "Feature count"];

    public Task<ServiceResult<ExportFile>> FeaturesAsync(int planId, CancellationToken ct = default) =>
        ExportAsync(planId, "features", FeatureHeaders, async db =>
        {
            var features = await db.Features.AsNoTracking().Where(f => f.PlanId == planId)
                .OrderBy(f => f.Phase == null ? int.MaxValue : f.Phase.Order).ThenBy(f => f.Lane == null ? int.MaxValue : f.Lane.Order)
                .ThenBy(f => f.Rank).ThenBy(f => f.Id)
                .Select(f => new
                {
                    f.Title, f.Description, f.Status, f.Moscow, f.Reach, f.Impact, f.Confidence, f.Effort, f.Value, f.EffortSize,
                    Phase = f.Phase == null ? "" : f.Phase.Name,
                    Lane = f.Lane == null ? "" : f.Lane.Name,
                    f.StartDate, f.StartPrecision, f.TargetDate, f.TargetPrecision,
                    f.Owner,
                    Problems = f.Problems.OrderBy(p => p.Statement).Select(p => p.Statement).ToList(),
                    f.NeedsOperationalSupport,
                })
                .ToListAsync(ct);
            return features.Select(f => new[]
            {
                f.Title, f.Description, CsvLabels.Status(f.Status), CsvLabels.Moscow(f.Moscow), Number(f.Reach), Number(f.Impact),
                Number(f.Confidence), Number(f.Effort), Number(Features.Rice.Score(f.Reach, f.Impact, f.Confidence, f.Effort)),
                Number(f.Value), Number(f.EffortSize), f.Phase, f.Lane,
                CsvLabels.Date(FuzzyDate.From(f.StartDate, f.StartPrecision)), CsvLabels.Date(FuzzyDate.From(f.TargetDate, f.TargetPrecision)), f.Owner, string.Join(CsvLabels.ListSeparator, f.Problems),
                f.NeedsOperationalSupport ? "Yes" : "No",
            });
        }, ct);

    public Task<ServiceResult<ExportFile>> PersonasAsync(int planId, CancellationToken ct = default) =>
        ExportAsync(planId, "personas", PersonaHeaders, async db =>
        {
            var personas = await db.Personas.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.Name).ThenBy(p => p.Id)
                .Select(p => new { p.Name, p.UserGroup, p.Goals, p.Pains, p.Context, Problems = p.Problems.OrderBy(x => x.Statement).Select(x => x.Statement).ToList() })
                .ToListAsync(ct);
            return personas.Select(p => new[] { p.Name, p.UserGroup, p.Goals, p.Pains, p.Context, string.Join(CsvLabels.ListSeparator, p.Problems) });
        }, ct);

    public Task<ServiceResult<ExportFile>> ProblemsAsync(int planId, CancellationToken ct = default) =>
        ExportAsync(planId, "problems", ProblemHeaders, async db =>
        {
            var problems = await db.Problems.AsNoTracking().Where(p => p.PlanId == planId)
                .OrderByDescending(p => p.Severity).ThenBy(p => p.Statement).ThenBy(p => p.Id)
                .Select(p => new
                {
                    p.Statement, p.Severity, p.Frequency, p.Evidence,
                    Personas = p.Personas.OrderBy(x => x.Name).Select(x => x.Name).ToList(),
                    Features = p.Features.OrderBy(x => x.Title).Select(x => x.Title).ToList(),
                })
                .ToListAsync(ct);
            return problems.Select(p => new[]
            {
                p.Statement, Number(p.Severity), CsvLabels.Frequency(p.Frequency), p.Evidence,
                string.Join(CsvLabels.ListSeparator, p.Personas), string.Join(CsvLabels.ListSeparator, p.Features), Number(p.Features.Count),
            });
        }, ct);

    /// <summary>Writes rows of text cells; numbers arrive already formatted in invariant culture. Every cell is
    /// written as text so the writer's injection guard sees all of them.</summary>
    internal static byte[] Write(IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        using var buffer = new MemoryStream();
        var options = CsvWriterOptions.Default with
        {
            WriteByteOrderMark = true,
            Injection = CsvInjection.Escape,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using (var writer = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            foreach (var header in headers)
            {
                writer.WriteField(header);
            }

            writer.EndRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    writer.WriteField(cell);
                }

                writer.EndRecord();
            }
        }

        return buffer.ToArray();
    }

    private async Task<ServiceResult<ExportFile>> ExportAsync(int planId, string what, IReadOnlyList<string> headers,
        Func<PlannerDbContext, Task<IEnumerable<string[]>>> read, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is { } denied)
        {
            return Fail.From(denied);
        }

        var planName = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Name).FirstAsync(ct);
        var bytes = Write(headers, await read(db));
        logger.LogInformation("Exported the {What} of plan {PlanId} as CSV ({Bytes} bytes)", what, planId, bytes.Length);
        return ServiceResult<ExportFile>.Ok(new ExportFile(FileNames.For(planName, "csv", what), ContentType, bytes));
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Number(double? value) => value?.ToString("0.##########", CultureInfo.InvariantCulture) ?? "";
}
