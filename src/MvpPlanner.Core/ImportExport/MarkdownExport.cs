using System.Text;
using MvpPlanner.Core.Operations;

namespace MvpPlanner.Core.ImportExport;

/// <summary>plan.md: the whole plan as a readable Markdown document for wikis and pull requests. Everything a user
/// typed is escaped, so a title like "# <script>" or "a | b" stays text and never becomes a heading, HTML or a new
/// table column in any CommonMark or GitHub renderer.</summary>
public static class MarkdownExport
{
    public static string Render(PlanDocument document, ReadinessReport? readiness)
    {
        var md = new StringBuilder();
        var plan = document.Plan;
        md.Append("# ").AppendLine(MarkdownText.Inline(plan.Name)).AppendLine();
        if (plan.IsArchived)
        {
            md.AppendLine("This plan is archived.").AppendLine();
        }

        Section(md, "Vision", plan.Vision, "No vision written yet.");
        Section(md, "Core promise", plan.ValueProposition, "No core promise written yet.");
        Outcomes(md, document);
        Personas(md, document);
        Problems(md, document);
        Backlog(md, document);
        Roadmap(md, document);
        Operation(md, document);
        Readiness(md, readiness);
        if (document.ExportedAt is { } at)
        {
            md.Append("Exported from MvpPlanner on ").Append(PlanReport.Date(DateOnly.FromDateTime(at))).AppendLine(".");
        }

        return md.ToString();
    }

    private static void Section(StringBuilder md, string heading, string text, string empty)
    {
        md.Append("## ").AppendLine(heading).AppendLine();
        md.AppendLine(MarkdownText.Paragraph(text, empty)).AppendLine();
    }

    private static void Outcomes(StringBuilder md, PlanDocument document)
    {
        md.AppendLine("## Target outcomes").AppendLine();
        if (document.Outcomes.Count == 0)
        {
            md.AppendLine("No target outcomes yet.").AppendLine();
            return;
        }

        Table(md, ["Outcome", "Metric", "Baseline", "Target"],
            document.Outcomes.Select(o => new[] { o.Description, o.Metric, o.Baseline, o.Target }));
    }

    private static void Personas(StringBuilder md, PlanDocument document)
    {
        md.AppendLine("## Personas").AppendLine();
        if (document.Personas.Count == 0)
        {
            md.AppendLine("No personas yet.").AppendLine();
            return;
        }

        foreach (var persona in document.Personas)
        {
            md.Append("### ").AppendLine(MarkdownText.Inline(persona.Name)).AppendLine();
            Labelled(md, "User group", persona.UserGroup);
            Labelled(md, "Goals", persona.Goals);
            Labelled(md, "Pains", persona.Pains);
            Labelled(md, "Context", persona.Context);
        }
    }

    private static void Problems(StringBuilder md, PlanDocument document)
    {
        md.AppendLine("## Problems").AppendLine();
        if (document.Problems.Count == 0)
        {
            md.AppendLine("No problems yet.").AppendLine();
            return;
        }

        var personas = document.Personas.ToDictionary(p => p.Key, p => p.Name);
        Table(md, ["Problem", "Severity", "Frequency", "Who has it", "Evidence"],
            document.Problems
                .OrderByDescending(p => p.Severity).ThenByDescending(p => p.Frequency)
                .Select(p => new[]
                {
                    p.Statement, $"{p.Severity}/5", PlanReport.Label(p.Frequency),
                    string.Join(", ", p.Personas.Select(k => personas.GetValueOrDefault(k, k))), p.Evidence,
                }));
    }

    private static void Backlog(StringBuilder md, PlanDocument document)
    {
        md.AppendLine("## Prioritised backlog").AppendLine();
        if (document.Features.Count == 0)
        {
            md.AppendLine("No features yet.").AppendLine();
            return;
        }

        md.AppendLine("Ordered by MoSCoW, then by RICE score (reach × impact × confidence ÷ effort).").AppendLine();
        var problems = document.Problems.ToDictionary(p => p.Key, p => p.Statement);
        Table(md, ["#", "Feature", "MoSCoW", "Status", "RICE", "Phase", "Lane", "Owner", "Solves"],
            PlanReport.Backlog(document).Select((r, i) => new[]
            {
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), r.Feature.Title, PlanReport.Label(r.Feature.Moscow),
                PlanReport.Label(r.Feature.Status), r.Rice is { } rice ? PlanReport.Number(rice) : "–",
                r.Phase?.Name ?? "Unscheduled", r.Lane?.Name ?? "", r.Feature.Owner,
                string.Join("\n", r.Feature.Problems.Select(k => problems.GetValueOrDefault(k, k))),
            }));
    }

    private static void Roadmap(StringBuilder md, PlanDocument document)
    {
        md.AppendLine("## Roadmap").AppendLine();
        if (document.Phases.Count == 0 && document.Features.Count == 0)
        {
            md.AppendLine("No phases yet.").AppendLine();
            return;
        }

        foreach (var column in PlanReport.Board(document))
        {
            if (column.Phase is { } phase)
            {
                md.Append("### ").AppendLine(MarkdownText.Inline(phase.Name)).AppendLine();
                md.Append("**Dates:** ").AppendLine(PlanReport.Dates(phase)).AppendLine();
                if (!string.IsNullOrWhiteSpace(phase.Goal))
                {
                    Labelled(md, "Goal", phase.Goal);
                }

                if (!string.IsNullOrWhiteSpace(phase.ExitCriteria))
                {
                    Labelled(md, "Exit criteria", phase.ExitCriteria);
                }
            }
            else
            {
                md.AppendLine("### Unscheduled").AppendLine();
            }

            if (column.FeatureCount == 0)
            {
                md.AppendLine("No features in this phase yet.").AppendLine();
                continue;
            }

            foreach (var cell in column.Cells.Where(c => c.Features.Count > 0))
            {
                md.Append("#### ").AppendLine(cell.Lane is { } lane ? MarkdownText.Inline(lane.Name) : "No lane").AppendLine();
                foreach (var feature in cell.Features)
                {
                    md.Append("- ").Append(MarkdownText.Inline(MarkdownText.OneLine(feature.Title)))
                        .Append(" (").Append(PlanReport.Label(feature.Moscow)).Append(", ").Append(PlanReport.Label(feature.Status)).AppendLine(")");
                }

                md.AppendLine();
            }
        }
    }

    private static void Operation(StringBuilder md, PlanDocument document)
    {
        md.AppendLine("## Operation").AppendLine();
        var roles = document.OperationRoles.ToDictionary(r => r.Key);
        var tools = document.EssentialTools.ToDictionary(t => t.Key, t => t.Name);
        var commitments = document.Commitments.ToDictionary(c => c.Key, c => c.Text);

        md.AppendLine("### Commitments").AppendLine();
        if (document.Commitments.Count == 0)
        {
            md.AppendLine("No commitments yet.").AppendLine();
        }
        else
        {
            foreach (var commitment in document.Commitments)
            {
                md.Append("- ").AppendLine(MarkdownText.Inline(MarkdownText.OneLine(commitment.Text)));
            }

            md.AppendLine();
        }

        md.AppendLine("### Customer journey and core processes").AppendLine();
        var stageKeys = document.JourneyStages.Select(s => s.Key).ToHashSet();
        var groups = document.JourneyStages.Select(s => (Heading: MarkdownText.Inline(s.Name), Stage: (JourneyStageDoc?)s, Processes: document.CoreProcesses.Where(p => p.Stage == s.Key).ToList()))
            .Append(("Processes not tied to a stage", null, document.CoreProcesses.Where(p => p.Stage is null || !stageKeys.Contains(p.Stage)).ToList()))
            .Where(g => g.Stage is not null || g.Processes.Count > 0)
            .ToList();
        if (groups.Count == 0)
        {
            md.AppendLine("No journey stages or processes yet.").AppendLine();
        }

        foreach (var (heading, stage, processes) in groups)
        {
            md.Append("#### ").AppendLine(heading).AppendLine();
            if (stage is not null)
            {
                Labelled(md, "Touchpoints", stage.Touchpoints);
                Labelled(md, "Internal actions", stage.InternalActions);
            }

            if (processes.Count == 0)
            {
                md.AppendLine("No process for this stage yet.").AppendLine();
                continue;
            }

            foreach (var process in processes)
            {
                var facts = new List<string>
                {
                    "owner: " + (process.OwnerRole is { } r && roles.TryGetValue(r, out var role) ? MarkdownText.Inline(RoleName(role)) : "none"),
                    PlanReport.Label(process.Automation).ToLowerInvariant(),
                    process.IsFrontstage ? "frontstage" : "backstage",
                };
                if (process.KeepsCorePromise)
                {
                    facts.Add("keeps the core promise");
                }

                if (process.Tools.Count > 0)
                {
                    facts.Add("tools: " + string.Join(", ", process.Tools.Select(k => MarkdownText.Inline(tools.GetValueOrDefault(k, k)))));
                }

                if (process.Commitments.Count > 0)
                {
                    facts.Add("keeps: " + string.Join("; ", process.Commitments.Select(k => MarkdownText.Inline(MarkdownText.OneLine(commitments.GetValueOrDefault(k, k))))));
                }

                md.Append("- **").Append(MarkdownText.Inline(MarkdownText.OneLine(process.Name))).Append("** (").Append(string.Join(", ", facts)).AppendLine(")");
                foreach (var step in PlanReport.LinesOf(process.Steps))
                {
                    md.Append("  - ").AppendLine(MarkdownText.Inline(step));
                }
            }

            md.AppendLine();
        }

        md.AppendLine("### Owners").AppendLine();
        if (document.OperationRoles.Count == 0)
        {
            md.AppendLine("No roles yet.").AppendLine();
        }
        else
        {
            Table(md, ["Role", "Held by"], document.OperationRoles.Select(r => new[] { r.Name, r.Holder }));
        }

        md.AppendLine("### Tools").AppendLine();
        if (document.EssentialTools.Count == 0)
        {
            md.AppendLine("No tools yet.").AppendLine();
        }
        else
        {
            Table(md, ["Tool", "Category", "Monthly cost"],
                document.EssentialTools.Select(t => new[] { t.Name, t.Category, PlanReport.Number(t.MonthlyCost) }));
            md.Append("Total per month: ").AppendLine(PlanReport.Number(document.EssentialTools.Sum(t => t.MonthlyCost))).AppendLine();
        }

        md.AppendLine("### KPIs").AppendLine();
        if (document.Kpis.Count == 0)
        {
            md.AppendLine("No KPIs yet.").AppendLine();
        }
        else
        {
            Table(md, ["KPI", "Target", "Direction", "Review cadence", "Owner", "Latest measurement"],
                document.Kpis.Select(k => new[]
                {
                    k.Name, PlanReport.Target(k) ?? "–", PlanReport.Label(k.Direction), Cadences.Label(k.Cadence),
                    k.OwnerRole is { } r && roles.TryGetValue(r, out var role) ? RoleName(role) : "",
                    PlanReport.Latest(k) ?? "None yet",
                }));
        }
    }

    private static void Readiness(StringBuilder md, ReadinessReport? readiness)
    {
        md.AppendLine("## Readiness").AppendLine();
        if (readiness is null)
        {
            md.AppendLine("Readiness was not checked.").AppendLine();
            return;
        }

        md.Append("Score: ").Append(readiness.Score).AppendLine("/100").AppendLine();
        if (readiness.Findings.Count == 0)
        {
            md.AppendLine("No findings: the operation is ready.").AppendLine();
            return;
        }

        foreach (var finding in readiness.Findings)
        {
            md.Append("- **").Append(PlanReport.Label(finding.Severity)).Append(":** ").Append(MarkdownText.Inline(finding.Title))
                .Append(". ").AppendLine(MarkdownText.Inline(finding.Explanation));
        }

        md.AppendLine();
    }

    private static string RoleName(OperationRoleDoc role) => string.IsNullOrWhiteSpace(role.Holder) ? role.Name : $"{role.Name} ({role.Holder})";

    private static void Labelled(StringBuilder md, string label, string text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            md.Append("**").Append(label).Append(":** ").AppendLine(MarkdownText.Paragraph(text, "")).AppendLine();
        }
    }

    /// <summary>A table whose cells are user text: escaped, pipes included, with newlines as &lt;br&gt; added after
    /// escaping so they are the only HTML in a cell.</summary>
    private static void Table(StringBuilder md, string[] headers, IEnumerable<string[]> rows)
    {
        md.Append("| ").AppendJoin(" | ", headers).AppendLine(" |");
        md.Append('|').AppendJoin("", headers.Select(_ => " --- |")).AppendLine();
        foreach (var row in rows)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(MarkdownText.Cell)).AppendLine(" |");
        }

        md.AppendLine();
    }
}
