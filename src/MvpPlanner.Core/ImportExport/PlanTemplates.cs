using System.Text.Json;

namespace MvpPlanner.Core.ImportExport;

/// <summary>A plan to start from, shipped with the app: a plan.json document with phases, lanes, a journey, the first
/// processes and a few KPIs filled in as starting points for the team to edit.</summary>
public sealed record PlanTemplate(string Id, string Title, string Description);

public static class PlanTemplates
{
    public static IReadOnlyList<PlanTemplate> All { get; } =
    [
        new("software-dashboard", "Software MVP: a dashboard for one persona",
            "Example: a service health dashboard for IT service owners. The bare bones of a dashboard for one persona, launched to a pilot group and improved from office-hours feedback."),
        new("concierge-service", "Service run by hand first (concierge)",
            "Example: bookkeeping for small shops. Deliver the service by hand to the first customers with a shared inbox and a spreadsheet, keep the core promise, automate what proves itself."),
        new("internal-tool", "Internal tool",
            "Example: an onboarding hub for new colleagues. A tool for one organisation: a pilot team first, then roll-out with training and internal communication."),
    ];

    /// <summary>The template's document, or null for an unknown id.</summary>
    public static PlanDocument? Load(string id)
    {
        if (All.All(t => t.Id != id))
        {
            return null;
        }

        using var stream = typeof(PlanTemplates).Assembly.GetManifestResourceStream($"MvpPlanner.Core.ImportExport.Templates.{id}.json")
            ?? throw new InvalidOperationException($"The template file {id}.json is not embedded in the build.");
        return JsonSerializer.Deserialize<PlanDocument>(stream, PlanDocument.JsonOptions);
    }
}
