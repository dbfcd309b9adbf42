using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.Plans;

/// <summary>Fills a fresh instance with one worked example so a newcomer sees a planned MVP at once.</summary>
public class DemoPlanSeeder(IDbContextFactory<PlannerDbContext> dbFactory, ILogger<DemoPlanSeeder> logger)
{
    public const string DemoPlanName = "Demo: Neighbourhood tool library";

    /// <summary>Adds the demo plan to a workspace (the first account's demo workspace).</summary>
    public async Task<int> SeedAsync(int workspaceId, Caller author, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActingUser = author;
        var plan = Build();
        plan.WorkspaceId = workspaceId;
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);

        // Features reference phases and lanes created in the same plan, so they are placed in a second step.
        PlaceFeatures(plan);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded demo plan {PlanId}", plan.Id);
        return plan.Id;
    }

    private static Plan Build()
    {
        var lender = new Persona
        {
            Name = "Lena the lender",
            UserGroup = "Residents who own tools",
            Goals = "Put idle tools to use and meet neighbours.",
            Pains = "Does not know who borrowed what, or when it comes back.",
            Context = "Lives in a flat with a full toolbox; busy weekdays.",
        };
        var borrower = new Persona
        {
            Name = "Bo the borrower",
            UserGroup = "Residents doing occasional DIY",
            Goals = "Finish a weekend job without buying a tool used once.",
            Pains = "Hardware stores are far; buying is expensive.",
            Context = "Mostly on a phone, plans jobs a few days ahead.",
        };
        var findTool = new Problem
        {
            Statement = "Borrowers cannot find out which tools are available nearby.",
            Severity = 4,
            Frequency = ProblemFrequency.Weekly,
            Evidence = "9 of 12 interviewed residents asked in the chat group first.",
            Personas = [borrower],
        };
        var trackLoans = new Problem
        {
            Statement = "Lenders lose track of who has their tools.",
            Severity = 3,
            Frequency = ProblemFrequency.Monthly,
            Evidence = "Lenders named lost tools as the reason they stopped lending.",
            Personas = [lender],
        };
        var features = new List<Feature>
        {
            new() { Title = "Tool catalogue with search", Description = "List tools with photo and location.", Status = FeatureStatus.InProgress, Moscow = Moscow.Must, Reach = 400, Impact = 2, Confidence = 80, Effort = 3, Value = 5, EffortSize = 3, Owner = "Sam", Problems = [findTool] },
            new() { Title = "Borrow request and approval", Description = "Request a tool for dates; the lender approves.", Status = FeatureStatus.Planned, Moscow = Moscow.Must, Reach = 250, Impact = 3, Confidence = 70, Effort = 4, Value = 5, EffortSize = 4, Owner = "Ana", Problems = [findTool, trackLoans] },
            new() { Title = "Loan reminders", Description = "Email both sides a day before the return date.", Status = FeatureStatus.Idea, Moscow = Moscow.Should, Reach = 250, Impact = 1, Confidence = 80, Effort = 1, Value = 3, EffortSize = 1, Problems = [trackLoans] },
            new() { Title = "Welcome flyer for the building", Description = "A printed flyer with a QR code.", Status = FeatureStatus.Idea, Moscow = Moscow.Should, Reach = 300, Impact = 0.5, Confidence = 50, Effort = 0.5, Value = 2, EffortSize = 1 },
            new() { Title = "Ratings after each loan", Status = FeatureStatus.Idea, Moscow = Moscow.Could, Reach = 150, Impact = 0.5, Confidence = 50, Effort = 2, Value = 2, EffortSize = 2 },
        };
        return new Plan
        {
            Name = DemoPlanName,
            Vision = "Every household can borrow the tool it needs within a short walk.",
            ValueProposition = "Find and borrow a tool from a neighbour in under 10 minutes.",
            Outcomes =
            [
                new() { Description = "Residents borrow instead of buying", Metric = "Loans per month", Baseline = "0", Target = "60 by month 3", Order = 0 },
                new() { Description = "Lenders keep lending", Metric = "Lenders active after 2 months", Baseline = "n/a", Target = "70 %", Order = 1 },
            ],
            Personas = [lender, borrower],
            Problems = [findTool, trackLoans],
            Features = features,
            Phases = RoadmapDefaults.CreatePhases(),
            Lanes = RoadmapDefaults.CreateLanes(),
        };
    }

    private static void PlaceFeatures(Plan plan)
    {
        var phase = plan.Phases.ToDictionary(p => p.Name);
        var lane = plan.Lanes.ToDictionary(l => l.Name);
        Place(plan.Features[0], phase["MVP"], lane["Development"], 0);
        Place(plan.Features[1], phase["MVP"], lane["Development"], 1);
        Place(plan.Features[3], phase["Pilot"], lane["Communication"], 0);
        Place(plan.Features[2], phase["Beta"], lane["Development"], 0);

        static void Place(Feature feature, RoadmapPhase phase, Lane lane, int rank)
        {
            feature.PhaseId = phase.Id;
            feature.LaneId = lane.Id;
            feature.Rank = rank;
        }
    }
}
