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

/// <summary>How one CSV row becomes a feature, persona or problem: each mapped cell read strictly, checked with the
/// same validator the forms use, and a change that sets only the fields a column was mapped to.</summary>
internal sealed partial class ImportPlan
{
    private static Parsed ParseFeature(CsvAnalysis analysis, ImportOptions options, string[] row, FeatureLookups lookups)
    {
        var cells = new Cells(analysis, options, row);
        var errors = new List<string>();
        var values = new Dictionary<string, string>();
        var input = new FeatureInput { Title = cells.Text(ImportFields.Title) ?? "" };
        values[ImportFields.Title] = input.Title;

        var description = cells.Text(ImportFields.Description);
        var labels = cells.Labels();
        if (labels.Count > 0)
        {
            // Feature has no labels of its own; keeping them in the description loses nothing the team wrote.
            var line = "Labels: " + string.Join(", ", labels);
            description = string.IsNullOrEmpty(description) ? line : description + "\n\n" + line;
        }

        if (description is not null)
        {
            input.Description = description;
            values[ImportFields.Description] = description;
        }

        if (cells.Text(ImportFields.Status) is { } status)
        {
            input.Status = status.Length == 0 ? FeatureStatus.Idea
                : options.StatusValues.TryGetValue(status, out var chosen) ? chosen : ImportFields.SuggestStatus(status);
            values[ImportFields.Status] = CsvLabels.Status(input.Status);
        }

        if (cells.Text(ImportFields.Moscow) is { } moscow)
        {
            input.Moscow = moscow.Length == 0 ? Moscow.Unset
                : options.MoscowValues.TryGetValue(moscow, out var chosen) ? chosen : ImportFields.SuggestMoscow(moscow);
            values[ImportFields.Moscow] = CsvLabels.Moscow(input.Moscow);
        }

        input.Reach = cells.Whole(ImportFields.Reach, "Reach", values, errors);
        input.Impact = cells.Decimal(ImportFields.Impact, "Impact", values, errors);
        input.Confidence = cells.Whole(ImportFields.Confidence, "Confidence", values, errors);
        input.Effort = cells.Decimal(ImportFields.Effort, "Effort", values, errors);
        input.Value = cells.Whole(ImportFields.Value, "Value", values, errors);
        input.EffortSize = cells.Whole(ImportFields.EffortSize, "Effort size", values, errors);

        RoadmapPhase? phase = null;
        if (cells.Text(ImportFields.Phase) is { } phaseName)
        {
            phase = Find(lookups.Phases, phaseName, "roadmap phase", errors);
            values[ImportFields.Phase] = phase?.Name ?? (phaseName.Length == 0 ? "Unscheduled" : phaseName);
        }

        Lane? lane = null;
        if (cells.Text(ImportFields.Lane) is { } laneName)
        {
            lane = Find(lookups.Lanes, laneName, "lane", errors);
            values[ImportFields.Lane] = lane?.Name ?? (laneName.Length == 0 ? "No lane" : laneName);
        }

        var start = cells.Date(ImportFields.Start, "Start", values, errors);
        var target = cells.Date(ImportFields.Target, "Target", values, errors);
        (input.StartDate, input.StartPrecision) = (FeatureDates.ToDateTime(start?.Date), start?.Precision ?? DatePrecision.Day);
        (input.TargetDate, input.TargetPrecision) = (FeatureDates.ToDateTime(target?.Date), target?.Precision ?? DatePrecision.Day);

        if (cells.Text(ImportFields.Owner) is { } owner)
        {
            input.Owner = owner;
            values[ImportFields.Owner] = owner;
        }

        List<Problem>? problems = null;
        if (cells.Text(ImportFields.Problems) is { } problemNames)
        {
            problems = CsvValues.List(problemNames).Select(n => Find(lookups.Problems, n, "problem", errors)).OfType<Problem>().Distinct().ToList();
            values[ImportFields.Problems] = string.Join(CsvLabels.ListSeparator, problems.Select(p => p.Statement));
        }

        if (cells.Text(ImportFields.NeedsSupport) is { } support)
        {
            if (!CsvValues.TryYesNo(support, out var needs))
            {
                errors.Add($"Needs operational support: \"{support}\" is not yes or no.");
            }

            input.NeedsOperationalSupport = needs;
            values[ImportFields.NeedsSupport] = needs ? "Yes" : "No";
        }

        Validate(FeatureValidator.Validate(input), errors);
        var startMapped = values.ContainsKey(ImportFields.Start);
        var targetMapped = values.ContainsKey(ImportFields.Target);
        return new Parsed(input.Title, values, errors, item =>
        {
            var feature = (Feature)item;
            feature.Title = Text.Clean(input.Title);
            if (values.ContainsKey(ImportFields.Description)) feature.Description = Text.Clean(input.Description);
            if (values.ContainsKey(ImportFields.Status)) feature.Status = input.Status;
            if (values.ContainsKey(ImportFields.Moscow)) feature.Moscow = input.Moscow;
            if (values.ContainsKey(ImportFields.Reach)) feature.Reach = input.Reach;
            if (values.ContainsKey(ImportFields.Impact)) feature.Impact = input.Impact;
            if (values.ContainsKey(ImportFields.Confidence)) feature.Confidence = input.Confidence;
            if (values.ContainsKey(ImportFields.Effort)) feature.Effort = input.Effort;
            if (values.ContainsKey(ImportFields.Value)) feature.Value = input.Value;
            if (values.ContainsKey(ImportFields.EffortSize)) feature.EffortSize = input.EffortSize;
            if (values.ContainsKey(ImportFields.Phase)) feature.PhaseId = phase?.Id;
            if (values.ContainsKey(ImportFields.Lane)) feature.LaneId = lane?.Id;
            if (startMapped || targetMapped)
            {
                // A date column left unmatched keeps the feature's date; an empty cell in a matched one clears it.
                FeatureDates.Apply(feature, startMapped ? start : feature.Start, targetMapped ? target : feature.Target);
            }

            if (values.ContainsKey(ImportFields.Owner)) feature.Owner = Text.Clean(input.Owner);
            if (values.ContainsKey(ImportFields.NeedsSupport)) feature.NeedsOperationalSupport = input.NeedsOperationalSupport;
            if (problems is not null)
            {
                feature.Problems.Clear();
                feature.Problems.AddRange(problems);
            }
        }, item => startMapped == targetMapped ? null : DatesKept((Feature)item, startMapped ? start : null, targetMapped ? target : null));
    }

    /// <summary>When a row updates one of a feature's dates and keeps the other, the pair must still be in order.</summary>
    private static string? DatesKept(Feature stored, FuzzyDate? start, FuzzyDate? target)
    {
        if (start is null && target is null)
        {
            return null;
        }

        var (s, t) = (start ?? stored.Start, target ?? stored.Target);
        return FeatureDates.TargetBeforeStart(s, t)
            ? start is null
                ? $"Target: {FeatureDates.TargetBeforeStartMessage} The feature starts {CsvLabels.Date(s)}, and the file has no start column."
                : $"Start: {FeatureDates.TargetBeforeStartMessage} The feature's target is {CsvLabels.Date(t)}, and the file has no target column."
            : null;
    }

    private static Parsed ParsePersona(CsvAnalysis analysis, ImportOptions options, string[] row)
    {
        var cells = new Cells(analysis, options, row);
        var errors = new List<string>();
        var values = new Dictionary<string, string>();
        var input = new PersonaInput
        {
            Name = cells.Text(ImportFields.Name) ?? "",
            UserGroup = cells.Text(ImportFields.UserGroup) ?? "",
            Goals = cells.Text(ImportFields.Goals) ?? "",
            Pains = cells.Text(ImportFields.Pains) ?? "",
            Context = cells.Text(ImportFields.Context) ?? "",
        };
        foreach (var field in new[] { ImportFields.Name, ImportFields.UserGroup, ImportFields.Goals, ImportFields.Pains, ImportFields.Context })
        {
            if (cells.Text(field) is { } text)
            {
                values[field] = text;
            }
        }

        Validate(PersonaValidator.Validate(input), errors);
        return new Parsed(input.Name, values, errors, item =>
        {
            var persona = (Persona)item;
            persona.Name = Text.Clean(input.Name);
            if (values.ContainsKey(ImportFields.UserGroup)) persona.UserGroup = Text.Clean(input.UserGroup);
            if (values.ContainsKey(ImportFields.Goals)) persona.Goals = Text.Clean(input.Goals);
            if (values.ContainsKey(ImportFields.Pains)) persona.Pains = Text.Clean(input.Pains);
            if (values.ContainsKey(ImportFields.Context)) persona.Context = Text.Clean(input.Context);
        });
    }

    private static Parsed ParseProblem(CsvAnalysis analysis, ImportOptions options, string[] row, Dictionary<string, EntityBase> personas)
    {
        var cells = new Cells(analysis, options, row);
        var errors = new List<string>();
        var values = new Dictionary<string, string>();
        var input = new ProblemInput { Statement = cells.Text(ImportFields.Statement) ?? "" };
        values[ImportFields.Statement] = input.Statement;
        if (cells.Text(ImportFields.Severity) is { } severity)
        {
            if (!CsvValues.TrySeverity(severity, out var parsed, out var error))
            {
                errors.Add($"Severity: {error}");
            }

            input.Severity = parsed ?? 3;
            values[ImportFields.Severity] = input.Severity.ToString(CultureInfo.InvariantCulture);
        }

        if (cells.Text(ImportFields.Frequency) is { } frequency)
        {
            if (!CsvValues.TryFrequency(frequency, out var parsed))
            {
                errors.Add($"Frequency: \"{frequency}\" is not one of rarely, monthly, weekly, daily, all the time.");
            }

            input.Frequency = parsed is { } f && Enum.IsDefined(f) ? f : ProblemFrequency.Weekly;
            values[ImportFields.Frequency] = CsvLabels.Frequency(input.Frequency);
        }

        if (cells.Text(ImportFields.Evidence) is { } evidence)
        {
            input.Evidence = evidence;
            values[ImportFields.Evidence] = evidence;
        }

        List<Persona>? linked = null;
        if (cells.Text(ImportFields.Personas) is { } names)
        {
            linked = CsvValues.List(names).Select(n => Find(personas, n, "persona", errors)).OfType<Persona>().Distinct().ToList();
            values[ImportFields.Personas] = string.Join(CsvLabels.ListSeparator, linked.Select(p => p.Name));
        }

        // A problem without a persona is allowed here: it is flagged "no persona" in the plan for the team to assign,
        // as when its persona is deleted. Requiring one would make a plain list of problems impossible to import.
        input.PersonaIds = [0];
        Validate(ProblemValidator.Validate(input), errors);
        return new Parsed(input.Statement, values, errors, item =>
        {
            var problem = (Problem)item;
            problem.Statement = Text.Clean(input.Statement);
            if (values.ContainsKey(ImportFields.Severity)) problem.Severity = input.Severity;
            if (values.ContainsKey(ImportFields.Frequency)) problem.Frequency = input.Frequency;
            if (values.ContainsKey(ImportFields.Evidence)) problem.Evidence = Text.Clean(input.Evidence);
            if (linked is not null)
            {
                problem.Personas.Clear();
                problem.Personas.AddRange(linked);
            }
        });
    }

    private static T? Find<T>(Dictionary<string, T> items, string name, string what, List<string> errors)
        where T : class
    {
        if (name.Length == 0)
        {
            return null;
        }

        if (items.TryGetValue(CsvValues.NameKey(name), out var item))
        {
            return item;
        }

        errors.Add($"There is no {what} \"{name}\" in this plan." + (what is "roadmap phase" or "lane"
            ? $" Use one of: {string.Join(", ", items.Values.Select(v => ((EntityBase)(object)v).ActivityName))}, or leave it empty."
            : $" Add it first, or clear the {what}s column for this row."));
        return null;
    }

    private static void Validate(ValidationResult validation, List<string> errors)
    {
        foreach (var failure in validation.Errors)
        {
            var message = $"{Label(failure.PropertyName)}: {failure.ErrorMessage}";
            if (!errors.Contains(message))
            {
                errors.Add(message);
            }
        }
    }

    private static string Label(string property) => property switch
    {
        nameof(FeatureInput.EffortSize) => "Effort size",
        nameof(FeatureInput.StartDate) => "Start",
        nameof(FeatureInput.TargetDate) => "Target",
        nameof(PersonaInput.UserGroup) => "User group",
        _ => property,
    };

    private static Dictionary<string, T> Index<T>(List<T> items, Func<T, string> name)
    {
        var index = new Dictionary<string, T>();
        foreach (var item in items)
        {
            index.TryAdd(CsvValues.NameKey(name(item)), item); // the first of two equal names wins, as it does on screen
        }

        return index;
    }

    private static Dictionary<string, EntityBase> Items<T>(List<T> items, Func<T, string> name)
        where T : EntityBase =>
        Index(items, name).ToDictionary(e => e.Key, e => (EntityBase)e.Value);

    /// <summary>The text of a row's mapped cells; null for a field no column is mapped to.</summary>
    private readonly struct Cells(CsvAnalysis analysis, ImportOptions options, string[] row)
    {
        public string? Text(string field) =>
            options.Mapping.TryGetValue(field, out var column) && column >= 0 && column < analysis.Headers.Count
                ? Unescape(Common.Text.Clean(CsvAnalysis.Cell(row, column)))
                : null;

        /// <summary>Our export puts an apostrophe before a cell that a spreadsheet would run as a formula; reading the
        /// file back takes it off again, so export and import round-trip. The text itself is stored as text, never run.</summary>
        private static string Unescape(string text) =>
            text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' ? text[1..] : text;

        /// <summary>Every column with the mapped column's header: Jira writes one "Labels" column per label.</summary>
        public List<string> Labels()
        {
            if (!options.Mapping.TryGetValue(ImportFields.Labels, out var column) || column < 0 || column >= analysis.Headers.Count)
            {
                return [];
            }

            var header = CsvLabels.Key(analysis.Headers[column]);
            var labels = new List<string>();
            for (var i = 0; i < analysis.Headers.Count; i++)
            {
                if (CsvLabels.Key(analysis.Headers[i]) == header && Common.Text.Clean(CsvAnalysis.Cell(row, i)) is { Length: > 0 } label)
                {
                    labels.Add(label);
                }
            }

            return labels;
        }

        public int? Whole(string field, string label, Dictionary<string, string> values, List<string> errors)
        {
            if (Text(field) is not { } text)
            {
                return null;
            }

            if (!CsvValues.TryWhole(text, out var value, out var error))
            {
                errors.Add($"{label}: {error}");
            }

            values[field] = value?.ToString(CultureInfo.InvariantCulture) ?? text;
            return value;
        }

        public FuzzyDate? Date(string field, string label, Dictionary<string, string> values, List<string> errors)
        {
            if (Text(field) is not { } text)
            {
                return null;
            }

            if (!CsvValues.TryDate(text, out var value, out var error))
            {
                errors.Add($"{label}: {error}");
            }

            values[field] = value is null ? text : CsvLabels.Date(value);
            return value;
        }

        public double? Decimal(string field, string label, Dictionary<string, string> values, List<string> errors)
        {
            if (Text(field) is not { } text)
            {
                return null;
            }

            if (!CsvValues.TryDecimal(text, out var value, out var error))
            {
                errors.Add($"{label}: {error}");
            }

            values[field] = value?.ToString("0.##########", CultureInfo.InvariantCulture) ?? text;
            return value;
        }
    }
}
