using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Feedback;
using MvpPlanner.Core.History;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.Feedback;

public class FeedbackServiceTests
{
    [Fact]
    public async Task Capture_JustText_IsNewWithTheSessionDefaultsAndToday()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await test.CreateSamplePlanAsync();
        var feedback = test.Get<FeedbackService>();

        var result = await feedback.CaptureAsync(plan.PlanId, new FeedbackInput { Text = "  I never know if the drill is back ", Source = FeedbackSource.OfficeHours, PersonaId = plan.PersonaId });

        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        var row = (await feedback.ListAsync(plan.PlanId, new FeedbackQuery())).Rows.ShouldHaveSingleItem();
        row.Text.ShouldBe("I never know if the drill is back");
        row.State.ShouldBe(FeedbackState.New);
        row.Source.ShouldBe(FeedbackSource.OfficeHours);
        row.PersonaName.ShouldBe("Bo the borrower");
        row.ReceivedOn.ShouldBe(new DateOnly(2026, 12, 3));
        (await feedback.CountsAsync(plan.PlanId)).New.ShouldBe(1);
    }

    [Fact]
    public async Task Capture_EmptyOrTooLongText_IsRefusedBesideTheText()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var feedback = test.Get<FeedbackService>();

        var empty = await feedback.CaptureAsync(plan.PlanId, new FeedbackInput { Text = " \u200B " });
        var huge = await feedback.CaptureAsync(plan.PlanId, new FeedbackInput { Text = new string('x', TextLimits.Text + 1) });

        empty.Status.ShouldBe(ResultStatus.Invalid);
        empty.Errors.Keys.ShouldBe([nameof(FeedbackInput.Text)]);
        huge.Errors.Keys.ShouldBe([nameof(FeedbackInput.Text)]);
        (await feedback.CountsAsync(plan.PlanId)).ShouldBe(FeedbackCounts.None);
    }

    [Fact]
    public async Task Capture_ScriptTagsAndOddUnicode_StoredAsText()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var feedback = test.Get<FeedbackService>();
        const string text = "<script>alert('x')</script> Zoë 👩‍🔧 مرحبا";

        await feedback.CaptureAsync(plan.PlanId, new FeedbackInput { Text = text, Organisation = "<b>Acme</b>" });

        var row = (await feedback.ListAsync(plan.PlanId, new FeedbackQuery())).Rows.ShouldHaveSingleItem();
        row.Text.ShouldBe(text);
        row.Organisation.ShouldBe("<b>Acme</b>");
    }

    [Fact]
    public async Task Link_NewItem_MovesToLinkedAndLastUnlinkPutsItBackInTriage()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var feedback = test.Get<FeedbackService>();
        var id = await CaptureAsync(test, plan, "Where is the drill?");

        var linked = await feedback.SetLinksAsync(plan.PlanId, id, new FeedbackLinksInput { FeatureIds = [plan.FeatureId], ProblemIds = [plan.ProblemId], Version = 1 });

        linked.Status.ShouldBe(ResultStatus.Ok, linked.Message);
        var row = (await feedback.GetAsync(plan.PlanId, id))!;
        row.State.ShouldBe(FeedbackState.Linked);
        row.Features.Select(f => f.Name).ShouldBe(["Tool catalogue"]);
        row.Problems.Select(p => p.Name).ShouldBe(["Cannot find a tool nearby"]);

        await feedback.SetLinksAsync(plan.PlanId, id, new FeedbackLinksInput { Version = row.Version });
        (await feedback.GetAsync(plan.PlanId, id))!.State.ShouldBe(FeedbackState.New);
    }

    [Fact]
    public async Task Evidence_OnlyLinkedItemsCount_NewAndArchivedDoNot()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var feedback = test.Get<FeedbackService>();
        await LinkAsync(test, plan, await CaptureAsync(test, plan, "Counts", "Acme"), plan.FeatureId);
        var archived = await CaptureAsync(test, plan, "Archived later", "Beta");
        await LinkAsync(test, plan, archived, plan.FeatureId);
        await feedback.SetArchivedAsync(plan.PlanId, archived, true, await test.VersionOfAsync<FeedbackItem>(archived));
        // Left New although linked (as the public feedback form may leave it): not evidence until someone triages it.
        var untriaged = await CaptureAsync(test, plan, "Still new, not triaged", "Gamma");
        await LinkAsync(test, plan, untriaged, plan.FeatureId);
        await using (var db = await test.NewContextAsync())
        {
            await db.FeedbackItems.Where(f => f.Id == untriaged).ExecuteUpdateAsync(u => u.SetProperty(f => f.State, FeedbackState.New));
        }

        var evidence = await test.Get<EvidenceService>().ForFeaturesAsync(plan.PlanId, [plan.FeatureId, plan.SecondFeatureId]);

        evidence[plan.FeatureId].Items.ShouldBe(1);
        evidence[plan.FeatureId].Organisations.ShouldBe(1);
        evidence.ContainsKey(plan.SecondFeatureId).ShouldBeFalse();
        var row = (await test.Get<FeatureService>().GetRowAsync(plan.PlanId, plan.FeatureId))!;
        row.EvidenceCount.ShouldBe(1);
        (await test.Get<EvidenceService>().QuotesForFeatureAsync(plan.PlanId, plan.FeatureId)).Select(q => q.Text).ShouldBe(["Counts"]);
    }

    [Fact]
    public async Task Evidence_CountsDistinctOrganisationsAndItemsPerPersona()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var lena = await test.CreatePersonaAsync(plan.PlanId, "Lena the lender");
        foreach (var (text, organisation, persona) in new[] { ("One", "Acme", plan.PersonaId), ("Two", "ACME ", plan.PersonaId), ("Three", "Beta", lena), ("Four", "", (int?)null) })
        {
            var id = await CaptureAsync(test, plan, text, organisation, persona);
            await LinkAsync(test, plan, id, plan.FeatureId, plan.ProblemId);
        }

        var features = await test.Get<EvidenceService>().ForFeaturesAsync(plan.PlanId, [plan.FeatureId]);
        var problems = await test.Get<EvidenceService>().ForProblemsAsync(plan.PlanId);

        var summary = features[plan.FeatureId];
        summary.Items.ShouldBe(4);
        summary.Organisations.ShouldBe(2);
        summary.PerPersona.Select(p => (p.PersonaName, p.Items)).ShouldBe([("Bo the borrower", 2), ("Lena the lender", 1)]);
        problems[plan.ProblemId].ShouldBeEquivalentTo(summary);
        var row = (await test.Get<FeatureService>().GetRowAsync(plan.PlanId, plan.FeatureId))!;
        (row.EvidenceCount, row.EvidenceOrganisations).ShouldBe((4, 2));
    }

    [Fact]
    public async Task Backlog_SortsAndFiltersByEvidenceInTheDatabase()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        await LinkAsync(test, plan, await CaptureAsync(test, plan, "Please"), plan.SecondFeatureId);
        var features = test.Get<FeatureService>();

        var sorted = await features.QueryAsync(plan.PlanId, new BacklogQuery { Sort = BacklogSort.Evidence, Descending = true });
        var with = await features.QueryAsync(plan.PlanId, new BacklogQuery { Filter = new BacklogFilter { Evidence = BacklogEvidence.With } });
        var without = await features.QueryAsync(plan.PlanId, new BacklogQuery { Filter = new BacklogFilter { Evidence = BacklogEvidence.Without } });

        sorted.Rows.Select(r => r.Title).ShouldBe(["Borrow request", "Tool catalogue"]);
        with.Rows.Select(r => r.Title).ShouldBe(["Borrow request"]);
        without.Rows.Select(r => r.Title).ShouldBe(["Tool catalogue"]);
    }

    [Fact]
    public async Task List_FiltersByStateSourcePersonaLinkAndText_NewestFirst()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var feedback = test.Get<FeedbackService>();
        var older = await CaptureAsync(test, plan, "Older about drills", persona: plan.PersonaId, on: new DateTime(2026, 11, 1));
        var newer = await CaptureAsync(test, plan, "Newer about ladders", persona: plan.PersonaId, on: new DateTime(2026, 11, 20), source: FeedbackSource.SupportTicket);
        await CaptureAsync(test, plan, "Nobody's", on: new DateTime(2026, 10, 1));
        await LinkAsync(test, plan, older, plan.FeatureId);

        (await feedback.ListAsync(plan.PlanId, new FeedbackQuery { PersonaId = plan.PersonaId })).Rows.Select(r => r.Id).ShouldBe([newer, older]);
        (await feedback.ListAsync(plan.PlanId, new FeedbackQuery { State = FeedbackState.Linked })).Rows.Select(r => r.Id).ShouldBe([older]);
        (await feedback.ListAsync(plan.PlanId, new FeedbackQuery { Source = FeedbackSource.SupportTicket })).Rows.Select(r => r.Id).ShouldBe([newer]);
        (await feedback.ListAsync(plan.PlanId, new FeedbackQuery { FeatureId = plan.FeatureId })).Rows.Select(r => r.Id).ShouldBe([older]);
        (await feedback.ListAsync(plan.PlanId, new FeedbackQuery())).Rows.Count.ShouldBe(3);
        var search = await feedback.ListAsync(plan.PlanId, new FeedbackQuery { Search = "LADDER", Take = 1 });
        (search.Rows.Single().Id, search.MatchingCount).ShouldBe((newer, 1));
    }

    [Fact]
    public async Task Update_BasedOnAnOldVersion_IsAConflictAndKeepsTheirText()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var feedback = test.Get<FeedbackService>();
        var id = await CaptureAsync(test, plan, "First words");
        (await feedback.UpdateAsync(plan.PlanId, id, new FeedbackInput { Text = "Theirs", Version = 1 })).Succeeded.ShouldBeTrue();

        var mine = await feedback.UpdateAsync(plan.PlanId, id, new FeedbackInput { Text = "Mine", Version = 1 });

        mine.Status.ShouldBe(ResultStatus.Conflict);
        (await feedback.GetAsync(plan.PlanId, id))!.Text.ShouldBe("Theirs");
    }

    [Fact]
    public async Task Viewer_SeesFeedbackButCannotCaptureOrLink()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var id = await CaptureAsync(test, plan, "Seen by all");
        var viewer = await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer);

        test.ActAs(viewer);
        var asViewer = test.Get<FeedbackService>();
        var capture = await asViewer.CaptureAsync(plan.PlanId, new FeedbackInput { Text = "Sneaky" });
        var link = await asViewer.SetLinksAsync(plan.PlanId, id, new FeedbackLinksInput { FeatureIds = [plan.FeatureId], Version = 1 });

        capture.Status.ShouldBe(ResultStatus.Forbidden);
        link.Status.ShouldBe(ResultStatus.Forbidden);
        (await asViewer.ListAsync(plan.PlanId, new FeedbackQuery())).Rows.Select(r => r.Text).ShouldBe(["Seen by all"]);
    }

    [Fact]
    public async Task DeletedProblem_UnlinksButKeepsTheQuote_AndRestoreRelinks()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var feedback = test.Get<FeedbackService>();
        var id = await CaptureAsync(test, plan, "Nothing nearby");
        await LinkAsync(test, plan, id, plan.FeatureId, plan.ProblemId);

        (await test.Get<ProblemService>().DeleteAsync(plan.PlanId, plan.ProblemId)).Succeeded.ShouldBeTrue();

        var row = (await feedback.GetAsync(plan.PlanId, id))!;
        row.Text.ShouldBe("Nothing nearby");
        row.Problems.ShouldBeEmpty();
        var trash = (await test.Get<TrashService>().ListAsync(plan.PlanId)).ShouldHaveSingleItem();
        (await test.Get<TrashService>().RestoreAsync(plan.PlanId, trash.Id)).Succeeded.ShouldBeTrue();
        (await feedback.GetAsync(plan.PlanId, id))!.Problems.Select(p => p.Id).ShouldBe([plan.ProblemId]);
    }

    [Fact]
    public async Task Delete_GoesToTheTrashAndIntoHistory_UndoBringsItBack()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var feedback = test.Get<FeedbackService>();
        var id = await CaptureAsync(test, plan, "Keep me");

        var deleted = await feedback.DeleteAsync(plan.PlanId, id);

        deleted.Succeeded.ShouldBeTrue();
        (await test.Get<TrashService>().ListAsync(plan.PlanId)).ShouldHaveSingleItem().ItemType.ShouldBe("feedback");
        var history = await test.Get<HistoryService>().ListAsync(plan.PlanId);
        history.ShouldContain(h => h.ItemName == "Keep me" && h.Sentence.Contains("feedback"));
        (await test.Get<UndoService>().UndoAsync(plan.PlanId, deleted.Undo!.ChangeSetId)).Succeeded.ShouldBeTrue();
        (await feedback.GetAsync(plan.PlanId, id))!.Text.ShouldBe("Keep me");
    }

    [Fact]
    public async Task Link_ToAnotherPlansFeature_IsRefused()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var other = await test.CreatePlanAsync("Other");
        var theirs = await test.CreateFeatureAsync(other, "Not yours");
        var id = await CaptureAsync(test, plan, "Hello");

        var result = await test.Get<FeedbackService>().SetLinksAsync(plan.PlanId, id, new FeedbackLinksInput { FeatureIds = [theirs], Version = 1 });

        result.Status.ShouldBe(ResultStatus.Invalid);
        (await test.Get<FeedbackService>().GetAsync(plan.PlanId, id))!.State.ShouldBe(FeedbackState.New);
    }

    private static async Task<int> CaptureAsync(TestDatabase test, SamplePlan plan, string text, string organisation = "", int? persona = null,
        DateTime? on = null, FeedbackSource source = FeedbackSource.Interview)
    {
        var result = await test.Get<FeedbackService>().CaptureAsync(plan.PlanId,
            new FeedbackInput { Text = text, Organisation = organisation, PersonaId = persona, ReceivedOn = on, Source = source });
        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        return result.Value;
    }

    private static async Task LinkAsync(TestDatabase test, SamplePlan plan, int feedbackId, int featureId, int? problemId = null)
    {
        var result = await test.Get<FeedbackService>().SetLinksAsync(plan.PlanId, feedbackId, new FeedbackLinksInput
        {
            FeatureIds = [featureId],
            ProblemIds = problemId is { } p ? [p] : [],
            Version = await test.VersionOfAsync<FeedbackItem>(feedbackId),
        });
        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
    }
}
