using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.Operations;

/// <summary>A concrete commitment the core promise implies, such as "we answer support requests within 24 hours".</summary>
public class Commitment : EntityBase, IPlanItem
{
    protected internal override string ActivityName => Text;

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    public string Text { get; set; } = "";

    public List<CoreProcess> KeptBy { get; set; } = [];
}

/// <summary>A stage of the critical-path customer journey (Marketing, Sales, Onboarding, Billing, Delivery, Support).</summary>
public class JourneyStage : EntityBase, IPlanItem
{
    protected internal override string ActivityName => Name;

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    public string Name { get; set; } = "";

    public int Order { get; set; }

    /// <summary>Where the customer meets the business at this stage, one per line.</summary>
    public string Touchpoints { get; set; } = "";

    /// <summary>What the team must do behind the scenes at this stage, one per line.</summary>
    public string InternalActions { get; set; } = "";

    public List<CoreProcess> Processes { get; set; } = [];
}

/// <summary>A responsibility such as "Customer Support Lead", and the person who holds it.</summary>
public class OperationRole : EntityBase, IPlanItem
{
    protected internal override string ActivityName => Name;

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    public string Name { get; set; } = "";

    public string Holder { get; set; } = "";
}

public enum Automation
{
    /// <summary>Done by hand ("concierge" or "Wizard of Oz"): how the seed advises a process starts.</summary>
    Manual,
    PartlyAutomated,
    Automated,
}

/// <summary>The "good enough" process for one journey stage: documented, repeatable, one owner.</summary>
public class CoreProcess : EntityBase, IPlanItem
{
    protected internal override string ActivityName => Name;

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    public string Name { get; set; } = "";

    public int? StageId { get; set; }

    public JourneyStage? Stage { get; set; }

    /// <summary>The checklist, one step per line.</summary>
    public string Steps { get; set; } = "";

    /// <summary>Frontstage processes are seen by the customer; backstage ones are not (service blueprint rows).</summary>
    public bool IsFrontstage { get; set; }

    public Automation Automation { get; set; }

    /// <summary>True once the team has run the process by hand with real customers.</summary>
    public bool HasRunManually { get; set; }

    public int? OwnerRoleId { get; set; }

    public OperationRole? OwnerRole { get; set; }

    /// <summary>True when this process keeps the core promise itself, not only a derived commitment.</summary>
    public bool KeepsCorePromise { get; set; }

    public List<Commitment> Commitments { get; set; } = [];

    public List<EssentialTool> Tools { get; set; } = [];

    public List<Feature> Features { get; set; } = [];

    public IReadOnlyList<string> StepList => Lines.Split(Steps);
}

public class EssentialTool : EntityBase, IPlanItem
{
    protected internal override string ActivityName => Name;

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    public string Name { get; set; } = "";

    /// <summary>CRM, payments, shared inbox, spreadsheet …</summary>
    public string Category { get; set; } = "";

    public decimal MonthlyCost { get; set; }

    public List<CoreProcess> Processes { get; set; } = [];
}

public enum KpiDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

public enum ReviewCadence
{
    Weekly,
    BiWeekly,
    Monthly,
}

public class Kpi : EntityBase, IPlanItem
{
    protected internal override string ActivityName => Name;

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    public string Name { get; set; } = "";

    public string Unit { get; set; } = "";

    public KpiDirection Direction { get; set; }

    public decimal? Target { get; set; }

    public int? OwnerRoleId { get; set; }

    public OperationRole? OwnerRole { get; set; }

    public ReviewCadence Cadence { get; set; } = ReviewCadence.Weekly;

    public List<KpiMeasurement> Measurements { get; set; } = [];

    public List<KpiReview> Reviews { get; set; } = [];
}

public class KpiMeasurement
{
    public int Id { get; set; }

    public int KpiId { get; set; }

    public Kpi? Kpi { get; set; }

    public DateOnly MeasuredOn { get; set; }

    public decimal Value { get; set; }

    public string Note { get; set; } = "";

    public string? RecordedById { get; set; }
}

public class KpiReview
{
    public int Id { get; set; }

    public int KpiId { get; set; }

    public Kpi? Kpi { get; set; }

    public DateOnly HeldOn { get; set; }

    public string Notes { get; set; } = "";

    public string? RecordedById { get; set; }
}

public static class Cadences
{
    public static int Days(ReviewCadence cadence) => cadence switch
    {
        ReviewCadence.Weekly => 7,
        ReviewCadence.BiWeekly => 14,
        _ => 30,
    };

    /// <summary>A cadence after the last review; with no review yet, a cadence after the first measurement.</summary>
    public static DateOnly? NextReview(DateOnly? lastReview, DateOnly? firstMeasured, ReviewCadence cadence) =>
        (lastReview ?? firstMeasured)?.AddDays(Days(cadence));

    public static string Label(ReviewCadence cadence) => cadence switch
    {
        ReviewCadence.Weekly => "Weekly",
        ReviewCadence.BiWeekly => "Every two weeks",
        _ => "Monthly",
    };
}

public static class Lines
{
    /// <summary>Splits a multi-line text field into its non-empty trimmed lines.</summary>
    public static IReadOnlyList<string> Split(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public static class OperationsDefaults
{
    /// <summary>The critical-path journey the MVO seed names.</summary>
    public static IReadOnlyList<string> Stages { get; } = ["Marketing", "Sales", "Onboarding", "Billing", "Delivery", "Support"];

    /// <summary>The seed's advice: 2–3 KPIs; more than this many is no longer "a few".</summary>
    public const int RecommendedKpisMax = 3;

    public const int TooManyKpis = 5;

    /// <summary>A "good enough" process fits on an index card; past this many steps it is likely over-engineered for an MVO.</summary>
    public const int ManyProcessSteps = 8;

    public static List<JourneyStage> CreateStages() =>
        Stages.Select((name, i) => new JourneyStage { Name = name, Order = i }).ToList();
}
