using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.Plans;

public class Plan : EntityBase
{
    protected internal override string ActivityName => Name;

    public int WorkspaceId { get; set; }

    public Workspace? Workspace { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The one-line vision the MVP serves.</summary>
    public string Vision { get; set; } = "";

    /// <summary>The core promise: the single most important outcome the product delivers for customers.</summary>
    public string ValueProposition { get; set; } = "";

    public bool IsArchived { get; set; }

    /// <summary>Set when the plan was deleted: it waits in its workspace's trash (30 days) and is gone from every list and link.</summary>
    public DateTime? DeletedAt { get; set; }

    public string? DeletedById { get; set; }

    /// <summary>Goes up with every saved change to the plan or anything in it (see <c>PlannerDbContext</c>): one indexed
    /// read tells whether what was rendered for the plan is still current. Not a concurrency token.</summary>
    public long ContentStamp { get; set; }

    /// <summary>Bumped by every change of an order inside the plan; see <c>PlanOrder</c>.</summary>
    public int OrderVersion { get; set; }

    /// <summary>Launch steps the team ticked by hand; steps the data proves are ticked on the fly.</summary>
    public LaunchSteps CompletedLaunchSteps { get; set; }

    public List<TargetOutcome> Outcomes { get; set; } = [];

    public List<Persona> Personas { get; set; } = [];

    public List<Problem> Problems { get; set; } = [];

    public List<Feature> Features { get; set; } = [];

    public List<RoadmapPhase> Phases { get; set; } = [];

    public List<Lane> Lanes { get; set; } = [];

    public List<Milestone> Milestones { get; set; } = [];

    public List<Commitment> Commitments { get; set; } = [];

    public List<JourneyStage> JourneyStages { get; set; } = [];

    public List<OperationRole> OperationRoles { get; set; } = [];

    public List<CoreProcess> CoreProcesses { get; set; } = [];

    public List<EssentialTool> EssentialTools { get; set; } = [];

    public List<Kpi> Kpis { get; set; } = [];
}
