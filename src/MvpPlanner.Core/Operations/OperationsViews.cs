namespace MvpPlanner.Core.Operations;

public sealed record CommitmentView(int Id, string Text, int Version, IReadOnlyList<string> KeptBy)
{
    public CommitmentInput ToInput() => new() { Text = Text, Version = Version };
}

public sealed record StageView(int Id, string Name, int Order, string Touchpoints, string InternalActions, int Version)
{
    public StageInput ToInput() => new() { Name = Name, Touchpoints = Touchpoints, InternalActions = InternalActions, Version = Version };
}

public sealed record RoleView(int Id, string Name, string Holder, int Version)
{
    public RoleInput ToInput() => new() { Name = Name, Holder = Holder, Version = Version };

    public string Label => LabelOf(Name, Holder);

    /// <summary>"Customer Support Lead (Ana)": the role, and who holds it when someone does.</summary>
    public static string LabelOf(string name, string? holder) => string.IsNullOrEmpty(holder) ? name : $"{name} ({holder})";
}

public sealed record ProcessView(
    int Id,
    string Name,
    int? StageId,
    string Steps,
    bool IsFrontstage,
    Automation Automation,
    bool HasRunManually,
    int? OwnerRoleId,
    bool KeepsCorePromise,
    IReadOnlyList<int> CommitmentIds,
    IReadOnlyList<int> ToolIds,
    IReadOnlyList<int> FeatureIds,
    int Version)
{
    public IReadOnlyList<string> StepList => Lines.Split(Steps);

    public ProcessInput ToInput() => new()
    {
        Name = Name,
        StageId = StageId,
        Steps = Steps,
        IsFrontstage = IsFrontstage,
        Automation = Automation,
        HasRunManually = HasRunManually,
        OwnerRoleId = OwnerRoleId,
        KeepsCorePromise = KeepsCorePromise,
        CommitmentIds = CommitmentIds,
        ToolIds = ToolIds,
        FeatureIds = FeatureIds,
        Version = Version,
    };
}

public sealed record ToolView(int Id, string Name, string Category, decimal MonthlyCost, int Version)
{
    public ToolInput ToInput() => new() { Name = Name, Category = Category, MonthlyCost = MonthlyCost, Version = Version };
}

public sealed record MeasurementView(int Id, DateOnly MeasuredOn, decimal Value, string Note);

public sealed record ReviewView(int Id, DateOnly HeldOn, string Notes);

public sealed record KpiView(
    int Id,
    string Name,
    string Unit,
    KpiDirection Direction,
    decimal? Target,
    int? OwnerRoleId,
    ReviewCadence Cadence,
    int Version,
    IReadOnlyList<MeasurementView> Measurements,
    IReadOnlyList<ReviewView> Reviews)
{
    public MeasurementView? Latest => Measurements.Count == 0 ? null : Measurements[^1];

    public DateOnly? LastReview => Reviews.Count == 0 ? null : Reviews[0].HeldOn;

    public DateOnly? NextReviewDue =>
        Cadences.NextReview(LastReview, Measurements.Count > 0 ? Measurements[0].MeasuredOn : null, Cadence);

    public bool? OnTarget => Latest is null || Target is null ? null
        : Direction == KpiDirection.HigherIsBetter ? Latest.Value >= Target : Latest.Value <= Target;

    public KpiInput ToInput() => new() { Name = Name, Unit = Unit, Direction = Direction, Target = Target, OwnerRoleId = OwnerRoleId, Cadence = Cadence, Version = Version };
}

/// <param name="DependsOnIds">The features it needs first that are not shipped yet.</param>
public sealed record FeatureOption(int Id, string Title, bool IsInMvpPhase, bool NeedsOperationalSupport, IReadOnlyList<int>? DependsOnIds = null);

/// <summary>Everything the operations pages show for one plan, read in one go.</summary>
public sealed record OperationsView(
    int PlanId,
    string CorePromise,
    IReadOnlyList<CommitmentView> Commitments,
    IReadOnlyList<StageView> Stages,
    IReadOnlyList<RoleView> Roles,
    IReadOnlyList<ProcessView> Processes,
    IReadOnlyList<ToolView> Tools,
    IReadOnlyList<KpiView> Kpis,
    IReadOnlyList<FeatureOption> Features)
{
    public decimal TotalMonthlyCost => Tools.Sum(t => t.MonthlyCost);

    public string RoleName(int? roleId) => Roles.FirstOrDefault(r => r.Id == roleId)?.Label ?? "No owner";

    public IEnumerable<ProcessView> ProcessesOf(int? stageId) => Processes.Where(p => p.StageId == stageId);
}
