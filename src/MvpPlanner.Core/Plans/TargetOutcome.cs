using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Personas;

namespace MvpPlanner.Core.Plans;

/// <summary>A measurable change in behaviour the plan aims for (the MVP seed's "tangible outcomes").</summary>
public class TargetOutcome : EntityBase, IPlanItem
{
    protected internal override string ActivityName => Description;

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    public string Description { get; set; } = "";

    public string Metric { get; set; } = "";

    public string Baseline { get; set; } = "";

    public string Target { get; set; } = "";

    public int Order { get; set; }

    /// <summary>The baseline as a number, for the chart and the on/off-track status (the text above says it in words).</summary>
    public decimal? BaselineValue { get; set; }

    /// <summary>The target as a number; whether higher or lower is better follows from baseline and target.</summary>
    public decimal? TargetValue { get; set; }

    /// <summary>The date the target should be reached by, for the on/off-track status and review reminders.</summary>
    public DateOnly? TargetDate { get; set; }

    /// <summary>The persona whose behaviour the outcome is about (optional).</summary>
    public int? PersonaId { get; set; }

    public Persona? Persona { get; set; }

    /// <summary>The features expected to move this outcome (optional).</summary>
    public List<Feature> Features { get; set; } = [];

    public List<OutcomeMeasurement> Measurements { get; set; } = [];
}
