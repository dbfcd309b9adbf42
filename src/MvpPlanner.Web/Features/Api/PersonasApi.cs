using Microsoft.AspNetCore.Http.HttpResults;
using MvpPlanner.Core.Personas;

namespace MvpPlanner.Web.Features.Api;

/// <summary>A persona, with the problems they have and the version its ETag carries.</summary>
public sealed record PersonaResource(int Id, string Name, string UserGroup, string Goals, string Pains, string Context, int Version,
    IReadOnlyList<LinkedItem> Problems);

/// <summary>A new persona. Problems are tied to personas from the problem's side (POST /problems with personaIds).</summary>
public sealed record PersonaCreateRequest(string Name, string? UserGroup, string? Goals, string? Pains, string? Context);

/// <summary>A persona's editable fields, all of them: what is left out becomes empty.</summary>
public sealed record PersonaUpdateRequest(string Name, string? UserGroup, string? Goals, string? Pains, string? Context);

public static class PersonasApi
{
    public static RouteGroupBuilder MapPersonasApi(this RouteGroupBuilder api)
    {
        ApiExamples.Add(new PersonaCreateRequest("Busy parent", "Families in the neighbourhood", "Fix things at home without buying tools used once.",
            "Tools are expensive and clutter the flat.", "Evenings and weekends, on the phone."));
        ApiExamples.Add(new PersonaUpdateRequest("Busy parent", "Families in the neighbourhood", "Fix things at home without buying tools used once.",
            "Tools are expensive and clutter the flat.", "Evenings and weekends, on the phone."));
        ApiExamples.Add(new PersonaResource(12, "Busy parent", "Families in the neighbourhood", "Fix things at home without buying tools used once.",
            "Tools are expensive and clutter the flat.", "Evenings and weekends, on the phone.", 3, [new LinkedItem(7, "Finding a tool nearby takes too long")]));

        var personas = api.MapGroup("/plans/{planId:int}/personas").WithTags("Personas");
        personas.MapGet("/", ListAsync).WithName("ListPersonas").WithSummary("The plan's personas, by name, with the problems each has")
            .ProducesProblem(StatusCodes.Status404NotFound);
        personas.MapPost("/", CreateAsync).WithName("CreatePersona").WithSummary("Add a persona (editors and owners)")
            .Produces<PersonaResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        personas.MapGet("/{personaId:int}", GetAsync).WithName("GetPersona").WithSummary("One persona, with its ETag")
            .ProducesProblem(StatusCodes.Status404NotFound);
        personas.MapPut("/{personaId:int}", UpdateAsync).WithName("UpdatePersona").WithSummary("Change a persona (If-Match required)")
            .Produces<PersonaResource>().WithVersionProblems();
        personas.MapDelete("/{personaId:int}", DeleteAsync).WithName("DeletePersona")
            .WithSummary("Move a persona to the plan's trash (If-Match required); their problems stay")
            .WithVersionProblems(ok: StatusCodes.Status204NoContent);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<PersonaResource>>, ProblemHttpResult>> ListAsync(int planId, PersonaService service, CancellationToken ct) =>
        await service.TryListAsync(planId, ct) is { } personas
            ? TypedResults.Ok<IReadOnlyList<PersonaResource>>([.. personas.Select(ToResource)])
            : ApiProblems.NotFound("There is no plan with this id in the workspaces the token reaches.");

    private static async Task<Results<Ok<PersonaResource>, ProblemHttpResult>> GetAsync(int planId, int personaId, HttpContext context, PersonaService service, CancellationToken ct)
    {
        var persona = await service.GetAsync(planId, personaId, ct);
        if (persona is null)
        {
            return ApiProblems.NotFound("There is no persona with this id in this plan, or the token does not reach the plan.");
        }

        context.Response.Headers.ETag = ApiVersions.ETag(persona.Version);
        return TypedResults.Ok(ToResource(persona));
    }

    private static async Task<IResult> CreateAsync(int planId, PersonaCreateRequest request, HttpContext context, PersonaService service, CancellationToken ct)
    {
        var created = await service.CreateAsync(planId, ToInput(request.Name, request.UserGroup, request.Goals, request.Pains, request.Context, 0), ct);
        if (!created.Succeeded)
        {
            return ApiProblems.From(created);
        }

        var persona = await service.GetAsync(planId, created.Value, ct);
        if (persona is null)
        {
            return ApiProblems.NotFound("The persona was added but deleted again at once.");
        }

        context.Response.Headers.ETag = ApiVersions.ETag(persona.Version);
        return TypedResults.Created($"{ApiSetup.Prefix}/plans/{planId}/personas/{persona.Id}", ToResource(persona));
    }

    private static async Task<IResult> UpdateAsync(int planId, int personaId, PersonaUpdateRequest request, HttpContext context, PersonaService service, CancellationToken ct)
    {
        if (!ApiVersions.TryReadIfMatch(context.Request, out var version, out var problem))
        {
            return problem!;
        }

        var result = await service.UpdateAsync(planId, personaId, ToInput(request.Name, request.UserGroup, request.Goals, request.Pains, request.Context, version), ct);
        return result.Succeeded ? await GetAsync(planId, personaId, context, service, ct) : ApiProblems.From(result);
    }

    private static async Task<IResult> DeleteAsync(int planId, int personaId, HttpContext context, PersonaService service, CancellationToken ct)
    {
        if (!ApiVersions.TryReadIfMatch(context.Request, out var version, out var problem))
        {
            return problem!;
        }

        var result = await service.DeleteAsync(planId, personaId, version, ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiProblems.From(result);
    }

    private static PersonaInput ToInput(string? name, string? userGroup, string? goals, string? pains, string? context, int version) => new()
    {
        Name = name ?? "",
        UserGroup = userGroup ?? "",
        Goals = goals ?? "",
        Pains = pains ?? "",
        Context = context ?? "",
        Version = version,
    };

    private static PersonaResource ToResource(PersonaView p) => new(p.Id, p.Name, p.UserGroup, p.Goals, p.Pains, p.Context, p.Version, p.Problems);
}
