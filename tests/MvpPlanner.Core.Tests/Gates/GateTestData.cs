using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.Gates;

/// <summary>Outcomes with numbers and their measurements, written straight into the database: the measuring UI is
/// someone else's, the gates only read the rows.</summary>
internal static class GateTestData
{
    public static async Task<int> AddOutcomeAsync(this TestDatabase test, int planId, string description, decimal baseline, decimal target)
    {
        var created = await test.Get<PlanService>().AddOutcomeAsync(planId, new OutcomeInput { Description = description, Metric = "per month", Baseline = baseline.ToString(System.Globalization.CultureInfo.InvariantCulture), Target = target.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        created.Succeeded.ShouldBeTrue(created.Message);
        await using var db = await test.NewContextAsync();
        await db.TargetOutcomes.Where(o => o.Id == created.Value)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.BaselineValue, baseline).SetProperty(o => o.TargetValue, target));
        return created.Value;
    }

    public static async Task MeasureAsync(this TestDatabase test, int outcomeId, DateOnly on, decimal value)
    {
        await using var db = await test.NewContextAsync();
        db.OutcomeMeasurements.Add(new OutcomeMeasurement { OutcomeId = outcomeId, MeasuredOn = on, Value = value });
        await db.SaveChangesAsync();
    }
}
