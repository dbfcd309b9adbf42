using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Sharing;

// Usage: MvpPlanner.Bench.Seeder <sqlite file> [--features N] [--personas N] [--problems N] [--phases N] [--lanes N]
//        [--email ADDRESS] [--name TEXT]
// Migrates the file, writes one large plan and a share link showing every section, and prints on stdout
//   plan=<id>
//   token=<share link token>
// Without --email the plan goes into a new workspace nobody is a member of (enough for the share page); with --email it
// goes into the personal workspace of that existing account (registered through the app), so the account sees it.
// Sizes default to the share-page benchmark's plan: 500 features, 30 personas, 60 problems, the app's 5 default
// phases and 4 default lanes.
var options = SeedOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("Usage: MvpPlanner.Bench.Seeder <path to SQLite file> [--features N] [--personas N] [--problems N] [--phases N] [--lanes N] [--email ADDRESS] [--name TEXT]");
    return 2;
}

var database = new PlannerDatabase(DatabaseProvider.Sqlite, $"Data Source={options.Database};Pooling=False");
await database.MigrateAsync();
var dbOptions = new DbContextOptionsBuilder<PlannerDbContext>();
database.Configure(dbOptions);
await using var db = new PlannerDbContext(dbOptions.Options);

var plan = new Plan
{
    Name = options.Name,
    Vision = "Every household can borrow the tool it needs within a short walk.",
    ValueProposition = "Borrow a tool within 24 hours, without buying it.",
};
if (options.Email is { } email)
{
    var normalized = email.ToUpperInvariant();
    var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized);
    if (user is null)
    {
        Console.Error.WriteLine($"No account with the email {email}: register it first.");
        return 1;
    }

    var workspaceId = await db.WorkspaceMembers
        .Where(m => m.UserId == user.Id && m.Role == WorkspaceRole.Owner && m.Workspace!.IsPersonal)
        .Select(m => (int?)m.WorkspaceId)
        .FirstOrDefaultAsync();
    if (workspaceId is null)
    {
        Console.Error.WriteLine($"The account {email} owns no personal workspace.");
        return 1;
    }

    db.ActingUser = new Caller(user.Id, user.DisplayName);
    plan.WorkspaceId = workspaceId.Value;
}
else
{
    plan.Workspace = new Workspace { Name = "Benchmark workspace" };
}

var random = new Random(42);
plan.Phases = options.Phases is { } phaseCount
    ? Enumerable.Range(1, phaseCount).Select(i => new RoadmapPhase
    {
        Name = $"Phase {i}",
        Order = i - 1,
        StartDate = new DateOnly(2027, 1, 1).AddMonths(i - 1),
        EndDate = new DateOnly(2027, 1, 1).AddMonths(i).AddDays(-1),
        Goal = $"Goal of phase {i}",
    }).ToList()
    : RoadmapDefaults.CreatePhases();
plan.Lanes = options.Lanes is { } laneCount
    ? Enumerable.Range(1, laneCount).Select(i => new Lane { Name = $"Lane {i}", Order = i - 1 }).ToList()
    : RoadmapDefaults.CreateLanes();
plan.Personas = Enumerable.Range(1, options.Personas).Select(i => new Persona
{
    Name = $"Persona {i:00}",
    UserGroup = $"Group {i % 5}",
    Goals = "Get the job done this weekend without buying a tool used once.",
    Pains = "Buying is expensive; borrowing from neighbours is awkward.",
}).ToList();
plan.Problems = Enumerable.Range(1, options.Problems).Select(i => new Problem
{
    Statement = $"Problem {i:00}: finding a tool nearby takes too long",
    Severity = 1 + (i % 5),
    Frequency = (ProblemFrequency)(i % 5),
    Personas = plan.Personas.Count == 0 ? [] : [.. new[] { plan.Personas[i % plan.Personas.Count], plan.Personas[(i * 7) % plan.Personas.Count] }.Distinct()],
}).ToList();
var stages = OperationsDefaults.CreateStages();
plan.JourneyStages = stages;
var lead = new OperationRole { Name = "Support lead", Holder = "Sam" };
plan.OperationRoles = [lead];
plan.Commitments = [new Commitment { Text = "We answer every request within 24 hours." }];
plan.CoreProcesses = stages.Select(s => new CoreProcess { Name = $"{s.Name} process", Stage = s, OwnerRole = lead, Steps = "Step one\nStep two" }).ToList();
plan.Kpis = Enumerable.Range(1, 3).Select(i => new Kpi
{
    Name = $"KPI {i}",
    Unit = "loans",
    Target = 100,
    OwnerRole = lead,
    Measurements = [new KpiMeasurement { MeasuredOn = new DateOnly(2026, 11, 2), Value = 40 + i }],
}).ToList();
db.Plans.Add(plan);
await db.SaveChangesAsync();

// Features in batches, so a 5,000-feature plan does not build one huge change set.
const int Batch = 500;
for (var start = 1; start <= options.Features; start += Batch)
{
    var end = Math.Min(options.Features, start + Batch - 1);
    for (var i = start; i <= end; i++)
    {
        plan.Features.Add(new Feature
        {
            Title = $"Feature {i:0000}: part of the borrowing flow",
            Description = "A feature of the benchmark plan.",
            Status = (FeatureStatus)(i % 5),
            Moscow = (Moscow)(i % 5),
            Reach = random.Next(10, 1000),
            Impact = Rice.ImpactScale[i % Rice.ImpactScale.Count].Value,
            Confidence = random.Next(20, 100),
            Effort = random.Next(1, 20),
            Value = 1 + (i % 5),
            EffortSize = 1 + ((i * 3) % 5),
            Phase = plan.Phases.Count == 0 || i % 10 == 0 ? null : plan.Phases[i % plan.Phases.Count],
            Lane = plan.Lanes.Count == 0 ? null : plan.Lanes[i % plan.Lanes.Count],
            Rank = i,
            Problems = plan.Problems.Count == 0 ? [] : [plan.Problems[i % plan.Problems.Count]],
        });
    }

    await db.SaveChangesAsync();
}

var token = Tokens.Create();
db.ShareLinks.Add(new ShareLink { PlanId = plan.Id, Label = "Benchmark", Scope = ShareScope.All, TokenHash = Tokens.Hash(token) });
await db.SaveChangesAsync();
Console.WriteLine($"plan={plan.Id.ToString(CultureInfo.InvariantCulture)}");
Console.WriteLine($"token={token}");
return 0;

internal sealed record SeedOptions(string Database, int Features, int Personas, int Problems, int? Phases, int? Lanes, string? Email, string Name)
{
    public static SeedOptions? Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            return null;
        }

        var options = new SeedOptions(args[0], 500, 30, 60, null, null, null, "Benchmark: city-wide tool library");
        for (var i = 1; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                return null;
            }

            var value = args[i + 1];
            options = args[i] switch
            {
                "--features" => options with { Features = Count(value) },
                "--personas" => options with { Personas = Count(value) },
                "--problems" => options with { Problems = Count(value) },
                "--phases" => options with { Phases = Count(value) },
                "--lanes" => options with { Lanes = Count(value) },
                "--email" => options with { Email = value },
                "--name" => options with { Name = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}"),
            };
        }

        return options;
    }

    private static int Count(string value) =>
        int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture) is var n && n >= 0 ? n : throw new ArgumentException("A count must be 0 or more.");
}
