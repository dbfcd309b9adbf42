using Microsoft.AspNetCore.Http.HttpResults;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Web.Features.Api;

/// <summary>A dated point on the roadmap (a launch, the start of the pilot, a go/no-go meeting), optionally in one lane.</summary>
public sealed record MilestoneResource(int Id, string Name, DateOnly Date, MilestoneKind Kind, int? LaneId, string? LaneName, string Notes, int Version);

public sealed record MilestoneCreateRequest(string Name, DateOnly? Date, MilestoneKind? Kind, int? LaneId, string? Notes);

/// <summary>All of a milestone's editable fields: what is left out becomes empty.</summary>
public sealed record MilestoneUpdateRequest(string Name, DateOnly? Date, MilestoneKind? Kind, int? LaneId, string? Notes);

public static class MilestonesApi
{
    public static RouteGroupBuilder MapMilestonesApi(this RouteGroupBuilder api)
    {
        ApiExamples.Add(new MilestoneCreateRequest("Pilot starts", new DateOnly(2026, 9, 1), MilestoneKind.PilotStart, null, "Ten households in Elm Street."));
        ApiExamples.Add(new MilestoneUpdateRequest("Pilot starts", new DateOnly(2026, 9, 15), MilestoneKind.PilotStart, null, "Ten households in Elm Street."));
        ApiExamples.Add(new MilestoneResource(7, "Pilot starts", new DateOnly(2026, 9, 1), MilestoneKind.PilotStart, 2, "Development", "Ten households in Elm Street.", 1));

        var milestones = api.MapGroup("/plans/{planId:int}/milestones").WithTags("Milestones");
        milestones.MapGet("/", ListAsync).WithName("ListMilestones").WithSummary("The plan's milestones, by date")
            .ProducesProblem(StatusCodes.Status404NotFound);
        milestones.MapGet("/{milestoneId:int}", GetAsync).WithName("GetMilestone").WithSummary("One milestone, with its ETag")
            .ProducesProblem(StatusCodes.Status404NotFound);
        milestones.MapPost("/", CreateAsync).WithName("CreateMilestone").WithSummary("Add a milestone (editors and owners)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        milestones.MapPut("/{milestoneId:int}", UpdateAsync).WithName("UpdateMilestone")
            .WithSummary("Change a milestone's name, date, kind, lane and notes (If-Match required)").WithVersionProblems();
        milestones.MapDelete("/{milestoneId:int}", DeleteAsync).WithName("DeleteMilestone")
            .WithSummary("Move a milestone to the plan's trash (If-Match required)").WithVersionProblems(ok: StatusCodes.Status204NoContent);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<MilestoneResource>>, ProblemHttpResult>> ListAsync(int planId, MilestoneService service, PlanWriter writer, CancellationToken ct)
    {
        var milestones = await service.ListAsync(planId, ct);
        if (milestones.Count == 0 && !await FeaturesApi.CanReadPlanAsync(writer, planId, ct))
        {
            return ApiProblems.NotFound("There is no plan with this id in the workspaces the token reaches.");
        }

        return TypedResults.Ok<IReadOnlyList<MilestoneResource>>([.. milestones.Select(ToResource)]);
    }

    private static async Task<Results<Ok<MilestoneResource>, ProblemHttpResult>> GetAsync(int planId, int milestoneId, HttpContext context, MilestoneService service, CancellationToken ct)
    {
        var milestone = await service.GetAsync(planId, milestoneId, ct);
        if (milestone is null)
        {
            return ApiProblems.NotFound("There is no milestone with this id in this plan, or the token does not reach the plan.");
        }

        context.Response.Headers.ETag = ApiVersions.ETag(milestone.Version);
        return TypedResults.Ok(ToResource(milestone));
    }

    private static async Task<IResult> CreateAsync(int planId, MilestoneCreateRequest request, HttpContext context, MilestoneService service, CancellationToken ct)
    {
        var created = await service.CreateAsync(planId, ToInput(request.Name, request.Date, request.Kind, request.LaneId, request.Notes, 0), ct);
        if (!created.Succeeded)
        {
            return ApiProblems.From(created);
        }

        var milestone = (await service.GetAsync(planId, created.Value, ct))!;
        context.Response.Headers.ETag = ApiVersions.ETag(milestone.Version);
        return TypedResults.Created($"{ApiSetup.Prefix}/plans/{planId}/milestones/{milestone.Id}", ToResource(milestone));
    }

    private static async Task<IResult> UpdateAsync(int planId, int milestoneId, MilestoneUpdateRequest request, HttpContext context, MilestoneService service, CancellationToken ct)
    {
        if (!ApiVersions.TryReadIfMatch(context.Request, out var version, out var problem))
        {
            return problem!;
        }

        var result = await service.UpdateAsync(planId, milestoneId, ToInput(request.Name, request.Date, request.Kind, request.LaneId, request.Notes, version), ct);
        return result.Succeeded ? await GetAsync(planId, milestoneId, context, service, ct) : ApiProblems.From(result);
    }

    private static async Task<IResult> DeleteAsync(int planId, int milestoneId, HttpContext context, MilestoneService service, CancellationToken ct)
    {
        if (!ApiVersions.TryReadIfMatch(context.Request, out var version, out var problem))
        {
            return problem!;
        }

        var result = await service.DeleteAsync(planId, milestoneId, version, ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiProblems.From(result);
    }

    private static MilestoneInput ToInput(string? name, DateOnly? date, MilestoneKind? kind, int? laneId, string? notes, int version) => new()
    {
        Name = name ?? "",
        Date = date?.ToDateTime(TimeOnly.MinValue),
        Kind = kind ?? MilestoneKind.Launch,
        LaneId = laneId,
        Notes = notes ?? "",
        Version = version,
    };

    private static MilestoneResource ToResource(MilestoneView m) => new(m.Id, m.Name, m.Date, m.Kind, m.LaneId, m.LaneName, m.Notes, m.Version);
}
