namespace MvpPlanner.Core.Operations;

public enum FindingSeverity
{
    Low,
    Medium,
    High,
}

/// <summary>Where on the operations page a finding is fixed.</summary>
public enum FixArea
{
    Promise,
    Journey,
    Processes,
    Tools,
    Kpis,
    Features,
}

public sealed record ReadinessFinding(string Rule, FindingSeverity Severity, string Title, string Explanation, FixArea Area, int? ItemId);

public sealed record ReadinessReport(int Score, IReadOnlyList<ReadinessFinding> Findings)
{
    public bool IsReady => Findings.All(f => f.Severity == FindingSeverity.Low);
}

/// <summary>The MVO seed's common mistakes, turned into rules over one plan's operation. Pure: no database, easy to test.</summary>
public static class ReadinessCheck
{
    public static ReadinessReport Evaluate(OperationsView ops, DateOnly today)
    {
        var findings = new List<ReadinessFinding>();
        CheckPromise(ops, findings);
        CheckProcesses(ops, findings);
        CheckFeatures(ops, findings);
        CheckKpis(ops, today, findings);
        var penalty = findings.Sum(f => f.Severity switch
        {
            FindingSeverity.High => 15,
            FindingSeverity.Medium => 7,
            _ => 2,
        });
        return new ReadinessReport(Math.Max(0, 100 - penalty), findings.OrderByDescending(f => f.Severity).ToList());
    }

    private static void CheckPromise(OperationsView ops, List<ReadinessFinding> findings)
    {
        if (string.IsNullOrWhiteSpace(ops.CorePromise))
        {
            findings.Add(new("no-promise", FindingSeverity.High, "No core promise",
                "Every operational decision traces back to the promise. Write the single most important outcome you deliver for customers.", FixArea.Promise, null));
        }
        else if (!ops.Processes.Any(p => p.KeepsCorePromise))
        {
            findings.Add(new("promise-not-kept", FindingSeverity.High, "No process keeps the core promise",
                "The promise has nothing behind it. Mark the process that delivers it, or add one.", FixArea.Processes, null));
        }

        foreach (var commitment in ops.Commitments.Where(c => !ops.Processes.Any(p => p.CommitmentIds.Contains(c.Id))))
        {
            findings.Add(new("commitment-not-kept", FindingSeverity.High, $"Nothing keeps \"{commitment.Text}\"",
                "A commitment needs a process, a tool and a role that make it happen without fail. Link a process to it.", FixArea.Promise, commitment.Id));
        }
    }

    private static void CheckProcesses(OperationsView ops, List<ReadinessFinding> findings)
    {
        foreach (var stage in ops.Stages.Where(s => !ops.Processes.Any(p => p.StageId == s.Id)))
        {
            findings.Add(new("stage-without-process", FindingSeverity.Medium, $"The {stage.Name} stage has no process",
                "Each step of the customer journey needs at least a simple, documented way of getting it done.", FixArea.Journey, stage.Id));
        }

        foreach (var process in ops.Processes)
        {
            if (process.OwnerRoleId is null)
            {
                findings.Add(new("process-without-owner", FindingSeverity.High, $"\"{process.Name}\" has no owner",
                    "Give every process a single owner who makes sure it runs and flags when it breaks.", FixArea.Processes, process.Id));
            }

            if (process.StepList.Count >= OperationsDefaults.ManyProcessSteps)
            {
                findings.Add(new("process-too-complicated", FindingSeverity.Medium, $"\"{process.Name}\" has {process.StepList.Count} steps",
                    "An MVO process should be \"good enough\": a short checklist. Cut it to the steps that keep the promise.", FixArea.Processes, process.Id));
            }

            if (process.Automation == Automation.Automated && !process.HasRunManually)
            {
                findings.Add(new("automated-too-early", FindingSeverity.Medium, $"\"{process.Name}\" is automated before it was run by hand",
                    "Run a process manually with real customers first, learn, then automate what works.", FixArea.Processes, process.Id));
            }
        }
    }

    private static void CheckFeatures(OperationsView ops, List<ReadinessFinding> findings)
    {
        foreach (var feature in ops.Features.Where(f => f.IsInMvpPhase && f.NeedsOperationalSupport && !ops.Processes.Any(p => p.FeatureIds.Contains(f.Id))))
        {
            findings.Add(new("feature-without-process", FindingSeverity.High, $"MVP feature \"{feature.Title}\" has no process behind it",
                "It needs operational support, but no core process supports it. Add one (who does what, how fast) or link an existing process.", FixArea.Features, feature.Id));
        }

        // The MVP cannot launch without what its features need: a prerequisite planned for later holds it back.
        var byId = ops.Features.ToDictionary(f => f.Id);
        foreach (var feature in ops.Features.Where(f => f.IsInMvpPhase))
        {
            foreach (var needed in (feature.DependsOnIds ?? []).Select(id => byId.GetValueOrDefault(id)).OfType<FeatureOption>().Where(d => !d.IsInMvpPhase))
            {
                findings.Add(new("mvp-depends-outside", FindingSeverity.High, $"MVP feature \"{feature.Title}\" depends on \"{needed.Title}\", which is not in the MVP",
                    "It cannot ship before what it needs. Move the other feature into the MVP phase, or remove the dependency (or the feature from the MVP).", FixArea.Features, feature.Id));
            }
        }
    }

    private static void CheckKpis(OperationsView ops, DateOnly today, List<ReadinessFinding> findings)
    {
        if (ops.Kpis.Count == 0)
        {
            findings.Add(new("no-kpi", FindingSeverity.High, "No KPI",
                "Without a feedback loop the team is blind to bottlenecks. Define 2–3 KPIs, such as time to onboard or support response time.", FixArea.Kpis, null));
        }
        else if (ops.Kpis.Count > OperationsDefaults.TooManyKpis)
        {
            findings.Add(new("too-many-kpis", FindingSeverity.Low, $"{ops.Kpis.Count} KPIs",
                $"The recommendation is 2–3. Keep the ones that signal the health of the operation; more dilutes attention.", FixArea.Kpis, null));
        }

        foreach (var kpi in ops.Kpis)
        {
            var window = Cadences.Days(kpi.Cadence);
            if (kpi.Latest is null || kpi.Latest.MeasuredOn.AddDays(window) < today)
            {
                findings.Add(new("kpi-not-measured", FindingSeverity.Medium, $"\"{kpi.Name}\" has no measurement in the last {window} days",
                    $"Its cadence is {Cadences.Label(kpi.Cadence).ToLowerInvariant()}. Record a measurement so the review has something to look at.", FixArea.Kpis, kpi.Id));
            }

            if (kpi.NextReviewDue is { } due && due < today)
            {
                findings.Add(new("review-overdue", FindingSeverity.Medium, $"The review of \"{kpi.Name}\" is overdue",
                    $"It was due on {due:d MMM yyyy}. Hold the review and note what it found.", FixArea.Kpis, kpi.Id));
            }
        }
    }
}
