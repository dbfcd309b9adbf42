using System.Text.Json;
using System.Text.Json.Serialization;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Feedback;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Workshops;

namespace MvpPlanner.Core.ImportExport;

/// <summary>A whole plan as one portable JSON document (<c>plan.json</c>): everything of the MVP and MVO parts, the
/// workshops' votes, the KPI measurements, the feedback, the phase gates and the go/no-go decisions. Items refer to each other by document keys ("feature-3"), never by
/// database ids, so the document imports into any instance. It holds no secrets: no share-link or invitation tokens,
/// no member emails, no user ids (voters and facilitators appear by display name). See docs/plan-json.md.</summary>
public sealed record PlanDocument
{
    /// <summary>Goes up when a reader of an older version could misread the document; readers refuse newer ones.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public string Generator { get; init; } = "MvpPlanner";

    public DateTime? ExportedAt { get; init; }

    public required PlanSection Plan { get; init; }

    public List<OutcomeDoc> Outcomes { get; init; } = [];

    public List<PersonaDoc> Personas { get; init; } = [];

    public List<ProblemDoc> Problems { get; init; } = [];

    public List<PhaseDoc> Phases { get; init; } = [];

    public List<LaneDoc> Lanes { get; init; } = [];

    public List<FeatureDoc> Features { get; init; } = [];

    /// <summary>Dated points on the roadmap; absent in files from before milestones existed.</summary>
    public List<MilestoneDoc> Milestones { get; init; } = [];

    public List<CommitmentDoc> Commitments { get; init; } = [];

    public List<JourneyStageDoc> JourneyStages { get; init; } = [];

    public List<OperationRoleDoc> OperationRoles { get; init; } = [];

    public List<CoreProcessDoc> CoreProcesses { get; init; } = [];

    public List<EssentialToolDoc> EssentialTools { get; init; } = [];

    public List<KpiDoc> Kpis { get; init; } = [];

    public List<WorkshopDoc> Workshops { get; init; } = [];

    /// <summary>What users and customers told the team; absent in files from before feedback was exported.</summary>
    public List<FeedbackDoc> Feedback { get; init; } = [];

    /// <summary>The go/no-go decisions at the ends of phases; absent in files from before decisions were exported.</summary>
    public List<DecisionDoc> Decisions { get; init; } = [];

    /// <summary>camelCase names, enums by name, ISO dates; unknown fields are ignored when reading (a newer minor
    /// addition must not break an older reader), and a missing required section is an error.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        MaxDepth = 16,
    };
}

public sealed record PlanSection
{
    public required string Name { get; init; }

    public string Vision { get; init; } = "";

    /// <summary>The core promise.</summary>
    public string ValueProposition { get; init; } = "";

    public bool IsArchived { get; init; }

    /// <summary>Launch steps the team ticked by hand, by name (defineProblem, design, launch …).</summary>
    public List<string> CompletedLaunchSteps { get; init; } = [];

    public DateTime? CreatedAt { get; init; }

    public DateTime? UpdatedAt { get; init; }
}

public sealed record OutcomeDoc
{
    public required string Key { get; init; }

    public required string Description { get; init; }

    public string Metric { get; init; } = "";

    public string Baseline { get; init; } = "";

    public string Target { get; init; } = "";

    public decimal? BaselineValue { get; init; }

    public decimal? TargetValue { get; init; }

    public DateOnly? TargetDate { get; init; }

    /// <summary>The key of the persona whose behaviour changes, if any.</summary>
    public string? Persona { get; init; }

    /// <summary>Keys of the features expected to move the outcome.</summary>
    public List<string> Features { get; init; } = [];

    public List<MeasurementDoc> Measurements { get; init; } = [];
}

public sealed record PersonaDoc
{
    public required string Key { get; init; }

    public required string Name { get; init; }

    public string UserGroup { get; init; } = "";

    public string Goals { get; init; } = "";

    public string Pains { get; init; } = "";

    public string Context { get; init; } = "";
}

public sealed record ProblemDoc
{
    public required string Key { get; init; }

    public required string Statement { get; init; }

    public int Severity { get; init; } = 3;

    public ProblemFrequency Frequency { get; init; } = ProblemFrequency.Weekly;

    public string Evidence { get; init; } = "";

    /// <summary>Keys of the personas who have the problem.</summary>
    public List<string> Personas { get; init; } = [];
}

public sealed record PhaseDoc
{
    public required string Key { get; init; }

    public required string Name { get; init; }

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    public string Goal { get; init; } = "";

    public string ExitCriteria { get; init; } = "";

    /// <summary>The phase's gate: its checkable exit criteria, in the order they were added. Optional.</summary>
    public List<GateConditionDoc> GateConditions { get; init; } = [];
}

public sealed record GateConditionDoc
{
    public GateConditionKind Kind { get; init; }

    /// <summary>For <c>outcomeReaches</c>: key of the outcome; null once the outcome was deleted (the gate is then not met).</summary>
    public string? Outcome { get; init; }

    /// <summary>The outcome value to reach, the readiness score, or the launch step number, by kind.</summary>
    public decimal? Threshold { get; init; }

    /// <summary>For <c>signOff</c>: the role that signs off.</summary>
    public string RoleName { get; init; } = "";

    /// <summary>When a sign-off was given; null while it waits. Who gave it appears by display name only.</summary>
    public DateTime? SignedOffAt { get; init; }

    public string SignedOffByName { get; init; } = "";

    public string SignOffNote { get; init; } = "";
}

public sealed record LaneDoc
{
    public required string Key { get; init; }

    public required string Name { get; init; }
}

public sealed record FeatureDoc
{
    public required string Key { get; init; }

    public required string Title { get; init; }

    public string Description { get; init; } = "";

    public FeatureStatus Status { get; init; }

    public string Owner { get; init; } = "";

    public Moscow Moscow { get; init; }

    public int? Reach { get; init; }

    public double? Impact { get; init; }

    public int? Confidence { get; init; }

    public double? Effort { get; init; }

    public int? Value { get; init; }

    public int? EffortSize { get; init; }

    /// <summary>Key of the roadmap phase; null while unscheduled.</summary>
    public string? Phase { get; init; }

    public string? Lane { get; init; }

    /// <summary>Position inside its board cell (phase × lane), 0 first.</summary>
    public int Rank { get; init; }

    public bool NeedsOperationalSupport { get; init; }

    /// <summary>Keys of the problems the feature solves.</summary>
    public List<string> Problems { get; init; } = [];

    /// <summary>Keys of the features it needs first (no loops).</summary>
    public List<string> DependsOn { get; init; } = [];

    /// <summary>Its own start (the first day of the day, month or quarter); null takes the phase's start.</summary>
    public DateOnly? StartDate { get; init; }

    public DatePrecision StartPrecision { get; init; }

    /// <summary>Its own target (the first day of the period); null takes the phase's end.</summary>
    public DateOnly? TargetDate { get; init; }

    public DatePrecision TargetPrecision { get; init; }
}

public sealed record MilestoneDoc
{
    public required string Key { get; init; }

    public required string Name { get; init; }

    public DateOnly Date { get; init; }

    public MilestoneKind Kind { get; init; }

    /// <summary>Key of its lane; null for the whole plan.</summary>
    public string? Lane { get; init; }

    public string Notes { get; init; } = "";
}

public sealed record CommitmentDoc
{
    public required string Key { get; init; }

    public required string Text { get; init; }
}

public sealed record JourneyStageDoc
{
    public required string Key { get; init; }

    public required string Name { get; init; }

    public string Touchpoints { get; init; } = "";

    public string InternalActions { get; init; } = "";
}

public sealed record OperationRoleDoc
{
    public required string Key { get; init; }

    public required string Name { get; init; }

    public string Holder { get; init; } = "";
}

public sealed record CoreProcessDoc
{
    public required string Key { get; init; }

    public required string Name { get; init; }

    public string? Stage { get; init; }

    public string Steps { get; init; } = "";

    public bool IsFrontstage { get; init; }

    public Automation Automation { get; init; }

    public bool HasRunManually { get; init; }

    public string? OwnerRole { get; init; }

    public bool KeepsCorePromise { get; init; }

    public List<string> Commitments { get; init; } = [];

    public List<string> Tools { get; init; } = [];

    public List<string> Features { get; init; } = [];
}

public sealed record EssentialToolDoc
{
    public required string Key { get; init; }

    public required string Name { get; init; }

    public string Category { get; init; } = "";

    public decimal MonthlyCost { get; init; }
}

public sealed record KpiDoc
{
    public required string Key { get; init; }

    public required string Name { get; init; }

    public string Unit { get; init; } = "";

    public KpiDirection Direction { get; init; }

    public decimal? Target { get; init; }

    public string? OwnerRole { get; init; }

    public ReviewCadence Cadence { get; init; } = ReviewCadence.Weekly;

    public List<MeasurementDoc> Measurements { get; init; } = [];

    public List<ReviewDoc> Reviews { get; init; } = [];
}

public sealed record MeasurementDoc
{
    public DateOnly MeasuredOn { get; init; }

    public decimal Value { get; init; }

    public string Note { get; init; } = "";
}

public sealed record ReviewDoc
{
    public DateOnly HeldOn { get; init; }

    public string Notes { get; init; } = "";
}

public sealed record WorkshopDoc
{
    public required string Name { get; init; }

    /// <summary>The facilitator's display name (never an email or user id).</summary>
    public string Facilitator { get; init; } = "";

    public DateTime StartedAt { get; init; }

    public DateTime? EndedAt { get; init; }

    public List<VoteRoundDoc> Rounds { get; init; } = [];
}

public sealed record VoteRoundDoc
{
    public required string Title { get; init; }

    public VoteItemKind ItemKind { get; init; }

    public int DotsPerPerson { get; init; } = 3;

    public bool AllowSeveralDotsPerItem { get; init; }

    public bool IsRevealed { get; init; }

    public DateTime? AppliedAt { get; init; }

    public DateTime CreatedAt { get; init; }

    public List<VoteRoundItemDoc> Items { get; init; } = [];
}

public sealed record VoteRoundItemDoc
{
    /// <summary>Key of the voted feature or problem; null when it was deleted after the vote.</summary>
    public string? Item { get; init; }

    /// <summary>The item's name when the vote opened.</summary>
    public required string Label { get; init; }

    public List<VoteDoc> Votes { get; init; } = [];
}

public sealed record VoteDoc
{
    /// <summary>The voter's display name; two voters of one name are told apart as "Ana (2)".</summary>
    public required string Voter { get; init; }

    public int Dots { get; init; }
}

public sealed record FeedbackDoc
{
    public required string Key { get; init; }

    /// <summary>The feedback in the giver's words.</summary>
    public required string Text { get; init; }

    public FeedbackSource Source { get; init; } = FeedbackSource.Other;

    /// <summary>Key of the persona who gave it, if any.</summary>
    public string? Persona { get; init; }

    public string Organisation { get; init; } = "";

    public string GivenBy { get; init; } = "";

    public DateOnly ReceivedOn { get; init; }

    public FeedbackImportance Importance { get; init; } = FeedbackImportance.Medium;

    public FeedbackState State { get; init; }

    /// <summary>Keys of the problems it speaks to.</summary>
    public List<string> Problems { get; init; } = [];

    /// <summary>Keys of the features it speaks to.</summary>
    public List<string> Features { get; init; } = [];
}

public sealed record DecisionDoc
{
    public required string Key { get; init; }

    /// <summary>Key of the phase the decision concludes; null once that phase was deleted.</summary>
    public string? Phase { get; init; }

    /// <summary>The phase's name when the decision was made.</summary>
    public required string PhaseName { get; init; }

    public DecisionKind Decision { get; init; }

    public DateOnly DecidedOn { get; init; }

    public string Reasons { get; init; } = "";

    /// <summary>Who decided, as written.</summary>
    public string DecidedBy { get; init; } = "";

    /// <summary>Keys of the outcomes the decision rests on.</summary>
    public List<string> Outcomes { get; init; } = [];

    /// <summary>Keys of the feedback the decision rests on.</summary>
    public List<string> Feedback { get; init; } = [];

    /// <summary>The phase's gate as it stood when the decision was recorded: a record, not re-evaluated.</summary>
    public List<GateCheckDoc> Gate { get; init; } = [];
}

/// <summary>One gate condition and its result as recorded with a decision.</summary>
public sealed record GateCheckDoc
{
    public GateConditionKind Kind { get; init; }

    public bool IsMet { get; init; }

    public GateReason Reason { get; init; }

    /// <summary>The outcome's description at the time (text, not a key: the record stays as it was).</summary>
    public string? OutcomeName { get; init; }

    public decimal? Threshold { get; init; }

    /// <summary>The value the condition was checked against, when there was one.</summary>
    public decimal? Actual { get; init; }

    public bool LowerIsBetter { get; init; }

    public string RoleName { get; init; } = "";

    public DateTime? SignedOffAt { get; init; }

    public string SignedOffByName { get; init; } = "";

    public string SignOffNote { get; init; } = "";
}
