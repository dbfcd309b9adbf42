using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

/// <summary>Each readiness rule, through the services and <see cref="ReadinessService.CheckAsync"/> over real SQLite:
/// a healthy plan has no finding; one change breaks exactly that rule. "Today" is a fixed test clock.</summary>
public class ReadinessRulesTests
{
    private static readonly DateTimeOffset Noon = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    private sealed record Healthy(TestDatabase Test, TestClock Clock, int PlanId, int StageId, int RoleId, int CommitmentId, int ProcessId, int FeatureId, int FirstKpiId, int SecondKpiId)
    {
        public DateOnly Today => Clock.Today;

        public async Task UpdateProcessAsync(Action<ProcessInput> change)
        {
            var input = (await Test.GetOperationsAsync(PlanId)).Processes.Single(p => p.Id == ProcessId).ToInput();
            change(input);
            var result = await Test.Processes().UpdateProcessAsync(PlanId, ProcessId, input);
            result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        }

        public async Task<int> AddMeasuredKpiAsync(string name)
        {
            var id = await Test.AddKpiAsync(PlanId, name);
            await Test.RecordMeasurementAsync(PlanId, id, Today, 1m);
            await Test.RecordReviewAsync(PlanId, id, Today);
            return id;
        }

        public Task<int> AddFeatureAsync(string title, int phaseIndex, bool needsOperationalSupport) => AddFeatureToPlanAsync(Test, PlanId, title, phaseIndex, needsOperationalSupport);

        public async Task<ReadinessReport> CheckAsync() => (await Test.Get<ReadinessService>().CheckAsync(PlanId)).ShouldNotBeNull();
    }

    /// <summary>A promise kept by an owned, short, hand-run process in the only stage, a commitment it keeps, an MVP feature
    /// it supports, and two weekly KPIs measured and reviewed today: nothing to find.</summary>
    private static async Task<Healthy> CreateHealthyPlanAsync(TestDatabase test, TestClock clock)
    {
        var planId = await test.CreatePlanAsync("Tool library");
        await test.SetCorePromiseAsync(planId, "Find and borrow a tool from a neighbour in under 10 minutes.");
        await test.ClearJourneyAsync(planId);
        var stage = await test.AddStageAsync(planId, "Delivery");
        var role = await test.AddRoleAsync(planId, "Founder", "Ana");
        var commitment = await test.AddCommitmentAsync(planId, "Every request gets an answer within 2 hours");
        var feature = await AddFeatureToPlanAsync(test, planId, "Borrow request", 0, needsOperationalSupport: true);
        var process = await test.AddProcessAsync(planId, new ProcessInput
        {
            Name = "Handle borrow requests",
            StageId = stage,
            Steps = "Read the request\nCall the lender\nConfirm to the borrower",
            Automation = Automation.Manual,
            OwnerRoleId = role,
            KeepsCorePromise = true,
            CommitmentIds = [commitment],
            FeatureIds = [feature],
        });
        var healthy = new Healthy(test, clock, planId, stage, role, commitment, process, feature, 0, 0);
        var first = await healthy.AddMeasuredKpiAsync("Time to first answer");
        var second = await healthy.AddMeasuredKpiAsync("Loans per week");
        return healthy with { FirstKpiId = first, SecondKpiId = second };
    }

    private static async Task<int> AddFeatureToPlanAsync(TestDatabase test, int planId, string title, int phaseIndex, bool needsOperationalSupport)
    {
        var board = await test.GetBoardAsync(planId);
        var result = await test.Get<FeatureService>().CreateAsync(planId, new FeatureInput
        {
            Title = title,
            PhaseId = board.Phases[phaseIndex].Id,
            LaneId = board.Lanes[0].Id,
            NeedsOperationalSupport = needsOperationalSupport,
        });
        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        return result.Value;
    }

    [Fact]
    public async Task Check_HealthyPlan_NoFindingsScore100AndReady()
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await CreateHealthyPlanAsync(test, clock);

        var report = await plan.CheckAsync();

        report.Findings.ShouldBeEmpty();
        report.Score.ShouldBe(100);
        report.IsReady.ShouldBeTrue();
    }

    public static TheoryData<string, FindingSeverity> Rules => new()
    {
        { "no-promise", FindingSeverity.High },
        { "promise-not-kept", FindingSeverity.High },
        { "commitment-not-kept", FindingSeverity.High },
        { "stage-without-process", FindingSeverity.Medium },
        { "process-without-owner", FindingSeverity.High },
        { "process-too-complicated", FindingSeverity.Medium },
        { "automated-too-early", FindingSeverity.Medium },
        { "feature-without-process", FindingSeverity.High },
        { "no-kpi", FindingSeverity.High },
        { "too-many-kpis", FindingSeverity.Low },
        { "kpi-not-measured", FindingSeverity.Medium },
        { "review-overdue", FindingSeverity.Medium },
    };

    /// <summary>The one change to the healthy plan that breaks a rule, and the item the finding should point at (null: the plan).</summary>
    private static async Task<int?> BreakAsync(string rule, Healthy plan)
    {
        var test = plan.Test;
        switch (rule)
        {
            case "no-promise":
                await test.SetCorePromiseAsync(plan.PlanId, "  ");
                return null;
            case "promise-not-kept":
                await plan.UpdateProcessAsync(p => p.KeepsCorePromise = false);
                return null;
            case "commitment-not-kept":
                return await test.AddCommitmentAsync(plan.PlanId, "Refunds within a week");
            case "stage-without-process":
                return await test.AddStageAsync(plan.PlanId, "Support");
            case "process-without-owner":
                await plan.UpdateProcessAsync(p => p.OwnerRoleId = null);
                return plan.ProcessId;
            case "process-too-complicated":
                await plan.UpdateProcessAsync(p => p.Steps = string.Join('\n', Enumerable.Range(1, OperationsDefaults.ManyProcessSteps).Select(i => $"Step {i}")));
                return plan.ProcessId;
            case "automated-too-early":
                await plan.UpdateProcessAsync(p => p.Automation = Automation.Automated);
                return plan.ProcessId;
            case "feature-without-process":
                return await plan.AddFeatureAsync("Tool pick-up reminders", 0, needsOperationalSupport: true);
            case "no-kpi":
                (await test.Kpis().DeleteKpiAsync(plan.PlanId, plan.FirstKpiId)).Status.ShouldBe(ResultStatus.Ok);
                (await test.Kpis().DeleteKpiAsync(plan.PlanId, plan.SecondKpiId)).Status.ShouldBe(ResultStatus.Ok);
                return null;
            case "too-many-kpis":
                for (var i = 3; i <= OperationsDefaults.TooManyKpis + 1; i++)
                {
                    await plan.AddMeasuredKpiAsync($"KPI {i}");
                }

                return null;
            case "kpi-not-measured":
                // No measurement yet, so no review is due either.
                return await test.AddKpiAsync(plan.PlanId, "Repeat borrowers");
            case "review-overdue":
                var kpi = await test.AddKpiAsync(plan.PlanId, "Repeat borrowers", ReviewCadence.Weekly);
                await test.RecordMeasurementAsync(plan.PlanId, kpi, plan.Today, 4m);
                await test.RecordReviewAsync(plan.PlanId, kpi, plan.Today.AddDays(-8));
                return kpi;
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule, "No way to break this rule yet.");
        }
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Check_OneRuleBroken_ExactlyThatFindingAtItsSeverityAndItem(string rule, FindingSeverity severity)
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await CreateHealthyPlanAsync(test, clock);
        (await plan.CheckAsync()).Findings.ShouldBeEmpty();

        var itemId = await BreakAsync(rule, plan);
        var report = await plan.CheckAsync();

        var finding = report.Findings.ShouldHaveSingleItem();
        finding.Rule.ShouldBe(rule);
        finding.Severity.ShouldBe(severity);
        finding.ItemId.ShouldBe(itemId);
        finding.Title.ShouldNotBeNullOrWhiteSpace();
        finding.Explanation.ShouldNotBeNullOrWhiteSpace();
        report.Score.ShouldBe(100 - Penalty(severity));
        report.IsReady.ShouldBe(severity == FindingSeverity.Low);
    }

    [Theory]
    [InlineData(7, false)]
    [InlineData(8, true)]
    [InlineData(12, true)]
    public async Task ProcessTooComplicated_StepCount_FlaggedFromEightSteps(int steps, bool flagged)
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await CreateHealthyPlanAsync(test, clock);

        await plan.UpdateProcessAsync(p => p.Steps = string.Join("\n\n", Enumerable.Range(1, steps).Select(i => $"Step {i}")));

        var findings = (await plan.CheckAsync()).Findings;
        findings.Any(f => f.Rule == "process-too-complicated").ShouldBe(flagged);
        if (flagged)
        {
            findings.Single().Title.ShouldBe($"\"Handle borrow requests\" has {steps} steps");
        }
    }

    [Theory]
    [InlineData(Automation.Automated, false, true)]
    [InlineData(Automation.Automated, true, false)]
    [InlineData(Automation.PartlyAutomated, false, false)]
    [InlineData(Automation.Manual, false, false)]
    public async Task AutomatedTooEarly_AutomationAndManualRun_FlaggedOnlyWhenFullyAutomatedUntried(Automation automation, bool hasRunManually, bool flagged)
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await CreateHealthyPlanAsync(test, clock);

        await plan.UpdateProcessAsync(p =>
        {
            p.Automation = automation;
            p.HasRunManually = hasRunManually;
        });

        (await plan.CheckAsync()).Findings.Any(f => f.Rule == "automated-too-early").ShouldBe(flagged);
    }

    [Theory]
    [InlineData(0, true, true)]
    [InlineData(0, false, false)]
    [InlineData(1, true, false)]
    public async Task FeatureWithoutProcess_PhaseAndOperationalSupport_FlaggedOnlyForMvpFeaturesNeedingSupport(int phaseIndex, bool needsSupport, bool flagged)
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await CreateHealthyPlanAsync(test, clock);

        var featureId = await plan.AddFeatureAsync("Lender ratings", phaseIndex, needsSupport);

        var findings = (await plan.CheckAsync()).Findings.Where(f => f.Rule == "feature-without-process").ToList();
        findings.Select(f => f.ItemId).ShouldBe(flagged ? [featureId] : []);
    }

    [Fact]
    public async Task FeatureWithoutProcess_ProcessLinkedAfterwards_FindingGone()
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await CreateHealthyPlanAsync(test, clock);
        var featureId = await plan.AddFeatureAsync("Tool pick-up reminders", 0, needsOperationalSupport: true);
        (await plan.CheckAsync()).Findings.ShouldHaveSingleItem().Title.ShouldBe("MVP feature \"Tool pick-up reminders\" has no process behind it");

        await plan.UpdateProcessAsync(p => p.FeatureIds = [plan.FeatureId, featureId]);

        (await plan.CheckAsync()).Findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task FeatureWithoutProcess_SupportingProcessDeleted_FeatureFlagged()
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await CreateHealthyPlanAsync(test, clock);

        (await test.Processes().DeleteProcessAsync(plan.PlanId, plan.ProcessId)).Status.ShouldBe(ResultStatus.Ok);

        var rules = (await plan.CheckAsync()).Findings.Select(f => f.Rule).ToList();
        rules.ShouldBe(["promise-not-kept", "commitment-not-kept", "feature-without-process", "stage-without-process"], ignoreOrder: true);
    }

    [Theory]
    [InlineData(0, "no-kpi")]
    [InlineData(1, null)]
    [InlineData(OperationsDefaults.TooManyKpis, null)]
    [InlineData(OperationsDefaults.TooManyKpis + 1, "too-many-kpis")]
    public async Task KpiCount_FromNoneToMany_FlagsNoneAndTooMany(int count, string? rule)
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await CreateHealthyPlanAsync(test, clock);
        await test.Kpis().DeleteKpiAsync(plan.PlanId, plan.FirstKpiId);
        await test.Kpis().DeleteKpiAsync(plan.PlanId, plan.SecondKpiId);
        for (var i = 0; i < count; i++)
        {
            await plan.AddMeasuredKpiAsync($"KPI {i}");
        }

        var findings = (await plan.CheckAsync()).Findings;

        findings.Select(f => f.Rule).ShouldBe(rule is null ? [] : [rule]);
    }

    [Theory]
    [InlineData(ReviewCadence.Weekly, 7, false)]
    [InlineData(ReviewCadence.Weekly, 8, true)]
    [InlineData(ReviewCadence.BiWeekly, 14, false)]
    [InlineData(ReviewCadence.BiWeekly, 15, true)]
    [InlineData(ReviewCadence.Monthly, 30, false)]
    [InlineData(ReviewCadence.Monthly, 31, true)]
    public async Task KpiNotMeasured_LatestMeasurementAge_FlaggedOnceOlderThanTheCadence(ReviewCadence cadence, int daysAgo, bool flagged)
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await CreateHealthyPlanAsync(test, clock);
        var kpi = await test.AddKpiAsync(plan.PlanId, "Repeat borrowers", cadence);
        await test.RecordMeasurementAsync(plan.PlanId, kpi, plan.Today.AddDays(-daysAgo - 40), 1m);
        await test.RecordMeasurementAsync(plan.PlanId, kpi, plan.Today.AddDays(-daysAgo), 2m);
        await test.RecordReviewAsync(plan.PlanId, kpi, plan.Today);

        var findings = (await plan.CheckAsync()).Findings.Where(f => f.Rule == "kpi-not-measured").ToList();

        findings.Select(f => f.ItemId).ShouldBe(flagged ? [kpi] : []);
    }

    [Theory]
    [InlineData(ReviewCadence.Weekly, 7, false)]
    [InlineData(ReviewCadence.Weekly, 8, true)]
    [InlineData(ReviewCadence.Monthly, 30, false)]
    [InlineData(ReviewCadence.Monthly, 31, true)]
    public async Task ReviewOverdue_LastReviewAge_OverdueOnlyAfterTheDueDay(ReviewCadence cadence, int daysAgo, bool overdue)
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await CreateHealthyPlanAsync(test, clock);
        var kpi = await test.AddKpiAsync(plan.PlanId, "Repeat borrowers", cadence);
        await test.RecordMeasurementAsync(plan.PlanId, kpi, plan.Today, 2m);
        await test.RecordReviewAsync(plan.PlanId, kpi, plan.Today.AddDays(-daysAgo));

        var findings = (await plan.CheckAsync()).Findings.Where(f => f.Rule == "review-overdue").ToList();

        findings.Select(f => f.ItemId).ShouldBe(overdue ? [kpi] : []);
        if (overdue)
        {
            findings.Single().Explanation.ShouldContain($"It was due on {plan.Today.AddDays(-daysAgo + (cadence == ReviewCadence.Weekly ? 7 : 30)):d MMM yyyy}");
        }
    }

    [Fact]
    public async Task ReviewOverdue_NeverReviewed_DueOneCadenceAfterFirstMeasurement()
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await CreateHealthyPlanAsync(test, clock);
        var kpi = await test.AddKpiAsync(plan.PlanId, "Repeat borrowers");
        await test.RecordMeasurementAsync(plan.PlanId, kpi, plan.Today.AddDays(-7), 1m);
        await test.RecordMeasurementAsync(plan.PlanId, kpi, plan.Today, 2m);
        (await plan.CheckAsync()).Findings.ShouldBeEmpty();

        clock.Advance(TimeSpan.FromDays(1));
        await test.RecordMeasurementAsync(plan.PlanId, kpi, clock.Today, 3m);
        await test.RecordMeasurementAsync(plan.PlanId, plan.FirstKpiId, clock.Today, 3m);
        await test.RecordMeasurementAsync(plan.PlanId, plan.SecondKpiId, clock.Today, 3m);

        (await plan.CheckAsync()).Findings.Select(f => (f.Rule, f.ItemId)).ShouldBe([("review-overdue", (int?)kpi)]);
    }

    [Fact]
    public async Task Check_TimePassesWithoutMeasuringOrReviewing_EveryKpiFlaggedTwice()
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await CreateHealthyPlanAsync(test, clock);

        clock.Advance(TimeSpan.FromDays(8));
        var report = await plan.CheckAsync();

        report.Findings.Select(f => (f.Rule, f.ItemId)).ShouldBe(
            [("kpi-not-measured", (int?)plan.FirstKpiId), ("review-overdue", plan.FirstKpiId), ("kpi-not-measured", plan.SecondKpiId), ("review-overdue", plan.SecondKpiId)],
            ignoreOrder: true);
        report.Score.ShouldBe(100 - (4 * 7));
    }

    [Fact]
    public async Task StageWithoutProcess_ProcessStageDeleted_ProcessKeptAndOtherStagesFlagged()
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await CreateHealthyPlanAsync(test, clock);
        var support = await test.AddStageAsync(plan.PlanId, "Support");

        (await test.Journey().DeleteStageAsync(plan.PlanId, plan.StageId)).Message.ShouldBe("Deleted journey stage \"Delivery\". 1 process now has no stage.");

        (await plan.CheckAsync()).Findings.Select(f => (f.Rule, f.ItemId)).ShouldBe([("stage-without-process", (int?)support)]);
    }

    [Fact]
    public async Task ProcessWithoutOwner_OwnerRoleDeleted_ProcessFlagged()
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await CreateHealthyPlanAsync(test, clock);

        await test.Roles().DeleteRoleAsync(plan.PlanId, plan.RoleId);

        (await plan.CheckAsync()).Findings.Select(f => (f.Rule, f.ItemId)).ShouldBe([("process-without-owner", (int?)plan.ProcessId)]);
    }

    [Fact]
    public async Task CommitmentNotKept_LinkedProcessDeleted_CommitmentFlaggedByName()
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await CreateHealthyPlanAsync(test, clock);
        await test.AddProcessAsync(plan.PlanId, new ProcessInput { Name = "Promise keeper", StageId = plan.StageId, OwnerRoleId = plan.RoleId, KeepsCorePromise = true, FeatureIds = [plan.FeatureId] });

        await plan.UpdateProcessAsync(p => p.CommitmentIds = []);

        var finding = (await plan.CheckAsync()).Findings.ShouldHaveSingleItem();
        finding.Rule.ShouldBe("commitment-not-kept");
        finding.Title.ShouldBe("Nothing keeps \"Every request gets an answer within 2 hours\"");
        finding.Area.ShouldBe(FixArea.Promise);
    }

    // Score

    [Fact]
    public async Task Score_MixedSeverities_100MinusFifteenSevenAndTwo()
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await CreateHealthyPlanAsync(test, clock);
        await BreakAsync("commitment-not-kept", plan);
        await BreakAsync("stage-without-process", plan);
        await BreakAsync("too-many-kpis", plan);

        var report = await plan.CheckAsync();

        report.Findings.Select(f => f.Severity).ShouldBe([FindingSeverity.High, FindingSeverity.Medium, FindingSeverity.Low]);
        report.Score.ShouldBe(100 - 15 - 7 - 2);
        report.IsReady.ShouldBeFalse();
    }

    [Fact]
    public async Task Score_ManyFindings_NeverBelowZero()
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var planId = await test.CreatePlanAsync();
        for (var i = 0; i < 8; i++)
        {
            await test.AddProcessAsync(planId, new ProcessInput { Name = $"Unowned {i}" });
        }

        var report = (await test.Get<ReadinessService>().CheckAsync(planId)).ShouldNotBeNull();

        report.Findings.Count(f => f.Rule == "process-without-owner").ShouldBe(8);
        report.Findings.Sum(f => Penalty(f.Severity)).ShouldBeGreaterThan(100);
        report.Score.ShouldBe(0);
    }

    [Fact]
    public async Task Check_NewEmptyPlan_NoPromiseSixEmptyStagesAndNoKpi()
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var planId = await test.CreatePlanAsync();

        var report = (await test.Get<ReadinessService>().CheckAsync(planId)).ShouldNotBeNull();

        report.Findings.Select(f => f.Rule).ShouldBe(["no-promise", "no-kpi", .. Enumerable.Repeat("stage-without-process", 6)]);
        report.Score.ShouldBe(100 - 15 - 15 - (6 * 7));
    }

    [Fact]
    public void Evaluate_OnlyLowFindings_IsReady()
    {
        var kpis = Enumerable.Range(1, OperationsDefaults.TooManyKpis + 1)
            .Select(i => new KpiView(i, $"KPI {i}", "", KpiDirection.HigherIsBetter, null, null, ReviewCadence.Weekly, 1,
                [new MeasurementView(i, new DateOnly(2026, 6, 15), 1m, "")], [new ReviewView(i, new DateOnly(2026, 6, 15), "ok")]))
            .ToList();
        var ops = new OperationsView(1, "Promise", [], [], [], [new ProcessView(1, "Keeper", null, "", false, Automation.Manual, false, 1, true, [], [], [], 1)], [], kpis, []);

        var report = ReadinessCheck.Evaluate(ops, new DateOnly(2026, 6, 15));

        report.Findings.ShouldHaveSingleItem().Rule.ShouldBe("too-many-kpis");
        report.Score.ShouldBe(98);
        report.IsReady.ShouldBeTrue();
    }

    // Access

    [Fact]
    public async Task CheckAndSummarize_ByOutsider_ReturnNothing()
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await CreateHealthyPlanAsync(test, clock);
        var (outsider, _) = await test.CreateOutsiderAsync();
        test.ActAs(outsider);

        (await test.Get<ReadinessService>().CheckAsync(plan.PlanId)).ShouldBeNull();
        (await test.Get<ReadinessService>().SummarizeAsync(plan.PlanId)).ShouldBeNull();
    }

    [Fact]
    public async Task Check_AsViewer_SeesTheReport()
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await CreateHealthyPlanAsync(test, clock);
        test.ActAs(await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer));

        (await plan.CheckAsync()).Score.ShouldBe(100);
    }

    // MVP/MVO summary

    [Fact]
    public async Task Summarize_FilledPlan_EachRowStatesThePlansFacts()
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await CreateHealthyPlanAsync(test, clock);
        var persona = await test.CreatePersonaAsync(plan.PlanId, "Bo the borrower");
        await test.CreatePersonaAsync(plan.PlanId, "Lena the lender");
        await test.CreateProblemAsync(plan.PlanId, "Cannot find a tool nearby", persona);
        await test.CreateProblemAsync(plan.PlanId, "Tools come back broken", persona);
        await plan.AddFeatureAsync("Lender ratings", 1, needsOperationalSupport: false);
        await test.AddToolAsync(plan.PlanId, "Shared inbox", 12m);
        await test.AddToolAsync(plan.PlanId, "Payments", 18m);

        var summary = (await test.Get<ReadinessService>().SummarizeAsync(plan.PlanId)).ShouldNotBeNull();

        var rows = summary.Rows.ToDictionary(r => r.Aspect);
        rows.Keys.ShouldBe(["Focus", "Core question", "Audience", "Primary output", "Risk mitigated"]);
        rows["Focus"].Mvp.ShouldBe("2 features, 1 in the MVP phase");
        rows["Focus"].Mvo.ShouldBe("1 core process over 1 journey stage");
        rows["Core question"].Mvp.ShouldBe("Is this product desirable?");
        rows["Core question"].Mvo.ShouldBe("Is this business deliverable?");
        rows["Audience"].Mvp.ShouldBe("Bo the borrower, Lena the lender");
        rows["Audience"].Mvo.ShouldBe("Founder (Ana)");
        rows["Primary output"].Mvp.ShouldBe("A product with just enough features: 1 in the MVP");
        rows["Primary output"].Mvo.ShouldBe("Just enough process: 2 tools at 30 a month, 2 KPIs (Time to first answer, Loans per week)");
        rows["Risk mitigated"].Mvp.ShouldBe("Building something nobody wants: 2 problems, each tied to a persona");
        rows["Risk mitigated"].Mvo.ShouldBe("Failing to deliver on promises: readiness 100/100, 0 open findings");
    }

    [Fact]
    public async Task Summarize_NewEmptyPlan_SaysWhatIsMissing()
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var planId = await test.CreatePlanAsync();

        var summary = (await test.Get<ReadinessService>().SummarizeAsync(planId)).ShouldNotBeNull();

        var rows = summary.Rows.ToDictionary(r => r.Aspect);
        rows["Focus"].Mvp.ShouldBe("0 features, 0 in the MVP phase");
        rows["Focus"].Mvo.ShouldBe("0 core processes over 6 journey stages");
        rows["Audience"].Mvp.ShouldBe("No personas yet");
        rows["Audience"].Mvo.ShouldBe("No process owners yet");
        rows["Primary output"].Mvo.ShouldBe("Just enough process: 0 tools at 0 a month, 0 KPIs");
        rows["Risk mitigated"].Mvp.ShouldBe("Building something nobody wants: No problems written down yet");
        rows["Risk mitigated"].Mvo.ShouldBe("Failing to deliver on promises: readiness 28/100, 8 open findings");
    }

    [Fact]
    public async Task Summarize_ProblemsWithoutPersona_DoesNotClaimEachIsTiedToOne()
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var planId = await test.CreatePlanAsync();
        var persona = await test.CreatePersonaAsync(planId, "Bo the borrower");
        var doomed = await test.CreatePersonaAsync(planId, "Lena the lender");
        await test.CreateProblemAsync(planId, "Cannot find a tool nearby", persona);
        await test.CreateProblemAsync(planId, "Nobody knows who has the ladder", doomed);
        (await test.Get<PersonaService>().DeleteAsync(planId, doomed)).Message.ShouldNotBeNull().ShouldContain("1 problem now has no persona");

        var summary = (await test.Get<ReadinessService>().SummarizeAsync(planId)).ShouldNotBeNull();

        summary.Rows.Single(r => r.Aspect == "Risk mitigated").Mvp.ShouldBe("Building something nobody wants: 2 problems, 1 not yet tied to a persona");
    }

    [Fact]
    public async Task Summarize_OneOfEach_CountsInSingular()
    {
        var clock = new TestClock(Noon);
        await using var test = await TestDatabase.CreateAsync(clock);
        var planId = await test.CreatePlanAsync();
        await test.ClearJourneyAsync(planId);
        await test.AddStageAsync(planId, "Delivery");
        await AddFeatureToPlanAsync(test, planId, "Catalogue", 0, needsOperationalSupport: false);
        await test.AddProcessAsync(planId, new ProcessInput { Name = "Deliver" });
        await test.AddToolAsync(planId, "Inbox", 9.5m);
        await test.AddKpiAsync(planId, "NPS");
        var persona = await test.CreatePersonaAsync(planId, "Bo");
        await test.CreateProblemAsync(planId, "Cannot find a tool", persona);

        var rows = (await test.Get<ReadinessService>().SummarizeAsync(planId)).ShouldNotBeNull().Rows.ToDictionary(r => r.Aspect);

        rows["Focus"].Mvp.ShouldBe("1 feature, 1 in the MVP phase");
        rows["Focus"].Mvo.ShouldBe("1 core process over 1 journey stage");
        rows["Primary output"].Mvo.ShouldBe($"Just enough process: 1 tool at {9.5m:0.##} a month, 1 KPI (NPS)");
        rows["Risk mitigated"].Mvp.ShouldBe("Building something nobody wants: 1 problem, each tied to a persona");
    }

    private static int Penalty(FindingSeverity severity) => severity switch
    {
        FindingSeverity.High => 15,
        FindingSeverity.Medium => 7,
        _ => 2,
    };
}
