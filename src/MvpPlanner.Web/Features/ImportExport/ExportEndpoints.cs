using MvpPlanner.Core.Common;
using MvpPlanner.Core.ImportExport;

namespace MvpPlanner.Web.Features.ImportExport;

/// <summary>Plain GET downloads at stable URLs (<c>/plans/{id}/export/…</c>), so an export can be scripted as well as
/// clicked. They need a signed-in member of the plan's workspace (any role); to anyone else every URL is a 404.</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/plans/{planId:int}/export");
        group.MapGet("/plan.json", (int planId, PlanExportService export, CancellationToken ct) => SendAsync(export.PlanJsonAsync(planId, ct)));
        group.MapGet("/plan.md", (int planId, PlanRenderService render, CancellationToken ct) => SendAsync(render.PlanMarkdownAsync(planId, ct)));
        group.MapGet("/roadmap.svg", (int planId, PlanRenderService render, CancellationToken ct) => SendAsync(render.RoadmapSvgAsync(planId, ct)));
        group.MapGet("/roadmap.png", (int planId, PlanRenderService render, CancellationToken ct) => SendAsync(render.RoadmapPngAsync(planId, ct)));
        group.MapGet("/features.csv", (int planId, CsvExportService csv, CancellationToken ct) => SendAsync(csv.FeaturesAsync(planId, ct)));
        group.MapGet("/personas.csv", (int planId, CsvExportService csv, CancellationToken ct) => SendAsync(csv.PersonasAsync(planId, ct)));
        group.MapGet("/problems.csv", (int planId, CsvExportService csv, CancellationToken ct) => SendAsync(csv.ProblemsAsync(planId, ct)));
        return endpoints;
    }

    internal static async Task<IResult> SendAsync(Task<ServiceResult<ExportFile>> making)
    {
        var result = await making;
        if (result.Succeeded)
        {
            var file = result.Value!;
            return new DownloadResult(file);
        }

        return result.Status switch
        {
            ResultStatus.Forbidden => TypedResults.Text(result.Message ?? "You cannot export this plan.", "text/plain", statusCode: StatusCodes.Status403Forbidden),
            ResultStatus.Invalid => TypedResults.Text(result.Message ?? "This export cannot be made.", "text/plain", statusCode: StatusCodes.Status400BadRequest),
            _ => TypedResults.Text("There is no plan at this address, or you are not a member of its workspace.", "text/plain", statusCode: StatusCodes.Status404NotFound),
        };
    }

    /// <summary>An attachment that is never cached by a shared cache: a plan is private to its workspace.</summary>
    internal sealed class DownloadResult(ExportFile file) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var response = context.Response;
            response.ContentType = file.ContentType;
            response.Headers.CacheControl = "private, no-store";
            response.Headers["X-Content-Type-Options"] = "nosniff";
            if (file.ContentType.StartsWith("image/svg+xml", StringComparison.Ordinal))
            {
                // An SVG opened straight in a browser tab is a document: it may style itself, but never run or fetch anything.
                response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
            }

            response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = file.FileName, Inline = false }.ToString();
            response.ContentLength = file.Content.Length;
            await response.Body.WriteAsync(file.Content, context.RequestAborted);
        }
    }
}
