using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.Operations;

/// <summary>KPIs, their measurements and reviews, through <see cref="KpiService"/> over a real SQLite file.</summary>
public class KpiServiceTests
{
    private const string OddText = "<script>alert('x')</script> 👩🏽‍🔧 שלום \"quotes\" & ümlaut";

    [Fact]
    public async Task AddKpi_AllFields_ReadBack()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var role = await test.AddRoleAsync(planId, "Support Lead");

        var result = await test.Kpis().AddKpiAsync(planId, new KpiInput
        {
            Name = " Support response time ",
            Unit = "hours",
            Direction = KpiDirection.LowerIsBetter,
            Target = 24m,
            OwnerRoleId = role,
            Cadence = ReviewCadence.BiWeekly,
        });

        result.Status.ShouldBe(ResultStatus.Ok);
        var kpi = (await test.GetOperationsAsync(planId)).Kpis.ShouldHaveSingleItem();
        kpi.Name.ShouldBe("Support response time");
        kpi.Unit.ShouldBe("hours");
        kpi.Direction.ShouldBe(KpiDirection.LowerIsBetter);
        kpi.Target.ShouldBe(24m);
        kpi.OwnerRoleId.ShouldBe(role);
        kpi.Cadence.ShouldBe(ReviewCadence.BiWeekly);
        kpi.Measurements.ShouldBeEmpty();
        kpi.Latest.ShouldBeNull();
        kpi.OnTarget.ShouldBeNull();
        kpi.NextReviewDue.ShouldBeNull();
    }

    [Theory]
    [InlineData("empty name", nameof(KpiInput.Name))]
    [InlineData("long name", nameof(KpiInput.Name))]
    [InlineData("long unit", nameof(KpiInput.Unit))]
    [InlineData("huge target", nameof(KpiInput.Target))]
    [InlineData("bad cadence", nameof(KpiInput.Cadence))]
    [InlineData("bad direction", nameof(KpiInput.Direction))]
    public async Task AddKpi_BadField_IsInvalidOnThatField(string what, string field)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var input = new KpiInput { Name = "Time to onboard" };
        switch (what)
        {
            case "empty name": input.Name = " "; break;
            case "long name": input.Name = new string('k', TextLimits.Name + 1); break;
            case "long unit": input.Unit = new string('u', 51); break;
            case "huge target": input.Target = 2_000_000_000m; break;
            case "bad cadence": input.Cadence = (ReviewCadence)9; break;
            default: input.Direction = (KpiDirection)9; break;
        }

        var result = await test.Kpis().AddKpiAsync(planId, input);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([field]);
        (await test.GetOperationsAsync(planId)).Kpis.ShouldBeEmpty();
    }

    [Fact]
    public async Task AddKpi_OwnerRoleOfAnotherPlan_IsInvalidOnOwner()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync("Mine");
        var otherPlanId = await test.CreatePlanAsync("Theirs");
        var foreignRole = await test.AddRoleAsync(otherPlanId, "Their lead");

        var result = await test.Kpis().AddKpiAsync(planId, new KpiInput { Name = "NPS", OwnerRoleId = foreignRole });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([nameof(KpiInput.OwnerRoleId)]);
        (await test.GetOperationsAsync(planId)).Kpis.ShouldBeEmpty();
    }

    [Fact]
    public async Task UpdateKpi_StaleVersion_IsConflict()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var id = await test.AddKpiAsync(planId, "NPS");
        var read = (await test.GetOperationsAsync(planId)).Kpis.Single();
        var first = read.ToInput();
        first.Target = 40m;
        var second = read.ToInput();
        second.Target = 60m;

        (await test.Kpis().UpdateKpiAsync(planId, id, first)).Status.ShouldBe(ResultStatus.Ok);
        (await test.Kpis().UpdateKpiAsync(planId, id, second)).Status.ShouldBe(ResultStatus.Conflict);

        (await test.GetOperationsAsync(planId)).Kpis.Single().Target.ShouldBe(40m);
    }

    [Theory]
    [InlineData(KpiDirection.HigherIsBetter, 50, true)]
    [InlineData(KpiDirection.HigherIsBetter, 49.5, false)]
    [InlineData(KpiDirection.LowerIsBetter, 50, true)]
    [InlineData(KpiDirection.LowerIsBetter, 50.5, false)]
    public async Task RecordMeasurement_LatestAgainstTarget_OnTargetFollowsDirection(KpiDirection direction, double latest, bool onTarget)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var id = (await test.Kpis().AddKpiAsync(planId, new KpiInput { Name = "Score", Direction = direction, Target = 50m })).Value;
        await test.RecordMeasurementAsync(planId, id, new DateOnly(2026, 3, 2), (decimal)latest);
        await test.RecordMeasurementAsync(planId, id, new DateOnly(2026, 3, 1), 1000m);

        var kpi = (await test.GetOperationsAsync(planId)).Kpis.Single();

        kpi.Measurements.Select(m => m.MeasuredOn).ShouldBe([new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2)]);
        kpi.Latest.ShouldNotBeNull().Value.ShouldBe((decimal)latest);
        kpi.OnTarget.ShouldBe(onTarget);
    }

    [Fact]
    public async Task RecordMeasurement_WithNote_StoredWithDateValueAndNote()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var id = await test.AddKpiAsync(planId, "Onboarding days");

        var result = await test.Kpis().RecordMeasurementAsync(planId, id, new MeasurementInput { MeasuredOn = new DateTime(2026, 5, 4), Value = 3.5m, Note = " " + OddText + " " });

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Message.ShouldBe("Measurement recorded.");
        var measurement = (await test.GetOperationsAsync(planId)).Kpis.Single().Measurements.Single();
        measurement.MeasuredOn.ShouldBe(new DateOnly(2026, 5, 4));
        measurement.Value.ShouldBe(3.5m);
        measurement.Note.ShouldBe(OddText);
    }

    [Theory]
    [InlineData("no date", nameof(MeasurementInput.MeasuredOn))]
    [InlineData("no value", nameof(MeasurementInput.Value))]
    [InlineData("huge value", nameof(MeasurementInput.Value))]
    [InlineData("long note", nameof(MeasurementInput.Note))]
    public async Task RecordMeasurement_BadField_IsInvalidOnThatField(string what, string field)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var id = await test.AddKpiAsync(planId, "NPS");
        var input = new MeasurementInput { MeasuredOn = new DateTime(2026, 1, 1), Value = 1m };
        switch (what)
        {
            case "no date": input.MeasuredOn = null; break;
            case "no value": input.Value = null; break;
            case "huge value": input.Value = -1_000_000_001m; break;
            default: input.Note = new string('n', TextLimits.Line + 1); break;
        }

        var result = await test.Kpis().RecordMeasurementAsync(planId, id, input);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([field]);
        (await test.GetOperationsAsync(planId)).Kpis.Single().Measurements.ShouldBeEmpty();
    }

    [Fact]
    public async Task RecordMeasurement_KpiOfAnotherPlan_IsNotFoundAndNothingStored()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync("Mine");
        var otherPlanId = await test.CreatePlanAsync("Theirs");
        var theirs = await test.AddKpiAsync(otherPlanId, "Their KPI");

        var result = await test.Kpis().RecordMeasurementAsync(planId, theirs, new MeasurementInput { MeasuredOn = new DateTime(2026, 1, 1), Value = 1m });
        var review = await test.Kpis().RecordReviewAsync(planId, theirs, new ReviewInput { HeldOn = new DateTime(2026, 1, 1), Notes = "Sneaky" });

        result.Status.ShouldBe(ResultStatus.NotFound);
        review.Status.ShouldBe(ResultStatus.NotFound);
        var kpi = (await test.GetOperationsAsync(otherPlanId)).Kpis.Single();
        kpi.Measurements.ShouldBeEmpty();
        kpi.Reviews.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("no date", nameof(ReviewInput.HeldOn))]
    [InlineData("no notes", nameof(ReviewInput.Notes))]
    [InlineData("long notes", nameof(ReviewInput.Notes))]
    public async Task RecordReview_BadField_IsInvalidOnThatField(string what, string field)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var id = await test.AddKpiAsync(planId, "NPS");
        var input = new ReviewInput { HeldOn = new DateTime(2026, 1, 1), Notes = "Fine" };
        switch (what)
        {
            case "no date": input.HeldOn = null; break;
            case "no notes": input.Notes = "  "; break;
            default: input.Notes = new string('r', TextLimits.Text + 1); break;
        }

        var result = await test.Kpis().RecordReviewAsync(planId, id, input);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([field]);
        (await test.GetOperationsAsync(planId)).Kpis.Single().Reviews.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(ReviewCadence.Weekly, 7)]
    [InlineData(ReviewCadence.BiWeekly, 14)]
    [InlineData(ReviewCadence.Monthly, 30)]
    public async Task NextReviewDue_AfterReviews_IsOneCadenceAfterTheLatestReview(ReviewCadence cadence, int days)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var id = await test.AddKpiAsync(planId, "NPS", cadence);
        await test.RecordMeasurementAsync(planId, id, new DateOnly(2026, 1, 1), 10m);
        await test.RecordReviewAsync(planId, id, new DateOnly(2026, 2, 10), "Second review");
        await test.RecordReviewAsync(planId, id, new DateOnly(2026, 2, 1), "First review");

        var kpi = (await test.GetOperationsAsync(planId)).Kpis.Single();

        kpi.Reviews.Select(r => r.Notes).ShouldBe(["Second review", "First review"]);
        kpi.LastReview.ShouldBe(new DateOnly(2026, 2, 10));
        kpi.NextReviewDue.ShouldBe(new DateOnly(2026, 2, 10).AddDays(days));
    }

    [Fact]
    public async Task NextReviewDue_NoReviewYet_IsOneCadenceAfterTheFirstMeasurement()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var id = await test.AddKpiAsync(planId, "NPS", ReviewCadence.Monthly);
        await test.RecordMeasurementAsync(planId, id, new DateOnly(2026, 1, 20), 10m);
        await test.RecordMeasurementAsync(planId, id, new DateOnly(2026, 1, 5), 8m);

        (await test.GetOperationsAsync(planId)).Kpis.Single().NextReviewDue.ShouldBe(new DateOnly(2026, 2, 4));
    }

    [Fact]
    public async Task DeleteKpi_WithMeasurementsAndReviews_RemovesThemAndKeepsOtherKpis()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var doomed = await test.AddKpiAsync(planId, "Doomed");
        var kept = await test.AddKpiAsync(planId, "Kept");
        await test.RecordMeasurementAsync(planId, doomed, new DateOnly(2026, 1, 1), 1m);
        await test.RecordReviewAsync(planId, doomed, new DateOnly(2026, 1, 2));
        await test.RecordMeasurementAsync(planId, kept, new DateOnly(2026, 1, 1), 2m);

        var result = await test.Kpis().DeleteKpiAsync(planId, doomed);

        result.Status.ShouldBe(ResultStatus.Ok);
        var kpi = (await test.GetOperationsAsync(planId)).Kpis.ShouldHaveSingleItem();
        kpi.Id.ShouldBe(kept);
        kpi.Measurements.ShouldHaveSingleItem().Value.ShouldBe(2m);
        await using var db = await test.NewContextAsync();
        (await db.KpiMeasurements.CountAsync()).ShouldBe(1);
        (await db.KpiReviews.CountAsync()).ShouldBe(0);
    }
}
