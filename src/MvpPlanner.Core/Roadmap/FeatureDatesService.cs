using FluentValidation;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;

namespace MvpPlanner.Core.Roadmap;

/// <summary>Changes only a feature's own start and target: dragged on the timeline or typed in the Dates dialog.</summary>
public class FeatureDatesService(IValidator<FeatureDatesInput> validator, PlanWriter writer)
{
    /// <summary>Sets the typed dates (each a day, month or quarter; empty takes the phase's date again).</summary>
    public Task<ServiceResult> SetDatesAsync(int planId, int featureId, FeatureDatesInput input, CancellationToken ct = default) =>
        writer.WriteAsync(planId, input, validator, w => ApplyAsync(w, featureId, input.Start, input.Target, input.Version, ct), ct);

    /// <summary>Gives the feature these own dates if nobody changed it since <paramref name="expectedVersion"/>: what a
    /// drag on the timeline saves.</summary>
    public Task<ServiceResult> RescheduleAsync(int planId, int featureId, FuzzyDate? start, FuzzyDate? target, int expectedVersion, CancellationToken ct = default)
    {
        var input = new FeatureDatesInput
        {
            StartDate = FeatureDates.ToDateTime(start?.Date),
            StartPrecision = start?.Precision ?? DatePrecision.Day,
            TargetDate = FeatureDates.ToDateTime(target?.Date),
            TargetPrecision = target?.Precision ?? DatePrecision.Day,
            Version = expectedVersion,
        };
        return writer.WriteAsync(planId, input, validator, w => ApplyAsync(w, featureId, start, target, expectedVersion, ct), ct);
    }

    private static async Task<ServiceResult> ApplyAsync(PlanWrite w, int featureId, FuzzyDate? start, FuzzyDate? target, int expectedVersion, CancellationToken ct)
    {
        var feature = await w.FindAsync<Feature>(featureId, ct: ct);
        if (feature is null)
        {
            return ServiceResult.NotFound("The feature");
        }

        FeatureDates.Apply(feature, start, target);
        w.BasedOn(feature, expectedVersion);
        return ServiceResult.Ok($"Dates of \"{feature.Title}\" saved.");
    }
}
