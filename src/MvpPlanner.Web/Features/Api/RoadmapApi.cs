using Microsoft.AspNetCore.Http.HttpResults;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Web.Features.Api;

/// <summary>A column of the roadmap: a stretch of time with a goal and the criteria to leave it.</summary>
public sealed record PhaseResource(int Id, string Name, int Order, DateOnly? StartDate, DateOnly? EndDate, string Goal, string ExitCriteria, int Version);

/// <summary>A new roadmap phase; it goes last.</summary>
public sealed record PhaseCreateRequest(string Name, DateOnly? StartDate, DateOnly? EndDate, string? Goal, string? ExitCriteria);

/// <summary>All of a phase's editable fields: what is left out becomes empty.</summary>
public sealed record PhaseUpdateRequest(string Name, DateOnly? StartDate, DateOnly? EndDate, string? Goal, string? ExitCriteria);

/// <summary>A row of the roadmap: a kind of work (design, development, communication, go-to-market).</summary>
public sealed record LaneResource(int Id, string Name, int Order, int Version);

/// <summary>A new lane; it goes last.</summary>
public sealed record LaneCreateRequest(string Name);

public sealed record LaneUpdateRequest(string Name);

/// <summary>A new position for a phase or lane: 0 first; past the end puts it last.</summary>
public sealed record RoadmapMoveRequest(int Index);

/// <summary>The roadmap as Now / Next / Later, as of today: the phases each horizon covers and their features (Later also
/// holds the unscheduled ones), and the phases already done.</summary>
public sealed record HorizonsResource(DateOnly Today, IReadOnlyList<HorizonColumnResource> Columns, IReadOnlyList<HorizonDoneResource> Done);

public sealed record HorizonColumnResource(Horizon Horizon, IReadOnlyList<int> PhaseIds, bool IncludesUnscheduled, IReadOnlyList<HorizonFeatureResource> Features);

public sealed record HorizonFeatureResource(int Id, string Title, Moscow Moscow, FeatureStatus Status, int? PhaseId, string? LaneName, double? RiceScore);

/// <summary>A phase before Now, summed up by what became of its features.</summary>
public sealed record HorizonDoneResource(int PhaseId, string Name, int Shipped, int Dropped, int Open);

public static class RoadmapApi
{
    public static RouteGroupBuilder MapRoadmapApi(this RouteGroupBuilder api)
    {
        ApiExamples.Add(new PhaseCreateRequest("Pilot", new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 31), "Ten households borrow weekly.", "Half of them borrow twice."));
        ApiExamples.Add(new PhaseUpdateRequest("Pilot", new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 30), "Ten households borrow weekly.", "Half of them borrow twice."));
        ApiExamples.Add(new PhaseResource(4, "Pilot", 2, new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 31), "Ten households borrow weekly.", "Half of them borrow twice.", 3));
        ApiExamples.Add(new LaneCreateRequest("Partnerships"));
        ApiExamples.Add(new LaneUpdateRequest("Partnerships and sponsors"));
        ApiExamples.Add(new LaneResource(6, "Partnerships", 4, 1));
        ApiExamples.Add(new RoadmapMoveRequest(0));

        var phases = api.MapGroup("/plans/{planId:int}/phases").WithTags("Roadmap");
        phases.MapGet("/", ListPhasesAsync).WithName("ListPhases").WithSummary("The plan's roadmap phases, in order")
            .ProducesProblem(StatusCodes.Status404NotFound);
        phases.MapGet("/{phaseId:int}", GetPhaseAsync).WithName("GetPhase").WithSummary("One roadmap phase, with its ETag")
            .ProducesProblem(StatusCodes.Status404NotFound);
        phases.MapPost("/", CreatePhaseAsync).WithName("CreatePhase").WithSummary("Add a roadmap phase at the end (editors and owners)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        phases.MapPut("/{phaseId:int}", UpdatePhaseAsync).WithName("UpdatePhase")
            .WithSummary("Change a phase's name, dates, goal and exit criteria (If-Match required)").WithVersionProblems();
        phases.MapPost("/{phaseId:int}/move", (int planId, int phaseId, RoadmapMoveRequest request, HttpContext context, RoadmapService roadmap, CancellationToken ct) =>
                MoveAsync(planId, phaseId, request, roadmap.MovePhaseAsync, async () => await GetPhaseAsync(planId, phaseId, context, roadmap, ct), ct))
            .WithName("MovePhase").WithSummary("Put a phase at another position on the roadmap (0 first)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        phases.MapDelete("/{phaseId:int}", DeletePhaseAsync).WithName("DeletePhase")
            .WithSummary("Move a phase to the trash; its features become unscheduled (If-Match required)").WithVersionProblems(ok: StatusCodes.Status204NoContent);

        var lanes = api.MapGroup("/plans/{planId:int}/lanes").WithTags("Roadmap");
        lanes.MapGet("/", ListLanesAsync).WithName("ListLanes").WithSummary("The plan's roadmap lanes, in order")
            .ProducesProblem(StatusCodes.Status404NotFound);
        lanes.MapGet("/{laneId:int}", GetLaneAsync).WithName("GetLane").WithSummary("One lane, with its ETag")
            .ProducesProblem(StatusCodes.Status404NotFound);
        lanes.MapPost("/", CreateLaneAsync).WithName("CreateLane").WithSummary("Add a lane at the bottom (editors and owners)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        lanes.MapPut("/{laneId:int}", UpdateLaneAsync).WithName("UpdateLane").WithSummary("Rename a lane (If-Match required)").WithVersionProblems();
        lanes.MapPost("/{laneId:int}/move", (int planId, int laneId, RoadmapMoveRequest request, HttpContext context, RoadmapService roadmap, CancellationToken ct) =>
                MoveAsync(planId, laneId, request, roadmap.MoveLaneAsync, async () => await GetLaneAsync(planId, laneId, context, roadmap, ct), ct))
            .WithName("MoveLane").WithSummary("Put a lane at another position on the roadmap (0 first)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        lanes.MapDelete("/{laneId:int}", DeleteLaneAsync).WithName("DeleteLane")
            .WithSummary("Move a lane to the trash; its features stay in their phase without a lane (If-Match required)").WithVersionProblems(ok: StatusCodes.Status204NoContent);
        api.MapGet("/plans/{planId:int}/horizons", GetHorizonsAsync).WithTags("Roadmap").WithName("GetHorizons")
            .WithSummary("The roadmap as Now / Next / Later, as of today").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> MoveAsync(int planId, int id, RoadmapMoveRequest request, Func<int, int, int, CancellationToken, Task<MvpPlanner.Core.Common.ServiceResult>> move,
        Func<Task<IResult>> reread, CancellationToken ct)
    {
        if (request.Index < 0)
        {
            return FeaturesApi.InvalidQuery("index", "Positions start at 0.");
        }

        var result = await move(planId, id, request.Index, ct);
        return result.Succeeded ? await reread() : ApiProblems.From(result, versionChecked: false);
    }

    private static async Task<Results<Ok<HorizonsResource>, ProblemHttpResult>> GetHorizonsAsync(int planId, HorizonService horizons, CancellationToken ct)
    {
        var board = await horizons.GetAsync(planId, ct);
        if (board is null)
        {
            return ApiProblems.NotFound("There is no plan with this id in the workspaces the token reaches.");
        }

        return TypedResults.Ok(new HorizonsResource(board.Today,
            [.. board.Columns.Select(c => new HorizonColumnResource(c.Horizon, [.. c.Phases.Select(p => p.Id)], c.IncludesUnscheduled,
                [.. c.Cards.Select(f => new HorizonFeatureResource(f.Id, f.Title, f.Moscow, f.Status, f.PhaseId, f.LaneName, f.RiceScore))]))],
            [.. board.Done.Select(d => new HorizonDoneResource(d.Phase.Id, d.Phase.Name, d.Shipped, d.Dropped, d.Open))]));
    }

    private static async Task<Results<Ok<IReadOnlyList<PhaseResource>>, ProblemHttpResult>> ListPhasesAsync(int planId, RoadmapService roadmap, CancellationToken ct) =>
        await roadmap.GetStructureAsync(planId, ct) is { } board
            ? TypedResults.Ok<IReadOnlyList<PhaseResource>>([.. board.Phases.Select(ToResource)])
            : ApiProblems.NotFound("There is no plan with this id in the workspaces the token reaches.");

    private static async Task<Results<Ok<PhaseResource>, ProblemHttpResult>> GetPhaseAsync(int planId, int phaseId, HttpContext context, RoadmapService roadmap, CancellationToken ct)
    {
        var phase = (await roadmap.GetStructureAsync(planId, ct))?.Phases.FirstOrDefault(p => p.Id == phaseId);
        if (phase is null)
        {
            return ApiProblems.NotFound("There is no roadmap phase with this id in this plan, or the token does not reach the plan.");
        }

        context.Response.Headers.ETag = ApiVersions.ETag(phase.Version);
        return TypedResults.Ok(ToResource(phase));
    }

    private static async Task<IResult> CreatePhaseAsync(int planId, PhaseCreateRequest request, HttpContext context, RoadmapService roadmap, CancellationToken ct)
    {
        var created = await roadmap.AddPhaseAsync(planId, ToInput(request.Name, request.StartDate, request.EndDate, request.Goal, request.ExitCriteria, 0), ct);
        if (!created.Succeeded)
        {
            return ApiProblems.From(created);
        }

        var phase = (await roadmap.GetStructureAsync(planId, ct))!.Phases.First(p => p.Id == created.Value);
        context.Response.Headers.ETag = ApiVersions.ETag(phase.Version);
        return TypedResults.Created($"{ApiSetup.Prefix}/plans/{planId}/phases/{phase.Id}", ToResource(phase));
    }

    private static async Task<IResult> UpdatePhaseAsync(int planId, int phaseId, PhaseUpdateRequest request, HttpContext context, RoadmapService roadmap, CancellationToken ct)
    {
        if (!ApiVersions.TryReadIfMatch(context.Request, out var version, out var problem))
        {
            return problem!;
        }

        var result = await roadmap.UpdatePhaseAsync(planId, phaseId, ToInput(request.Name, request.StartDate, request.EndDate, request.Goal, request.ExitCriteria, version), ct);
        return result.Succeeded ? await GetPhaseAsync(planId, phaseId, context, roadmap, ct) : ApiProblems.From(result);
    }

    private static async Task<IResult> DeletePhaseAsync(int planId, int phaseId, HttpContext context, RoadmapService roadmap, CancellationToken ct)
    {
        if (!ApiVersions.TryReadIfMatch(context.Request, out var version, out var problem))
        {
            return problem!;
        }

        var result = await roadmap.DeletePhaseAsync(planId, phaseId, version, ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiProblems.From(result);
    }

    private static async Task<Results<Ok<IReadOnlyList<LaneResource>>, ProblemHttpResult>> ListLanesAsync(int planId, RoadmapService roadmap, CancellationToken ct) =>
        await roadmap.GetStructureAsync(planId, ct) is { } board
            ? TypedResults.Ok<IReadOnlyList<LaneResource>>([.. board.Lanes.Select(ToResource)])
            : ApiProblems.NotFound("There is no plan with this id in the workspaces the token reaches.");

    private static async Task<Results<Ok<LaneResource>, ProblemHttpResult>> GetLaneAsync(int planId, int laneId, HttpContext context, RoadmapService roadmap, CancellationToken ct)
    {
        var lane = (await roadmap.GetStructureAsync(planId, ct))?.Lanes.FirstOrDefault(l => l.Id == laneId);
        if (lane is null)
        {
            return ApiProblems.NotFound("There is no lane with this id in this plan, or the token does not reach the plan.");
        }

        context.Response.Headers.ETag = ApiVersions.ETag(lane.Version);
        return TypedResults.Ok(ToResource(lane));
    }

    private static async Task<IResult> CreateLaneAsync(int planId, LaneCreateRequest request, HttpContext context, RoadmapService roadmap, CancellationToken ct)
    {
        var created = await roadmap.AddLaneAsync(planId, new LaneInput { Name = request.Name ?? "" }, ct);
        if (!created.Succeeded)
        {
            return ApiProblems.From(created);
        }

        var lane = (await roadmap.GetStructureAsync(planId, ct))!.Lanes.First(l => l.Id == created.Value);
        context.Response.Headers.ETag = ApiVersions.ETag(lane.Version);
        return TypedResults.Created($"{ApiSetup.Prefix}/plans/{planId}/lanes/{lane.Id}", ToResource(lane));
    }

    private static async Task<IResult> UpdateLaneAsync(int planId, int laneId, LaneUpdateRequest request, HttpContext context, RoadmapService roadmap, CancellationToken ct)
    {
        if (!ApiVersions.TryReadIfMatch(context.Request, out var version, out var problem))
        {
            return problem!;
        }

        var result = await roadmap.UpdateLaneAsync(planId, laneId, new LaneInput { Name = request.Name ?? "", Version = version }, ct);
        return result.Succeeded ? await GetLaneAsync(planId, laneId, context, roadmap, ct) : ApiProblems.From(result);
    }

    private static async Task<IResult> DeleteLaneAsync(int planId, int laneId, HttpContext context, RoadmapService roadmap, CancellationToken ct)
    {
        if (!ApiVersions.TryReadIfMatch(context.Request, out var version, out var problem))
        {
            return problem!;
        }

        var result = await roadmap.DeleteLaneAsync(planId, laneId, version, ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiProblems.From(result);
    }

    private static PhaseInput ToInput(string? name, DateOnly? start, DateOnly? end, string? goal, string? exitCriteria, int version) => new()
    {
        Name = name ?? "",
        StartDate = start?.ToDateTime(TimeOnly.MinValue),
        EndDate = end?.ToDateTime(TimeOnly.MinValue),
        Goal = goal ?? "",
        ExitCriteria = exitCriteria ?? "",
        Version = version,
    };

    private static PhaseResource ToResource(PhaseView p) => new(p.Id, p.Name, p.Order, p.StartDate, p.EndDate, p.Goal, p.ExitCriteria, p.Version);

    private static LaneResource ToResource(LaneView l) => new(l.Id, l.Name, l.Order, l.Version);
}
