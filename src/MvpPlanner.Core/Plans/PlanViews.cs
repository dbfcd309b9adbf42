using MvpPlanner.Core.Accounts;

namespace MvpPlanner.Core.Plans;

public sealed record PlanSummary(
    int Id,
    string Name,
    string Vision,
    bool IsArchived,
    DateTime UpdatedAt,
    int PersonaCount,
    int ProblemCount,
    int FeatureCount,
    int WorkspaceId,
    string WorkspaceName,
    WorkspaceRole MyRole)
{
    public bool CanEdit => MyRole >= WorkspaceRole.Editor;

    public bool IsOwner => MyRole == WorkspaceRole.Owner;
}

public sealed record OutcomeView(int Id, string Description, string Metric, string Baseline, string Target, int Version);

public sealed record LaunchStepView(LaunchSteps Step, string Title, string Hint, bool IsDone, bool IsProvenByData);

public sealed record PlanOverview(
    int Id,
    string Name,
    string Vision,
    string ValueProposition,
    bool IsArchived,
    int Version,
    DateTime UpdatedAt,
    IReadOnlyList<OutcomeView> Outcomes,
    int PersonaCount,
    int ProblemCount,
    int FeatureCount,
    int MvpFeatureCount,
    int UnscheduledFeatureCount,
    IReadOnlyList<LaunchStepView> LaunchSteps,
    int WorkspaceId,
    string WorkspaceName,
    WorkspaceRole MyRole)
{
    /// <summary>Editors and owners change the plan; viewers see no editing controls.</summary>
    public bool CanEdit => MyRole >= WorkspaceRole.Editor;

    public bool IsOwner => MyRole == WorkspaceRole.Owner;

    /// <summary>The plan's editable fields as they are now, with the version they are based on.</summary>
    public PlanInput ToInput() => new() { Name = Name, Vision = Vision, ValueProposition = ValueProposition, Version = Version };
}
