using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Personas;

namespace MvpPlanner.Core.Plans;

/// <summary>Target outcomes measured over time: readings recorded, corrected and removed through the write path, and
/// each outcome read with its readings, persona, features and status. Adding and editing the outcome itself stays
/// with <see cref="PlanService"/>, which shares <see cref="ApplyAsync"/>.</summary>
public class OutcomeService(PlanWriter writer, IValidator<MeasurementInput> measurementValidator, ILogger<OutcomeService> logger)
{
    public async Task<OutcomesView?> ListAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await writer.OpenForReadAsync(planId, ct);
        if (db is null)
        {
            return null;
        }

        var outcomes = await ReadAsync(db, db.TargetOutcomes.Where(o => o.PlanId == planId), ct);
        return new OutcomesView(outcomes, await OptionsAsync(db, planId, ct));
    }

    public async Task<OutcomeDetails?> GetAsync(int planId, int outcomeId, CancellationToken ct = default)
    {
        await using var db = await writer.OpenForReadAsync(planId, ct);
        return db is null ? null : (await ReadAsync(db, db.TargetOutcomes.Where(o => o.PlanId == planId && o.Id == outcomeId), ct)).FirstOrDefault();
    }

    public async Task<OutcomeOptions?> GetOptionsAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await writer.OpenForReadAsync(planId, ct);
        return db is null ? null : await OptionsAsync(db, planId, ct);
    }

    /// <summary>The value of the outcome's latest reading (by date); null when none or the caller may not see the plan.</summary>
    public async Task<decimal?> LatestValueAsync(int planId, int outcomeId, CancellationToken ct = default)
    {
        await using var db = await writer.OpenForReadAsync(planId, ct);
        return db is null ? null : await db.OutcomeMeasurements.AsNoTracking()
            .Where(m => m.OutcomeId == outcomeId && m.Outcome!.PlanId == planId)
            .OrderByDescending(m => m.MeasuredOn).ThenByDescending(m => m.Id)
            .Select(m => (decimal?)m.Value).FirstOrDefaultAsync(ct);
    }

    public async Task<ServiceResult> RecordMeasurementAsync(int planId, int outcomeId, MeasurementInput input, CancellationToken ct = default) =>
        await AddMeasurementAsync(planId, outcomeId, input, ct);

    /// <summary>Records a reading and returns its id (the API links to it).</summary>
    public Task<ServiceResult<int>> AddMeasurementAsync(int planId, int outcomeId, MeasurementInput input, CancellationToken ct = default) =>
        writer.WriteAsync<MeasurementInput, int>(planId, input, measurementValidator, async w =>
        {
            var outcome = await w.FindAsync<TargetOutcome>(outcomeId, ct: ct);
            if (outcome is null)
            {
                return Fail.NotFound("The outcome");
            }

            var measurement = new OutcomeMeasurement { Outcome = outcome, RecordedById = w.Db.ActingUser?.UserId };
            Apply(measurement, input);
            w.Db.OutcomeMeasurements.Add(measurement);
            logger.LogInformation("Recording a measurement of outcome {OutcomeId} in plan {PlanId}", outcomeId, planId);
            await w.SaveAsync(ct);
            return ServiceResult<int>.Ok(measurement.Id, "Measurement recorded.");
        }, ct);

    public Task<ServiceResult> UpdateMeasurementAsync(int planId, int outcomeId, int measurementId, MeasurementInput input, CancellationToken ct = default) =>
        writer.WriteAsync(planId, input, measurementValidator, async w =>
        {
            var measurement = await FindMeasurementAsync(w, outcomeId, measurementId, ct);
            if (measurement is null)
            {
                return ServiceResult.NotFound("The measurement");
            }

            Apply(measurement, input);
            return ServiceResult.Ok("Measurement saved.");
        }, ct);

    public Task<ServiceResult> DeleteMeasurementAsync(int planId, int outcomeId, int measurementId, CancellationToken ct = default) =>
        writer.WriteAsync(planId, Accounts.WorkspaceRole.Editor, async w =>
        {
            var measurement = await FindMeasurementAsync(w, outcomeId, measurementId, ct);
            if (measurement is null)
            {
                return ServiceResult.NotFound("The measurement");
            }

            w.Db.OutcomeMeasurements.Remove(measurement);
            return ServiceResult.Ok($"Deleted the measurement of {measurement.MeasuredOn:d MMM yyyy}.");
        }, ct);

    /// <summary>Maps the input onto the outcome; the persona and features must be this plan's.</summary>
    internal static async Task<ServiceResult> ApplyAsync(PlannerDbContext db, int planId, TargetOutcome outcome, OutcomeInput input, CancellationToken ct)
    {
        if (input.PersonaId is { } personaId && !await db.Personas.AnyAsync(p => p.Id == personaId && p.PlanId == planId, ct))
        {
            return ServiceResult.Invalid(nameof(OutcomeInput.PersonaId), "That persona no longer exists. Choose another.");
        }

        var wanted = input.FeatureIds.Distinct().ToList();
        var features = await db.Features.Where(f => f.PlanId == planId && wanted.Contains(f.Id)).ToListAsync(ct);
        if (features.Count != wanted.Count)
        {
            return ServiceResult.Invalid(nameof(OutcomeInput.FeatureIds), "A chosen feature no longer exists. It may have been deleted; choose again.");
        }

        outcome.Description = Text.Clean(input.Description);
        outcome.Metric = Text.Clean(input.Metric);
        outcome.Baseline = Text.Clean(input.Baseline);
        outcome.Target = Text.Clean(input.Target);
        outcome.BaselineValue = input.BaselineValue;
        outcome.TargetValue = input.TargetValue;
        outcome.TargetDate = input.TargetDate is { } date ? DateOnly.FromDateTime(date) : null;
        outcome.PersonaId = input.PersonaId;
        outcome.Features.Clear();
        outcome.Features.AddRange(features);
        return ServiceResult.Ok();
    }

    private static void Apply(OutcomeMeasurement measurement, MeasurementInput input)
    {
        measurement.MeasuredOn = DateOnly.FromDateTime(input.MeasuredOn!.Value);
        measurement.Value = input.Value!.Value;
        measurement.Note = Text.Clean(input.Note);
    }

    /// <summary>The reading, with its outcome (the write path needs it to know the plan), when both are this plan's.</summary>
    private static Task<OutcomeMeasurement?> FindMeasurementAsync(PlanWrite w, int outcomeId, int measurementId, CancellationToken ct) =>
        w.Db.OutcomeMeasurements.Include(m => m.Outcome)
            .FirstOrDefaultAsync(m => m.Id == measurementId && m.OutcomeId == outcomeId && m.Outcome!.PlanId == w.PlanId, ct);

    private static async Task<OutcomeOptions> OptionsAsync(PlannerDbContext db, int planId, CancellationToken ct) => new(
        await db.Personas.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => new LinkedItem(p.Id, p.Name)).ToListAsync(ct),
        await db.Features.AsNoTracking().Where(f => f.PlanId == planId).OrderBy(f => f.Title).ThenBy(f => f.Id).Select(f => new LinkedItem(f.Id, f.Title)).ToListAsync(ct));

    private static async Task<List<OutcomeDetails>> ReadAsync(PlannerDbContext db, IQueryable<TargetOutcome> outcomes, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var rows = await outcomes.AsNoTracking().OrderBy(o => o.Order).ThenBy(o => o.Id)
            .Select(o => new
            {
                o.Id, o.Description, o.Metric, o.Baseline, o.Target, o.BaselineValue, o.TargetValue, o.TargetDate, o.Version, o.CreatedAt,
                Persona = o.Persona == null ? null : new LinkedItem(o.Persona.Id, o.Persona.Name),
                Features = o.Features.OrderBy(f => f.Title).Select(f => new LinkedItem(f.Id, f.Title)).ToList(),
                Measurements = o.Measurements.OrderBy(m => m.MeasuredOn).ThenBy(m => m.Id).Select(m => new MeasurementView(m.Id, m.MeasuredOn, m.Value, m.Note)).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        return rows.Select(o => new OutcomeDetails(o.Id, o.Description, o.Metric, o.Baseline, o.Target, o.BaselineValue, o.TargetValue, o.TargetDate,
                o.Persona, o.Features, o.Measurements, o.Version,
                OutcomeProgress.Of(o.BaselineValue, o.TargetValue, o.TargetDate, o.Measurements.Select(m => new ProgressPoint(m.MeasuredOn, m.Value)).ToList(),
                    DateOnly.FromDateTime(o.CreatedAt), today)))
            .ToList();
    }
}
