using MvpPlanner.Core.Features;
using MvpPlanner.Core.ImportExport;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Problems;

namespace MvpPlanner.Core.Tests.ImportExport;

/// <summary>Plan documents for the readable exports: a full one whose user text is hostile to Markdown, HTML and XML,
/// and an empty one.</summary>
internal static class RenderSamples
{
    public const string Script = "<script>alert('x')</script>";

    public static PlanDocument Empty(string name = "Empty plan") => new() { Plan = new PlanSection { Name = name } };

    public static PlanDocument Full() => new()
    {
        ExportedAt = new DateTime(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc),
        Plan = new PlanSection
        {
            Name = "# Tool library & co <b>",
            Vision = "Everyone borrows.\n- not a list\n1. not a list either\n<script>alert(1)</script>",
            ValueProposition = "A tool in **24 hours** | guaranteed",
        },
        Outcomes = [new OutcomeDoc { Key = "outcome-1", Description = "Loans | per week\nsecond line", Metric = "loans", Baseline = "0", Target = "50" }],
        Personas =
        [
            new PersonaDoc { Key = "persona-1", Name = "Lena <the lender>", UserGroup = "Lenders", Goals = "Lend safely\nGet tools back", Pains = "Lost tools" },
            new PersonaDoc { Key = "persona-2", Name = "Bo 🛠️ Ünïcødé עברית", UserGroup = "Borrowers" },
        ],
        Problems =
        [
            new ProblemDoc { Key = "problem-1", Statement = "Tools | vanish", Severity = 5, Frequency = ProblemFrequency.Weekly, Personas = ["persona-1"] },
        ],
        Phases =
        [
            new PhaseDoc { Key = "phase-1", Name = "Pilot", StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 4, 30), Goal = "Ten loans", ExitCriteria = "Ten happy lenders" },
            new PhaseDoc { Key = "phase-2", Name = "Roll-out & grow" },
        ],
        Lanes = [new LaneDoc { Key = "lane-1", Name = "Product" }, new LaneDoc { Key = "lane-2", Name = "Ops" }],
        Features =
        [
            new FeatureDoc { Key = "feature-1", Title = "Catalogue " + Script, Moscow = Moscow.Should, Status = FeatureStatus.Planned, Reach = 100, Impact = 1, Confidence = 80, Effort = 2, Phase = "phase-1", Lane = "lane-1", Problems = ["problem-1"] },
            new FeatureDoc { Key = "feature-2", Title = "Sign-up", Moscow = Moscow.Must, Status = FeatureStatus.InProgress, Reach = 10, Impact = 1, Confidence = 50, Effort = 1, Phase = "phase-1", Lane = "lane-1", Rank = 1 },
            new FeatureDoc { Key = "feature-3", Title = "Reminders", Moscow = Moscow.Must, Status = FeatureStatus.Idea, Reach = 500, Impact = 2, Confidence = 100, Effort = 1, Phase = "phase-2", Lane = "lane-2" },
            new FeatureDoc { Key = "feature-4", Title = "Ratings after each loan so that lenders can trust borrowers they have never met before in the neighbourhood", Moscow = Moscow.Could },
            new FeatureDoc { Key = "feature-5", Title = "Deposit", Moscow = Moscow.Must, Status = FeatureStatus.Idea },
        ],
        Commitments = [new CommitmentDoc { Key = "commitment-1", Text = "We answer | within 24 hours" }],
        JourneyStages = [new JourneyStageDoc { Key = "stage-1", Name = "Onboarding", Touchpoints = "Welcome mail" }, new JourneyStageDoc { Key = "stage-2", Name = "Support" }],
        OperationRoles = [new OperationRoleDoc { Key = "role-1", Name = "Support lead", Holder = "Ana" }],
        CoreProcesses =
        [
            new CoreProcessDoc { Key = "process-1", Name = "Welcome a lender", Stage = "stage-1", Steps = "Call them\nShow the shelf", OwnerRole = "role-1", KeepsCorePromise = true, Commitments = ["commitment-1"], Tools = ["tool-1"] },
        ],
        EssentialTools = [new EssentialToolDoc { Key = "tool-1", Name = "Shared inbox", Category = "Support", MonthlyCost = 12.5m }],
        Kpis =
        [
            new KpiDoc
            {
                Key = "kpi-1", Name = "Response time", Unit = "h", Target = 24, OwnerRole = "role-1", Direction = KpiDirection.LowerIsBetter,
                Measurements = [new MeasurementDoc { MeasuredOn = new DateOnly(2027, 2, 1), Value = 30 }, new MeasurementDoc { MeasuredOn = new DateOnly(2027, 2, 20), Value = 18.5m }],
            },
        ],
    };

    public static ReadinessReport Readiness() => new(78,
    [
        new ReadinessFinding("stage-without-process", FindingSeverity.Medium, "The Support stage has no process", "Each step needs a way <of> getting done.", FixArea.Journey, 2),
    ]);
}
