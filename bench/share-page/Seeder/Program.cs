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

// Usage: Seeder <sqlite file>. Migrates the file, writes one large plan (500 features, 30 personas, 8 phases)
// and a share link showing every section, and prints the link's token on stdout.
if (args.Length != 1)
{
    Console.Error.WriteLine("Usage: Seeder <path to SQLite file>");
    return 2;
}

var options = new DbContextOptionsBuilder<PlannerDbContext>().UseSqlite($"Data Source={args[0]};Pooling=False").Options;
await using var db = new PlannerDbContext(options);
await db.MigrateAsync();

var random = new Random(42);
var plan = new Plan
{
    Name = "Benchmark: city-wide tool library",
    Vision = "Every household can borrow the tool it needs within a short walk.",
    ValueProposition = "Borrow a tool within 24 hours, without buying it.",
    Workspace = new Workspace { Name = "Benchmark workspace" },
};
plan.Phases = Enumerable.Range(1, 8).Select(i => new RoadmapPhase
{
    Name = $"Phase {i}",
    Order = i - 1,
    StartDate = new DateOnly(2027, 1, 1).AddMonths(i - 1),
    EndDate = new DateOnly(2027, 1, 1).AddMonths(i).AddDays(-1),
    Goal = $"Goal of phase {i}",
}).ToList();
plan.Lanes = RoadmapDefaults.CreateLanes();
plan.Personas = Enumerable.Range(1, 30).Select(i => new Persona
{
    Name = $"Persona {i:00}",
    UserGroup = $"Group {i % 5}",
    Goals = "Get the job done this weekend without buying a tool used once.",
    Pains = "Buying is expensive; borrowing from neighbours is awkward.",
}).ToList();
plan.Problems = Enumerable.Range(1, 60).Select(i => new Problem
{
    Statement = $"Problem {i:00}: finding a tool nearby takes too long",
    Severity = 1 + (i % 5),
    Frequency = (ProblemFrequency)(i % 5),
    Personas = [plan.Personas[i % 30], plan.Personas[(i * 7) % 30]],
}).ToList();
plan.Features = Enumerable.Range(1, 500).Select(i => new Feature
{
    Title = $"Feature {i:000}: part of the borrowing flow",
    Description = "A feature of the benchmark plan.",
    Status = (FeatureStatus)(i % 5),
    Moscow = (Moscow)(i % 5),
    Reach = random.Next(10, 1000),
    Impact = Rice.ImpactScale[i % Rice.ImpactScale.Count].Value,
    Confidence = random.Next(20, 100),
    Effort = random.Next(1, 20),
    Value = 1 + (i % 5),
    EffortSize = 1 + ((i * 3) % 5),
    Phase = i % 10 == 0 ? null : plan.Phases[i % 8],
    Lane = plan.Lanes[i % plan.Lanes.Count],
    Rank = i,
    Problems = [plan.Problems[i % 60]],
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

var token = Tokens.Create();
db.ShareLinks.Add(new ShareLink { PlanId = plan.Id, Label = "Benchmark", Scope = ShareScope.All, TokenHash = Tokens.Hash(token) });
await db.SaveChangesAsync();
Console.WriteLine(token);
return 0;
