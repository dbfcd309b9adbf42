using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Feedback;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Workshops;

namespace MvpPlanner.Core.ImportExport;

/// <summary>What to leave out when a plan is copied.</summary>
public sealed record DuplicateOptions(bool IncludePersonas = true, bool IncludeWorkshops = true);

/// <summary>Brings a whole plan in from a <see cref="PlanDocument"/> as a new plan: a <c>plan.json</c> file, a copy of
/// another plan, or a template. The document is checked completely first (JSON, schema version, every field by the same
/// validators the dialogs use, every reference); a document with any error writes nothing. The new plan and everything
/// in it are saved in one transaction as one change in the plan's activity.</summary>
public class PlanImportService(
    IDbContextFactory<PlannerDbContext> dbFactory,
    PlanAccess access,
    PlanExportService export,
    PlanWriter writer,
    ILogger<PlanImportService> logger)
{
    /// <summary>Large enough for any real plan (a plan with 10,000 features exports to about 6 MB).</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    public const string FileField = "file";

    /// <summary>Reads and checks a plan.json file; nothing is written.</summary>
    public async Task<ServiceResult<PlanDocument>> ReadAsync(Stream file, CancellationToken ct = default)
    {
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            var chunk = new byte[81920];
            int read;
            while ((read = await file.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > MaxFileBytes)
                {
                    return Refuse($"This file is larger than {MaxFileBytes / 1024 / 1024} MB, more than any plan exported from MvpPlanner. Check that it is a plan.json file.");
                }

                buffer.Write(chunk, 0, read);
            }

            bytes = buffer.ToArray();
        }

        if (bytes.Length == 0)
        {
            return Refuse("This file is empty. Choose a plan.json file exported from MvpPlanner.");
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            logger.LogInformation("A plan.json file was refused: not complete JSON near line {Line}", e.LineNumber + 1);
            return Refuse($"This file is not complete JSON (it may have been cut off while copying, or it is not a plan.json file). The first error is near line {e.LineNumber + 1}.");
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("schemaVersion", out var versionElement)
                || !versionElement.TryGetInt32(out var version))
            {
                return Refuse("This is not a plan exported from MvpPlanner: it has no schema version.");
            }

            if (version > PlanDocument.CurrentSchemaVersion)
            {
                return Refuse($"This file was made by a newer version of MvpPlanner (schema version {version}); this one reads up to version {PlanDocument.CurrentSchemaVersion}. Update MvpPlanner, or export the plan again from an older version.");
            }

            if (version < 1)
            {
                return Refuse($"Schema version {version} is not one MvpPlanner knows.");
            }

            PlanDocument? document;
            try
            {
                document = json.RootElement.Deserialize<PlanDocument>(PlanDocument.JsonOptions);
            }
            catch (JsonException e)
            {
                logger.LogInformation("A plan.json file was refused: wrong value at {JsonPath}", e.Path);
                return Refuse($"This file has a missing or wrong value at {Describe(e.Path)}.");
            }

            if (document is null)
            {
                return Refuse("This is not a plan exported from MvpPlanner.");
            }

            var problems = PlanDocumentRules.Check(document);
            if (problems.Count > 0)
            {
                logger.LogInformation("A plan.json file was refused: {ProblemCount} problems, first {FirstProblem}", problems.Count, problems[0]);
                return ServiceResult<PlanDocument>.From(ServiceResult.Invalid(FileField, problems,
                    problems.Count == 1 ? $"This plan cannot be imported: {problems[0]}" : $"This plan cannot be imported: {problems.Count} things need fixing. The first: {problems[0]}"));
            }

            return ServiceResult<PlanDocument>.Ok(document);
        }
    }

    /// <summary>Creates a new plan from the document in the workspace, if the caller is an editor there.</summary>
    public async Task<ServiceResult<int>> ImportAsync(int workspaceId, PlanDocument document, string? name = null, CancellationToken ct = default)
    {
        var problems = PlanDocumentRules.Check(document);
        if (problems.Count > 0)
        {
            return Fail.From(ServiceResult.Invalid(FileField, problems, $"This plan cannot be imported: {problems[0]}"));
        }

        if (name is not null)
        {
            document = document with { Plan = document.Plan with { Name = Text.Clean(name) } };
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckWorkspaceAsync(db, workspaceId, WorkspaceRole.Editor, ct) is { } denied)
        {
            return Fail.From(denied);
        }

        var plan = PlanDocumentWriter.Build(document, workspaceId);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Tracked one kind at a time in the document's order, so the new ids keep that order and exporting the
            // new plan lists its items as the file did.
            foreach (var item in plan.ItemsInOrder())
            {
                db.Add(item);
            }

            db.Plans.Add(plan.Plan);
            await db.SaveChangesAsync(ct);

            // Votes refer to features and problems by id, known only now.
            db.AddRange(plan.Workshops(db.ActingUser!));
            await db.SaveChangesAsync(ct);
            db.AddRange(plan.Ballots());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        logger.LogInformation("Imported plan {PlanId} into workspace {WorkspaceId}: {FeatureCount} features, {PersonaCount} personas",
            plan.Plan.Id, workspaceId, document.Features.Count, document.Personas.Count);
        return ServiceResult<int>.Ok(plan.Plan.Id, $"Imported plan \"{plan.Plan.Name}\".");
    }

    /// <summary>Starts a new plan from one of the <see cref="PlanTemplates"/>.</summary>
    public async Task<ServiceResult<int>> CreateFromTemplateAsync(int workspaceId, string templateId, string? name = null, CancellationToken ct = default)
    {
        if (PlanTemplates.Load(templateId) is not { } document)
        {
            return Fail.NotFound("The template");
        }

        var created = await ImportAsync(workspaceId, document, string.IsNullOrWhiteSpace(name) ? null : name, ct);
        return created.Succeeded ? ServiceResult<int>.Ok(created.Value, "Created the plan from the template. Everything in it is a starting point: edit what does not fit.") : created;
    }

    /// <summary>Copies a plan the caller can see into a workspace where the caller is an editor (the same one or
    /// another), optionally without its personas or its workshops.</summary>
    public async Task<ServiceResult<int>> DuplicateAsync(int planId, int targetWorkspaceId, string name, DuplicateOptions options, CancellationToken ct = default)
    {
        var read = await export.GetDocumentAsync(planId, ct);
        if (!read.Succeeded)
        {
            return ServiceResult<int>.From(read);
        }

        var document = read.Value!;
        if (!options.IncludePersonas)
        {
            document = document with
            {
                Personas = [],
                Outcomes = document.Outcomes.Select(o => o with { Persona = null }).ToList(),
                Problems = document.Problems.Select(p => p with { Personas = [] }).ToList(),
                Feedback = document.Feedback.Select(f => f with { Persona = null }).ToList(),
            };
        }

        if (!options.IncludeWorkshops)
        {
            document = document with { Workshops = [] };
        }

        // A copy starts active, and has no running workshop of its own.
        document = document with
        {
            Plan = document.Plan with { IsArchived = false },
            Workshops = document.Workshops.Select(w => w with { EndedAt = w.EndedAt ?? w.StartedAt }).ToList(),
        };
        var copied = await ImportAsync(targetWorkspaceId, document, string.IsNullOrWhiteSpace(name) ? $"Copy of {document.Plan.Name}" : name, ct);
        return copied.Succeeded
            ? ServiceResult<int>.Ok(copied.Value, $"Copied the plan as \"{(string.IsNullOrWhiteSpace(name) ? $"Copy of {document.Plan.Name}" : Text.Clean(name))}\".")
            : copied;
    }

    /// <summary>Takes back a whole-plan import (or copy, or a plan made from a template) by moving the new plan to its
    /// workspace's trash. Allowed to the person who created it, while nobody else has changed it; owners can always
    /// delete a plan from its page.</summary>
    public Task<ServiceResult> UndoImportAsync(int planId, CancellationToken ct = default) =>
        writer.WriteAsync(planId, WorkspaceRole.Editor, async w =>
        {
            // Read in the write transaction: a change someone else saves meanwhile is seen, or waits for this.
            var me = w.Db.ActingUser!.UserId;
            var changedByOthers = await w.Db.ActivityEntries.AnyAsync(a => a.PlanId == planId && a.UserId != me, ct);
            var plan = await w.Db.Plans.FirstAsync(p => p.Id == planId, ct);
            if (plan.CreatedById != me || changedByOthers)
            {
                return ServiceResult.Forbidden("Someone else has worked on this plan since it was imported, so it was not removed. An owner can delete it from the plan's page.");
            }

            w.BasedOn(plan, plan.Version);
            plan.DeletedAt = w.Db.Clock.GetUtcNow().UtcDateTime;
            plan.DeletedById = me;
            logger.LogInformation("Undid the import of plan {PlanId}: moved to the trash", planId);
            return ServiceResult.Ok($"Removed the imported plan \"{plan.Name}\". It waits in the workspace's trash for 30 days.");
        }, ct);

    private static ServiceResult<PlanDocument> Refuse(string message) => ServiceResult<PlanDocument>.From(ServiceResult.Invalid(FileField, message));

    /// <summary>"$.features[3].status" → "features, item 4, status": where a person looking at the file finds it.</summary>
    private static string Describe(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "the top of the file";
        }

        var parts = new List<string>();
        foreach (var part in path.TrimStart('$', '.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[');
            if (bracket >= 0 && int.TryParse(part[(bracket + 1)..].TrimEnd(']'), out var index))
            {
                parts.Add(part[..bracket]);
                parts.Add($"item {index + 1}");
            }
            else
            {
                parts.Add(part);
            }
        }

        return string.Join(", ", parts);
    }
}

/// <summary>Every rule a document must pass before anything is written: the same field rules as the dialogs, keys that
/// are unique, and references that point at items the document contains.</summary>
internal static class PlanDocumentRules
{
    private const int MaxProblems = 50;

    // Built once: a validator's rules are fixed and it is safe to share; building one per item would dominate a large file.
    private static readonly CommitmentInputValidator commitmentRules = new();
    private static readonly DecisionInputValidator decisionRules = new();
    private static readonly FeedbackInputValidator feedbackRules = new();
    private static readonly FeedbackLinksInputValidator feedbackLinksRules = new();
    private static readonly GateConditionInputValidator gateRules = new();
    private static readonly SignOffInputValidator signOffRules = new();
    private static readonly FeatureInputValidator featureRules = new();
    private static readonly KpiInputValidator kpiRules = new();
    private static readonly LaneInputValidator laneRules = new();
    private static readonly FeatureDatesInputValidator datesRules = new();
    private static readonly MilestoneInputValidator milestoneRules = new();
    private static readonly MeasurementInputValidator measurementRules = new();
    private static readonly OutcomeInputValidator outcomeRules = new();
    private static readonly PersonaInputValidator personaRules = new();
    private static readonly PhaseInputValidator phaseRules = new();
    private static readonly PlanInputValidator planRules = new();
    private static readonly ProblemInputValidator problemRules = new();
    private static readonly ProcessInputValidator processRules = new();
    private static readonly ReviewInputValidator reviewRules = new();
    private static readonly RoleInputValidator roleRules = new();
    private static readonly StageInputValidator stageRules = new();
    private static readonly ToolInputValidator toolRules = new();

    public static List<string> Check(PlanDocument document)
    {
        var errors = new List<string>();
        void Validate<T>(IValidator<T> validator, T input, string where, Func<FluentValidation.Results.ValidationFailure, bool>? skip = null)
        {
            foreach (var failure in validator.Validate(input).Errors.Where(f => skip is null || !skip(f)))
            {
                errors.Add($"{where}: {failure.ErrorMessage}");
            }
        }

        HashSet<string> Keys<T>(IEnumerable<T> items, Func<T, string> key, string kind)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                var k = key(item);
                if (string.IsNullOrWhiteSpace(k) || !keys.Add(k))
                {
                    errors.Add($"{kind} key \"{Short(k)}\" is empty or used twice.");
                }
            }

            return keys;
        }

        void Refs(IEnumerable<string?> refs, HashSet<string> keys, string where, string kind)
        {
            foreach (var key in refs.Where(r => r is not null && !keys.Contains(r)))
            {
                errors.Add($"{where} refers to {kind} \"{Short(key!)}\", which is not in the file.");
            }
        }

        var plan = document.Plan;
        Validate(planRules, new PlanInput { Name = plan.Name, Vision = plan.Vision, ValueProposition = plan.ValueProposition }, "The plan");

        var personas = Keys(document.Personas, p => p.Key, "Persona");
        var problems = Keys(document.Problems, p => p.Key, "Problem");
        var phases = Keys(document.Phases, p => p.Key, "Phase");
        var lanes = Keys(document.Lanes, l => l.Key, "Lane");
        var features = Keys(document.Features, f => f.Key, "Feature");
        var commitments = Keys(document.Commitments, c => c.Key, "Commitment");
        var stages = Keys(document.JourneyStages, s => s.Key, "Journey stage");
        var roles = Keys(document.OperationRoles, r => r.Key, "Role");
        var processes = Keys(document.CoreProcesses, p => p.Key, "Process");
        var tools = Keys(document.EssentialTools, t => t.Key, "Tool");
        var outcomes = Keys(document.Outcomes, o => o.Key, "Outcome");
        var feedback = Keys(document.Feedback, f => f.Key, "Feedback");
        Keys(document.Kpis, k => k.Key, "KPI");
        Keys(document.Decisions, d => d.Key, "Decision");

        foreach (var (o, i) in document.Outcomes.Select((o, i) => (o, i)))
        {
            var where = $"Outcome {i + 1} ({Short(o.Description)})";
            Validate(outcomeRules, new OutcomeInput
            {
                Description = o.Description, Metric = o.Metric, Baseline = o.Baseline, Target = o.Target,
                BaselineValue = o.BaselineValue, TargetValue = o.TargetValue, TargetDate = o.TargetDate?.ToDateTime(TimeOnly.MinValue),
            }, where);
            Refs([o.Persona], personas, where, "persona");
            Refs(o.Features, features, where, "feature");
            foreach (var m in o.Measurements)
            {
                Validate(measurementRules, new MeasurementInput { MeasuredOn = m.MeasuredOn.ToDateTime(TimeOnly.MinValue), Value = m.Value, Note = m.Note },
                    $"{where}, measurement of {m.MeasuredOn:yyyy-MM-dd}");
            }
        }

        foreach (var p in document.Personas)
        {
            Validate(personaRules, new PersonaInput { Name = p.Name, UserGroup = p.UserGroup, Goals = p.Goals, Pains = p.Pains, Context = p.Context },
                $"Persona \"{Short(p.Name)}\"");
        }

        foreach (var p in document.Problems)
        {
            var where = $"Problem \"{Short(p.Statement)}\"";

            // A problem whose personas were all deleted is kept by the app (flagged), so a file may hold one too.
            Validate(problemRules, new ProblemInput { Statement = p.Statement, Severity = p.Severity, Frequency = p.Frequency, Evidence = p.Evidence },
                where, f => f.PropertyName == nameof(ProblemInput.PersonaIds));
            Refs(p.Personas, personas, where, "persona");
        }

        foreach (var p in document.Phases)
        {
            var where = $"Phase \"{Short(p.Name)}\"";
            Validate(phaseRules, new PhaseInput
            {
                Name = p.Name, Goal = p.Goal, ExitCriteria = p.ExitCriteria,
                StartDate = p.StartDate?.ToDateTime(TimeOnly.MinValue), EndDate = p.EndDate?.ToDateTime(TimeOnly.MinValue),
            }, where);
            foreach (var (c, i) in p.GateConditions.Select((c, i) => (c, i)))
            {
                var conditionWhere = $"{where}, gate condition {i + 1}";

                // A condition whose outcome was deleted is kept by the app (the gate says so and is not met), so a file
                // may hold one too: the outcome is checked only when the file names one.
                Validate(gateRules, new GateConditionInput { Kind = c.Kind, OutcomeId = 0, Threshold = c.Threshold, RoleName = c.RoleName }, conditionWhere);
                Refs([c.Outcome], outcomes, conditionWhere, "outcome");
                if (c.Kind != GateConditionKind.SignOff && (c.SignedOffAt is not null || c.SignedOffByName.Length > 0 || c.SignOffNote.Length > 0))
                {
                    errors.Add($"{conditionWhere}: only a sign-off condition can be signed off.");
                }

                Validate(signOffRules, new SignOffInput { Note = c.SignOffNote }, conditionWhere);
                CheckText(c.SignedOffByName, TextLimits.Name, conditionWhere, errors);
            }
        }

        foreach (var l in document.Lanes)
        {
            Validate(laneRules, new LaneInput { Name = l.Name }, $"Lane \"{Short(l.Name)}\"");
        }

        foreach (var f in document.Features)
        {
            var where = $"Feature \"{Short(f.Title)}\"";
            Validate(featureRules, new FeatureInput
            {
                Title = f.Title, Description = f.Description, Owner = f.Owner, Status = f.Status, Moscow = f.Moscow,
                Reach = f.Reach, Impact = f.Impact, Confidence = f.Confidence, Effort = f.Effort, Value = f.Value, EffortSize = f.EffortSize,
            }, where);
            Refs([f.Phase], phases, where, "phase");
            Refs([f.Lane], lanes, where, "lane");
            Refs(f.Problems, problems, where, "problem");
            Refs(f.DependsOn, features, where, "feature");
            if (f.Rank < 0)
            {
                errors.Add($"{where}: its position on the board cannot be negative.");
            }

            Validate(datesRules, new FeatureDatesInput
            {
                StartDate = FeatureDates.ToDateTime(f.StartDate), StartPrecision = f.StartPrecision,
                TargetDate = FeatureDates.ToDateTime(f.TargetDate), TargetPrecision = f.TargetPrecision,
            }, where);
        }

        // Dependencies must not loop: the same rule as in the app, over the file's feature positions.
        var position = document.Features.Select((f, i) => (f.Key, i)).DistinctBy(x => x.Key).ToDictionary(x => x.Key, x => x.i);
        var edges = new List<DependencyEdge>();
        foreach (var (f, i) in document.Features.Select((f, i) => (f, i)))
        {
            foreach (var j in f.DependsOn.Distinct().Where(position.ContainsKey).Select(k => position[k]))
            {
                if (DependencyRules.CycleIfAdded(edges, i, j) is { } loop)
                {
                    errors.Add($"Feature \"{Short(f.Title)}\": its dependencies make a loop ({string.Join(" → ", loop.Select(x => $"\"{Short(document.Features[x].Title)}\""))}).");
                }
                else
                {
                    edges.Add(new DependencyEdge(i, j));
                }
            }
        }

        Keys(document.Milestones, m => m.Key, "Milestone");
        foreach (var m in document.Milestones)
        {
            var where = $"Milestone \"{Short(m.Name)}\"";
            Validate(milestoneRules, new MilestoneInput { Name = m.Name, Date = m.Date.ToDateTime(TimeOnly.MinValue), Kind = m.Kind, Notes = m.Notes }, where);
            Refs([m.Lane], lanes, where, "lane");
        }

        foreach (var c in document.Commitments)
        {
            Validate(commitmentRules, new CommitmentInput { Text = c.Text }, $"Commitment \"{Short(c.Text)}\"");
        }

        foreach (var s in document.JourneyStages)
        {
            Validate(stageRules, new StageInput { Name = s.Name, Touchpoints = s.Touchpoints, InternalActions = s.InternalActions }, $"Journey stage \"{Short(s.Name)}\"");
        }

        foreach (var r in document.OperationRoles)
        {
            Validate(roleRules, new RoleInput { Name = r.Name, Holder = r.Holder }, $"Role \"{Short(r.Name)}\"");
        }

        foreach (var p in document.CoreProcesses)
        {
            var where = $"Process \"{Short(p.Name)}\"";
            Validate(processRules, new ProcessInput { Name = p.Name, Steps = p.Steps, Automation = p.Automation }, where);
            Refs([p.Stage], stages, where, "journey stage");
            Refs([p.OwnerRole], roles, where, "role");
            Refs(p.Commitments, commitments, where, "commitment");
            Refs(p.Tools, tools, where, "tool");
            Refs(p.Features, features, where, "feature");
        }

        foreach (var t in document.EssentialTools)
        {
            Validate(toolRules, new ToolInput { Name = t.Name, Category = t.Category, MonthlyCost = t.MonthlyCost }, $"Tool \"{Short(t.Name)}\"");
        }

        foreach (var k in document.Kpis)
        {
            var where = $"KPI \"{Short(k.Name)}\"";
            Validate(kpiRules, new KpiInput { Name = k.Name, Unit = k.Unit, Direction = k.Direction, Target = k.Target, Cadence = k.Cadence }, where);
            Refs([k.OwnerRole], roles, where, "role");
            foreach (var m in k.Measurements)
            {
                Validate(measurementRules, new MeasurementInput { MeasuredOn = m.MeasuredOn.ToDateTime(TimeOnly.MinValue), Value = m.Value, Note = m.Note },
                    $"{where}, measurement of {m.MeasuredOn:yyyy-MM-dd}");
            }

            foreach (var r in k.Reviews)
            {
                Validate(reviewRules, new ReviewInput { HeldOn = r.HeldOn.ToDateTime(TimeOnly.MinValue), Notes = r.Notes }, $"{where}, review of {r.HeldOn:yyyy-MM-dd}");
            }
        }

        foreach (var f in document.Feedback)
        {
            var where = $"Feedback \"{Short(f.Text)}\"";
            Validate(feedbackRules, new FeedbackInput
            {
                Text = f.Text, Source = f.Source, Organisation = f.Organisation, GivenBy = f.GivenBy, Importance = f.Importance,
                ReceivedOn = f.ReceivedOn.ToDateTime(TimeOnly.MinValue),
            }, where);
            Validate(feedbackLinksRules, new FeedbackLinksInput
            {
                ProblemIds = [.. f.Problems.Distinct().Select((_, i) => i)], FeatureIds = [.. f.Features.Distinct().Select((_, i) => i)],
            }, where);
            if (f.ReceivedOn == default)
            {
                errors.Add($"{where}: the day it was received is missing.");
            }

            Refs([f.Persona], personas, where, "persona");
            Refs(f.Problems, problems, where, "problem");
            Refs(f.Features, features, where, "feature");
        }

        foreach (var d in document.Decisions)
        {
            var where = $"Decision of {d.DecidedOn:yyyy-MM-dd} after \"{Short(d.PhaseName)}\"";

            // A decision outlives its phase (the name stays), so a file may hold one whose phase is gone.
            Validate(decisionRules, new DecisionInput
            {
                PhaseId = 0, Decision = d.Decision, DecidedOn = d.DecidedOn.ToDateTime(TimeOnly.MinValue), Reasons = d.Reasons, DecidedBy = d.DecidedBy,
            }, where);
            CheckName(d.PhaseName, where, errors);
            if (d.DecidedOn == default)
            {
                errors.Add($"{where}: the day of the decision is missing.");
            }

            Refs([d.Phase], phases, where, "phase");
            Refs(d.Outcomes, outcomes, where, "outcome");
            Refs(d.Feedback, feedback, where, "feedback");
            foreach (var check in d.Gate)
            {
                CheckText(check.OutcomeName, TextLimits.Line, $"{where}, gate", errors);
                CheckText(check.RoleName, TextLimits.Name, $"{where}, gate", errors);
                CheckText(check.SignedOffByName, TextLimits.Name, $"{where}, gate", errors);
                CheckText(check.SignOffNote, TextLimits.Line, $"{where}, gate", errors);
            }
        }

        if (document.Workshops.Count(w => w.EndedAt is null) > 1)
        {
            errors.Add("More than one workshop is still running; a plan has one running workshop at most.");
        }

        foreach (var w in document.Workshops)
        {
            var where = $"Workshop \"{Short(w.Name)}\"";
            CheckName(w.Name, where, errors);
            foreach (var round in w.Rounds)
            {
                var roundWhere = $"{where}, vote \"{Short(round.Title)}\"";
                CheckName(round.Title, roundWhere, errors);
                if (round.DotsPerPerson is < 1 or > 100)
                {
                    errors.Add($"{roundWhere}: dots per person go from 1 to 100.");
                }

                Refs(round.Items.Select(i => i.Item), round.ItemKind == VoteItemKind.Feature ? features : problems, roundWhere,
                    round.ItemKind == VoteItemKind.Feature ? "feature" : "problem");
                foreach (var voter in round.Items.SelectMany(i => i.Votes).GroupBy(v => v.Voter))
                {
                    if (voter.Any(v => v.Dots < 1) || voter.Sum(v => v.Dots) > round.DotsPerPerson)
                    {
                        errors.Add($"{roundWhere}: {Short(voter.Key)} placed more dots than the vote allows, or fewer than one on an item.");
                    }
                }

                foreach (var item in round.Items)
                {
                    CheckName(item.Label, roundWhere, errors);
                    if (item.Votes.GroupBy(v => v.Voter).Any(g => g.Count() > 1))
                    {
                        errors.Add($"{roundWhere}: a voter appears twice on \"{Short(item.Label)}\".");
                    }
                }
            }
        }

        return errors.Count > MaxProblems ? [.. errors.Take(MaxProblems), $"… and {errors.Count - MaxProblems} more."] : errors;
    }

    private static void CheckName(string name, string where, List<string> errors)
    {
        if (!Text.HasVisibleContent(name) || name.Length > TextLimits.Name || !Text.IsStorable(name))
        {
            errors.Add($"{where}: a name is empty, longer than {TextLimits.Name} characters or holds characters that cannot be stored.");
        }
    }

    /// <summary>An optional text kept as a record: within its column and storable.</summary>
    private static void CheckText(string? text, int limit, string where, List<string> errors)
    {
        if (text is not null && (text.Length > limit || !Text.IsStorable(text)))
        {
            errors.Add($"{where}: a text is longer than {limit} characters or holds characters that cannot be stored.");
        }
    }

    internal static string Short(string? text)
    {
        var clean = (text ?? "").ReplaceLineEndings(" ").Trim();
        return clean.Length <= 60 ? clean : clean[..59] + "…";
    }
}

/// <summary>Turns a checked document into new entities, keyed references into navigations.</summary>
internal sealed class PlanDocumentWriter
{
    private readonly PlanDocument _document;
    private readonly Dictionary<string, Feature> _features = [];
    private readonly Dictionary<string, Problem> _problems = [];
    private List<FeedbackItem> _feedback = [];
    private List<GateCondition> _conditions = [];
    private List<PhaseDecision> _decisions = [];
    private List<WorkshopSession> _sessions = [];

    private PlanDocumentWriter(PlanDocument document, Plan plan)
    {
        _document = document;
        Plan = plan;
    }

    public Plan Plan { get; }

    public static PlanDocumentWriter Build(PlanDocument d, int workspaceId)
    {
        var plan = new Plan
        {
            WorkspaceId = workspaceId,
            Name = Text.Clean(d.Plan.Name),
            Vision = Text.Clean(d.Plan.Vision),
            ValueProposition = Text.Clean(d.Plan.ValueProposition),
            IsArchived = d.Plan.IsArchived,
            CompletedLaunchSteps = d.Plan.CompletedLaunchSteps
                .Select(s => Enum.TryParse<LaunchSteps>(s, ignoreCase: true, out var step) ? step : LaunchSteps.None)
                .Aggregate(LaunchSteps.None, (all, step) => all | step),
        };
        var writer = new PlanDocumentWriter(d, plan);

        plan.Outcomes = d.Outcomes.Select((o, i) => new TargetOutcome
        {
            Description = Text.Clean(o.Description), Metric = Text.Clean(o.Metric), Baseline = Text.Clean(o.Baseline), Target = Text.Clean(o.Target), Order = i,
            BaselineValue = o.BaselineValue, TargetValue = o.TargetValue, TargetDate = o.TargetDate,
            Measurements = [.. o.Measurements.Select(m => new OutcomeMeasurement { MeasuredOn = m.MeasuredOn, Value = m.Value, Note = Text.Clean(m.Note) })],
        }).ToList();
        var personas = d.Personas.ToDictionary(p => p.Key, p => new Persona
        {
            Name = Text.Clean(p.Name), UserGroup = Text.Clean(p.UserGroup), Goals = Text.Clean(p.Goals), Pains = Text.Clean(p.Pains), Context = Text.Clean(p.Context),
        });
        plan.Personas = [.. d.Personas.Select(p => personas[p.Key])];
        foreach (var (o, outcome) in d.Outcomes.Zip(plan.Outcomes))
        {
            outcome.Persona = o.Persona is null ? null : personas[o.Persona];
        }

        foreach (var p in d.Problems)
        {
            writer._problems[p.Key] = new Problem
            {
                Statement = Text.Clean(p.Statement), Severity = p.Severity, Frequency = p.Frequency, Evidence = Text.Clean(p.Evidence),
                Personas = [.. p.Personas.Select(k => personas[k])],
            };
        }

        plan.Problems = [.. d.Problems.Select(p => writer._problems[p.Key])];
        var phases = d.Phases.Select((p, i) => (p.Key, Phase: new RoadmapPhase
        {
            Name = Text.Clean(p.Name), Order = i, StartDate = p.StartDate, EndDate = p.EndDate, Goal = Text.Clean(p.Goal), ExitCriteria = Text.Clean(p.ExitCriteria),
        })).ToDictionary(x => x.Key, x => x.Phase);
        plan.Phases = [.. d.Phases.Select(p => phases[p.Key])];
        var lanes = d.Lanes.Select((l, i) => (l.Key, Lane: new Lane { Name = Text.Clean(l.Name), Order = i })).ToDictionary(x => x.Key, x => x.Lane);
        plan.Lanes = [.. d.Lanes.Select(l => lanes[l.Key])];
        foreach (var f in d.Features)
        {
            writer._features[f.Key] = new Feature
            {
                Title = Text.Clean(f.Title), Description = Text.Clean(f.Description), Status = f.Status, Owner = Text.Clean(f.Owner), Moscow = f.Moscow,
                Reach = f.Reach, Impact = f.Impact, Confidence = f.Confidence, Effort = f.Effort, Value = f.Value, EffortSize = f.EffortSize,
                Phase = f.Phase is null ? null : phases[f.Phase], Lane = f.Lane is null ? null : lanes[f.Lane], Rank = f.Rank,
                NeedsOperationalSupport = f.NeedsOperationalSupport,
                Problems = [.. f.Problems.Select(k => writer._problems[k])],
            };
            FeatureDates.Apply(writer._features[f.Key], FuzzyDate.From(f.StartDate, f.StartPrecision), FuzzyDate.From(f.TargetDate, f.TargetPrecision));
        }

        plan.Milestones = [.. d.Milestones.Select(m => new Milestone
        {
            Name = Text.Clean(m.Name), Date = m.Date, Kind = m.Kind, Lane = m.Lane is null ? null : lanes[m.Lane], Notes = Text.Clean(m.Notes),
        })];

        plan.Features = [.. d.Features.Select(f => writer._features[f.Key])];
        foreach (var (o, outcome) in d.Outcomes.Zip(plan.Outcomes))
        {
            outcome.Features = [.. o.Features.Distinct().Select(k => writer._features[k])];
        }

        foreach (var f in d.Features)
        {
            writer._features[f.Key].Dependencies = [.. f.DependsOn.Distinct().Select(k => writer._features[k])];
        }

        var commitments = d.Commitments.ToDictionary(c => c.Key, c => new Commitment { Text = Text.Clean(c.Text) });
        plan.Commitments = [.. d.Commitments.Select(c => commitments[c.Key])];
        var stages = d.JourneyStages.Select((s, i) => (s.Key, Stage: new JourneyStage
        {
            Name = Text.Clean(s.Name), Order = i, Touchpoints = Text.Clean(s.Touchpoints), InternalActions = Text.Clean(s.InternalActions),
        })).ToDictionary(x => x.Key, x => x.Stage);
        plan.JourneyStages = [.. d.JourneyStages.Select(s => stages[s.Key])];
        var roles = d.OperationRoles.ToDictionary(r => r.Key, r => new OperationRole { Name = Text.Clean(r.Name), Holder = Text.Clean(r.Holder) });
        plan.OperationRoles = [.. d.OperationRoles.Select(r => roles[r.Key])];
        var tools = d.EssentialTools.ToDictionary(t => t.Key, t => new EssentialTool { Name = Text.Clean(t.Name), Category = Text.Clean(t.Category), MonthlyCost = t.MonthlyCost });
        plan.EssentialTools = [.. d.EssentialTools.Select(t => tools[t.Key])];
        plan.CoreProcesses = d.CoreProcesses.Select(p => new CoreProcess
        {
            Name = Text.Clean(p.Name), Stage = p.Stage is null ? null : stages[p.Stage], Steps = p.Steps.Trim(), IsFrontstage = p.IsFrontstage,
            Automation = p.Automation, HasRunManually = p.HasRunManually, OwnerRole = p.OwnerRole is null ? null : roles[p.OwnerRole],
            KeepsCorePromise = p.KeepsCorePromise,
            Commitments = [.. p.Commitments.Select(k => commitments[k])],
            Tools = [.. p.Tools.Select(k => tools[k])],
            Features = [.. p.Features.Select(k => writer._features[k])],
        }).ToList();
        plan.Kpis = d.Kpis.Select(k => new Kpi
        {
            Name = Text.Clean(k.Name), Unit = Text.Clean(k.Unit), Direction = k.Direction, Target = k.Target,
            OwnerRole = k.OwnerRole is null ? null : roles[k.OwnerRole], Cadence = k.Cadence,
            Measurements = [.. k.Measurements.Select(m => new KpiMeasurement { MeasuredOn = m.MeasuredOn, Value = m.Value, Note = Text.Clean(m.Note) })],
            Reviews = [.. k.Reviews.Select(r => new KpiReview { HeldOn = r.HeldOn, Notes = Text.Clean(r.Notes) })],
        }).ToList();

        // Feedback, gates and decisions hang off the plan without a list on it: each names the plan itself.
        var outcomes = d.Outcomes.Zip(plan.Outcomes).ToDictionary(x => x.First.Key, x => x.Second);
        var feedback = d.Feedback.ToDictionary(f => f.Key, f => new FeedbackItem
        {
            Plan = plan, Text = Text.Clean(f.Text), Source = f.Source, Persona = f.Persona is null ? null : personas[f.Persona],
            Organisation = Text.Clean(f.Organisation), GivenBy = Text.Clean(f.GivenBy), ReceivedOn = f.ReceivedOn, Importance = f.Importance, State = f.State,
            Problems = [.. f.Problems.Distinct().Select(k => writer._problems[k])],
            Features = [.. f.Features.Distinct().Select(k => writer._features[k])],
        });
        writer._feedback = [.. d.Feedback.Select(f => feedback[f.Key])];

        // Kept as the app keeps them: an outcome only for an outcome condition, a role and a sign-off only for a sign-off.
        writer._conditions = [.. d.Phases.SelectMany(p => p.GateConditions.Select(c => new GateCondition
        {
            Plan = plan, Phase = phases[p.Key], Kind = c.Kind,
            Outcome = c.Kind == GateConditionKind.OutcomeReaches && c.Outcome is not null ? outcomes[c.Outcome] : null,
            Threshold = c.Kind == GateConditionKind.SignOff ? null : c.Threshold,
            RoleName = c.Kind == GateConditionKind.SignOff ? Text.Clean(c.RoleName) : "",
            SignedOffAt = c.SignedOffAt, SignedOffByName = Text.Clean(c.SignedOffByName), SignOffNote = Text.Clean(c.SignOffNote),
        }))];
        writer._decisions = [.. d.Decisions.Select(x => new PhaseDecision
        {
            Plan = plan, Phase = x.Phase is null ? null : phases[x.Phase], PhaseName = Text.Clean(x.PhaseName), Decision = x.Decision,
            DecidedOn = x.DecidedOn, Reasons = Text.Clean(x.Reasons), DecidedBy = Text.Clean(x.DecidedBy),
            Outcomes = [.. x.Outcomes.Distinct().Select(k => outcomes[k])],
            FeedbackItems = [.. x.Feedback.Distinct().Select(k => feedback[k])],

            // The snapshot's condition ids belonged to the other plan; they are not carried over.
            GateSnapshot = GateSnapshots.Write(new GateResult([.. x.Gate.Select(g => new ConditionResult(0, g.Kind, g.IsMet, g.Reason, g.OutcomeName,
                g.Threshold, g.Actual, g.LowerIsBetter, g.RoleName, g.SignedOffAt, g.SignedOffByName, g.SignOffNote))])),
        })];
        return writer;
    }

    public IEnumerable<object> ItemsInOrder() =>
    [
        .. Plan.Outcomes, .. Plan.Personas, .. Plan.Problems, .. Plan.Phases, .. Plan.Lanes, .. Plan.Features, .. Plan.Milestones, .. Plan.Commitments,
        .. Plan.JourneyStages, .. Plan.OperationRoles, .. Plan.EssentialTools, .. Plan.CoreProcesses, .. Plan.Kpis,
        .. _feedback, .. _conditions, .. _decisions,
    ];

    /// <summary>The workshops with their votes, once the plan's items have ids. Voters have no account here, so each
    /// gets a stand-in id made from their name: the same person is one voter across rounds.</summary>
    public IEnumerable<WorkshopSession> Workshops(Caller importer)
    {
        _sessions = _document.Workshops.Select(w => new WorkshopSession
        {
            PlanId = Plan.Id,
            Name = Text.Clean(w.Name),
            FacilitatorId = importer.UserId,
            FacilitatorName = Text.Clean(w.Facilitator),
            StartedAt = w.StartedAt,
            EndedAt = w.EndedAt,
            Rounds = w.Rounds.Select(r =>
            {
                var itemIds = r.Items.Select((item, i) => item.Item is null
                    ? -(i + 1) // the voted item was deleted before the export; its label keeps the record readable
                    : r.ItemKind == VoteItemKind.Feature ? _features[item.Item].Id : _problems[item.Item].Id).ToList();
                return new VoteRound
                {
                    Title = Text.Clean(r.Title), ItemKind = r.ItemKind, DotsPerPerson = r.DotsPerPerson, AllowSeveralDotsPerItem = r.AllowSeveralDotsPerItem,
                    IsRevealed = r.IsRevealed, AppliedAt = r.AppliedAt, CreatedAt = r.CreatedAt,
                    Items = [.. r.Items.Select((item, i) => new VoteRoundItem { ItemId = itemIds[i], Label = Text.Clean(item.Label) })],
                    Votes = [.. r.Items.SelectMany((item, i) => item.Votes.Select(v => new Vote
                    {
                        UserId = VoterId(v.Voter), UserName = Text.Clean(v.Voter), ItemId = itemIds[i], Dots = v.Dots,
                    }))],
                };
            }).ToList(),
        }).ToList();
        return _sessions;
    }

    /// <summary>Each voter's spent dots, so a round left open keeps its budget.</summary>
    public IEnumerable<VoteBallot> Ballots() =>
        _sessions.SelectMany(s => s.Rounds).SelectMany(r => r.Votes.GroupBy(v => v.UserId).Select(g => new VoteBallot
        {
            RoundId = r.Id, UserId = g.Key, DotsUsed = g.Sum(v => v.Dots), DotsAllowed = r.DotsPerPerson,
        }));

    private static string VoterId(string voter) => $"imported:{voter}";
}
