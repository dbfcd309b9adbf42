using System.Text;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Operations;

namespace MvpPlanner.Core.ImportExport;

/// <summary>The readable exports: plan.md, roadmap.svg and roadmap.png, each drawn from the plan's
/// <see cref="PlanDocument"/> (which checks access), so they show exactly what plan.json holds.</summary>
public class PlanRenderService(PlanExportService export, ReadinessService readiness, ILogger<PlanRenderService> logger)
{
    public async Task<ServiceResult<ExportFile>> PlanMarkdownAsync(int planId, CancellationToken ct = default)
    {
        var report = await GetReportAsync(planId, ct);
        if (!report.Succeeded)
        {
            return ServiceResult<ExportFile>.From(report);
        }

        var (document, findings) = report.Value!;
        var bytes = Encoding.UTF8.GetBytes(MarkdownExport.Render(document, findings));
        logger.LogInformation("Exported plan {PlanId} as Markdown ({Bytes} bytes)", planId, bytes.Length);
        return ServiceResult<ExportFile>.Ok(new ExportFile(FileNames.For(document.Plan.Name, "md"), "text/markdown; charset=utf-8", bytes));
    }

    public async Task<ServiceResult<ExportFile>> RoadmapSvgAsync(int planId, CancellationToken ct = default)
    {
        var document = await export.GetDocumentAsync(planId, ct);
        if (!document.Succeeded)
        {
            return ServiceResult<ExportFile>.From(document);
        }

        var bytes = Encoding.UTF8.GetBytes(RoadmapSvg.Render(document.Value!).Svg);
        logger.LogInformation("Exported the roadmap of plan {PlanId} as SVG ({Bytes} bytes)", planId, bytes.Length);
        return ServiceResult<ExportFile>.Ok(new ExportFile(FileNames.For(document.Value!.Plan.Name, "svg", "roadmap"), "image/svg+xml", bytes));
    }

    public async Task<ServiceResult<ExportFile>> RoadmapPngAsync(int planId, CancellationToken ct = default)
    {
        var document = await export.GetDocumentAsync(planId, ct);
        if (!document.Succeeded)
        {
            return ServiceResult<ExportFile>.From(document);
        }

        byte[] bytes;
        try
        {
            bytes = RoadmapPng.Render(RoadmapSvg.Render(document.Value!));
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            // SkiaSharp's native library (and its libfontconfig) is missing on this server: say so and point at the SVG.
            logger.LogError(e, "The roadmap of plan {PlanId} could not be drawn as PNG: the graphics library did not load", planId);
            return Fail.Invalid("file", "This server cannot draw PNG images (a graphics library is missing; see the deployment notes). Download the roadmap as SVG instead.");
        }

        logger.LogInformation("Exported the roadmap of plan {PlanId} as PNG ({Bytes} bytes)", planId, bytes.Length);
        return ServiceResult<ExportFile>.Ok(new ExportFile(FileNames.For(document.Value!.Plan.Name, "png", "roadmap"), "image/png", bytes));
    }

    /// <summary>The document and its readiness findings: what plan.md and the print page show.</summary>
    public async Task<ServiceResult<(PlanDocument Document, ReadinessReport? Readiness)>> GetReportAsync(int planId, CancellationToken ct = default)
    {
        var document = await export.GetDocumentAsync(planId, ct);
        if (!document.Succeeded)
        {
            return ServiceResult<(PlanDocument, ReadinessReport?)>.From(document);
        }

        var findings = await readiness.CheckAsync(planId, ct);
        return ServiceResult<(PlanDocument, ReadinessReport?)>.Ok((document.Value!, findings));
    }
}
