using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Web.Features.Api;

/// <summary>A target outcome with its readings (oldest first) and where it stands against its target.</summary>
public sealed record OutcomeResource(
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
    IReadOnlyList<OutcomeMeasurementResource> Measurements,
    OutcomeProgressResource Progress,
    int Version);

/// <summary>How far the latest reading has come from baseline to target (share 1 = there) and whether that is on track.</summary>
public sealed record OutcomeProgressResource(ProgressStatus Status, bool HigherIsBetter, DateOnly? LatestOn, decimal? LatestValue, decimal? Share, decimal? Expected);

/// <summary>One reading of an outcome's metric. Readings carry no version: they are corrected or deleted as a whole.</summary>
public sealed record OutcomeMeasurementResource(int Id, DateOnly MeasuredOn, decimal Value, string Note);

/// <summary>A new target outcome: the change in behaviour, its metric and target; numbers and a date make it trackable.</summary>
public sealed record OutcomeCreateRequest(
    string Description,
    string Metric,
    string? Baseline,
    string Target,
    [property: Description("The baseline as a number, for the chart and the on/off-track status.")] decimal? BaselineValue,
    [property: Description("The target as a number; needed with a target date.")] decimal? TargetValue,
    DateOnly? TargetDate,
    [property: Description("The persona whose behaviour it is about (GET /personas), or null.")] int? PersonaId,
    [property: Description("The features expected to move it (GET /features).")] IReadOnlyList<int>? FeatureIds);

/// <summary>An outcome's editable fields, all of them: what is left out becomes empty.</summary>
public sealed record OutcomeUpdateRequest(
    string Description,
    string Metric,
    string? Baseline,
    string Target,
    decimal? BaselineValue,
    decimal? TargetValue,
    DateOnly? TargetDate,
    int? PersonaId,
    IReadOnlyList<int>? FeatureIds);

/// <summary>A reading of the outcome's metric on a day (new, or the corrected values of an existing one).</summary>
public sealed record OutcomeMeasurementRequest(DateOnly? MeasuredOn, decimal? Value, string? Note);

public static class OutcomesApi
{
    public static RouteGroupBuilder MapOutcomesApi(this RouteGroupBuilder api)
    {
        ApiExamples.Add(new OutcomeCreateRequest("Neighbours borrow instead of buying", "Loans per week", "0", "25 loans a week",
            0, 25, new DateOnly(2027, 6, 30), null, []));
        ApiExamples.Add(new OutcomeUpdateRequest("Neighbours borrow instead of buying", "Loans per week", "0", "30 loans a week",
            0, 30, new DateOnly(2027, 6, 30), null, []));
        ApiExamples.Add(new OutcomeMeasurementRequest(new DateOnly(2026, 11, 30), 12, "First month after launch"));
        ApiExamples.Add(new OutcomeMeasurementResource(41, new DateOnly(2026, 11, 30), 12, "First month after launch"));
        ApiExamples.Add(new OutcomeProgressResource(ProgressStatus.OnTrack, true, new DateOnly(2026, 11, 30), 12, 0.48m, 10.5m));
        ApiExamples.Add(new OutcomeResource(5, "Neighbours borrow instead of buying", "Loans per week", "0", "25 loans a week", 0, 25, new DateOnly(2027, 6, 30),
            new LinkedItem(12, "Busy parent"), [new LinkedItem(31, "Tool catalogue with search")],
            [new OutcomeMeasurementResource(41, new DateOnly(2026, 11, 30), 12, "First month after launch")],
            new OutcomeProgressResource(ProgressStatus.OnTrack, true, new DateOnly(2026, 11, 30), 12, 0.48m, 10.5m), 4));

        var outcomes = api.MapGroup("/plans/{planId:int}/outcomes").WithTags("Outcomes");
        outcomes.MapGet("/", ListAsync).WithName("ListOutcomes")
            .WithSummary("The plan's target outcomes in order, with their readings and whether each is on track")
            .ProducesProblem(StatusCodes.Status404NotFound);
        outcomes.MapPost("/", CreateAsync).WithName("CreateOutcome").WithSummary("Add a target outcome (editors and owners)")
            .Produces<OutcomeResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        outcomes.MapGet("/{outcomeId:int}", GetAsync).WithName("GetOutcome").WithSummary("One outcome with its readings, with its ETag")
            .ProducesProblem(StatusCodes.Status404NotFound);
        outcomes.MapPut("/{outcomeId:int}", UpdateAsync).WithName("UpdateOutcome").WithSummary("Change an outcome (If-Match required)")
            .Produces<OutcomeResource>().WithVersionProblems();
        outcomes.MapDelete("/{outcomeId:int}", DeleteAsync).WithName("DeleteOutcome")
            .WithSummary("Move an outcome and its readings to the plan's trash (If-Match required)")
            .WithVersionProblems(ok: StatusCodes.Status204NoContent);

        var measurements = outcomes.MapGroup("/{outcomeId:int}/measurements");
        measurements.MapGet("/", ListMeasurementsAsync).WithName("ListOutcomeMeasurements").WithSummary("An outcome's readings, oldest first")
            .ProducesProblem(StatusCodes.Status404NotFound);
        measurements.MapPost("/", AddMeasurementAsync).WithName("AddOutcomeMeasurement").WithSummary("Record a reading of the outcome's metric (editors and owners)")
            .Produces<OutcomeMeasurementResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        measurements.MapGet("/{measurementId:int}", GetMeasurementAsync).WithName("GetOutcomeMeasurement").WithSummary("One reading of an outcome")
            .ProducesProblem(StatusCodes.Status404NotFound);
        measurements.MapPut("/{measurementId:int}", CorrectMeasurementAsync).WithName("CorrectOutcomeMeasurement")
            .WithSummary("Correct a reading's date, value or note (readings have no ETag; no If-Match needed)")
            .Produces<OutcomeMeasurementResource>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        measurements.MapDelete("/{measurementId:int}", DeleteMeasurementAsync).WithName("DeleteOutcomeMeasurement")
            .WithSummary("Delete a reading (readings have no ETag; no If-Match needed)")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private const string NoOutcome = "There is no outcome with this id in this plan, or the token does not reach the plan.";

    private static async Task<Results<Ok<IReadOnlyList<OutcomeResource>>, ProblemHttpResult>> ListAsync(int planId, OutcomeService service, CancellationToken ct) =>
        await service.ListAsync(planId, ct) is { } view
            ? TypedResults.Ok<IReadOnlyList<OutcomeResource>>([.. view.Outcomes.Select(ToResource)])
            : ApiProblems.NotFound("There is no plan with this id in the workspaces the token reaches.");

    private static async Task<Results<Ok<OutcomeResource>, ProblemHttpResult>> GetAsync(int planId, int outcomeId, HttpContext context, OutcomeService service, CancellationToken ct)
    {
        var outcome = await service.GetAsync(planId, outcomeId, ct);
        if (outcome is null)
        {
            return ApiProblems.NotFound(NoOutcome);
        }

        context.Response.Headers.ETag = ApiVersions.ETag(outcome.Version);
        return TypedResults.Ok(ToResource(outcome));
    }

    private static async Task<IResult> CreateAsync(int planId, OutcomeCreateRequest request, HttpContext context, PlanService plans, OutcomeService service, CancellationToken ct)
    {
        var created = await plans.AddOutcomeAsync(planId, ToInput(request.Description, request.Metric, request.Baseline, request.Target, request.BaselineValue,
            request.TargetValue, request.TargetDate, request.PersonaId, request.FeatureIds, 0), ct);
        if (!created.Succeeded)
        {
            return ApiProblems.From(created);
        }

        var outcome = await service.GetAsync(planId, created.Value, ct);
        if (outcome is null)
        {
            return ApiProblems.NotFound("The outcome was added but deleted again at once.");
        }

        context.Response.Headers.ETag = ApiVersions.ETag(outcome.Version);
        return TypedResults.Created($"{ApiSetup.Prefix}/plans/{planId}/outcomes/{outcome.Id}", ToResource(outcome));
    }

    private static async Task<IResult> UpdateAsync(int planId, int outcomeId, OutcomeUpdateRequest request, HttpContext context, PlanService plans, OutcomeService service,
        CancellationToken ct)
    {
        if (!ApiVersions.TryReadIfMatch(context.Request, out var version, out var problem))
        {
            return problem!;
        }

        var result = await plans.UpdateOutcomeAsync(planId, outcomeId, ToInput(request.Description, request.Metric, request.Baseline, request.Target,
            request.BaselineValue, request.TargetValue, request.TargetDate, request.PersonaId, request.FeatureIds, version), ct);
        return result.Succeeded ? await GetAsync(planId, outcomeId, context, service, ct) : ApiProblems.From(result);
    }

    private static async Task<IResult> DeleteAsync(int planId, int outcomeId, HttpContext context, PlanService plans, CancellationToken ct)
    {
        if (!ApiVersions.TryReadIfMatch(context.Request, out var version, out var problem))
        {
            return problem!;
        }

        var result = await plans.DeleteOutcomeAsync(planId, outcomeId, version, ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiProblems.From(result);
    }

    private static async Task<Results<Ok<IReadOnlyList<OutcomeMeasurementResource>>, ProblemHttpResult>> ListMeasurementsAsync(int planId, int outcomeId,
        OutcomeService service, CancellationToken ct) =>
        await service.GetAsync(planId, outcomeId, ct) is { } outcome
            ? TypedResults.Ok<IReadOnlyList<OutcomeMeasurementResource>>([.. outcome.Measurements.Select(ToResource)])
            : ApiProblems.NotFound(NoOutcome);

    private static async Task<Results<Ok<OutcomeMeasurementResource>, ProblemHttpResult>> GetMeasurementAsync(int planId, int outcomeId, int measurementId,
        OutcomeService service, CancellationToken ct) =>
        (await service.GetAsync(planId, outcomeId, ct))?.Measurements.FirstOrDefault(m => m.Id == measurementId) is { } measurement
            ? TypedResults.Ok(ToResource(measurement))
            : ApiProblems.NotFound("There is no reading with this id for this outcome.");

    private static async Task<IResult> AddMeasurementAsync(int planId, int outcomeId, OutcomeMeasurementRequest request, OutcomeService service, CancellationToken ct)
    {
        var added = await service.AddMeasurementAsync(planId, outcomeId, ToInput(request), ct);
        if (!added.Succeeded)
        {
            return ApiProblems.From(added, versionChecked: false);
        }

        return await GetMeasurementAsync(planId, outcomeId, added.Value, service, ct) is { Result: Ok<OutcomeMeasurementResource> { Value: { } measurement } }
            ? TypedResults.Created($"{ApiSetup.Prefix}/plans/{planId}/outcomes/{outcomeId}/measurements/{measurement.Id}", measurement)
            : ApiProblems.NotFound("The reading was recorded but deleted again at once.");
    }

    private static async Task<IResult> CorrectMeasurementAsync(int planId, int outcomeId, int measurementId, OutcomeMeasurementRequest request, OutcomeService service,
        CancellationToken ct)
    {
        var result = await service.UpdateMeasurementAsync(planId, outcomeId, measurementId, ToInput(request), ct);
        return result.Succeeded ? await GetMeasurementAsync(planId, outcomeId, measurementId, service, ct) : ApiProblems.From(result, versionChecked: false);
    }

    private static async Task<IResult> DeleteMeasurementAsync(int planId, int outcomeId, int measurementId, OutcomeService service, CancellationToken ct)
    {
        var result = await service.DeleteMeasurementAsync(planId, outcomeId, measurementId, ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiProblems.From(result, versionChecked: false);
    }

    private static OutcomeInput ToInput(string? description, string? metric, string? baseline, string? target, decimal? baselineValue, decimal? targetValue,
        DateOnly? targetDate, int? personaId, IReadOnlyList<int>? featureIds, int version) => new()
    {
        Description = description ?? "",
        Metric = metric ?? "",
        Baseline = baseline ?? "",
        Target = target ?? "",
        BaselineValue = baselineValue,
        TargetValue = targetValue,
        TargetDate = targetDate?.ToDateTime(TimeOnly.MinValue),
        PersonaId = personaId,
        FeatureIds = featureIds ?? [],
        Version = version,
    };

    private static MeasurementInput ToInput(OutcomeMeasurementRequest request) => new()
    {
        MeasuredOn = request.MeasuredOn?.ToDateTime(TimeOnly.MinValue),
        Value = request.Value,
        Note = request.Note ?? "",
    };

    private static OutcomeMeasurementResource ToResource(MeasurementView m) => new(m.Id, m.MeasuredOn, m.Value, m.Note);

    private static OutcomeResource ToResource(OutcomeDetails o) => new(o.Id, o.Description, o.Metric, o.Baseline, o.Target, o.BaselineValue, o.TargetValue, o.TargetDate,
        o.Persona, o.Features, [.. o.Measurements.Select(ToResource)],
        new OutcomeProgressResource(o.Progress.Status, o.Progress.HigherIsBetter, o.Progress.Latest?.On, o.Progress.Latest?.Value, o.Progress.Share, o.Progress.Expected),
        o.Version);
}
