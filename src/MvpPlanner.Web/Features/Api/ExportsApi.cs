using System.ComponentModel;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.ImportExport;
using MvpPlanner.Core.Plans;
using MvpPlanner.Web.Features.ImportExport;

namespace MvpPlanner.Web.Features.Api;

/// <summary>What a CSV import did: rows added as new items, rows that updated an item with the same title (name,
/// statement), and rows skipped as duplicates.</summary>
public sealed record CsvImportResource(ImportKind Kind, int Added, int Updated, int Skipped, string Message);

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
        ApiExamples.Add(new CsvImportResource(ImportKind.Features, 12, 0, 2, "Imported 12 features; 2 rows skipped as duplicates."));
        var import = api.MapGroup("/plans/{planId:int}/import").WithTags("Import and export");
        foreach (var (file, kind, name) in new[] { ("features.csv", ImportKind.Features, "ImportFeaturesCsv"), ("personas.csv", ImportKind.Personas, "ImportPersonasCsv"), ("problems.csv", ImportKind.Problems, "ImportProblemsCsv") })
        {
            import.MapPost($"/{file}", (int planId, HttpContext context, CsvImportService service, CancellationToken ct,
                    [Description("A row whose title (name, statement) is already in the plan: skip (default), update or add.")] string? duplicates = null) =>
                    ImportCsvAsync(planId, kind, file, duplicates, context, service, ct))
                .WithName(name)
                .WithSummary($"Add the {kind.ToString().ToLowerInvariant()} of a CSV file (first row: column names) to the plan (editors and owners)")
                .WithDescription("Send the file as the request body (Content-Type: text/csv). Columns are recognised by their names, as in the app's import. A file with any row in error imports nothing; the problem lists the rows.")
                .Accepts<string>("text/csv")
                .Produces<CsvImportResource>()
                .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        }

        return api;
    }

    private static async Task<IResult> ImportCsvAsync(int planId, ImportKind kind, string fileName, string? duplicates, HttpContext context, CsvImportService service, CancellationToken ct)
    {
        if (!FeaturesApi.TryParseName<DuplicateMode>(duplicates, out var mode))
        {
            return FeaturesApi.InvalidQuery("duplicates", $"Unknown choice \"{duplicates}\". Use skip, update or add.");
        }

        var analysed = await CsvImportService.AnalyseAsync(context.Request.Body, fileName, kind, ct);
        if (!analysed.Succeeded)
        {
            return ApiProblems.From(analysed, versionChecked: false);
        }

        var options = CsvImportService.SuggestOptions(analysed.Value!);
        options.Duplicates = mode ?? DuplicateMode.Skip;
        var preview = await service.PreviewAsync(planId, analysed.Value!, options, ct);
        if (!preview.Succeeded)
        {
            return ApiProblems.From(preview, versionChecked: false);
        }

        var failing = preview.Value!.Rows.Where(r => r.Outcome == RowOutcome.Error).ToList();
        if (failing.Count > 0)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["rows"] = [.. failing.Take(50).Select(r => $"Row {r.RowNumber}: {string.Join(" ", r.Errors)}")] },
                $"Nothing was imported: {failing.Count} row(s) have errors. Correct them and send the file again.", title: "Invalid input", type: ApiProblems.TypeOf(400));
        }

        var imported = await service.ImportAsync(planId, analysed.Value!, options, ct);
        return imported.Succeeded
            ? TypedResults.Ok(new CsvImportResource(kind, imported.Value!.Added, imported.Value.Updated, imported.Value.Skipped, imported.Message ?? ""))
            : ApiProblems.From(imported, versionChecked: false);
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
