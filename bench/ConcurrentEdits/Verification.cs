using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Bench.ConcurrentEdits;

/// <summary>One thing the database must hold after the run, expected from what the services said they saved.</summary>
/// <param name="CountsChanges">Counts saved changes (lost updates are summed over these); the others check that the
/// versions, names and history agree with them.</param>
internal sealed record Check(string What, long Expected, long Actual, bool CountsChanges = false)
{
    public bool Holds => Expected == Actual;

    /// <summary>Saves the services confirmed that the database does not show.</summary>
    public long Lost => Math.Max(0, Expected - Actual);
}

/// <summary>Reads the plan back in a fresh context after every editor has finished and compares it with the changes
/// the services reported as saved.</summary>
internal static class Verification
{
    public static async Task<IReadOnlyList<Check>> RunAsync(IDbContextFactory<PlannerDbContext> dbFactory, BenchPlan plan,
        IReadOnlyList<EditorResult> results, int activityBefore, int personasBefore, int problemsBefore)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var checks = new List<Check>();
        var features = await db.Features.AsNoTracking().Where(f => f.PlanId == plan.PlanId)
            .Select(f => new { f.Id, f.Title, f.Reach, f.Version }).ToDictionaryAsync(f => f.Id);

        var bumps = results.Sum(r => r.Succeeded(ChangeKind.SharedCounter));
        var shared = features[plan.SharedFeatureId];
        checks.Add(new Check("shared counter (reach of the shared feature)", bumps, shared.Reach ?? 0, CountsChanges: true));
        checks.Add(new Check("shared feature version steps", bumps, shared.Version - plan.SharedFeatureVersion));

        long ownExpected = 0, ownReach = 0, ownVersions = 0, ownTitles = 0;
        for (var i = 0; i < plan.Editors.Count; i++)
        {
            var editor = plan.Editors[i];
            var edits = results[i].Succeeded(ChangeKind.OwnFeature);
            var feature = features[editor.FeatureId];
            ownExpected += edits;
            ownReach += Math.Min(edits, feature.Reach ?? 0);
            ownVersions += Math.Min(edits, feature.Version - editor.FeatureVersion);
            // The title names the last edit: an earlier one winning at the end would be a lost update too.
            var lastTitle = edits == 0 ? $"Editor {editor.Number}'s feature" : $"Editor {editor.Number}'s feature, edit {edits}";
            ownTitles += feature.Title == lastTitle && (feature.Reach ?? 0) == edits ? edits : 0;
        }

        checks.Add(new Check("own-feature edits (sum of their reach)", ownExpected, ownReach, CountsChanges: true));
        checks.Add(new Check("own-feature version steps", ownExpected, ownVersions));
        checks.Add(new Check("own-feature edits whose feature shows the last edit", ownExpected, ownTitles));

        var newPersonas = results.Sum(r => r.Succeeded(ChangeKind.NewPersona));
        var newProblems = results.Sum(r => r.Succeeded(ChangeKind.NewProblem));
        var personas = await db.Personas.Where(p => p.PlanId == plan.PlanId).Select(p => p.Name).ToListAsync();
        var problems = await db.Problems.Where(p => p.PlanId == plan.PlanId).Select(p => p.Statement).ToListAsync();
        checks.Add(new Check("personas added", newPersonas, personas.Count - personasBefore, CountsChanges: true));
        checks.Add(new Check("personas added, distinct names", newPersonas, personas.Distinct().Count() - personasBefore));
        checks.Add(new Check("problems added", newProblems, problems.Count - problemsBefore, CountsChanges: true));
        checks.Add(new Check("problems added, distinct statements", newProblems, problems.Distinct().Count() - problemsBefore));

        // Every save records one history entry per plan item it changes; each change here saves exactly one item.
        var saved = bumps + ownExpected + newPersonas + newProblems;
        var activity = await db.ActivityEntries.CountAsync(a => a.PlanId == plan.PlanId);
        checks.Add(new Check("history entries (one per saved change)", saved, activity - activityBefore));
        return checks;
    }
}
