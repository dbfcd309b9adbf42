using MvpPlanner.Core.Features;

namespace MvpPlanner.Core.ImportExport;

public enum ImportKind
{
    Features,
    Personas,
    Problems,
}

/// <summary>What happens to a row whose title (name, statement) is already in the plan or earlier in the file.</summary>
public enum DuplicateMode
{
    Skip,
    Update,
    Add,
}

public enum RowOutcome
{
    New,
    Update,
    Skip,
    Error,
}

/// <summary>A field of the plan a column can fill. <see cref="Key"/> is stable (the mapping uses it); <see cref="Label"/> is what the user reads.</summary>
public sealed record ImportField(string Key, string Label, bool Required = false);

/// <summary>An uploaded file, read and checked: its columns, its rows as text, and what we think its columns mean.</summary>
public sealed class CsvAnalysis
{
    public required ImportKind Kind { get; init; }

    public required string FileName { get; init; }

    public required char Separator { get; init; }

    public required IReadOnlyList<string> Headers { get; init; }

    /// <summary>Data rows; a short row has fewer cells than there are headers.</summary>
    public required IReadOnlyList<string[]> Rows { get; init; }

    /// <summary>Field key → column index, from the headers we recognised.</summary>
    public required IReadOnlyDictionary<string, int> SuggestedMapping { get; init; }

    /// <summary>Which tool the headers look like ("Jira", "Trello" …), or null for a plain spreadsheet.</summary>
    public string? RecognisedAs { get; init; }

    public static string Cell(string[] row, int column) => column >= 0 && column < row.Length ? row[column] : "";

    /// <summary>The first few non-empty values of a column, to show beside its mapping.</summary>
    public IReadOnlyList<string> Samples(int column, int count = 3) =>
        Rows.Select(r => Cell(r, column).Trim()).Where(v => v.Length > 0).Distinct().Take(count).ToList();
}

/// <summary>The user's choices: which column fills which field, what each status and priority value means, and what
/// to do with duplicates.</summary>
public sealed class ImportOptions
{
    public Dictionary<string, int> Mapping { get; init; } = [];

    /// <summary>Value as written in the file (compared without case) → status.</summary>
    public Dictionary<string, FeatureStatus> StatusValues { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, Moscow> MoscowValues { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public DuplicateMode Duplicates { get; set; } = DuplicateMode.Skip;
}

/// <summary>One data row as it would be imported: its spreadsheet row number (the header is row 1), the values it
/// gives each mapped field, what happens to it, and why not.</summary>
public sealed record ImportRowPreview(int RowNumber, string Title, IReadOnlyDictionary<string, string> Values, RowOutcome Outcome, IReadOnlyList<string> Errors, string? Note);

public sealed record ImportPreview(IReadOnlyList<ImportRowPreview> Rows)
{
    public int New => Rows.Count(r => r.Outcome == RowOutcome.New);

    public int Updated => Rows.Count(r => r.Outcome == RowOutcome.Update);

    public int Skipped => Rows.Count(r => r.Outcome == RowOutcome.Skip);

    public int WithErrors => Rows.Count(r => r.Outcome == RowOutcome.Error);

    public bool CanImport => WithErrors == 0 && New + Updated > 0;
}

public sealed record ImportSummary(ImportKind Kind, int Added, int Updated, int Skipped);
