using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Feedback;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.Problems;

public enum ProblemFrequency
{
    Rarely,
    Monthly,
    Weekly,
    Daily,
    Constantly,
}

public class Problem : EntityBase, IPlanItem
{
    protected internal override string ActivityName => Statement;

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    public string Statement { get; set; } = "";

    /// <summary>1 (minor) to 5 (blocking).</summary>
    public int Severity { get; set; } = 3;

    public ProblemFrequency Frequency { get; set; } = ProblemFrequency.Weekly;

    public string Evidence { get; set; } = "";

    public List<Persona> Personas { get; set; } = [];

    public List<Feature> Features { get; set; } = [];

    /// <summary>Feedback that speaks to this problem; only triaged (linked) items count as evidence.</summary>
    public List<FeedbackItem> Feedback { get; set; } = [];
}
