using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Operations;
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
        AddOperation(plan);
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
            new() { NeedsOperationalSupport = true, Title = "Borrow request and approval", Description = "Request a tool for dates; the lender approves.", Status = FeatureStatus.Planned, Moscow = Moscow.Must, Reach = 250, Impact = 3, Confidence = 70, Effort = 4, Value = 5, EffortSize = 4, Owner = "Ana", Problems = [findTool, trackLoans] },
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
            JourneyStages = OperationsDefaults.CreateStages(),
        };
    }

    /// <summary>A small operation behind the demo MVP: enough to show the blueprint and a few honest readiness findings.</summary>
    private static void AddOperation(Plan plan)
    {
        var stage = plan.JourneyStages.ToDictionary(s => s.Name);
        stage["Onboarding"].Touchpoints = "Welcome email\nFirst tool listed";
        stage["Onboarding"].InternalActions = "Check the lender's address\nSend the house rules";
        stage["Support"].Touchpoints = "Chat in the app\nEmail";
        stage["Support"].InternalActions = "Answer within 24 hours\nMediate lost or broken tools";
        var coordinator = new OperationRole { Name = "Community coordinator", Holder = "Sam" };
        var supportLead = new OperationRole { Name = "Customer Support Lead", Holder = "Ana" };
        var answerFast = new Commitment { Text = "We answer every message within 24 hours." };
        var inbox = new EssentialTool { Name = "Shared inbox", Category = "Support", MonthlyCost = 12 };
        var sheet = new EssentialTool { Name = "Loans spreadsheet", Category = "Tracking", MonthlyCost = 0 };
        plan.OperationRoles.AddRange([coordinator, supportLead]);
        plan.Commitments.Add(answerFast);
        plan.EssentialTools.AddRange([inbox, sheet]);
        plan.CoreProcesses.AddRange(
        [
            new CoreProcess
            {
                Name = "Welcome a new lender", Stage = stage["Onboarding"], OwnerRole = coordinator, IsFrontstage = true,
                Steps = "Check the address\nSend the welcome email from the template\nHelp list the first tool", Automation = Automation.Manual, HasRunManually = true,
                KeepsCorePromise = true, Tools = [sheet],
            },
            new CoreProcess
            {
                Name = "Answer support messages", Stage = stage["Support"], OwnerRole = supportLead, IsFrontstage = true,
                Steps = "Check the inbox twice a day\nReply or escalate\nLog lost or broken tools", Automation = Automation.Manual, HasRunManually = true,
                Commitments = [answerFast], Tools = [inbox],
            },
        ]);
        plan.Kpis.Add(new Kpi
        {
            Name = "Support response time", Unit = "hours", Direction = KpiDirection.LowerIsBetter, Target = 24, OwnerRole = supportLead, Cadence = ReviewCadence.Weekly,
            Measurements = [new KpiMeasurement { MeasuredOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)), Value = 30, Note = "First week" }],
        });
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
