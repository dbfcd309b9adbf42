using MvpPlanner.Core.History;
using System.Collections.Concurrent;
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
using MvpPlanner.Core.Tests.Infrastructure;
using MvpPlanner.Core.Workshops;

namespace MvpPlanner.Core.Tests;

/// <summary>Live workshops (issue 6): plan change notifications, presence, the shared timer, dot votes and
/// what happens when two people change the same thing at once.</summary>
public class WorkshopTests
{
    private const string Marker = "Marker";

    private static readonly DateTimeOffset Nine = new(2026, 6, 15, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Collects the changes one subscriber receives; delivery is asynchronous, so tests wait for what they expect.</summary>
    private sealed class Inbox
    {
        private readonly ConcurrentQueue<PlanChange> _changes = new();

        /// <summary>Everything received except the markers <see cref="DrainAsync"/> sends.</summary>
        public IReadOnlyList<PlanChange> Received => [.. _changes.Where(c => c.What != Marker)];

        public Task Handle(PlanChange change)
        {
            _changes.Enqueue(change);
            return Task.CompletedTask;
        }

        public async Task<PlanChange> WaitForAsync(Func<PlanChange, bool> match)
        {
            for (var waited = 0; waited < 10_000; waited += 20)
            {
                if (_changes.FirstOrDefault(match) is { } change)
                {
                    return change;
                }

                await Task.Delay(20);
            }

            throw new ShouldAssertException($"No matching change arrived; received: {string.Join("; ", _changes)}");
        }
    }

    /// <summary>Records what is published, at the moment it is published: for checking when the interceptor publishes.</summary>
    private sealed class RecordingNotifier : IPlanChangeNotifier
    {
        public List<PlanChange> Published { get; } = [];

        public void Publish(PlanChange change) => Published.Add(change);

        public IDisposable Subscribe(int planId, Func<PlanChange, Task> onChange) => throw new NotSupportedException();
    }

    /// <summary>Lets everything published so far reach its subscribers: a marker sent after it arrives too.</summary>
    private static async Task DrainAsync(IPlanChangeNotifier notifier, int planId)
    {
        var marker = new Inbox();
        using (notifier.Subscribe(planId, marker.Handle))
        {
            notifier.Publish(new PlanChange(planId, Marker, null));
            await marker.WaitForAsync(c => c.What == Marker);
        }

        await Task.Delay(100);
    }

    // Plan change notifier

    [Fact]
    public async Task Notifier_SaveOnPlanA_ReachesPlanASubscribersOnly()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planA = await test.CreatePlanAsync("A");
        var planB = await test.CreatePlanAsync("B");
        var notifier = test.Get<IPlanChangeNotifier>();
        var firstA = new Inbox();
        var secondA = new Inbox();
        var onB = new Inbox();
        using var s1 = notifier.Subscribe(planA, firstA.Handle);
        using var s2 = notifier.Subscribe(planA, secondA.Handle);
        using var s3 = notifier.Subscribe(planB, onB.Handle);

        await test.CreatePersonaAsync(planA, "Bo");

        var change = await firstA.WaitForAsync(c => c.What.Contains("Persona"));
        change.PlanId.ShouldBe(planA);
        change.ByUserId.ShouldBe(test.Owner.UserId);
        await secondA.WaitForAsync(c => c.What.Contains("Persona"));
        await DrainAsync(notifier, planB);
        onB.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task Notifier_SubscriptionDisposed_ReceivesNothingMore()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var notifier = test.Get<IPlanChangeNotifier>();
        var gone = new Inbox();
        var stays = new Inbox();
        var subscription = notifier.Subscribe(planId, gone.Handle);
        using var other = notifier.Subscribe(planId, stays.Handle);

        subscription.Dispose();
        subscription.Dispose();
        await test.CreatePersonaAsync(planId, "Bo");

        await stays.WaitForAsync(c => c.What.Contains("Persona"));
        await DrainAsync(notifier, planId);
        gone.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task Notifier_FailingSubscribers_SaveSucceedsAndOthersStillHear()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var notifier = test.Get<IPlanChangeNotifier>();
        var healthy = new Inbox();
        using var throwsAtOnce = notifier.Subscribe(planId, _ => throw new InvalidOperationException("broken view"));
        using var throwsLater = notifier.Subscribe(planId, async _ =>
        {
            await Task.Yield();
            throw new InvalidOperationException("broken view");
        });
        using var closed = notifier.Subscribe(planId, _ => throw new ObjectDisposedException("circuit"));
        using var fine = notifier.Subscribe(planId, healthy.Handle);

        var result = await test.Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = "Bo" });
        var second = await test.Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = "Lena" });

        result.Status.ShouldBe(ResultStatus.Ok);
        second.Status.ShouldBe(ResultStatus.Ok);
        (await test.Get<PersonaService>().ListAsync(planId)).Count.ShouldBe(2);
        await healthy.WaitForAsync(c => c.What.Contains("Persona"));
        for (var i = 0; i < 200 && healthy.Received.Count < 2; i++)
        {
            await Task.Delay(20);
        }

        healthy.Received.Count.ShouldBe(2);
    }

    /// <summary>A view whose refresh is broken: every change it receives fails.</summary>
    private sealed class BrokenView
    {
        private int _calls;

        public int Calls => _calls;

        public async Task OnPlanChangedAsync(PlanChange change)
        {
            Interlocked.Increment(ref _calls);
            await Task.Yield();
            throw new InvalidOperationException($"broken view for plan {change.PlanId}");
        }
    }

    [Fact]
    public async Task Notifier_SubscriberFails_FailureLoggedWithPlanAndSubscriberOthersStillHear()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var notifier = test.Get<IPlanChangeNotifier>();
        var healthy = new Inbox();
        var brokenView = new BrokenView();
        using var broken = notifier.Subscribe(planId, brokenView.OnPlanChangedAsync);
        using var closed = notifier.Subscribe(planId, _ => throw new ObjectDisposedException("circuit"));
        using var fine = notifier.Subscribe(planId, healthy.Handle);

        var result = await test.Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = "Bo" });

        result.Status.ShouldBe(ResultStatus.Ok);
        await healthy.WaitForAsync(c => c.What.Contains("Persona"));
        var errors = new List<LogEntry>();
        for (var waited = 0; waited < 10_000 && errors.Count == 0; waited += 20)
        {
            await Task.Delay(20);
            errors = [.. test.Logs.AtLeast(Microsoft.Extensions.Logging.LogLevel.Error).Where(e => e.Category == typeof(InProcessPlanChangeNotifier).FullName)];
        }

        await DrainAsync(notifier, planId);
        for (var waited = 0; waited < 10_000 && errors.Count < brokenView.Calls; waited += 20)
        {
            await Task.Delay(20);
            errors = [.. test.Logs.AtLeast(Microsoft.Extensions.Logging.LogLevel.Error).Where(e => e.Category == typeof(InProcessPlanChangeNotifier).FullName)];
        }

        // One error per failed delivery to the broken view (the drain's marker included); the closed view is expected, not an error.
        errors.Count.ShouldBe(brokenView.Calls);
        var logged = errors.Where(e => e.Values["ChangeWhat"] is string what && what.Contains("Persona")).ShouldHaveSingleItem();
        logged.Values["PlanId"].ShouldBe(planId);
        logged.Values["SubscriberType"].ShouldBe(typeof(BrokenView).FullName);
        logged.Exception.ShouldBeOfType<InvalidOperationException>();
    }

    [Fact]
    public async Task Notifier_KpiMeasurementAndReviewRecorded_PlanSubscribersHearIt()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var kpi = await test.AddKpiAsync(planId, "NPS");
        var inbox = new Inbox();
        using var subscription = test.Get<IPlanChangeNotifier>().Subscribe(planId, inbox.Handle);

        await test.RecordMeasurementAsync(planId, kpi, new DateOnly(2026, 6, 1), 40m);
        await test.RecordReviewAsync(planId, kpi, new DateOnly(2026, 6, 2));

        (await inbox.WaitForAsync(c => c.What.Contains(nameof(KpiMeasurement)))).PlanId.ShouldBe(planId);
        (await inbox.WaitForAsync(c => c.What.Contains(nameof(KpiReview)))).ByUserId.ShouldBe(test.Owner.UserId);
    }

    [Fact]
    public async Task Interceptor_SaveInsideTransaction_PublishedOnlyAfterCommit()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var recorder = new RecordingNotifier();
        await using var db = OwnContext(test, recorder);

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            (await db.Plans.SingleAsync(p => p.Id == planId)).Name = "Renamed";
            await db.SaveChangesAsync();
            recorder.Published.ShouldBeEmpty();
            await tx.CommitAsync();
        }

        recorder.Published.ShouldHaveSingleItem().PlanId.ShouldBe(planId);
    }

    [Fact]
    public async Task Interceptor_TransactionRolledBack_NothingPublished()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var recorder = new RecordingNotifier();
        await using var db = OwnContext(test, recorder);

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            (await db.Plans.SingleAsync(p => p.Id == planId)).Name = "Renamed";
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }

        recorder.Published.ShouldBeEmpty();
        (await test.Get<PlanService>().GetOverviewAsync(planId)).ShouldNotBeNull().Name.ShouldBe("Test plan");
    }

    [Fact]
    public async Task Interceptor_SaveWithoutTransaction_PublishedOncePerPlan()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planA = await test.CreatePlanAsync("A");
        var planB = await test.CreatePlanAsync("B");
        var recorder = new RecordingNotifier();
        await using var db = OwnContext(test, recorder);

        foreach (var plan in await db.Plans.Where(p => p.Id == planA || p.Id == planB).ToListAsync())
        {
            plan.Vision = "Changed";
        }

        db.Personas.Add(new Persona { PlanId = planA, Name = "Bo" });
        await db.SaveChangesAsync();

        recorder.Published.Select(c => c.PlanId).ShouldBe([planA, planB], ignoreOrder: true);
        recorder.Published.Single(c => c.PlanId == planA).What.Split(',').ShouldBe(["Plan", "Persona"], ignoreOrder: true);
    }

    [Fact]
    public async Task Notifier_BoardMove_SubscriberReloadingAtOnceSeesTheNewOrder()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var seen = new TaskCompletionSource<IReadOnlyList<(int Id, int Rank)>>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = test.Get<IPlanChangeNotifier>().Subscribe(sample.PlanId, async change =>
        {
            if (change.What.Contains(nameof(Feature)))
            {
                seen.TrySetResult(await test.CellAsync(sample.PlanId, sample.PhaseId, sample.LaneId));
            }
        });

        var result = await test.Get<RoadmapService>().MoveFeatureAsync(sample.PlanId, sample.SecondFeatureId, sample.PhaseId, sample.LaneId, 0);

        result.Status.ShouldBe(ResultStatus.Ok);
        (await seen.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe([(sample.SecondFeatureId, 0), (sample.FeatureId, 1)]);
    }

    private static PlannerDbContext OwnContext(TestDatabase test, IPlanChangeNotifier notifier)
    {
        var options = new DbContextOptionsBuilder<PlannerDbContext>();
        test.Configure(options);
        return new(options.AddInterceptors(new PlanChangeInterceptor(notifier, new PlanChangeCounters())).Options);
    }

    // Presence

    [Fact]
    public async Task Presence_PeopleEnterAndLeave_ListedByNameWithSection()
    {
        var clock = new TestClock(Nine);
        await using var test = await TestDatabase.CreateAsync(clock);
        var presence = test.Get<PresenceTracker>();

        presence.Enter(1, "c1", "u-olivia", "Olivia Owner", "Roadmap");
        presence.Enter(1, "c2", "u-mia", "mia van der berg", "Features");

        presence.InPlan(1).Select(p => (p.DisplayName, p.Section, p.Initials)).ShouldBe([("mia van der berg", "Features", "MV"), ("Olivia Owner", "Roadmap", "OO")]);
        presence.InPlan(1).ShouldAllBe(p => p.Since == Nine.UtcDateTime);
        presence.InPlan(2).ShouldBeEmpty();

        presence.Leave(1, "c1");
        presence.Leave(1, "unknown connection");

        presence.InPlan(1).Select(p => p.UserId).ShouldBe(["u-mia"]);
    }

    [Fact]
    public async Task Presence_SameUserInTwoCircuits_ListedOnceUntilBothLeave()
    {
        var clock = new TestClock(Nine);
        await using var test = await TestDatabase.CreateAsync(clock);
        var presence = test.Get<PresenceTracker>();

        presence.Enter(1, "laptop", "u-mia", "Mia", "Features");
        clock.Advance(TimeSpan.FromMinutes(1));
        presence.Enter(1, "phone", "u-mia", "Mia", "Roadmap");

        presence.InPlan(1).ShouldHaveSingleItem().Section.ShouldBe("Roadmap");
        presence.Leave(1, "phone");
        presence.InPlan(1).ShouldHaveSingleItem().Section.ShouldBe("Features");
        presence.Leave(1, "laptop");
        presence.InPlan(1).ShouldBeEmpty();
    }

    [Fact]
    public async Task Presence_EditingInOlderCircuit_StillShownAsEditing()
    {
        var clock = new TestClock(Nine);
        await using var test = await TestDatabase.CreateAsync(clock);
        var presence = test.Get<PresenceTracker>();
        presence.Enter(1, "laptop", "u-mia", "Mia", "Features");
        clock.Advance(TimeSpan.FromMinutes(1));
        presence.Enter(1, "phone", "u-mia", "Mia", "Roadmap");

        presence.SetEditing(1, "laptop", "Feature \"Tool catalogue\"");

        var mia = presence.InPlan(1).ShouldHaveSingleItem();
        mia.Editing.ShouldBe("Feature \"Tool catalogue\"");
        mia.Section.ShouldBe("Features");

        presence.SetEditing(1, "laptop", null);
        presence.InPlan(1).ShouldHaveSingleItem().Editing.ShouldBeNull();
    }

    [Fact]
    public async Task Presence_EnterEditLeave_EachAnnouncedToThatPlan()
    {
        await using var test = await TestDatabase.CreateAsync();
        var presence = test.Get<PresenceTracker>();
        var notifier = test.Get<IPlanChangeNotifier>();
        var inbox = new Inbox();
        var other = new Inbox();
        using var s1 = notifier.Subscribe(7, inbox.Handle);
        using var s2 = notifier.Subscribe(8, other.Handle);

        presence.Enter(7, "c1", "u-mia", "Mia", "Features");
        presence.SetEditing(7, "c1", "Persona \"Bo\"");
        presence.SetEditing(7, "nobody", "Persona \"Bo\"");
        presence.Leave(7, "c1");

        for (var i = 0; i < 500 && inbox.Received.Count < 3; i++)
        {
            await Task.Delay(20);
        }

        await DrainAsync(notifier, 7);
        inbox.Received.Count.ShouldBe(3);
        inbox.Received.ShouldAllBe(c => c.What == PresenceTracker.PresenceChange && c.ByUserId == "u-mia" && c.PlanId == 7);
        other.Received.ShouldBeEmpty();
    }

    // Shared timer

    [Fact]
    public async Task Timer_StartPauseResumeReset_EveryoneComputesTheSameTimeLeft()
    {
        var clock = new TestClock(Nine);
        await using var test = await TestDatabase.CreateAsync(clock);
        var planId = await test.CreatePlanAsync();
        var timerService = test.Get<WorkshopTimerService>();
        var timers = test.Get<WorkshopTimers>();
        timers.Get(planId).ShouldBeNull();

        (await timerService.StartTimerAsync(planId, 10)).Status.ShouldBe(ResultStatus.Ok);
        clock.Advance(TimeSpan.FromMinutes(3));
        var running = timers.Get(planId).ShouldNotBeNull();
        running.IsRunning.ShouldBeTrue();
        running.Remaining(timers.Now).ShouldBe(TimeSpan.FromMinutes(7));

        await timerService.PauseTimerAsync(planId);
        clock.Advance(TimeSpan.FromMinutes(5));
        var paused = timers.Get(planId).ShouldNotBeNull();
        paused.IsRunning.ShouldBeFalse();
        paused.Remaining(timers.Now).ShouldBe(TimeSpan.FromMinutes(7));

        await timerService.PauseTimerAsync(planId);
        timers.Get(planId).ShouldBe(paused);

        await timerService.ResumeTimerAsync(planId);
        clock.Advance(TimeSpan.FromMinutes(2));
        timers.Get(planId)!.Remaining(timers.Now).ShouldBe(TimeSpan.FromMinutes(5));

        await timerService.ResetTimerAsync(planId);
        clock.Advance(TimeSpan.FromMinutes(1));
        var reset = timers.Get(planId).ShouldNotBeNull();
        reset.IsRunning.ShouldBeFalse();
        reset.Duration.ShouldBe(TimeSpan.FromMinutes(10));
        reset.Remaining(timers.Now).ShouldBe(TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task Timer_RunsOut_StopsAtZeroAndCannotResume()
    {
        var clock = new TestClock(Nine);
        await using var test = await TestDatabase.CreateAsync(clock);
        var planId = await test.CreatePlanAsync();
        var timerService = test.Get<WorkshopTimerService>();
        var timers = test.Get<WorkshopTimers>();
        await timerService.StartTimerAsync(planId, 1);

        clock.Advance(TimeSpan.FromMinutes(5));
        timers.Get(planId)!.Remaining(timers.Now).ShouldBe(TimeSpan.Zero);
        await timerService.PauseTimerAsync(planId);
        await timerService.ResumeTimerAsync(planId);

        var state = timers.Get(planId).ShouldNotBeNull();
        state.IsRunning.ShouldBeFalse();
        state.Remaining(timers.Now).ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(181)]
    public async Task Timer_MinutesOutOfRange_IsInvalidAndNoTimer(int minutes)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await test.Get<WorkshopTimerService>().StartTimerAsync(planId, minutes);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe(["Minutes"]);
        test.Get<WorkshopTimers>().Get(planId).ShouldBeNull();
    }

    [Fact]
    public async Task Timer_TwoPlans_RunIndependentlyAndAnnounceToTheirOwnPlan()
    {
        var clock = new TestClock(Nine);
        await using var test = await TestDatabase.CreateAsync(clock);
        var planA = await test.CreatePlanAsync("A");
        var planB = await test.CreatePlanAsync("B");
        var inbox = new Inbox();
        using var subscription = test.Get<IPlanChangeNotifier>().Subscribe(planA, inbox.Handle);

        await test.Get<WorkshopTimerService>().StartTimerAsync(planA, 5);

        test.Get<WorkshopTimers>().Get(planB).ShouldBeNull();
        await inbox.WaitForAsync(c => c.What == WorkshopTimers.TimerChange);
    }

    // Who may facilitate

    public static TheoryData<string> FacilitatorActions => new(Facilitation.Keys);

    private static readonly Dictionary<string, Func<TestDatabase, VoteSetup, Task<ServiceResult>>> Facilitation = new()
    {
        ["session.start"] = async (t, v) => await t.Get<WorkshopSessionService>().StartSessionAsync(v.PlanId, "Second"),
        ["session.end"] = async (t, v) => await t.Get<WorkshopSessionService>().EndSessionAsync(v.PlanId),
        ["vote.open"] = async (t, v) => await t.Get<VoteService>().OpenVoteAsync(v.PlanId, new VoteInput { Title = "Again", ItemIds = v.FeatureIds }),
        ["vote.reveal"] = async (t, v) => await t.Get<VoteService>().RevealAsync(v.PlanId, v.RoundId),
        ["vote.apply"] = async (t, v) => await t.Get<VoteService>().ApplyAsync(v.PlanId, v.RoundId),
        ["timer.start"] = async (t, v) => await t.Get<WorkshopTimerService>().StartTimerAsync(v.PlanId, 5),
        ["timer.pause"] = async (t, v) => await t.Get<WorkshopTimerService>().PauseTimerAsync(v.PlanId),
        ["timer.resume"] = async (t, v) => await t.Get<WorkshopTimerService>().ResumeTimerAsync(v.PlanId),
        ["timer.reset"] = async (t, v) => await t.Get<WorkshopTimerService>().ResetTimerAsync(v.PlanId),
    };

    [Theory]
    [MemberData(nameof(FacilitatorActions))]
    public async Task Facilitate_AsViewer_IsForbiddenAndNothingChanges(string action)
    {
        await using var test = await TestDatabase.CreateAsync();
        var vote = await SetUpFeatureVoteAsync(test);
        var viewer = await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer);
        var before = await WorkshopSnapshotAsync(test, vote.PlanId);
        test.ActAs(viewer);

        var result = await Facilitation[action](test, vote);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        result.Message.ShouldNotBeNull().ShouldContain("You can view this plan but not change it");
        (await WorkshopSnapshotAsync(test, vote.PlanId)).ShouldBe(before);
        test.Get<WorkshopTimers>().Get(vote.PlanId).ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(FacilitatorActions))]
    public async Task Facilitate_ByOutsider_IsNotFoundAndNothingChanges(string action)
    {
        await using var test = await TestDatabase.CreateAsync();
        var vote = await SetUpFeatureVoteAsync(test);
        var (outsider, _) = await test.CreateOutsiderAsync();
        var before = await WorkshopSnapshotAsync(test, vote.PlanId);
        test.ActAs(outsider);

        var result = await Facilitation[action](test, vote);

        result.Status.ShouldBe(ResultStatus.NotFound);
        (await WorkshopSnapshotAsync(test, vote.PlanId)).ShouldBe(before);
        test.Get<WorkshopTimers>().Get(vote.PlanId).ShouldBeNull();
    }

    [Fact]
    public async Task Facilitate_AsAnotherEditor_MayRevealAndApply()
    {
        await using var test = await TestDatabase.CreateAsync();
        var vote = await SetUpFeatureVoteAsync(test);
        test.ActAs(vote.Editor);

        (await test.Get<VoteService>().RevealAsync(vote.PlanId, vote.RoundId)).Status.ShouldBe(ResultStatus.Ok);
        (await test.Get<VoteService>().ApplyAsync(vote.PlanId, vote.RoundId)).Status.ShouldBe(ResultStatus.Ok);
    }

    [Fact]
    public async Task StartSession_WhileOneRuns_IsInvalid()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        (await test.Get<WorkshopSessionService>().StartSessionAsync(planId, "  Kick-off  ")).Status.ShouldBe(ResultStatus.Ok);

        var second = await test.Get<WorkshopSessionService>().StartSessionAsync(planId, "Another");

        second.Status.ShouldBe(ResultStatus.Invalid);
        second.Message.ShouldBe("A workshop is already running on this plan. Join it, or end it first.");
        var view = (await test.Get<WorkshopSessionService>().GetAsync(planId)).ShouldNotBeNull();
        view.Sessions.ShouldHaveSingleItem().Name.ShouldBe("Kick-off");
        view.Active.ShouldNotBeNull().FacilitatorName.ShouldBe("Olivia Owner");
    }

    [Fact]
    public async Task StartSession_NoName_NamedAfterTheDayOnTheWorkshopClock()
    {
        var clock = new TestClock(new DateTimeOffset(2031, 2, 3, 23, 30, 0, TimeSpan.Zero));
        await using var test = await TestDatabase.CreateAsync(clock);
        var planId = await test.CreatePlanAsync();

        (await test.Get<WorkshopSessionService>().StartSessionAsync(planId, "   ")).Status.ShouldBe(ResultStatus.Ok);

        var session = (await test.Get<WorkshopSessionService>().GetAsync(planId)).ShouldNotBeNull().Sessions.Single();
        session.Name.ShouldBe($"Workshop {new DateTime(2031, 2, 3):d MMM yyyy}");
        session.StartedAt.ShouldBe(clock.Now.UtcDateTime);
    }

    [Fact]
    public async Task OpenVote_NoWorkshopRunning_IsInvalidAndSaysToStartOne()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();

        var result = await test.Get<VoteService>().OpenVoteAsync(sample.PlanId, new VoteInput { Title = "MVP?", ItemIds = [sample.FeatureId, sample.SecondFeatureId] });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message.ShouldBe("Start a workshop first; votes belong to a workshop session.");
    }

    [Theory]
    [InlineData("", 3, 2, nameof(VoteInput.Title))]
    [InlineData("MVP?", 0, 2, nameof(VoteInput.DotsPerPerson))]
    [InlineData("MVP?", 21, 2, nameof(VoteInput.DotsPerPerson))]
    [InlineData("MVP?", 3, 1, nameof(VoteInput.ItemIds))]
    public async Task OpenVote_BadInput_IsInvalidOnThatField(string title, int dots, int items, string field)
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        await test.Get<WorkshopSessionService>().StartSessionAsync(sample.PlanId, "");

        var result = await test.Get<VoteService>().OpenVoteAsync(sample.PlanId, new VoteInput
        {
            Title = title,
            DotsPerPerson = dots,
            ItemIds = new[] { sample.FeatureId, sample.SecondFeatureId }.Take(items).ToList(),
        });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([field]);
    }

    [Fact]
    public async Task OpenVote_ItemOfAnotherPlan_IsInvalidAndNoRound()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var otherPlanId = await test.CreatePlanAsync("Other");
        var foreign = await test.CreateFeatureAsync(otherPlanId, "Theirs");
        await test.Get<WorkshopSessionService>().StartSessionAsync(sample.PlanId, "Kick-off");

        var result = await test.Get<VoteService>().OpenVoteAsync(sample.PlanId, new VoteInput { Title = "MVP?", ItemIds = [sample.FeatureId, foreign] });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([nameof(VoteInput.ItemIds)]);
        (await test.Get<WorkshopSessionService>().GetAsync(sample.PlanId))!.Rounds.ShouldBeEmpty();
    }

    // Dot votes

    private sealed record VoteSetup(int PlanId, int SessionId, int RoundId, int[] FeatureIds, Caller Editor, Caller Viewer);

    /// <summary>A running workshop with a feature vote over three features of one roadmap cell; an editor and a viewer take part.</summary>
    private static async Task<VoteSetup> SetUpFeatureVoteAsync(TestDatabase test, int dots = 3, bool several = false)
    {
        var sample = await test.CreateSamplePlanAsync();
        var third = await test.CreateFeatureAsync(sample.PlanId, "Loan reminders", sample.PhaseId, sample.LaneId);
        var viewer = await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer);
        var sessionService = test.Get<WorkshopSessionService>();
        var voteService = test.Get<VoteService>();
        var session = await sessionService.StartSessionAsync(sample.PlanId, "Kick-off");
        session.Status.ShouldBe(ResultStatus.Ok);
        int[] features = [sample.FeatureId, sample.SecondFeatureId, third];
        var round = await voteService.OpenVoteAsync(sample.PlanId, new VoteInput
        {
            Title = "Which features make the MVP?",
            ItemKind = VoteItemKind.Feature,
            ItemIds = features,
            DotsPerPerson = dots,
            AllowSeveralDotsPerItem = several,
        });
        round.Status.ShouldBe(ResultStatus.Ok, round.Message);
        return new VoteSetup(sample.PlanId, session.Value, round.Value, features, sample.Member, viewer);
    }

    private static async Task<ServiceResult> DotAsync(TestDatabase test, Caller who, VoteSetup vote, int itemId, bool takeBack = false)
    {
        test.ActAs(who);
        var voteService = test.Get<VoteService>();
        return takeBack ? await voteService.TakeBackDotAsync(vote.PlanId, vote.RoundId, itemId) : await voteService.PlaceDotAsync(vote.PlanId, vote.RoundId, itemId);
    }

    private static async Task<RoundView> RoundAsync(TestDatabase test, Caller who, VoteSetup vote)
    {
        test.ActAs(who);
        return (await test.Get<VoteService>().GetRoundAsync(vote.PlanId, vote.RoundId)).ShouldNotBeNull();
    }

    [Fact]
    public async Task PlaceDot_BudgetUsedUp_RefusedUntilOneIsTakenBack()
    {
        await using var test = await TestDatabase.CreateAsync();
        var vote = await SetUpFeatureVoteAsync(test, dots: 2);
        var (a, b, c) = (vote.FeatureIds[0], vote.FeatureIds[1], vote.FeatureIds[2]);

        (await DotAsync(test, vote.Viewer, vote, a)).Status.ShouldBe(ResultStatus.Ok);
        (await DotAsync(test, vote.Viewer, vote, b)).Status.ShouldBe(ResultStatus.Ok);
        var third = await DotAsync(test, vote.Viewer, vote, c);

        third.Status.ShouldBe(ResultStatus.Invalid);
        third.Message.ShouldBe("You have used all your 2 dots. Take one back to move it.");
        (await DotAsync(test, vote.Viewer, vote, a, takeBack: true)).Status.ShouldBe(ResultStatus.Ok);
        (await DotAsync(test, vote.Viewer, vote, c)).Status.ShouldBe(ResultStatus.Ok);
        var mine = await RoundAsync(test, vote.Viewer, vote);
        mine.Items.Select(i => i.MyDots).ShouldBe([0, 1, 1]);
        mine.MyDotsLeft.ShouldBe(0);
    }

    [Fact]
    public async Task PlaceDot_BudgetIsPerParticipant_OthersStillHaveTheirs()
    {
        await using var test = await TestDatabase.CreateAsync();
        var vote = await SetUpFeatureVoteAsync(test, dots: 1);

        (await DotAsync(test, vote.Viewer, vote, vote.FeatureIds[0])).Status.ShouldBe(ResultStatus.Ok);
        (await DotAsync(test, vote.Editor, vote, vote.FeatureIds[0])).Status.ShouldBe(ResultStatus.Ok);
        (await DotAsync(test, test.Owner, vote, vote.FeatureIds[1])).Status.ShouldBe(ResultStatus.Ok);

        (await RoundAsync(test, test.Owner, vote)).VoterCount.ShouldBe(3);
    }

    [Theory]
    [InlineData(false, ResultStatus.Invalid)]
    [InlineData(true, ResultStatus.Ok)]
    public async Task PlaceDot_SecondDotOnSameItem_AllowedOnlyWhenTheVoteSaysSo(bool several, ResultStatus expected)
    {
        await using var test = await TestDatabase.CreateAsync();
        var vote = await SetUpFeatureVoteAsync(test, dots: 3, several: several);
        await DotAsync(test, vote.Editor, vote, vote.FeatureIds[0]);

        var second = await DotAsync(test, vote.Editor, vote, vote.FeatureIds[0]);

        second.Status.ShouldBe(expected);
        if (!several)
        {
            second.Message.ShouldBe("In this vote each item takes at most one dot from you.");
        }

        (await RoundAsync(test, vote.Editor, vote)).Items[0].MyDots.ShouldBe(several ? 2 : 1);
    }

    [Fact]
    public async Task PlaceDot_ItemNotInTheVote_Refused()
    {
        await using var test = await TestDatabase.CreateAsync();
        var vote = await SetUpFeatureVoteAsync(test);
        var outside = await test.CreateFeatureAsync(vote.PlanId, "Not voted on");

        var result = await DotAsync(test, vote.Editor, vote, outside);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message.ShouldBe("That item is not part of this vote.");
    }

    [Fact]
    public async Task TakeBackDot_NoDotThere_Refused()
    {
        await using var test = await TestDatabase.CreateAsync();
        var vote = await SetUpFeatureVoteAsync(test);

        var result = await DotAsync(test, vote.Editor, vote, vote.FeatureIds[0], takeBack: true);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message.ShouldBe("You have no dot on that item.");
    }

    [Fact]
    public async Task GetRound_BeforeReveal_EachParticipantSeesOnlyTheirOwnDotsAndNoTotals()
    {
        await using var test = await TestDatabase.CreateAsync();
        var vote = await SetUpFeatureVoteAsync(test);
        var (a, b) = (vote.FeatureIds[0], vote.FeatureIds[1]);
        await DotAsync(test, test.Owner, vote, a);
        await DotAsync(test, test.Owner, vote, b);
        await DotAsync(test, vote.Editor, vote, a);

        var owner = await RoundAsync(test, test.Owner, vote);
        var editor = await RoundAsync(test, vote.Editor, vote);
        var viewer = await RoundAsync(test, vote.Viewer, vote);

        owner.IsRevealed.ShouldBeFalse();
        owner.Results.ShouldBeEmpty();
        editor.Results.ShouldBeEmpty();
        viewer.Results.ShouldBeEmpty();
        owner.Items.Select(i => i.MyDots).ShouldBe([1, 1, 0]);
        editor.Items.Select(i => i.MyDots).ShouldBe([1, 0, 0]);
        viewer.Items.Select(i => i.MyDots).ShouldBe([0, 0, 0]);
        (owner.MyDotsLeft, editor.MyDotsLeft, viewer.MyDotsLeft).ShouldBe((1, 2, 3));
        viewer.VoterCount.ShouldBe(2);
    }

    [Fact]
    public async Task Reveal_AfterVoting_TotalsVotersAndSpreadAndVotingClosed()
    {
        await using var test = await TestDatabase.CreateAsync();
        var vote = await SetUpFeatureVoteAsync(test);
        var (a, b, c) = (vote.FeatureIds[0], vote.FeatureIds[1], vote.FeatureIds[2]);
        await DotAsync(test, test.Owner, vote, a);
        await DotAsync(test, test.Owner, vote, b);
        await DotAsync(test, vote.Editor, vote, a);
        test.ActAs(test.Owner);

        var reveal = await test.Get<VoteService>().RevealAsync(vote.PlanId, vote.RoundId);

        reveal.Status.ShouldBe(ResultStatus.Ok);
        reveal.Message.ShouldBe("Results revealed; voting is closed.");
        var round = await RoundAsync(test, vote.Viewer, vote);
        round.IsRevealed.ShouldBeTrue();
        round.Results.Select(r => (r.ItemId, r.Label, r.Dots, r.Voters, r.Disagreement)).ShouldBe(
        [
            (a, "Tool catalogue", 2, 2, 0.0),
            (b, "Borrow request", 1, 1, 1.0),
            (c, "Loan reminders", 0, 0, 0.0),
        ]);
        round.Results[0].ByVoter.ShouldBe([("Olivia Owner", 1), ("Mia Member", 1)], ignoreOrder: true);
        var late = await DotAsync(test, vote.Viewer, vote, c);
        late.Status.ShouldBe(ResultStatus.Invalid);
        late.Message.ShouldBe("Voting has ended: the results are revealed.");
        (await DotAsync(test, test.Owner, vote, a, takeBack: true)).Message.ShouldBe("Voting has ended: the results are revealed.");
    }

    [Fact]
    public void Results_ThreeVotersSplitUnevenly_SpreadIsTwoThirds()
    {
        var round = new VoteRound
        {
            Items = [new() { ItemId = 1, Label = "A" }, new() { ItemId = 2, Label = "B" }],
            Votes =
            [
                new() { UserId = "u1", UserName = "One", ItemId = 1, Dots = 2 },
                new() { UserId = "u2", UserName = "Two", ItemId = 1, Dots = 1 },
                new() { UserId = "u3", UserName = "Three", ItemId = 2, Dots = 1 },
                new() { UserId = "u4", UserName = "Took it back", ItemId = 2, Dots = 0 },
            ],
        };

        var results = VoteRules.Results(round);

        results.Select(r => (r.ItemId, r.Dots, r.Voters, r.Disagreement)).ShouldBe([(1, 3, 2, 0.67), (2, 1, 1, 0.67)]);
        results[0].ByVoter.ShouldBe([("One", 2), ("Two", 1)]);
    }

    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(0, 6, 1)]
    [InlineData(6, 6, 5)]
    [InlineData(3, 6, 3)]
    [InlineData(1, 6, 2)]
    public void ToScale_DotsOfMost_MapsOntoOneToFive(int dots, int max, int expected) =>
        VoteRules.ToScale(dots, max).ShouldBe(expected);

    [Fact]
    public async Task Apply_FeatureVote_ValueFromDotsAndCellReorderedByVotesWithoutGaps()
    {
        await using var test = await TestDatabase.CreateAsync();
        var vote = await SetUpFeatureVoteAsync(test, dots: 3, several: true);
        var (a, b, c) = (vote.FeatureIds[0], vote.FeatureIds[1], vote.FeatureIds[2]);
        var board = await test.GetBoardAsync(vote.PlanId);
        var cellPhase = board.Cards.Single(x => x.Id == a).PhaseId;
        var cellLane = board.Cards.Single(x => x.Id == a).LaneId;
        var notVoted = await test.CreateFeatureAsync(vote.PlanId, "Not voted on", cellPhase, cellLane);
        await DotAsync(test, test.Owner, vote, c);
        await DotAsync(test, test.Owner, vote, c);
        await DotAsync(test, vote.Editor, vote, c);
        await DotAsync(test, vote.Editor, vote, b);
        test.ActAs(test.Owner);
        var voteService = test.Get<VoteService>();

        var early = await voteService.ApplyAsync(vote.PlanId, vote.RoundId);
        early.Status.ShouldBe(ResultStatus.Invalid);
        early.Message.ShouldBe("Reveal the results before applying them.");
        await voteService.RevealAsync(vote.PlanId, vote.RoundId);
        var applied = await voteService.ApplyAsync(vote.PlanId, vote.RoundId);

        applied.Status.ShouldBe(ResultStatus.Ok);
        (await test.CellAsync(vote.PlanId, cellPhase, cellLane)).ShouldBe([(c, 0), (b, 1), (a, 2), (notVoted, 3)]);
        var features = (await test.Get<FeatureService>().ListAsync(vote.PlanId)).ToDictionary(f => f.Id);
        (features[c].Value, features[b].Value, features[a].Value, features[notVoted].Value).ShouldBe((5, 2, 1, null));
        (await test.Get<WorkshopSessionService>().GetAsync(vote.PlanId))!.Rounds.Single().AppliedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task UndoApply_FeatureVote_ValuesAndCellOrderAsBefore()
    {
        await using var test = await TestDatabase.CreateAsync();
        var vote = await SetUpFeatureVoteAsync(test, dots: 3, several: true);
        var (a, b, c) = (vote.FeatureIds[0], vote.FeatureIds[1], vote.FeatureIds[2]);
        var card = (await test.GetBoardAsync(vote.PlanId)).Cards.Single(x => x.Id == a);
        var cellBefore = await test.CellAsync(vote.PlanId, card.PhaseId, card.LaneId);
        await DotAsync(test, test.Owner, vote, c);
        await DotAsync(test, vote.Editor, vote, b);
        test.ActAs(test.Owner);
        var voteService = test.Get<VoteService>();
        await voteService.RevealAsync(vote.PlanId, vote.RoundId);
        var applied = await voteService.ApplyAsync(vote.PlanId, vote.RoundId);
        applied.Undo.ShouldNotBeNull();

        var undone = await test.Get<UndoService>().UndoAsync(vote.PlanId, applied.Undo.ChangeSetId);

        undone.Succeeded.ShouldBeTrue(undone.Message);
        (await test.CellAsync(vote.PlanId, card.PhaseId, card.LaneId)).ShouldBe(cellBefore);
        (await test.Get<FeatureService>().ListAsync(vote.PlanId)).Where(f => vote.FeatureIds.Contains(f.Id)).ShouldAllBe(f => f.Value == null);
    }

    [Fact]
    public async Task Apply_ProblemVote_SeverityFromDots()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var persona = await test.CreatePersonaAsync(planId, "Bo");
        var p1 = await test.CreateProblemAsync(planId, "Cannot find a tool", persona);
        var p2 = await test.CreateProblemAsync(planId, "Tools come back broken", persona);
        var p3 = await test.CreateProblemAsync(planId, "No time to lend", persona);
        var mia = await test.CreateMemberAsync("Mia Member", WorkspaceRole.Editor);
        var sessionService = test.Get<WorkshopSessionService>();
        var voteService = test.Get<VoteService>();
        await sessionService.StartSessionAsync(planId, "Problems");
        var round = (await voteService.OpenVoteAsync(planId, new VoteInput { Title = "Worst problem?", ItemKind = VoteItemKind.Problem, ItemIds = [p1, p2, p3], DotsPerPerson = 2 })).Value;
        await voteService.PlaceDotAsync(planId, round, p1);
        await voteService.PlaceDotAsync(planId, round, p2);
        test.ActAs(mia);
        await voteService.PlaceDotAsync(planId, round, p1);
        test.ActAs(test.Owner);

        await voteService.RevealAsync(planId, round);
        var applied = await voteService.ApplyAsync(planId, round);

        applied.Message.ShouldBe("Applied: problems got a severity from their dots.");
        var problems = (await test.Get<ProblemService>().ListAsync(planId)).ToDictionary(p => p.Id, p => p.Severity);
        (problems[p1], problems[p2], problems[p3]).ShouldBe((5, 3, 1));
    }

    [Fact]
    public async Task EndSession_AfterVoting_VotesStoredAndReviewable()
    {
        var clock = new TestClock(Nine);
        await using var test = await TestDatabase.CreateAsync(clock);
        var vote = await SetUpFeatureVoteAsync(test);
        await DotAsync(test, vote.Editor, vote, vote.FeatureIds[1]);
        await DotAsync(test, vote.Viewer, vote, vote.FeatureIds[1]);
        test.ActAs(test.Owner);
        await test.Get<VoteService>().RevealAsync(vote.PlanId, vote.RoundId);
        clock.Advance(TimeSpan.FromHours(2));

        var ended = await test.Get<WorkshopSessionService>().EndSessionAsync(vote.PlanId);

        ended.Message.ShouldBe("Workshop ended. Its votes stay available for review.");
        test.ActAs(vote.Viewer);
        var view = (await test.Get<WorkshopSessionService>().GetAsync(vote.PlanId)).ShouldNotBeNull();
        view.Active.ShouldBeNull();
        var session = view.Sessions.ShouldHaveSingleItem();
        (session.StartedAt, session.EndedAt).ShouldBe((Nine.UtcDateTime, Nine.UtcDateTime.AddHours(2)));
        view.Rounds.ShouldHaveSingleItem().SessionId.ShouldBe(session.Id);
        var round = await RoundAsync(test, vote.Viewer, vote);
        round.Results[0].ItemId.ShouldBe(vote.FeatureIds[1]);
        round.Results[0].Dots.ShouldBe(2);
        round.Items[1].MyDots.ShouldBe(1);
        await using var db = await test.NewContextAsync();
        (await db.Set<Vote>().CountAsync(v => v.RoundId == vote.RoundId)).ShouldBe(2);
    }

    [Fact]
    public async Task PlaceDot_WorkshopEndedBeforeReveal_RefusedAndVotesKeptForReveal()
    {
        await using var test = await TestDatabase.CreateAsync();
        var vote = await SetUpFeatureVoteAsync(test);
        await DotAsync(test, vote.Editor, vote, vote.FeatureIds[0]);
        test.ActAs(test.Owner);
        await test.Get<WorkshopSessionService>().EndSessionAsync(vote.PlanId);

        var late = await DotAsync(test, vote.Viewer, vote, vote.FeatureIds[1]);
        var takeBack = await DotAsync(test, vote.Editor, vote, vote.FeatureIds[0], takeBack: true);

        late.Status.ShouldBe(ResultStatus.Invalid);
        late.Message.ShouldBe("This workshop has ended: its votes can be reviewed but no longer changed.");
        takeBack.Status.ShouldBe(ResultStatus.Invalid);
        test.ActAs(test.Owner);
        (await test.Get<VoteService>().RevealAsync(vote.PlanId, vote.RoundId)).Status.ShouldBe(ResultStatus.Ok);
        (await RoundAsync(test, vote.Viewer, vote)).Results.Sum(r => r.Dots).ShouldBe(1);
    }

    [Fact]
    public async Task PlaceDot_ByOutsider_NotFoundAndRoundHidden()
    {
        await using var test = await TestDatabase.CreateAsync();
        var vote = await SetUpFeatureVoteAsync(test);
        var (outsider, _) = await test.CreateOutsiderAsync();

        var result = await DotAsync(test, outsider, vote, vote.FeatureIds[0]);

        result.Status.ShouldBe(ResultStatus.NotFound);
        (await test.Get<VoteService>().GetRoundAsync(vote.PlanId, vote.RoundId)).ShouldBeNull();
        (await test.Get<WorkshopSessionService>().GetAsync(vote.PlanId)).ShouldBeNull();
    }

    [Fact]
    public async Task PlaceDot_QuickClicksOnTheLastDot_OnlyOneCounts()
    {
        await using var test = await TestDatabase.CreateAsync();
        var vote = await SetUpFeatureVoteAsync(test, dots: 1);
        test.ActAs(vote.Editor);
        var voteService = test.Get<VoteService>();

        var results = await Task.WhenAll(vote.FeatureIds.Concat(vote.FeatureIds)
            .Select(id => Task.Run(() => voteService.PlaceDotAsync(vote.PlanId, vote.RoundId, id))));

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.Status == ResultStatus.Invalid);
        await using var db = await test.NewContextAsync();
        (await db.Set<Vote>().Where(v => v.RoundId == vote.RoundId).SumAsync(v => v.Dots)).ShouldBe(1);
    }

    // Two people on one item

    [Fact]
    public async Task UpdateFeature_TwoEditorsFromTheSameVersion_FirstWinsSecondGetsConflictAndNothingOverwritten()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var features = test.Get<FeatureService>();
        var olivia = (await features.ListAsync(sample.PlanId)).Single(f => f.Id == sample.FeatureId).ToInput();
        test.ActAs(sample.Member);
        var mia = (await features.ListAsync(sample.PlanId)).Single(f => f.Id == sample.FeatureId).ToInput();
        olivia.Title = "Catalogue with photos";
        mia.Title = "Catalogue with map";
        mia.Description = "Show tools on a map";

        test.ActAs(test.Owner);
        var first = await features.UpdateAsync(sample.PlanId, sample.FeatureId, olivia);
        test.ActAs(sample.Member);
        var second = await features.UpdateAsync(sample.PlanId, sample.FeatureId, mia);

        first.Status.ShouldBe(ResultStatus.Ok);
        second.Status.ShouldBe(ResultStatus.Conflict);
        second.Message.ShouldBe("The feature was changed by someone else while you were editing. Reload to see their change, then apply yours again.");
        var stored = (await features.ListAsync(sample.PlanId)).Single(f => f.Id == sample.FeatureId);
        stored.Title.ShouldBe("Catalogue with photos");
        stored.Description.ShouldBeEmpty();
        stored.Version.ShouldBe(olivia.Version + 1);
    }

    [Fact]
    public async Task UpdatePersona_SavedMeanwhileByAnother_ConflictKeepsTheirChange()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var personas = test.Get<PersonaService>();
        var read = (await personas.ListAsync(sample.PlanId)).Single();
        var mine = read.ToInput();
        var theirs = read.ToInput();
        mine.Goals = "Borrow a drill today";
        theirs.Pains = "Tools are expensive";

        test.ActAs(sample.Member);
        (await personas.UpdateAsync(sample.PlanId, read.Id, theirs)).Status.ShouldBe(ResultStatus.Ok);
        test.ActAs(test.Owner);
        var result = await personas.UpdateAsync(sample.PlanId, read.Id, mine);

        result.Status.ShouldBe(ResultStatus.Conflict);
        result.Message.ShouldNotBeNull().ShouldStartWith("The persona was changed by someone else");
        var stored = (await personas.ListAsync(sample.PlanId)).Single();
        stored.Pains.ShouldBe("Tools are expensive");
        stored.Goals.ShouldBeEmpty();
    }

    [Fact]
    public async Task UpdateFeature_VoteAppliedMeanwhile_EditConflictsAndVoteResultKept()
    {
        await using var test = await TestDatabase.CreateAsync();
        var vote = await SetUpFeatureVoteAsync(test);
        test.ActAs(test.Owner);
        var features = test.Get<FeatureService>();
        var editing = (await features.ListAsync(vote.PlanId)).Single(f => f.Id == vote.FeatureIds[0]).ToInput();
        await DotAsync(test, vote.Editor, vote, vote.FeatureIds[0]);
        test.ActAs(test.Owner);
        await test.Get<VoteService>().RevealAsync(vote.PlanId, vote.RoundId);
        await test.Get<VoteService>().ApplyAsync(vote.PlanId, vote.RoundId);
        editing.Value = 1;

        var result = await features.UpdateAsync(vote.PlanId, vote.FeatureIds[0], editing);

        result.Status.ShouldBe(ResultStatus.Conflict);
        (await features.ListAsync(vote.PlanId)).Single(f => f.Id == vote.FeatureIds[0]).Value.ShouldBe(5);
    }

    [Fact]
    public async Task MoveFeature_ManyAtOnce_OneConsistentGapFreeOrder()
    {
        await using var test = await TestDatabase.CreateAsync();
        var sample = await test.CreateSamplePlanAsync();
        var ids = new List<int> { sample.FeatureId, sample.SecondFeatureId };
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await test.CreateFeatureAsync(sample.PlanId, $"Card {i}", sample.PhaseId, sample.LaneId));
        }

        var roadmap = test.Get<RoadmapService>();
        var moves = ids.Select((id, i) => Task.Run(() => i % 3 == 0
            ? roadmap.MoveFeatureAsync(sample.PlanId, id, sample.OtherPhaseId, sample.OtherLaneId, 0)
            : roadmap.MoveFeatureAsync(sample.PlanId, id, sample.PhaseId, sample.LaneId, ids.Count - i)));
        var results = await Task.WhenAll(moves);

        results.ShouldAllBe(r => r.Status == ResultStatus.Ok);
        var source = await test.CellAsync(sample.PlanId, sample.PhaseId, sample.LaneId);
        var target = await test.CellAsync(sample.PlanId, sample.OtherPhaseId, sample.OtherLaneId);
        source.Select(c => c.Rank).ShouldBe(Enumerable.Range(0, source.Count));
        target.Select(c => c.Rank).ShouldBe(Enumerable.Range(0, target.Count));
        target.Count.ShouldBe(3);
        source.Select(c => c.Id).Concat(target.Select(c => c.Id)).ShouldBe(ids, ignoreOrder: true);
    }

    [Fact]
    public async Task Apply_WhileCardsAreMoved_NoErrorAndTheCellStaysGapFree()
    {
        await using var test = await TestDatabase.CreateAsync();
        var vote = await SetUpFeatureVoteAsync(test, dots: 3, several: true);
        var board = await test.GetBoardAsync(vote.PlanId);
        var card = board.Cards.Single(x => x.Id == vote.FeatureIds[0]);
        var others = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            others.Add(await test.CreateFeatureAsync(vote.PlanId, $"Card {i}", card.PhaseId, card.LaneId));
        }

        await DotAsync(test, vote.Editor, vote, vote.FeatureIds[2]);
        await DotAsync(test, vote.Editor, vote, vote.FeatureIds[1]);
        test.ActAs(test.Owner);
        await test.Get<VoteService>().RevealAsync(vote.PlanId, vote.RoundId);
        var roadmap = test.Get<RoadmapService>();

        for (var round = 0; round < 5; round++)
        {
            var apply = Task.Run(() => test.Get<VoteService>().ApplyAsync(vote.PlanId, vote.RoundId));
            var moves = others.Concat(vote.FeatureIds).Select((id, i) => Task.Run(() => roadmap.MoveFeatureAsync(vote.PlanId, id, card.PhaseId, card.LaneId, (i + round) % 4)));
            var results = await Task.WhenAll(moves.Append(apply));

            results.ShouldAllBe(r => r.Status == ResultStatus.Ok);
            var cell = await test.CellAsync(vote.PlanId, card.PhaseId, card.LaneId);
            cell.Select(c => c.Rank).ShouldBe(Enumerable.Range(0, 8));
        }
    }

    private static async Task<string> WorkshopSnapshotAsync(TestDatabase test, int planId)
    {
        await using var db = await test.NewContextAsync();
        var sessions = await db.Set<WorkshopSession>().AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.Id)
            .Select(s => $"session {s.Id} {s.Name} ended {s.EndedAt}").ToListAsync();
        var rounds = await db.Set<VoteRound>().AsNoTracking().Where(r => r.Session!.PlanId == planId).OrderBy(r => r.Id)
            .Select(r => $"round {r.Id} {r.Title} revealed {r.IsRevealed} applied {r.AppliedAt}").ToListAsync();
        var votes = await db.Set<Vote>().AsNoTracking().OrderBy(v => v.Id).Select(v => $"vote {v.RoundId} {v.UserId} {v.ItemId} {v.Dots}").ToListAsync();
        return string.Join('\n', sessions.Concat(rounds).Concat(votes)) + "\n" + await test.SnapshotAsync(test.WorkspaceId);
    }
}
