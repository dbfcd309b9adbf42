using System.ComponentModel;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.ImportExport;
using MvpPlanner.Core.Plans;
using MvpPlanner.Web.Features.ImportExport;

namespace MvpPlanner.Web.Features.Api;

/// <summary>Downloads of a plan (the same files as the export menu) and a whole plan brought in from a plan.json file.</summary>
public static class ExportsApi
{
    public static RouteGroupBuilder MapExportsApi(this RouteGroupBuilder api)
    {
        var export = api.MapGroup("/plans/{planId:int}/export").WithTags("Import and export");
        Download(export.MapGet("/plan.json", (int planId, PlanExportService service, CancellationToken ct) => SendAsync(service.PlanJsonAsync(planId, ct))),
            "ExportPlanJson", "The whole plan as plan.json (to import again, here or elsewhere)", "application/json");
        Download(export.MapGet("/plan.md", (int planId, PlanRenderService render, CancellationToken ct) => SendAsync(render.PlanMarkdownAsync(planId, ct))),
            "ExportPlanMarkdown", "The plan as a Markdown document", "text/markdown");
        Download(export.MapGet("/roadmap.svg", (int planId, PlanRenderService render, CancellationToken ct) => SendAsync(render.RoadmapSvgAsync(planId, ct))),
            "ExportRoadmapSvg", "The roadmap as an SVG picture", "image/svg+xml");
        Download(export.MapGet("/roadmap.png", (int planId, PlanRenderService render, CancellationToken ct) => SendAsync(render.RoadmapPngAsync(planId, ct))),
            "ExportRoadmapPng", "The roadmap as a PNG picture", "image/png");
        Download(export.MapGet("/features.csv", (int planId, CsvExportService csv, CancellationToken ct) => SendAsync(csv.FeaturesAsync(planId, ct))),
            "ExportFeaturesCsv", "The features as CSV (for a spreadsheet)", "text/csv");
        Download(export.MapGet("/personas.csv", (int planId, CsvExportService csv, CancellationToken ct) => SendAsync(csv.PersonasAsync(planId, ct))),
            "ExportPersonasCsv", "The personas as CSV", "text/csv");
        Download(export.MapGet("/problems.csv", (int planId, CsvExportService csv, CancellationToken ct) => SendAsync(csv.ProblemsAsync(planId, ct))),
            "ExportProblemsCsv", "The problems as CSV", "text/csv");

        api.MapPost("/plans/import", ImportPlanAsync).WithTags("Import and export").WithName("ImportPlan")
            .WithSummary("Bring in a plan.json file as a new plan in a workspace (editors and owners)")
            .WithDescription("Send the file as the request body (Content-Type: application/json). The file is checked completely first; a file with any error imports nothing, and the problem lists what to fix.")
            .Accepts<object>("application/json")
            .Produces<PlanResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static void Download(RouteHandlerBuilder endpoint, string name, string summary, string contentType) =>
        endpoint.WithName(name).WithSummary(summary)
            .Produces(StatusCodes.Status200OK, contentType: contentType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>The file as the export menu sends it; a refusal as a problem.</summary>
    private static async Task<IResult> SendAsync(Task<ServiceResult<ExportFile>> making)
    {
        var result = await making;
        if (result.Succeeded)
        {
            return new ExportEndpoints.DownloadResult(result.Value!);
        }

        return result.Status == ResultStatus.NotFound
            ? ApiProblems.NotFound("There is no plan with this id in the workspaces the token reaches.")
            : ApiProblems.From(result, versionChecked: false);
    }

    private static async Task<IResult> ImportPlanAsync(HttpContext context, PlanImportService importer, PlanService plans, CancellationToken ct,
        [Description("The workspace the new plan goes into (GET /api/v1/workspaces).")] int? workspaceId = null,
        [Description("A name for the new plan instead of the one in the file.")] string? name = null)
    {
        if (workspaceId is null)
        {
            return FeaturesApi.InvalidQuery("workspaceId", "Say which workspace the plan goes into: ?workspaceId= (GET /api/v1/workspaces lists them).");
        }

        var read = await importer.ReadAsync(context.Request.Body, ct);
        if (!read.Succeeded)
        {
            return ApiProblems.From(read);
        }

        var imported = await importer.ImportAsync(workspaceId.Value, read.Value!, string.IsNullOrWhiteSpace(name) ? null : name, ct);
        if (!imported.Succeeded)
        {
            return imported.Status == ResultStatus.NotFound
                ? ApiProblems.NotFound("There is no workspace with this id among those the token reaches.")
                : ApiProblems.From(imported, versionChecked: false);
        }

        var plan = (await plans.GetOverviewAsync(imported.Value, ct))!;
        context.Response.Headers.ETag = ApiVersions.ETag(plan.Version);
        return TypedResults.Created($"{ApiSetup.Prefix}/plans/{plan.Id}", new PlanResource(plan.Id, plan.Name, plan.Vision, plan.ValueProposition, plan.IsArchived,
            plan.Version, plan.UpdatedAt, new ApiWorkspaceRef(plan.WorkspaceId, plan.WorkspaceName), plan.MyRole, plan.PersonaCount, plan.ProblemCount,
            plan.FeatureCount, plan.MvpFeatureCount));
    }
}
