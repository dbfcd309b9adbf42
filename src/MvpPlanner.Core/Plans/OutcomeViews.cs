using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Personas;

namespace MvpPlanner.Core.Plans;

/// <summary>One target outcome with everything its card shows: numbers, links, readings and where it stands.</summary>
public sealed record OutcomeDetails(
    int Id,
    string Description,
    string Metric,
    string Baseline,
    string Target,
    decimal? BaselineValue,
    decimal? TargetValue,
    DateOnly? TargetDate,
    LinkedItem? Persona,
    IReadOnlyList<LinkedItem> Features,
    IReadOnlyList<MeasurementView> Measurements,
    int Version,
    OutcomeProgress Progress)
{
    public OutcomeInput ToInput() => new()
    {
        Description = Description,
        Metric = Metric,
        Baseline = Baseline,
        Target = Target,
        BaselineValue = BaselineValue,
        TargetValue = TargetValue,
        TargetDate = TargetDate?.ToDateTime(TimeOnly.MinValue),
        PersonaId = Persona?.Id,
        FeatureIds = Features.Select(f => f.Id).ToList(),
        Version = Version,
    };
}

/// <summary>What an outcome can be linked to: the plan's personas and features.</summary>
public sealed record OutcomeOptions(IReadOnlyList<LinkedItem> Personas, IReadOnlyList<LinkedItem> Features);

/// <summary>The outcomes page: every outcome of the plan in order, and the choices its dialog offers.</summary>
public sealed record OutcomesView(IReadOnlyList<OutcomeDetails> Outcomes, OutcomeOptions Options);
