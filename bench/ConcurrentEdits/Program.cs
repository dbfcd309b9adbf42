using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Bench.ConcurrentEdits;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Data;

// N editors × M changes on one plan at the same moment, through the app's services (the same write path as the pages:
// validation, access check, plan lock on PostgreSQL, version check, history), then a count of what the database holds.
// Exit code 0: every change the services confirmed is in the database; 1: something was lost or a change failed.
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

var database = new PlannerDatabase(options.Provider, options.Connection);
var migrateClock = Stopwatch.StartNew();
await database.MigrateAsync();
Console.WriteLine($"migrated in {migrateClock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");

// The app's registrations; the signed-in person is per scope, as each Blazor circuit has its own.
await using var root = new ServiceCollection()
    .AddLogging()
    .AddPlannerDatabase(options.Provider, options.Connection)
    .AddPlannerServices()
    .AddScoped<SettableCallerAccessor>()
    .AddScoped<ICallerAccessor>(sp => sp.GetRequiredService<SettableCallerAccessor>())
    .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

var plan = await BenchPlan.CreateAsync(root, options.Editors);
var dbFactory = root.GetRequiredService<IDbContextFactory<PlannerDbContext>>();
int activityBefore, personasBefore, problemsBefore;
await using (var db = await dbFactory.CreateDbContextAsync())
{
    activityBefore = await db.ActivityEntries.CountAsync(a => a.PlanId == plan.PlanId);
    personasBefore = await db.Personas.CountAsync(p => p.PlanId == plan.PlanId);
    problemsBefore = await db.Problems.CountAsync(p => p.PlanId == plan.PlanId);
}

// Every editor opens its scope first and waits; then all start together.
var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
var running = plan.Editors.Select(e => Task.Run(() => new Editor(root, plan, e, options.Changes, options.BlindRetry).RunAsync(go.Task))).ToList();
await Task.Delay(200);
var wall = Stopwatch.StartNew();
go.SetResult();
var results = await Task.WhenAll(running);
wall.Stop();

var checks = await Verification.RunAsync(dbFactory, plan, results, activityBefore, personasBefore, problemsBefore);
var failures = results.SelectMany(r => r.Failures).ToList();
var lost = checks.Where(c => c.CountsChanges).Sum(c => c.Lost);
var saved = results.Sum(r => Enum.GetValues<ChangeKind>().Sum(r.Succeeded));
var all = results.SelectMany(r => r.Latencies.Values.SelectMany(l => l)).ToList();
var conflicts = results.Sum(r => r.ConflictsRetried);
var seconds = wall.Elapsed.TotalSeconds;

string F(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);
if (options.BlindRetry)
{
    Console.WriteLine("CONTROL RUN (--blind-retry): conflicts on the shared counter are overwritten with a stale value; the checks must find lost updates.");
}

Console.WriteLine($"provider: {options.Provider}; editors: {options.Editors}; changes each: {options.Changes}; total changes: {options.Editors * options.Changes}; saved: {saved}; failed: {failures.Count}");
Console.WriteLine($"mix: own-feature edits {results.Sum(r => r.Succeeded(ChangeKind.OwnFeature))}, shared-counter bumps {results.Sum(r => r.Succeeded(ChangeKind.SharedCounter))}, personas added {results.Sum(r => r.Succeeded(ChangeKind.NewPersona))}, problems added {results.Sum(r => r.Succeeded(ChangeKind.NewProblem))}");
Console.WriteLine($"wall time: {F(seconds, "0.00")} s; changes/s: {F(saved / seconds)}");
Console.WriteLine($"latency per change, first read to confirmed save, retries included: {Stats.Summary(all)}");
foreach (var kind in Enum.GetValues<ChangeKind>())
{
    Console.WriteLine($"  {kind,-14} {Stats.Summary(results.SelectMany(r => r.Latencies[kind]).ToList())}");
}

Console.WriteLine($"  each read      {Stats.Summary(results.SelectMany(r => r.Reads).ToList())}");
Console.WriteLine($"  each save call {Stats.Summary(results.SelectMany(r => r.SaveCalls).ToList())}");
Console.WriteLine($"conflicts retried (shared counter): {conflicts}");
foreach (var check in checks)
{
    Console.WriteLine($"check: {check.What}: expected {check.Expected}, found {check.Actual} {(check.Holds ? "ok" : "MISMATCH")}");
}

foreach (var failure in failures.Take(20))
{
    Console.WriteLine($"failed: {failure}");
}

Console.WriteLine($"lost updates: {lost}");
// One line per run for the table in docs/benchmarks.md.
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT provider={options.Provider}{(options.BlindRetry ? " control=blind-retry" : "")} editors={options.Editors} changes={options.Changes} saved={saved} failed={failures.Count} wall_s={seconds:0.00} changes_per_s={saved / seconds:0.0} p50_ms={Stats.Percentile(all, 50):0.0} p95_ms={Stats.Percentile(all, 95):0.0} p99_ms={Stats.Percentile(all, 99):0.0} conflicts_retried={conflicts} lost={lost} checks_ok={checks.All(c => c.Holds)}"));
return lost == 0 && failures.Count == 0 && checks.All(c => c.Holds) ? 0 : 1;
