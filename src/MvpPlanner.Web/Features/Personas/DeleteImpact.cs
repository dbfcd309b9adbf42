using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Problems;

namespace MvpPlanner.Web.Features.Personas;

/// <summary>The confirmation text for a delete on this page, naming what else it touches.
/// Names are user text, so they are encoded before going into markup.</summary>
public static class DeleteImpact
{
    /// <summary>Problems whose only persona is <paramref name="persona"/>: deleting it leaves them with none.</summary>
    public static IReadOnlyList<ProblemView> OrphanedBy(PersonaView persona, IEnumerable<ProblemView> problems) =>
        problems.Where(p => p.Personas.Count == 1 && p.Personas[0].Id == persona.Id).ToList();

    public static MarkupString ForPersona(PersonaView persona, IEnumerable<ProblemView> problems)
    {
        var orphaned = OrphanedBy(persona, problems);
        var text = new StringBuilder();
        text.Append($"<p>Persona <strong>{Encode(persona.Name)}</strong> will be moved to the trash, where it can be restored for 30 days. Its problems stay in the plan.</p>");
        if (orphaned.Count > 0)
        {
            text.Append(orphaned.Count == 1
                ? "<p>This problem will be left with no persona:</p>"
                : $"<p>These {orphaned.Count} problems will be left with no persona:</p>");
            AppendList(text, orphaned.Select(p => p.Statement));
            text.Append("<p>They will be flagged \"No persona\" so you can assign them to someone else.</p>");
        }
        else if (persona.Problems.Count > 0)
        {
            text.Append("<p>Every problem it has also belongs to another persona, so none is left without one.</p>");
        }

        return new MarkupString(text.ToString());
    }

    public static MarkupString ForProblem(ProblemView problem)
    {
        var text = new StringBuilder();
        text.Append($"<p>Problem <strong>{Encode(problem.Statement)}</strong> will be deleted.</p>");
        if (problem.Features.Count > 0)
        {
            text.Append(problem.Features.Count == 1
                ? "<p>This feature stays but will no longer point to it:</p>"
                : $"<p>These {problem.Features.Count} features stay but will no longer point to it:</p>");
            AppendList(text, problem.Features.Select(f => f.Name));
        }
        else
        {
            text.Append("<p>No feature addresses it, so nothing else changes.</p>");
        }

        return new MarkupString(text.ToString());
    }

    private static void AppendList(StringBuilder text, IEnumerable<string> items)
    {
        text.Append("<ul style=\"margin: 4px 0 8px 24px; list-style: disc;\">");
        foreach (var item in items)
        {
            text.Append($"<li>{Encode(item)}</li>");
        }

        text.Append("</ul>");
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
