using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Problems;

namespace MvpPlanner.Web.Features.Api;

/// <summary>A problem, with the personas who have it and the features that address it.</summary>
/// <param name="HasNoPersona">True when every persona who had it was deleted: the problem waits to be re-homed.</param>
public sealed record ProblemResource(int Id, string Statement, int Severity, ProblemFrequency Frequency, string Evidence, int Version,
    IReadOnlyList<LinkedItem> Personas, IReadOnlyList<LinkedItem> Features, bool HasNoPersona);

/// <summary>A new problem, tied to at least one of the plan's personas.</summary>
public sealed record ProblemCreateRequest(
    string Statement,
    [property: Description("1 (minor) to 5 (blocking); 3 when left out.")] int? Severity,
    [property: Description("How often it happens; Weekly when left out.")] ProblemFrequency? Frequency,
    string? Evidence,
    [property: Description("The personas who have it (GET /personas); at least one.")] IReadOnlyList<int>? PersonaIds);

/// <summary>A problem's editable fields, all of them, with the whole set of its personas.</summary>
public sealed record ProblemUpdateRequest(
    string Statement,
    [property: Description("1 (minor) to 5 (blocking); 3 when left out.")] int? Severity,
    [property: Description("How often it happens; Weekly when left out.")] ProblemFrequency? Frequency,
    string? Evidence,
    [property: Description("The personas who have it (GET /personas); at least one.")] IReadOnlyList<int>? PersonaIds);

public static class ProblemsApi
{
    public static RouteGroupBuilder MapProblemsApi(this RouteGroupBuilder api)
    {
        ApiExamples.Add(new ProblemCreateRequest("Finding a tool nearby takes too long", 4, ProblemFrequency.Weekly,
            "5 of 8 interviewees gave up and bought one.", [1]));
        ApiExamples.Add(new ProblemUpdateRequest("Finding a tool nearby takes too long", 4, ProblemFrequency.Weekly,
            "5 of 8 interviewees gave up and bought one.", [1]));
        ApiExamples.Add(new ProblemResource(7, "Finding a tool nearby takes too long", 4, ProblemFrequency.Weekly, "5 of 8 interviewees gave up and bought one.", 2,
            [new LinkedItem(12, "Busy parent")], [new LinkedItem(31, "Tool catalogue with search")], false));

        var problems = api.MapGroup("/plans/{planId:int}/problems").WithTags("Problems");
        problems.MapGet("/", ListAsync).WithName("ListProblems")
            .WithSummary("The plan's problems, most severe first, with their personas and the features that address them")
            .ProducesProblem(StatusCodes.Status404NotFound);
        problems.MapPost("/", CreateAsync).WithName("CreateProblem").WithSummary("Add a problem for one or more personas (editors and owners)")
            .Produces<ProblemResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        problems.MapGet("/{problemId:int}", GetAsync).WithName("GetProblem").WithSummary("One problem, with its ETag")
            .ProducesProblem(StatusCodes.Status404NotFound);
        problems.MapPut("/{problemId:int}", UpdateAsync).WithName("UpdateProblem")
            .WithSummary("Change a problem and the set of personas who have it (If-Match required)")
            .Produces<ProblemResource>().WithVersionProblems();
        problems.MapDelete("/{problemId:int}", DeleteAsync).WithName("DeleteProblem")
            .WithSummary("Move a problem to the plan's trash (If-Match required); features that addressed it stay")
            .WithVersionProblems(ok: StatusCodes.Status204NoContent);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<ProblemResource>>, ProblemHttpResult>> ListAsync(int planId, ProblemService service, CancellationToken ct) =>
        await service.TryListAsync(planId, ct) is { } problems
            ? TypedResults.Ok<IReadOnlyList<ProblemResource>>([.. problems.Select(ToResource)])
            : ApiProblems.NotFound("There is no plan with this id in the workspaces the token reaches.");

    private static async Task<Results<Ok<ProblemResource>, ProblemHttpResult>> GetAsync(int planId, int problemId, HttpContext context, ProblemService service, CancellationToken ct)
    {
        var problem = await service.GetAsync(planId, problemId, ct);
        if (problem is null)
        {
            return ApiProblems.NotFound("There is no problem with this id in this plan, or the token does not reach the plan.");
        }

        context.Response.Headers.ETag = ApiVersions.ETag(problem.Version);
        return TypedResults.Ok(ToResource(problem));
    }

    private static async Task<IResult> CreateAsync(int planId, ProblemCreateRequest request, HttpContext context, ProblemService service, CancellationToken ct)
    {
        var created = await service.CreateAsync(planId, ToInput(request.Statement, request.Severity, request.Frequency, request.Evidence, request.PersonaIds, 0), ct);
        if (!created.Succeeded)
        {
            return ApiProblems.From(created);
        }

        var problem = await service.GetAsync(planId, created.Value, ct);
        if (problem is null)
        {
            return ApiProblems.NotFound("The problem was added but deleted again at once.");
        }

        context.Response.Headers.ETag = ApiVersions.ETag(problem.Version);
        return TypedResults.Created($"{ApiSetup.Prefix}/plans/{planId}/problems/{problem.Id}", ToResource(problem));
    }

    private static async Task<IResult> UpdateAsync(int planId, int problemId, ProblemUpdateRequest request, HttpContext context, ProblemService service, CancellationToken ct)
    {
        if (!ApiVersions.TryReadIfMatch(context.Request, out var version, out var problem))
        {
            return problem!;
        }

        var result = await service.UpdateAsync(planId, problemId,
            ToInput(request.Statement, request.Severity, request.Frequency, request.Evidence, request.PersonaIds, version), ct);
        return result.Succeeded ? await GetAsync(planId, problemId, context, service, ct) : ApiProblems.From(result);
    }

    private static async Task<IResult> DeleteAsync(int planId, int problemId, HttpContext context, ProblemService service, CancellationToken ct)
    {
        if (!ApiVersions.TryReadIfMatch(context.Request, out var version, out var problem))
        {
            return problem!;
        }

        var result = await service.DeleteAsync(planId, problemId, version, ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiProblems.From(result);
    }

    private static ProblemInput ToInput(string? statement, int? severity, ProblemFrequency? frequency, string? evidence, IReadOnlyList<int>? personaIds, int version) => new()
    {
        Statement = statement ?? "",
        Severity = severity ?? 3,
        Frequency = frequency ?? ProblemFrequency.Weekly,
        Evidence = evidence ?? "",
        PersonaIds = personaIds ?? [],
        Version = version,
    };

    private static ProblemResource ToResource(ProblemView p) =>
        new(p.Id, p.Statement, p.Severity, p.Frequency, p.Evidence, p.Version, p.Personas, p.Features, p.HasNoPersona);
}
