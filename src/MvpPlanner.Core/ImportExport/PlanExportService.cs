using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Workshops;

namespace MvpPlanner.Core.ImportExport;

/// <summary>A downloadable file: what the export endpoints send.</summary>
public sealed record ExportFile(string FileName, string ContentType, byte[] Content);

/// <summary>Reads a whole plan into a <see cref="PlanDocument"/>; every export (JSON, Markdown, the roadmap image, a
/// duplicate) starts from it. Any member of the plan's workspace may export; to anyone else the plan does not exist.</summary>
public class PlanExportService(
    IDbContextFactory<PlannerDbContext> dbFactory,
    PlanAccess access,
    TimeProvider clock,
    ILogger<PlanExportService> logger)
{
    public async Task<ServiceResult<PlanDocument>> GetDocumentAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is { } denied)
        {
            return Fail.From(denied);
        }

        var document = await ReadAsync(db, planId, clock.GetUtcNow().UtcDateTime, ct);
        return ServiceResult<PlanDocument>.Ok(document);
    }

    public async Task<ServiceResult<ExportFile>> PlanJsonAsync(int planId, CancellationToken ct = default)
    {
        var document = await GetDocumentAsync(planId, ct);
        if (!document.Succeeded)
        {
            return ServiceResult<ExportFile>.From(document);
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(document.Value!, PlanDocument.JsonOptions);
        logger.LogInformation("Exported plan {PlanId} as JSON ({Bytes} bytes)", planId, bytes.Length);
        return ServiceResult<ExportFile>.Ok(new ExportFile(FileNames.For(document.Value!.Plan.Name, "json"), "application/json", bytes));
    }

    /// <summary>The plan as a document; the caller has checked access. Items are listed in a stable order (their own
    /// order, then creation) and keyed by position, so exporting an imported copy gives the same keys.</summary>
    internal static async Task<PlanDocument> ReadAsync(PlannerDbContext db, int planId, DateTime exportedAt, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == planId, ct);
        var outcomes = await db.TargetOutcomes.AsNoTracking().Where(o => o.PlanId == planId).Include(o => o.Features).Include(o => o.Measurements)
            .OrderBy(o => o.Order).ThenBy(o => o.Id).AsSplitQuery().ToListAsync(ct);
        var personas = (await db.Personas.AsNoTracking().Where(p => p.PlanId == planId).ToListAsync(ct)).OrderBy(p => p.Name, Ordinal).ThenBy(p => p.Id).ToList();
        var problems = (await db.Problems.AsNoTracking().Where(p => p.PlanId == planId).Include(p => p.Personas).OrderBy(p => p.Id).AsSplitQuery().ToListAsync(ct))
            .OrderBy(p => p.Statement, Ordinal).ThenBy(p => p.Id).ToList();
        var phases = await db.RoadmapPhases.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.Order).ThenBy(p => p.Id).ToListAsync(ct);
        var lanes = await db.Lanes.AsNoTracking().Where(l => l.PlanId == planId).OrderBy(l => l.Order).ThenBy(l => l.Id).ToListAsync(ct);
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.PlanId == planId).OrderBy(m => m.Date).ThenBy(m => m.Id).ToListAsync(ct);
        var features = await db.Features.AsNoTracking().Where(f => f.PlanId == planId).Include(f => f.Problems).Include(f => f.Dependencies).OrderBy(f => f.Id).AsSplitQuery().ToListAsync(ct);
        var commitments = (await db.Commitments.AsNoTracking().Where(c => c.PlanId == planId).ToListAsync(ct)).OrderBy(c => c.Text, Ordinal).ThenBy(c => c.Id).ToList();
        var stages = await db.JourneyStages.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.Order).ThenBy(s => s.Id).ToListAsync(ct);
        var roles = (await db.OperationRoles.AsNoTracking().Where(r => r.PlanId == planId).ToListAsync(ct)).OrderBy(r => r.Name, Ordinal).ThenBy(r => r.Id).ToList();
        var processes = await db.CoreProcesses.AsNoTracking().Where(p => p.PlanId == planId)
            .Include(p => p.Commitments).Include(p => p.Tools).Include(p => p.Features)
            .OrderBy(p => p.Id).AsSplitQuery().ToListAsync(ct);
        var tools = (await db.EssentialTools.AsNoTracking().Where(t => t.PlanId == planId).ToListAsync(ct)).OrderBy(t => t.Name, Ordinal).ThenBy(t => t.Id).ToList();
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.PlanId == planId).Include(k => k.Measurements).Include(k => k.Reviews)
            .OrderBy(k => k.Id).AsSplitQuery().ToListAsync(ct);
        var workshops = await db.Set<WorkshopSession>().AsNoTracking().Where(s => s.PlanId == planId)
            .Include(s => s.Rounds).ThenInclude(r => r.Items)
            .Include(s => s.Rounds).ThenInclude(r => r.Votes)
            .OrderBy(s => s.StartedAt).ThenBy(s => s.Id).AsSplitQuery().ToListAsync(ct);
        var feedback = (await db.FeedbackItems.AsNoTracking().Where(f => f.PlanId == planId).Include(f => f.Problems).Include(f => f.Features)
            .OrderBy(f => f.Id).AsSplitQuery().ToListAsync(ct))
            .OrderBy(f => f.ReceivedOn).ThenBy(f => f.Text, Ordinal).ThenBy(f => f.Id).ToList();
        var conditions = (await db.GateConditions.AsNoTracking().Where(c => c.PlanId == planId).OrderBy(c => c.Id).ToListAsync(ct)).ToLookup(c => c.PhaseId);
        var decisions = await db.PhaseDecisions.AsNoTracking().Where(d => d.PlanId == planId).Include(d => d.Outcomes).Include(d => d.FeedbackItems)
            .OrderBy(d => d.DecidedOn).ThenBy(d => d.Id).AsSplitQuery().ToListAsync(ct);

        // Listed by what they are, not by database id: an imported copy gets new ids in an order EF Core chooses, and
        // must still export in the same order with the same keys.
        var phaseOrder = phases.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var laneOrder = lanes.Select((l, i) => (l.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var stageOrder = stages.Select((st, i) => (st.Id, i)).ToDictionary(x => x.Id, x => x.i);
        features = [.. features
            .OrderBy(f => f.PhaseId is { } ph ? phaseOrder[ph] : -1).ThenBy(f => f.LaneId is { } l ? laneOrder[l] : -1)
            .ThenBy(f => f.Rank).ThenBy(f => f.Title, Ordinal).ThenBy(f => f.Id)];
        processes = [.. processes.OrderBy(p => p.StageId is { } st ? stageOrder[st] : -1).ThenBy(p => p.Name, Ordinal).ThenBy(p => p.Id)];
        kpis = [.. kpis.OrderBy(k => k.Name, Ordinal).ThenBy(k => k.Id)];
        workshops = [.. workshops.OrderBy(w => w.StartedAt).ThenBy(w => w.Name, Ordinal).ThenBy(w => w.Id)];

        var outcomeKeys = Keys(outcomes.Select(o => o.Id), "outcome");
        var personaKeys = Keys(personas.Select(p => p.Id), "persona");
        var problemKeys = Keys(problems.Select(p => p.Id), "problem");
        var phaseKeys = Keys(phases.Select(p => p.Id), "phase");
        var laneKeys = Keys(lanes.Select(l => l.Id), "lane");
        var featureKeys = Keys(features.Select(f => f.Id), "feature");
        var commitmentKeys = Keys(commitments.Select(c => c.Id), "commitment");
        var stageKeys = Keys(stages.Select(s => s.Id), "stage");
        var roleKeys = Keys(roles.Select(r => r.Id), "role");
        var processKeys = Keys(processes.Select(p => p.Id), "process");
        var toolKeys = Keys(tools.Select(t => t.Id), "tool");
        var feedbackKeys = Keys(feedback.Select(f => f.Id), "feedback");

        return new PlanDocument
        {
            ExportedAt = exportedAt,
            Plan = new PlanSection
            {
                Name = plan.Name,
                Vision = plan.Vision,
                ValueProposition = plan.ValueProposition,
                IsArchived = plan.IsArchived,
                CompletedLaunchSteps = Enum.GetValues<LaunchSteps>()
                    .Where(s => s != LaunchSteps.None && plan.CompletedLaunchSteps.HasFlag(s))
                    .Select(s => JsonNamingPolicy.CamelCase.ConvertName(s.ToString()))
                    .ToList(),
                CreatedAt = plan.CreatedAt,
                UpdatedAt = plan.UpdatedAt,
            },
            Outcomes = outcomes.Select(o => new OutcomeDoc
            {
                Key = outcomeKeys[o.Id], Description = o.Description, Metric = o.Metric, Baseline = o.Baseline, Target = o.Target,
                BaselineValue = o.BaselineValue, TargetValue = o.TargetValue, TargetDate = o.TargetDate,
                Persona = o.PersonaId is { } persona ? personaKeys[persona] : null,
                Features = RefList(o.Features.Select(f => f.Id), featureKeys),
                Measurements = o.Measurements.OrderBy(m => m.MeasuredOn).ThenBy(m => m.Value).ThenBy(m => m.Note, Ordinal).ThenBy(m => m.Id)
                    .Select(m => new MeasurementDoc { MeasuredOn = m.MeasuredOn, Value = m.Value, Note = m.Note }).ToList(),
            }).ToList(),
            Personas = personas.Select(p => new PersonaDoc
            {
                Key = personaKeys[p.Id], Name = p.Name, UserGroup = p.UserGroup, Goals = p.Goals, Pains = p.Pains, Context = p.Context,
            }).ToList(),
            Problems = problems.Select(p => new ProblemDoc
            {
                Key = problemKeys[p.Id], Statement = p.Statement, Severity = p.Severity, Frequency = p.Frequency, Evidence = p.Evidence,
                Personas = RefList(p.Personas.Select(x => x.Id), personaKeys),
            }).ToList(),
            Phases = phases.Select(p => new PhaseDoc
            {
                Key = phaseKeys[p.Id], Name = p.Name, StartDate = p.StartDate, EndDate = p.EndDate, Goal = p.Goal, ExitCriteria = p.ExitCriteria,
                GateConditions = conditions[p.Id].Select(c => new GateConditionDoc
                {
                    // Who signed off appears by name only: plan.json holds no user ids.
                    Kind = c.Kind, Outcome = Ref(c.OutcomeId, outcomeKeys), Threshold = c.Threshold, RoleName = c.RoleName,
                    SignedOffAt = c.SignedOffAt, SignedOffByName = c.SignedOffByName, SignOffNote = c.SignOffNote,
                }).ToList(),
            }).ToList(),
            Lanes = lanes.Select(l => new LaneDoc { Key = laneKeys[l.Id], Name = l.Name }).ToList(),
            Features = features.Select(f => new FeatureDoc
            {
                Key = featureKeys[f.Id], Title = f.Title, Description = f.Description, Status = f.Status, Owner = f.Owner, Moscow = f.Moscow,
                Reach = f.Reach, Impact = f.Impact, Confidence = f.Confidence, Effort = f.Effort, Value = f.Value, EffortSize = f.EffortSize,
                Phase = Ref(f.PhaseId, phaseKeys), Lane = Ref(f.LaneId, laneKeys), Rank = f.Rank,
                NeedsOperationalSupport = f.NeedsOperationalSupport,
                Problems = RefList(f.Problems.Select(x => x.Id), problemKeys),
                DependsOn = RefList(f.Dependencies.Select(x => x.Id), featureKeys),
                StartDate = f.StartDate, StartPrecision = f.StartPrecision, TargetDate = f.TargetDate, TargetPrecision = f.TargetPrecision,
            }).ToList(),
            Milestones = milestones.Select((m, i) => new MilestoneDoc
            {
                Key = $"milestone-{i + 1}", Name = m.Name, Date = m.Date, Kind = m.Kind, Lane = Ref(m.LaneId, laneKeys), Notes = m.Notes,
            }).ToList(),
            Commitments = commitments.Select(c => new CommitmentDoc { Key = commitmentKeys[c.Id], Text = c.Text }).ToList(),
            JourneyStages = stages.Select(s => new JourneyStageDoc
            {
                Key = stageKeys[s.Id], Name = s.Name, Touchpoints = s.Touchpoints, InternalActions = s.InternalActions,
            }).ToList(),
            OperationRoles = roles.Select(r => new OperationRoleDoc { Key = roleKeys[r.Id], Name = r.Name, Holder = r.Holder }).ToList(),
            CoreProcesses = processes.Select(p => new CoreProcessDoc
            {
                Key = processKeys[p.Id], Name = p.Name, Stage = Ref(p.StageId, stageKeys), Steps = p.Steps, IsFrontstage = p.IsFrontstage,
                Automation = p.Automation, HasRunManually = p.HasRunManually, OwnerRole = Ref(p.OwnerRoleId, roleKeys),
                KeepsCorePromise = p.KeepsCorePromise,
                Commitments = RefList(p.Commitments.Select(x => x.Id), commitmentKeys),
                Tools = RefList(p.Tools.Select(x => x.Id), toolKeys),
                Features = RefList(p.Features.Select(x => x.Id), featureKeys),
            }).ToList(),
            EssentialTools = tools.Select(t => new EssentialToolDoc
            {
                Key = toolKeys[t.Id], Name = t.Name, Category = t.Category, MonthlyCost = t.MonthlyCost,
            }).ToList(),
            Kpis = kpis.Select((k, i) => new KpiDoc
            {
                Key = $"kpi-{i + 1}", Name = k.Name, Unit = k.Unit, Direction = k.Direction, Target = k.Target,
                OwnerRole = Ref(k.OwnerRoleId, roleKeys), Cadence = k.Cadence,
                Measurements = k.Measurements.OrderBy(m => m.MeasuredOn).ThenBy(m => m.Value).ThenBy(m => m.Note, Ordinal).ThenBy(m => m.Id)
                    .Select(m => new MeasurementDoc { MeasuredOn = m.MeasuredOn, Value = m.Value, Note = m.Note }).ToList(),
                Reviews = k.Reviews.OrderBy(r => r.HeldOn).ThenBy(r => r.Notes, Ordinal).ThenBy(r => r.Id)
                    .Select(r => new ReviewDoc { HeldOn = r.HeldOn, Notes = r.Notes }).ToList(),
            }).ToList(),
            Workshops = workshops.Select(s => new WorkshopDoc
            {
                Name = s.Name,
                Facilitator = s.FacilitatorName,
                StartedAt = s.StartedAt,
                EndedAt = s.EndedAt,
                Rounds = s.Rounds.OrderBy(r => r.CreatedAt).ThenBy(r => r.Title, Ordinal).ThenBy(r => r.Id).Select(r => RoundDoc(r, r.ItemKind == VoteItemKind.Feature ? featureKeys : problemKeys)).ToList(),
            }).ToList(),
            Feedback = feedback.Select(f => new FeedbackDoc
            {
                Key = feedbackKeys[f.Id], Text = f.Text, Source = f.Source, Persona = Ref(f.PersonaId, personaKeys), Organisation = f.Organisation,
                GivenBy = f.GivenBy, ReceivedOn = f.ReceivedOn, Importance = f.Importance, State = f.State,
                Problems = RefList(f.Problems.Select(x => x.Id), problemKeys),
                Features = RefList(f.Features.Select(x => x.Id), featureKeys),
            }).ToList(),
            Decisions = decisions.Select((d, i) => new DecisionDoc
            {
                Key = $"decision-{i + 1}", Phase = Ref(d.PhaseId, phaseKeys), PhaseName = d.PhaseName, Decision = d.Decision, DecidedOn = d.DecidedOn,
                Reasons = d.Reasons, DecidedBy = d.DecidedBy,
                Outcomes = RefList(d.Outcomes.Select(x => x.Id), outcomeKeys),
                Feedback = RefList(d.FeedbackItems.Select(x => x.Id), feedbackKeys),
                Gate = GateSnapshots.Read(d.GateSnapshot).Conditions.Select(c => new GateCheckDoc
                {
                    Kind = c.Kind, IsMet = c.IsMet, Reason = c.Reason, OutcomeName = c.OutcomeName, Threshold = c.Threshold, Actual = c.Actual,
                    LowerIsBetter = c.LowerIsBetter, RoleName = c.RoleName, SignedOffAt = c.SignedOffAt, SignedOffByName = c.SignedOffByName,
                    SignOffNote = c.SignOffNote,
                }).ToList(),
            }).ToList(),
        };
    }

    private static VoteRoundDoc RoundDoc(VoteRound round, Dictionary<int, string> itemKeys)
    {
        // Voters appear by display name only; two voters who share one are told apart rather than merged.
        var voterNames = new Dictionary<string, string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var voter in round.Votes.OrderBy(v => v.Id).Select(v => (v.UserId, v.UserName)).Distinct())
        {
            var name = voter.UserName;
            for (var n = 2; !taken.Add(name); n++)
            {
                name = $"{voter.UserName} ({n})";
            }

            voterNames[voter.UserId] = name;
        }

        return new VoteRoundDoc
        {
            Title = round.Title,
            ItemKind = round.ItemKind,
            DotsPerPerson = round.DotsPerPerson,
            AllowSeveralDotsPerItem = round.AllowSeveralDotsPerItem,
            IsRevealed = round.IsRevealed,
            AppliedAt = round.AppliedAt,
            CreatedAt = round.CreatedAt,
            Items = round.Items.OrderBy(i => i.Label, Ordinal).ThenBy(i => i.Id).Select(i => new VoteRoundItemDoc
            {
                Item = itemKeys.GetValueOrDefault(i.ItemId),
                Label = i.Label,
                Votes = round.Votes.Where(v => v.ItemId == i.ItemId)
                    .Select(v => new VoteDoc { Voter = voterNames[v.UserId], Dots = v.Dots })
                    .OrderBy(v => v.Voter, StringComparer.Ordinal)
                    .ToList(),
            }).ToList(),
        };
    }

    private static Dictionary<int, string> Keys(IEnumerable<int> ids, string kind) =>
        ids.Select((id, i) => (id, key: $"{kind}-{i + 1}")).ToDictionary(x => x.id, x => x.key);

    private static string? Ref(int? id, Dictionary<int, string> keys) => id is { } value ? keys.GetValueOrDefault(value) : null;

    private static List<string> RefList(IEnumerable<int> ids, Dictionary<int, string> keys) =>
        ids.Where(keys.ContainsKey).Select(id => keys[id]).OrderBy(k => k.Length).ThenBy(k => k, Ordinal).ToList();

    private static readonly StringComparer Ordinal = StringComparer.Ordinal;
}

/// <summary>Download names made from a plan's name: letters, digits and dashes only, so no header or path can be
/// formed from what a user typed.</summary>
public static class FileNames
{
    public static string For(string planName, string extension, string? suffix = null)
    {
        var chars = planName.Normalize(System.Text.NormalizationForm.FormKD)
            .Where(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '_')
            .Select(c => c is ' ' or '_' ? '-' : char.ToLowerInvariant(c))
            .ToArray();
        var stem = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (stem.Length > 60)
        {
            stem = stem[..60].TrimEnd('-');
        }

        stem = stem.Length == 0 ? "plan" : stem;
        return suffix is null ? $"{stem}.{extension}" : $"{stem}-{suffix}.{extension}";
    }
}
