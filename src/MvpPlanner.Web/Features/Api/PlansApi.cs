using Microsoft.AspNetCore.Http.HttpResults;
using System.ComponentModel;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Web.Features.Api;

/// <summary>A plan as the API shows it in lists.</summary>
public sealed record PlanListItem(int Id, string Name, string Vision, bool IsArchived, DateTime UpdatedAt, ApiWorkspaceRef Workspace,
    WorkspaceRole MyRole, int PersonaCount, int ProblemCount, int FeatureCount);

public sealed record ApiWorkspaceRef(int Id, string Name);

/// <summary>One plan, with the version its ETag carries.</summary>
public sealed record PlanResource(int Id, string Name, string Vision, string ValueProposition, bool IsArchived, int Version, DateTime UpdatedAt,
    ApiWorkspaceRef Workspace, WorkspaceRole MyRole, int PersonaCount, int ProblemCount, int FeatureCount, int MvpFeatureCount);

/// <summary>What a new plan needs. It starts with the default roadmap phases, lanes and journey stages, as in the app.</summary>
public sealed record PlanCreateRequest(
    [property: Description("The workspace the plan goes into (GET /api/v1/workspaces).")] int WorkspaceId,
    string Name,
    string? Vision,
    string? ValueProposition);

/// <summary>A plan's editable fields, all of them: what is left out becomes empty.</summary>
public sealed record PlanUpdateRequest(string Name, string? Vision, string? ValueProposition);

public sealed record WorkspaceResource(int Id, string Name, bool IsPersonal, WorkspaceRole MyRole, int PlanCount);

public static class PlansApi
{
    public static RouteGroupBuilder MapPlansApi(this RouteGroupBuilder api)
    {
        ApiExamples.Add(new PlanCreateRequest(3, "Neighbourhood tool library", "Borrow, don't buy.", "Tools when you need them, two streets away."));
        ApiExamples.Add(new PlanUpdateRequest("Neighbourhood tool library", "Borrow, don't buy.", "Tools when you need them, two streets away."));

        api.MapGet("/workspaces", ListWorkspacesAsync).WithTags("Plans").WithName("ListWorkspaces")
            .WithSummary("The workspaces the token reaches, with your role in each");

        var plans = api.MapGroup("/plans").WithTags("Plans");
        plans.MapGet("/", ListAsync).WithName("ListPlans").WithSummary("Plans in the workspaces the token reaches");
        plans.MapPost("/", CreateAsync).WithName("CreatePlan").WithSummary("Create a plan in a workspace (editors and owners)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{planId:int}", GetAsync).WithName("GetPlan").WithSummary("One plan, with its ETag")
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPut("/{planId:int}", UpdateAsync).WithName("UpdatePlan").WithSummary("Change a plan's name, vision and value proposition (If-Match required)")
            .WithVersionProblems();
        plans.MapPost("/{planId:int}/archive", (int planId, HttpContext context, PlanService service, CancellationToken ct) => SetArchivedAsync(planId, true, context, service, ct))
            .WithName("ArchivePlan").WithSummary("Archive a plan (owners): it leaves the active list but keeps everything")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/{planId:int}/unarchive", (int planId, HttpContext context, PlanService service, CancellationToken ct) => SetArchivedAsync(planId, false, context, service, ct))
            .WithName("UnarchivePlan").WithSummary("Bring an archived plan back to the active list (owners)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapDelete("/{planId:int}", DeleteAsync).WithName("DeletePlan")
            .WithSummary("Move a plan to its workspace's trash for 30 days (owners; If-Match required)")
            .WithVersionProblems(ok: StatusCodes.Status204NoContent);
        return api;
    }

    /// <summary>The problems a versioned change or delete can give, for the document.</summary>
    public static RouteHandlerBuilder WithVersionProblems(this RouteHandlerBuilder endpoint, int ok = StatusCodes.Status200OK)
    {
        if (ok == StatusCodes.Status204NoContent)
        {
            endpoint.Produces(StatusCodes.Status204NoContent);
        }

        return endpoint.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    private static async Task<Ok<IReadOnlyList<WorkspaceResource>>> ListWorkspacesAsync(WorkspaceService workspaces, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<WorkspaceResource>>([.. (await workspaces.ListMineAsync(ct)).Select(w => new WorkspaceResource(w.Id, w.Name, w.IsPersonal, w.MyRole, w.PlanCount))]);

    private static async Task<Ok<IReadOnlyList<PlanListItem>>> ListAsync(PlanService service, CancellationToken ct,
        [Description("Include archived plans (default false).")] bool includeArchived = false) =>
        TypedResults.Ok<IReadOnlyList<PlanListItem>>(
        [
            .. (await service.ListAsync(includeArchived, ct)).Select(p => new PlanListItem(p.Id, p.Name, p.Vision, p.IsArchived, p.UpdatedAt,
                new ApiWorkspaceRef(p.WorkspaceId, p.WorkspaceName), p.MyRole, p.PersonaCount, p.ProblemCount, p.FeatureCount)),
        ]);

    private static async Task<Results<Ok<PlanResource>, ProblemHttpResult>> GetAsync(int planId, HttpContext context, PlanService service, CancellationToken ct)
    {
        var plan = await service.GetOverviewAsync(planId, ct);
        if (plan is null)
        {
            return ApiProblems.NotFound("There is no plan with this id in the workspaces the token reaches.");
        }

        context.Response.Headers.ETag = ApiVersions.ETag(plan.Version);
        return TypedResults.Ok(ToResource(plan));
    }

    private static async Task<IResult> CreateAsync(PlanCreateRequest request, HttpContext context, PlanService service, CancellationToken ct)
    {
        var created = await service.CreateAsync(request.WorkspaceId, new PlanInput { Name = request.Name ?? "", Vision = request.Vision ?? "", ValueProposition = request.ValueProposition ?? "" }, ct);
        if (!created.Succeeded)
        {
            return ApiProblems.From(created);
        }

        var plan = (await service.GetOverviewAsync(created.Value, ct))!;
        context.Response.Headers.ETag = ApiVersions.ETag(plan.Version);
        return TypedResults.Created($"{ApiSetup.Prefix}/plans/{plan.Id}", ToResource(plan));
    }

    private static async Task<IResult> UpdateAsync(int planId, PlanUpdateRequest request, HttpContext context, PlanService service, CancellationToken ct)
    {
        if (!ApiVersions.TryReadIfMatch(context.Request, out var version, out var problem))
        {
            return problem!;
        }

        var result = await service.UpdateAsync(planId, new PlanInput { Name = request.Name ?? "", Vision = request.Vision ?? "", ValueProposition = request.ValueProposition ?? "", Version = version }, ct);
        return result.Succeeded ? await GetAsync(planId, context, service, ct) : ApiProblems.From(result);
    }

    private static async Task<IResult> SetArchivedAsync(int planId, bool archived, HttpContext context, PlanService service, CancellationToken ct)
    {
        var result = await service.SetArchivedAsync(planId, archived, ct);
        return result.Succeeded ? await GetAsync(planId, context, service, ct) : ApiProblems.From(result, versionChecked: false);
    }

    private static async Task<IResult> DeleteAsync(int planId, HttpContext context, PlanService service, CancellationToken ct)
    {
        if (!ApiVersions.TryReadIfMatch(context.Request, out var version, out var problem))
        {
            return problem!;
        }

        var result = await service.DeleteAsync(planId, version, ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiProblems.From(result);
    }

    private static PlanResource ToResource(PlanOverview plan) =>
        new(plan.Id, plan.Name, plan.Vision, plan.ValueProposition, plan.IsArchived, plan.Version, plan.UpdatedAt,
            new ApiWorkspaceRef(plan.WorkspaceId, plan.WorkspaceName), plan.MyRole, plan.PersonaCount, plan.ProblemCount, plan.FeatureCount, plan.MvpFeatureCount);
}
