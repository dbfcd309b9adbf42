using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MvpPlanner.Core.History;

/// <summary>One field of one change: the stored values before and after (what Undo and Restore put back) and how
/// they read ("Pilot", "MVP"), resolved when the change was made so the history still reads after a rename or delete.
/// A link list (a feature's problems) is a field too: its values are the linked ids.</summary>
public sealed record FieldChange(
    [property: JsonPropertyName("f")] string Field,
    [property: JsonPropertyName("b")] JsonElement? Before,
    [property: JsonPropertyName("a")] JsonElement? After,
    [property: JsonPropertyName("bt")] string BeforeText,
    [property: JsonPropertyName("at")] string AfterText)
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string Serialize(IReadOnlyList<FieldChange> changes) => JsonSerializer.Serialize(changes, Options);

    public static IReadOnlyList<FieldChange> Parse(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<FieldChange>>(json, Options) ?? [];

    /// <summary>How a stored value reads in the history: text as typed (shortened), yes/no, enum names in words.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "",
        string s => s.Length > 200 ? s[..200] + "…" : s,
        bool b => b ? "yes" : "no",
        Enum e => FieldLabels.Words(e.ToString()),
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.##", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>Field names as a product person says them.</summary>
public static class FieldLabels
{
    private static readonly Dictionary<string, string> Special = new()
    {
        ["PhaseId"] = "phase",
        ["LaneId"] = "lane",
        ["StageId"] = "journey stage",
        ["PersonaId"] = "persona",
        ["OwnerRoleId"] = "owner",
        ["Moscow"] = "MoSCoW",
        ["Kpi"] = "KPI",
        ["ValueProposition"] = "core promise",
        ["CompletedLaunchSteps"] = "launch steps",
        ["CoreProcesses"] = "core processes",
        ["KeptBy"] = "processes that keep it",
        ["EffortSize"] = "effort size",
        ["NeedsOperationalSupport"] = "needs operational support",
        ["IsArchived"] = "archived",
        ["IsFrontstage"] = "frontstage",
        ["KpiMeasurement"] = "measurement",
        ["KpiReview"] = "review",
        ["OutcomeMeasurement"] = "measurement",
        ["StartDate"] = "start",
        ["TargetDate"] = "target date",
        ["StartPrecision"] = "start precision",
        ["TargetPrecision"] = "target precision",
        ["Dependencies"] = "depends on",
        ["Dependents"] = "needed by",
    };

    public static string For(string field) => Special.TryGetValue(field, out var label) ? label : Words(field).ToLowerInvariant();

    /// <summary>A link list's name for one of its items: "Problems" → "problem", "CoreProcesses" → "core process".</summary>
    public static string Singular(string navigation)
    {
        if (navigation is "Dependencies" or "Dependents")
        {
            return navigation == "Dependencies" ? "prerequisite" : "dependent feature";
        }

        var words = For(navigation);
        return words.EndsWith("sses") ? words[..^2] : words.EndsWith('s') ? words[..^1] : words;
    }

    /// <summary>"InProgress" → "In progress".</summary>
    public static string Words(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(name[i - 1]))
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
