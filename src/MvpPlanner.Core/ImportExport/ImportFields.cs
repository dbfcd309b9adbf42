using MvpPlanner.Core.Features;

namespace MvpPlanner.Core.ImportExport;

/// <summary>The fields each kind of import fills, the column headers that mean them in the tools teams come from
/// (Jira, Productboard, Trello, a plain spreadsheet, our own export), and the usual meaning of their status and
/// priority words. Headers and values are compared by <see cref="CsvLabels.Key"/>: case, spaces and punctuation do not count.</summary>
public static class ImportFields
{
    public const string Title = "title";
    public const string Description = "description";
    public const string Status = "status";
    public const string Moscow = "moscow";
    public const string Reach = "reach";
    public const string Impact = "impact";
    public const string Confidence = "confidence";
    public const string Effort = "effort";
    public const string Value = "value";
    public const string EffortSize = "effortSize";
    public const string Phase = "phase";
    public const string Lane = "lane";
    public const string Start = "start";
    public const string Target = "target";
    public const string Owner = "owner";
    public const string Problems = "problems";
    public const string NeedsSupport = "needsSupport";
    public const string Labels = "labels";
    public const string Name = "name";
    public const string UserGroup = "userGroup";
    public const string Goals = "goals";
    public const string Pains = "pains";
    public const string Context = "context";
    public const string Statement = "statement";
    public const string Severity = "severity";
    public const string Frequency = "frequency";
    public const string Evidence = "evidence";
    public const string Personas = "personas";

    private static readonly (ImportField Field, string[] Headers)[] FeatureFields =
    [
        (new(Title, "Title", Required: true), ["title", "summary", "featurename", "name", "cardname", "feature", "issuesummary"]),
        (new(Description, "Description"), ["description", "carddescription", "details", "body"]),
        (new(Status, "Status"), ["status", "listname", "list", "state", "featurestatus"]),
        (new(Moscow, "MoSCoW"), ["moscow", "priority", "importance", "moscowpriority"]),
        (new(Reach, "Reach"), ["reach"]),
        (new(Impact, "Impact"), ["impact"]),
        (new(Confidence, "Confidence %"), ["confidence", "confidencepercent"]),
        (new(Effort, "Effort (person-weeks)"), ["effort", "effortpersonweeks", "effortpw", "storypoints", "customfieldstorypoints", "storypointestimate", "customfieldstorypointestimate", "estimate"]),
        (new(Value, "Value (1–5)"), ["value", "value15", "valuescore"]),
        (new(EffortSize, "Effort size (1–5)"), ["size", "effortsize", "effortsize15", "tshirtsize"]),
        (new(Phase, "Roadmap phase"), ["phase", "roadmapphase"]),
        (new(Lane, "Lane"), ["lane", "swimlane"]),
        (new(Start, "Start"), ["start", "startdate", "customfieldstartdate", "targetstart", "customfieldtargetstart"]),
        (new(Target, "Target"), ["target", "targetdate", "duedate", "due", "targetend", "customfieldtargetend", "enddate", "end", "releasedate"]),
        (new(Owner, "Owner"), ["owner", "assignee", "owneremail", "members", "assignedto", "owners"]),
        (new(Problems, "Problems solved"), ["problems", "problemssolved", "problem"]),
        (new(NeedsSupport, "Needs operational support"), ["needsoperationalsupport", "operationalsupport"]),
        (new(Labels, "Labels (added to the description)"), ["labels", "label", "tags"]),
    ];

    private static readonly (ImportField Field, string[] Headers)[] PersonaFields =
    [
        (new(Name, "Name", Required: true), ["name", "personaname", "persona", "title"]),
        (new(UserGroup, "User group"), ["usergroup", "group", "segment", "role"]),
        (new(Goals, "Goals"), ["goals", "goal"]),
        (new(Pains, "Pains"), ["pains", "pain", "painpoints", "frustrations"]),
        (new(Context, "Context"), ["context", "description", "notes"]),
    ];

    private static readonly (ImportField Field, string[] Headers)[] ProblemFields =
    [
        (new(Statement, "Problem statement", Required: true), ["statement", "problem", "problemstatement", "title", "summary", "name"]),
        (new(Severity, "Severity (1–5)"), ["severity", "severity15"]),
        (new(Frequency, "Frequency"), ["frequency", "howoften"]),
        (new(Evidence, "Evidence"), ["evidence", "description", "notes"]),
        (new(Personas, "Personas who have it"), ["personas", "persona", "who"]),
    ];

    public static IReadOnlyList<ImportField> For(ImportKind kind) => Table(kind).Select(f => f.Field).ToList();

    /// <summary>The field each header means, first match wins, and each field is taken by one column only (Jira's
    /// repeated Labels columns are gathered by the import itself).</summary>
    public static Dictionary<string, int> Suggest(ImportKind kind, IReadOnlyList<string> headers)
    {
        var mapping = new Dictionary<string, int>();
        var keys = headers.Select(CsvLabels.Key).ToList();
        foreach (var (field, names) in Table(kind))
        {
            // Prefer the name listed first: a file with both "Summary" and "Name" is titled by the summary.
            foreach (var name in names)
            {
                var column = keys.IndexOf(name);
                if (column >= 0 && !mapping.ContainsValue(column))
                {
                    mapping[field.Key] = column;
                    break;
                }
            }
        }

        return mapping;
    }

    /// <summary>Names the tool a file came from by headers only that tool writes; null for a plain spreadsheet.</summary>
    public static string? Recognise(IReadOnlyList<string> headers)
    {
        var keys = headers.Select(CsvLabels.Key).ToHashSet();
        if (keys.Contains("issuekey") || keys.Contains("issuetype") || (keys.Contains("summary") && keys.Contains("assignee")))
        {
            return "Jira";
        }

        if (keys.Contains("cardname") || keys.Contains("listname") || keys.Contains("cardid"))
        {
            return "Trello";
        }

        if (keys.Contains("featurename") || keys.Contains("owneremail") || keys.Contains("productboardurl"))
        {
            return "Productboard";
        }

        return keys.Contains("ricescore") && keys.Contains("moscow") ? "MvpPlanner" : null;
    }

    /// <summary>The status a word from Jira, Trello, Productboard or our own export usually means; Idea when unsure
    /// (the user sees and can change every suggestion).</summary>
    public static FeatureStatus SuggestStatus(string value) => CsvLabels.Key(value) switch
    {
        "selectedfordevelopment" or "planned" or "next" or "ready" or "readyfordevelopment" or "todoplanned" or "committed" => FeatureStatus.Planned,
        "inprogress" or "doing" or "indevelopment" or "inreview" or "review" or "testing" or "started" => FeatureStatus.InProgress,
        "done" or "released" or "shipped" or "complete" or "completed" or "closed" or "resolved" or "live" => FeatureStatus.Shipped,
        "wontdo" or "dropped" or "rejected" or "cancelled" or "canceled" or "declined" or "archived" or "wontfix" => FeatureStatus.Dropped,
        _ => FeatureStatus.Idea,
    };

    /// <summary>The MoSCoW category a priority word usually means (Jira Highest/High → Must, Medium → Should, Low →
    /// Could, Lowest → Won't; Productboard Critical/Important/Nice to have/Not important); Not set when unsure.</summary>
    public static Moscow SuggestMoscow(string value) => CsvLabels.Key(value) switch
    {
        "highest" or "high" or "must" or "musthave" or "critical" or "blocker" or "p0" or "p1" or "urgent" => Features.Moscow.Must,
        "medium" or "should" or "shouldhave" or "important" or "major" or "p2" or "normal" => Features.Moscow.Should,
        "low" or "could" or "couldhave" or "nicetohave" or "minor" or "p3" => Features.Moscow.Could,
        "lowest" or "wont" or "wonthave" or "wonthavenow" or "notimportant" or "trivial" or "p4" => Features.Moscow.Wont,
        _ => Features.Moscow.Unset,
    };

    private static (ImportField Field, string[] Headers)[] Table(ImportKind kind) => kind switch
    {
        ImportKind.Personas => PersonaFields,
        ImportKind.Problems => ProblemFields,
        _ => FeatureFields,
    };
}
