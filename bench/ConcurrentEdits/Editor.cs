using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Problems;

namespace MvpPlanner.Bench.ConcurrentEdits;

internal enum ChangeKind
{
    OwnFeature,
    SharedCounter,
    NewPersona,
    NewProblem,
}

/// <summary>What each editor's j-th change is. The mix: a third edits the editor's own feature, a third adds one to the
/// shared counter, a third adds a persona or a problem (alternately). The verification counts from the same schedule.</summary>
internal static class Schedule
{
    public static ChangeKind KindOf(int change) => (change % 3) switch
    {
        0 => ChangeKind.OwnFeature,
        1 => ChangeKind.SharedCounter,
        _ => change / 3 % 2 == 0 ? ChangeKind.NewPersona : ChangeKind.NewProblem,
    };
}

/// <summary>What one editor did: latency per change (from the first read to the save that succeeded, retries included),
/// each save call's own time, successes per kind, conflicts retried, and failures.</summary>
internal sealed class EditorResult
{
    public Dictionary<ChangeKind, List<double>> Latencies { get; } = Enum.GetValues<ChangeKind>().ToDictionary(k => k, _ => new List<double>());

    public List<double> SaveCalls { get; } = [];

    public List<double> Reads { get; } = [];

    public int ConflictsRetried { get; set; }

    public List<string> Failures { get; } = [];

    public int Succeeded(ChangeKind kind) => Latencies[kind].Count;
}

/// <summary>One person editing the plan: their own service scope (as a Blazor circuit has) signed in as them, making
/// their changes one after the other through the app's services, as the pages do.</summary>
internal sealed class Editor(IServiceProvider root, BenchPlan plan, EditorAccount me, int changes, bool blindRetry)
{
    /// <summary>A counter bump that loses this many races in a row is reported as a failure, not retried forever.</summary>
    private const int MaxAttempts = 1000;

    public async Task<EditorResult> RunAsync(Task go)
    {
        await using var scope = root.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SettableCallerAccessor>().Caller = me.Caller;
        var features = scope.ServiceProvider.GetRequiredService<FeatureService>();
        var personas = scope.ServiceProvider.GetRequiredService<PersonaService>();
        var problems = scope.ServiceProvider.GetRequiredService<ProblemService>();
        var result = new EditorResult();
        await go;

        var ownEdits = 0;
        for (var j = 0; j < changes; j++)
        {
            var kind = Schedule.KindOf(j);
            var clock = Stopwatch.StartNew();
            var outcome = kind switch
            {
                ChangeKind.OwnFeature => await EditOwnFeatureAsync(features, ownEdits + 1, result),
                ChangeKind.SharedCounter => await BumpSharedCounterAsync(features, result),
                ChangeKind.NewPersona => await TimedSaveAsync(result, () => personas.CreateAsync(plan.PlanId, new PersonaInput
                {
                    Name = $"Editor {me.Number} persona {j}",
                })),
                _ => await TimedSaveAsync(result, () => problems.CreateAsync(plan.PlanId, new ProblemInput
                {
                    Statement = $"Editor {me.Number} problem {j}",
                    PersonaIds = [plan.PersonaId],
                })),
            };
            clock.Stop();
            if (outcome.Succeeded)
            {
                result.Latencies[kind].Add(clock.Elapsed.TotalMilliseconds);
                ownEdits += kind == ChangeKind.OwnFeature ? 1 : 0;
            }
            else
            {
                result.Failures.Add($"editor {me.Number} change {j} ({kind}): {outcome.Status} {outcome.Message}");
            }
        }

        return result;
    }

    /// <summary>The feature dialog: read the feature, change its title and reach, save with the version read. Nobody
    /// else edits this feature, so it must never conflict.</summary>
    private async Task<ServiceResult> EditOwnFeatureAsync(FeatureService features, int edit, EditorResult result)
    {
        var row = await TimedReadAsync(result, () => features.GetRowAsync(plan.PlanId, me.FeatureId));
        var input = row!.ToInput();
        input.Title = $"Editor {me.Number}'s feature, edit {edit}";
        input.Reach = (input.Reach ?? 0) + 1;
        return await TimedSaveAsync(result, () => features.UpdateAsync(plan.PlanId, me.FeatureId, input));
    }

    /// <summary>The backlog grid's reach cell on the one feature everybody edits: read it, add one, save with the
    /// version read. Someone else saving in between makes it a conflict: read again and add one again, as a person
    /// reloading and reapplying would.</summary>
    private async Task<ServiceResult> BumpSharedCounterAsync(FeatureService features, EditorResult result)
    {
        FeaturePriorityInput? stale = null;
        for (var attempt = 1; ; attempt++)
        {
            var row = await TimedReadAsync(result, () => features.GetRowAsync(plan.PlanId, plan.SharedFeatureId));
            var input = row!.ToPriorityInput();
            input.Reach = (input.Reach ?? 0) + 1;
            if (blindRetry && stale is not null)
            {
                stale.Version = input.Version;
                input = stale;
            }

            stale = input;
            var saved = await TimedSaveAsync(result, () => features.UpdatePriorityAsync(plan.PlanId, plan.SharedFeatureId, input));
            if (saved.Status != ResultStatus.Conflict || attempt == MaxAttempts)
            {
                return saved;
            }

            result.ConflictsRetried++;
        }
    }

    private static async Task<T> TimedReadAsync<T>(EditorResult result, Func<Task<T>> read)
    {
        var clock = Stopwatch.StartNew();
        var value = await read();
        result.Reads.Add(clock.Elapsed.TotalMilliseconds);
        return value;
    }

    private static async Task<T> TimedSaveAsync<T>(EditorResult result, Func<Task<T>> save)
    {
        var clock = Stopwatch.StartNew();
        var value = await save();
        result.SaveCalls.Add(clock.Elapsed.TotalMilliseconds);
        return value;
    }
}
