namespace MvpPlanner.Core.Plans;

/// <summary>One reading of a target outcome's metric on a day, so the team sees whether it moves toward the target.</summary>
public class OutcomeMeasurement
{
    public int Id { get; set; }

    public int OutcomeId { get; set; }

    public TargetOutcome? Outcome { get; set; }

    public DateOnly MeasuredOn { get; set; }

    public decimal Value { get; set; }

    public string Note { get; set; } = "";

    public string? RecordedById { get; set; }
}
