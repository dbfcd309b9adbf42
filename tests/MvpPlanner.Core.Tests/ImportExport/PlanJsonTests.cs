using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Feedback;
using MvpPlanner.Core.History;
using MvpPlanner.Core.ImportExport;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Sharing;
using MvpPlanner.Core.Tests.Infrastructure;
using MvpPlanner.Core.Workshops;

namespace MvpPlanner.Core.Tests.ImportExport;

/// <summary>plan.json takes a whole plan to another workspace or instance and back with nothing lost; a file that is not
/// a complete, consistent plan is refused with a message and writes nothing.</summary>
public class PlanJsonTests
{
    [Fact]
    public async Task ExportImportExport_GivesTheSameDocumentApartFromTimestamps()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await CreateRichPlanAsync(test);
        var first = await ExportJsonAsync(test, planId);

        var document = await test.Get<PlanImportService>().ReadAsync(new MemoryStream(first));
        document.Status.ShouldBe(ResultStatus.Ok, document.Message);
        var imported = await test.Get<PlanImportService>().ImportAsync(test.WorkspaceId, document.Value!);
        imported.Status.ShouldBe(ResultStatus.Ok, imported.Message);
        imported.Value.ShouldNotBe(planId);
        var second = await ExportJsonAsync(test, imported.Value);

        Comparable(second).ShouldBe(Comparable(first));
    }

    [Fact]
    public async Task ExportedPlan_HoldsEveryPartOfTheMvpAndMvo()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await CreateRichPlanAsync(test);

        var document = (await test.Get<PlanExportService>().GetDocumentAsync(planId)).Value!;

        document.SchemaVersion.ShouldBe(PlanDocument.CurrentSchemaVersion);
        document.Outcomes.ShouldNotBeEmpty();
        document.Personas.Count.ShouldBe(2);
        document.Problems.ShouldAllBe(p => p.Personas.Count > 0);
        document.Features.ShouldContain(f => f.Phase != null && f.Lane != null && f.Problems.Count > 0);
        document.Phases.Select(p => p.Name).ShouldContain("MVP");
        document.Commitments.ShouldNotBeEmpty();
        document.JourneyStages.ShouldNotBeEmpty();
        document.CoreProcesses.ShouldContain(p => p.Stage != null && p.OwnerRole != null && p.Tools.Count > 0 && p.Features.Count > 0);
        document.Kpis.ShouldContain(k => k.Measurements.Count > 0 && k.Reviews.Count > 0);
        var round = document.Workshops.ShouldHaveSingleItem().Rounds.ShouldHaveSingleItem();
        round.Items.SelectMany(i => i.Votes).ShouldContain(v => v.Voter == "Olivia Owner" && v.Dots == 2);
        document.Features.ShouldContain(f => f.StartDate == new DateOnly(2027, 3, 1) && f.StartPrecision == DatePrecision.Month && f.TargetPrecision == DatePrecision.Quarter);
        document.Milestones.Select(m => (m.Name, m.Kind, m.Lane is not null)).ShouldBe([("Pilot starts", MilestoneKind.PilotStart, true), ("Launch", MilestoneKind.Launch, false)]);
        document.Features.ShouldContain(f => f.DependsOn.Count == 1 && document.Features.Any(other => other.Key == f.DependsOn[0]));
    }

    [Fact]
    public async Task ExportedJson_HoldsNoTokensEmailsOrUserIds()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await CreateRichPlanAsync(test);
        var link = await test.Get<ShareLinkService>().CreateAsync(planId, new ShareLinkInput { Label = "Board" });
        link.Status.ShouldBe(ResultStatus.Ok, link.Message);

        var json = Encoding.UTF8.GetString(await ExportJsonAsync(test, planId));

        json.ShouldNotContain(link.Value!.Token);
        json.ShouldNotContain(test.Owner.UserId);
        json.ShouldNotContain("@");
        json.ShouldNotContain("token", Case.Insensitive);
    }

    [Fact]
    public async Task ImportedPlan_IsOneChangeInItsActivity_AndUndoMovesItToTheTrash()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await CreateRichPlanAsync(test);
        var document = (await test.Get<PlanExportService>().GetDocumentAsync(planId)).Value!;

        var imported = await test.Get<PlanImportService>().ImportAsync(test.WorkspaceId, document, "Imported copy");

        await using (var db = await test.NewContextAsync())
        {
            var changeSets = await db.ActivityEntries.Where(a => a.PlanId == imported.Value).Select(a => a.ChangeSetId).Distinct().ToListAsync();
            changeSets.ShouldHaveSingleItem();
        }

        var activity = await test.Get<HistoryService>().ListAsync(imported.Value);
        var line = activity.ShouldHaveSingleItem();
        line.Sentence.ShouldStartWith("Olivia Owner made one change to ");
        line.Sentence.ShouldContain($"{document.Features.Count} features added");

        var undone = await test.Get<PlanImportService>().UndoImportAsync(imported.Value);
        undone.Status.ShouldBe(ResultStatus.Ok, undone.Message);
        (await test.Get<PlanService>().ListAsync(includeArchived: true)).ShouldNotContain(p => p.Id == imported.Value);
    }

    [Fact]
    public async Task ImportIntoAWorkspaceWhereTheUserIsAViewer_IsRefusedAndWritesNothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await CreateRichPlanAsync(test);
        var document = (await test.Get<PlanExportService>().GetDocumentAsync(planId)).Value!;
        var viewer = await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer);
        var before = await test.SnapshotAsync(test.WorkspaceId);

        test.ActAs(viewer);
        var imported = await test.Get<PlanImportService>().ImportAsync(test.WorkspaceId, document);

        imported.Status.ShouldBe(ResultStatus.Forbidden);
        (await test.SnapshotAsync(test.WorkspaceId)).ShouldBe(before);
    }

    [Fact]
    public async Task Viewer_CanExportThePlan()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await CreateRichPlanAsync(test);
        test.ActAs(await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer));

        var exported = await test.Get<PlanExportService>().PlanJsonAsync(planId);

        exported.Status.ShouldBe(ResultStatus.Ok, exported.Message);
    }

    [Fact]
    public async Task Outsider_CannotExportAPlanOfAnotherWorkspace()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await CreateRichPlanAsync(test);
        var (outsider, _) = await test.CreateOutsiderAsync();

        test.ActAs(outsider);
        var exported = await test.Get<PlanExportService>().PlanJsonAsync(planId);

        exported.Status.ShouldBe(ResultStatus.NotFound);
    }

    public static TheoryData<string, string> BrokenFiles => new()
    {
        { "newer schema", """{ "schemaVersion": 99, "plan": { "name": "Future" } }""" },
        { "no schema version", """{ "plan": { "name": "Who knows" } }""" },
        { "not JSON", "Title,Status\nChat,Idea" },
        { "missing feature phase", """{ "schemaVersion": 1, "plan": { "name": "Broken" }, "features": [ { "key": "feature-1", "title": "Chat", "phase": "phase-9" } ] }""" },
        { "problem of a missing persona", """{ "schemaVersion": 1, "plan": { "name": "Broken" }, "problems": [ { "key": "problem-1", "statement": "Slow", "personas": ["persona-7"] } ] }""" },
        { "unknown status", """{ "schemaVersion": 1, "plan": { "name": "Broken" }, "features": [ { "key": "feature-1", "title": "Chat", "status": "sometimes" } ] }""" },
        { "invalid value", """{ "schemaVersion": 1, "plan": { "name": "Broken" }, "features": [ { "key": "feature-1", "title": "Chat", "impact": 7 } ] }""" },
        { "no plan name", """{ "schemaVersion": 1, "plan": { "name": "  " } }""" },
        { "twice the same key", """{ "schemaVersion": 1, "plan": { "name": "Broken" }, "lanes": [ { "key": "lane-1", "name": "A" }, { "key": "lane-1", "name": "B" } ] }""" },
        { "dependency loop", """{ "schemaVersion": 1, "plan": { "name": "Broken" }, "features": [ { "key": "feature-1", "title": "A", "dependsOn": ["feature-2"] }, { "key": "feature-2", "title": "B", "dependsOn": ["feature-1"] } ] }""" },
        { "dependency on a missing feature", """{ "schemaVersion": 1, "plan": { "name": "Broken" }, "features": [ { "key": "feature-1", "title": "A", "dependsOn": ["feature-9"] } ] }""" },
        { "feedback on a missing problem", """{ "schemaVersion": 1, "plan": { "name": "Broken" }, "feedback": [ { "key": "feedback-1", "text": "Slow", "receivedOn": "2026-11-03", "problems": ["problem-4"] } ] }""" },
        { "feedback without text", """{ "schemaVersion": 1, "plan": { "name": "Broken" }, "feedback": [ { "key": "feedback-1", "text": " ", "receivedOn": "2026-11-03" } ] }""" },
        { "gate on a missing outcome", """{ "schemaVersion": 1, "plan": { "name": "Broken" }, "phases": [ { "key": "phase-1", "name": "MVP", "gateConditions": [ { "kind": "outcomeReaches", "outcome": "outcome-3", "threshold": 40 } ] } ] }""" },
        { "readiness over 100", """{ "schemaVersion": 1, "plan": { "name": "Broken" }, "phases": [ { "key": "phase-1", "name": "MVP", "gateConditions": [ { "kind": "readinessAtLeast", "threshold": 140 } ] } ] }""" },
        { "unknown gate kind", """{ "schemaVersion": 1, "plan": { "name": "Broken" }, "phases": [ { "key": "phase-1", "name": "MVP", "gateConditions": [ { "kind": "vibes" } ] } ] }""" },
        { "decision without reasons", """{ "schemaVersion": 1, "plan": { "name": "Broken" }, "decisions": [ { "key": "decision-1", "phaseName": "MVP", "decision": "pivot", "decidedOn": "2026-11-20", "reasons": "", "decidedBy": "Ana" } ] }""" },
        { "empty", "" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task BrokenFile_IsRefusedWithAMessage_AndWritesNothing(string what, string json)
    {
        await using var test = await TestDatabase.CreateAsync();
        await CreateRichPlanAsync(test);
        var before = await test.SnapshotAsync(test.WorkspaceId);

        var read = await test.Get<PlanImportService>().ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        read.Status.ShouldBe(ResultStatus.Invalid, what);
        read.ErrorsFor(PlanImportService.FileField).ShouldNotBeEmpty(what);
        read.Message.ShouldNotBeNullOrWhiteSpace();
        read.Message.ShouldNotContain("Exception");
        (await test.SnapshotAsync(test.WorkspaceId)).ShouldBe(before);
    }

    [Fact]
    public async Task TruncatedExport_IsRefusedAsIncomplete()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await CreateRichPlanAsync(test);
        var json = await ExportJsonAsync(test, planId);

        var read = await test.Get<PlanImportService>().ReadAsync(new MemoryStream(json[..(json.Length / 2)]));

        read.Status.ShouldBe(ResultStatus.Invalid);
        read.Message!.ShouldContain("not complete JSON");
    }

    [Fact]
    public async Task FileOverTheSizeLimit_IsRefusedWithoutReadingItAll()
    {
        await using var test = await TestDatabase.CreateAsync();
        var fifty = new MemoryStream(new byte[50 * 1024 * 1024]);

        var read = await test.Get<PlanImportService>().ReadAsync(fifty);

        read.Status.ShouldBe(ResultStatus.Invalid);
        read.Message!.ShouldContain("larger than 20 MB");
        fifty.Position.ShouldBeLessThan(fifty.Length);
    }

    [Fact]
    public async Task UnknownFields_AreIgnored()
    {
        await using var test = await TestDatabase.CreateAsync();
        var json = """{ "schemaVersion": 1, "somethingNew": [1, 2], "plan": { "name": "Tools", "colour": "teal" }, "lanes": [ { "key": "lane-1", "name": "Design", "icon": "pen" } ] }""";

        var read = await test.Get<PlanImportService>().ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        read.Status.ShouldBe(ResultStatus.Ok, read.Message);
        read.Value!.Lanes.ShouldHaveSingleItem().Name.ShouldBe("Design");
    }

    [Fact]
    public async Task ScriptTagsAndOddUnicode_SurviveTheRoundTripAsText()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync("<script>alert(1)</script> Café ☕ 👩🏽‍💻 مرحبا");
        var document = (await test.Get<PlanExportService>().GetDocumentAsync(planId)).Value!;

        var imported = await test.Get<PlanImportService>().ImportAsync(test.WorkspaceId, document);

        var copy = (await test.Get<PlanExportService>().GetDocumentAsync(imported.Value)).Value!;
        copy.Plan.Name.ShouldBe("<script>alert(1)</script> Café ☕ 👩🏽‍💻 مرحبا");
    }

    [Fact]
    public async Task DuplicateWithoutPersonas_KeepsFeaturesAndProblems_IntoAnotherWorkspaceWhereTheUserIsEditor()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await CreateRichPlanAsync(test);
        var other = await test.Get<WorkspaceService>().CreateAsync(new WorkspaceInput { Name = "Second team" });
        other.Status.ShouldBe(ResultStatus.Ok, other.Message);

        var copied = await test.Get<PlanImportService>().DuplicateAsync(planId, other.Value, "", new DuplicateOptions(IncludePersonas: false));

        copied.Status.ShouldBe(ResultStatus.Ok, copied.Message);
        var copy = (await test.Get<PlanExportService>().GetDocumentAsync(copied.Value)).Value!;
        var source = (await test.Get<PlanExportService>().GetDocumentAsync(planId)).Value!;
        copy.Plan.Name.ShouldBe($"Copy of {source.Plan.Name}");
        copy.Personas.ShouldBeEmpty();
        copy.Problems.Count.ShouldBe(source.Problems.Count);
        copy.Features.Count.ShouldBe(source.Features.Count);
        copy.Feedback.Count.ShouldBe(source.Feedback.Count);
        copy.Feedback.ShouldAllBe(f => f.Persona == null);
        copy.Decisions.Count.ShouldBe(source.Decisions.Count);
        await using var db = await test.NewContextAsync();
        (await db.Plans.SingleAsync(p => p.Id == copied.Value)).WorkspaceId.ShouldBe(other.Value);
    }

    [Fact]
    public async Task ExportedPlan_HoldsFeedbackGatesAndDecisions_WithKeysInsteadOfIds()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await CreateRichPlanAsync(test);

        var document = (await test.Get<PlanExportService>().GetDocumentAsync(planId)).Value!;

        document.Feedback.Select(f => f.Key).ShouldBe(["feedback-1", "feedback-2"]);
        var quote = document.Feedback[0];
        quote.Text.ShouldBe(HostileFeedback);
        (quote.Source, quote.Organisation, quote.GivenBy, quote.ReceivedOn, quote.Importance, quote.State)
            .ShouldBe((FeedbackSource.Interview, "Acme <Tools>", "Ana", new DateOnly(2026, 11, 3), FeedbackImportance.High, FeedbackState.Linked));
        document.Personas.ShouldContain(p => p.Key == quote.Persona);
        quote.Problems.ShouldHaveSingleItem().ShouldBe(document.Problems[0].Key);
        document.Features.ShouldContain(f => f.Key == quote.Features.ShouldHaveSingleItem());
        document.Feedback[1].State.ShouldBe(FeedbackState.New);

        var gate = document.Phases[0].GateConditions;
        gate.Select(c => c.Kind).ShouldBe([GateConditionKind.OutcomeReaches, GateConditionKind.ReadinessAtLeast, GateConditionKind.LaunchStepsDone, GateConditionKind.SignOff]);
        (gate[0].Outcome, gate[0].Threshold).ShouldBe(("outcome-1", 40m));
        var signOff = gate[3];
        (signOff.RoleName, signOff.SignedOffByName, signOff.SignOffNote).ShouldBe(("Head of operations", "Olivia Owner", "Pilot ran clean"));
        signOff.SignedOffAt.ShouldNotBeNull();
        document.Phases[1].GateConditions.ShouldHaveSingleItem().SignedOffAt.ShouldBeNull();

        var decision = document.Decisions.ShouldHaveSingleItem();
        (decision.Key, decision.Phase, decision.PhaseName, decision.Decision, decision.DecidedOn)
            .ShouldBe(("decision-1", document.Phases[0].Key, document.Phases[0].Name, DecisionKind.Persevere, new DateOnly(2026, 11, 20)));
        decision.Outcomes.ShouldBe(["outcome-1"]);
        decision.Feedback.ShouldBe(["feedback-1"]);
        decision.Gate.Select(c => c.Kind).ShouldBe(gate.Select(c => c.Kind));
        decision.Gate[3].ShouldSatisfyAllConditions(c => c.IsMet.ShouldBeTrue(), c => c.SignedOffByName.ShouldBe("Olivia Owner"));
    }

    [Fact]
    public async Task ImportedPlan_KeepsFeedbackGatesAndDecisions_ButNotTheSignersAccount()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await CreateRichPlanAsync(test);
        var document = (await test.Get<PlanExportService>().GetDocumentAsync(planId)).Value!;

        var imported = await test.Get<PlanImportService>().ImportAsync(test.WorkspaceId, document, "Imported copy");

        imported.Status.ShouldBe(ResultStatus.Ok, imported.Message);
        var feedback = (await test.Get<FeedbackService>().ListAsync(imported.Value, new FeedbackQuery())).Rows;
        feedback.Count.ShouldBe(2);
        var quote = feedback.Single(f => f.State == FeedbackState.Linked);
        quote.Text.ShouldBe(HostileFeedback);
        quote.PersonaName.ShouldNotBeNull();
        quote.Problems.ShouldHaveSingleItem().Name.ShouldBe(document.Problems[0].Statement);
        quote.Features.ShouldHaveSingleItem();

        var gates = await test.Get<GateService>().GetGatesAsync(imported.Value);
        gates[0].Conditions.Count.ShouldBe(4);
        gates[0].Conditions[0].OutcomeName.ShouldBe(document.Outcomes[0].Description);
        gates[0].Conditions[3].SignedOffByName.ShouldBe("Olivia Owner");
        await using (var db = await test.NewContextAsync())
        {
            (await db.GateConditions.Where(c => c.PlanId == imported.Value).Select(c => c.SignedOffById).ToListAsync()).ShouldAllBe(id => id == null);
        }

        var decision = (await test.Get<DecisionService>().ListAsync(imported.Value)).ShouldHaveSingleItem();
        decision.PhaseId.ShouldBe(gates[0].PhaseId);
        decision.Reasons.ShouldBe("Loans doubled in the pilot.");
        decision.Outcomes.ShouldHaveSingleItem().Id.ShouldBe(gates[0].Conditions[0].OutcomeId!.Value);
        decision.Feedback.ShouldHaveSingleItem().Id.ShouldBe(quote.Id);
        decision.Gate.Conditions.Count.ShouldBe(4);
        decision.Gate.Conditions[3].IsMet.ShouldBeTrue();
    }

    [Fact]
    public async Task FileFromBeforeFeedbackGatesAndDecisions_ImportsEverythingElse()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await CreateRichPlanAsync(test);
        var old = JsonNode.Parse(await ExportJsonAsync(test, planId))!.AsObject();
        old.Remove("feedback");
        old.Remove("decisions");
        foreach (var phase in old["phases"]!.AsArray())
        {
            phase!.AsObject().Remove("gateConditions");
        }

        var oldFile = Encoding.UTF8.GetBytes(old.ToJsonString());
        var read = await test.Get<PlanImportService>().ReadAsync(new MemoryStream(oldFile));
        read.Status.ShouldBe(ResultStatus.Ok, read.Message);
        var imported = await test.Get<PlanImportService>().ImportAsync(test.WorkspaceId, read.Value!);

        imported.Status.ShouldBe(ResultStatus.Ok, imported.Message);
        var copy = JsonNode.Parse(await ExportJsonAsync(test, imported.Value))!.AsObject();
        ((JsonArray)copy["feedback"]!).ShouldBeEmpty();
        ((JsonArray)copy["decisions"]!).ShouldBeEmpty();
        copy.Remove("feedback");
        copy.Remove("decisions");
        foreach (var phase in copy["phases"]!.AsArray())
        {
            ((JsonArray)phase!["gateConditions"]!).ShouldBeEmpty();
            phase.AsObject().Remove("gateConditions");
        }

        Comparable(Encoding.UTF8.GetBytes(copy.ToJsonString())).ShouldBe(Comparable(oldFile));
    }

    [Fact]
    public async Task DecisionResting_OnFeedbackNotInTheFile_IsRefusedNamingIt_AndWritesNothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await CreateRichPlanAsync(test);
        var document = (await test.Get<PlanExportService>().GetDocumentAsync(planId)).Value!;
        document = document with { Decisions = [document.Decisions[0] with { Feedback = ["feedback-1", "feedback-99"] }] };
        var json = JsonSerializer.SerializeToUtf8Bytes(document, PlanDocument.JsonOptions);
        var before = await test.SnapshotAsync(test.WorkspaceId);
        int feedbackBefore;
        await using (var db = await test.NewContextAsync())
        {
            feedbackBefore = await db.FeedbackItems.CountAsync();
        }

        var read = await test.Get<PlanImportService>().ReadAsync(new MemoryStream(json));
        var imported = await test.Get<PlanImportService>().ImportAsync(test.WorkspaceId, document);

        read.Status.ShouldBe(ResultStatus.Invalid);
        read.Message!.ShouldContain($"Decision of 2026-11-20 after \"{document.Phases[0].Name}\" refers to feedback \"feedback-99\", which is not in the file.");
        read.ErrorsFor(PlanImportService.FileField).ShouldHaveSingleItem();
        imported.Status.ShouldBe(ResultStatus.Invalid);
        (await test.SnapshotAsync(test.WorkspaceId)).ShouldBe(before);
        await using (var db = await test.NewContextAsync())
        {
            (await db.FeedbackItems.CountAsync()).ShouldBe(feedbackBefore);
            (await db.PhaseDecisions.CountAsync()).ShouldBe(1);
        }
    }

    [Fact]
    public async Task FeedbackWithScriptTagsAndEmoji_SurvivesTheRoundTripAsText()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var captured = await test.Get<FeedbackService>().CaptureAsync(planId, new FeedbackInput
        {
            Text = HostileFeedback, Organisation = "<b>Acme</b> & Söhne", GivenBy = "Zoë 🧑🏾‍🔧", ReceivedOn = new DateTime(2026, 11, 3),
        });
        captured.Status.ShouldBe(ResultStatus.Ok, captured.Message);
        var json = await ExportJsonAsync(test, planId);

        var read = await test.Get<PlanImportService>().ReadAsync(new MemoryStream(json));
        var imported = await test.Get<PlanImportService>().ImportAsync(test.WorkspaceId, read.Value!);

        imported.Status.ShouldBe(ResultStatus.Ok, imported.Message);
        var copy = (await test.Get<PlanExportService>().GetDocumentAsync(imported.Value)).Value!.Feedback.ShouldHaveSingleItem();
        (copy.Text, copy.Organisation, copy.GivenBy).ShouldBe((HostileFeedback, "<b>Acme</b> & Söhne", "Zoë 🧑🏾‍🔧"));
    }

    private const string HostileFeedback = "<script>alert('x')</script> I'd lend my drill 🛠️👩🏽‍💻 \"every\" week – مرحبا\nsecond line";

    /// <summary>The demo plan (every MVP and MVO item type) plus a finished workshop vote, KPI history, feedback,
    /// phase gates of every kind (one signed off) and a go/no-go decision resting on an outcome and a piece of feedback.</summary>
    internal static async Task<int> CreateRichPlanAsync(TestDatabase test)
    {
        var planId = await test.Get<DemoPlanSeeder>().SeedAsync(test.WorkspaceId, test.Owner);
        var document = (await test.Get<PlanExportService>().GetDocumentAsync(planId)).Value!;
        var operations = await test.GetOperationsAsync(planId);
        var kpiId = operations.Kpis[0].Id;
        await test.RecordMeasurementAsync(planId, kpiId, new DateOnly(2026, 11, 2), 12.5m);
        await test.RecordReviewAsync(planId, kpiId, new DateOnly(2026, 11, 9), "Slower than hoped");
        (await test.Get<WorkshopSessionService>().StartSessionAsync(planId, "Kick-off")).Status.ShouldBe(ResultStatus.Ok);
        var featureIds = await FeatureIdsAsync(test, planId);
        await test.AddProcessAsync(planId, new ProcessInput
        {
            Name = "Hand over a borrowed tool", StageId = operations.Stages[4].Id, OwnerRoleId = operations.Roles[0].Id,
            ToolIds = [operations.Tools[0].Id], FeatureIds = [featureIds[1]], CommitmentIds = [operations.Commitments[0].Id],
        });
        var round = await test.Get<VoteService>().OpenVoteAsync(planId, new VoteInput { Title = "What first?", ItemKind = VoteItemKind.Feature, ItemIds = featureIds, DotsPerPerson = 3, AllowSeveralDotsPerItem = true });
        round.Status.ShouldBe(ResultStatus.Ok, round.Message);
        (await test.Get<VoteService>().PlaceDotAsync(planId, round.Value, featureIds[0])).Status.ShouldBe(ResultStatus.Ok);
        (await test.Get<VoteService>().PlaceDotAsync(planId, round.Value, featureIds[0])).Status.ShouldBe(ResultStatus.Ok);
        (await test.Get<VoteService>().PlaceDotAsync(planId, round.Value, featureIds[1])).Status.ShouldBe(ResultStatus.Ok);
        (await test.Get<VoteService>().RevealAsync(planId, round.Value)).Status.ShouldBe(ResultStatus.Ok);
        (await test.Get<WorkshopSessionService>().EndSessionAsync(planId)).Status.ShouldBe(ResultStatus.Ok);
        var dated = await test.Get<FeatureDatesService>().RescheduleAsync(planId, featureIds[2],
            new FuzzyDate(new DateOnly(2027, 3, 1), DatePrecision.Month), new FuzzyDate(new DateOnly(2027, 4, 1), DatePrecision.Quarter), await test.VersionOfAsync<Core.Features.Feature>(featureIds[2]));
        dated.Status.ShouldBe(ResultStatus.Ok, dated.Message);
        var lane = (await test.GetBoardAsync(planId)).Lanes[0].Id;
        (await test.Get<MilestoneService>().CreateAsync(planId, new MilestoneInput { Name = "Pilot starts", Date = new DateTime(2027, 5, 3), Kind = MilestoneKind.PilotStart, LaneId = lane, Notes = "Ten households" })).Status.ShouldBe(ResultStatus.Ok);
        (await test.Get<MilestoneService>().CreateAsync(planId, new MilestoneInput { Name = "Launch", Date = new DateTime(2027, 9, 1) })).Status.ShouldBe(ResultStatus.Ok);
        (await test.Get<Core.Features.FeatureDependencyService>().AddAsync(planId, featureIds[0], featureIds[1])).Status.ShouldBe(ResultStatus.Ok);
        await AddFeedbackGatesAndDecisionAsync(test, planId, featureIds[0]);
        document.Features.ShouldNotBeEmpty();
        return planId;
    }

    private static async Task AddFeedbackGatesAndDecisionAsync(TestDatabase test, int planId, int featureId)
    {
        int personaId, problemId, outcomeId;
        await using (var db = await test.NewContextAsync())
        {
            personaId = await db.Personas.Where(p => p.PlanId == planId).OrderBy(p => p.Name).Select(p => p.Id).FirstAsync();
            problemId = (await db.Problems.Where(p => p.PlanId == planId).Select(p => new { p.Id, p.Statement }).ToListAsync())
                .OrderBy(p => p.Statement, StringComparer.Ordinal).First().Id;
            outcomeId = await db.TargetOutcomes.Where(o => o.PlanId == planId).OrderBy(o => o.Order).ThenBy(o => o.Id).Select(o => o.Id).FirstAsync();
        }

        var feedback = test.Get<FeedbackService>();
        var quote = await feedback.CaptureAsync(planId, new FeedbackInput
        {
            Text = HostileFeedback, Source = FeedbackSource.Interview, PersonaId = personaId, Organisation = "Acme <Tools>", GivenBy = "Ana",
            ReceivedOn = new DateTime(2026, 11, 3), Importance = FeedbackImportance.High,
        });
        quote.Status.ShouldBe(ResultStatus.Ok, quote.Message);
        var linked = await feedback.SetLinksAsync(planId, quote.Value, new FeedbackLinksInput
        {
            ProblemIds = [problemId], FeatureIds = [featureId], Version = await test.VersionOfAsync<FeedbackItem>(quote.Value),
        });
        linked.Status.ShouldBe(ResultStatus.Ok, linked.Message);
        (await feedback.CaptureAsync(planId, new FeedbackInput { Text = "Sign-up took me ages", Source = FeedbackSource.SupportTicket, ReceivedOn = new DateTime(2026, 11, 5) }))
            .Status.ShouldBe(ResultStatus.Ok);

        var phases = (await test.GetBoardAsync(planId)).Phases;
        var gates = test.Get<GateService>();
        GateConditionInput[] conditions =
        [
            new() { Kind = GateConditionKind.OutcomeReaches, OutcomeId = outcomeId, Threshold = 40 },
            new() { Kind = GateConditionKind.ReadinessAtLeast, Threshold = 60 },
            new() { Kind = GateConditionKind.LaunchStepsDone, Threshold = 3 },
            new() { Kind = GateConditionKind.SignOff, RoleName = "Head of operations" },
        ];
        var conditionIds = new List<int>();
        foreach (var condition in conditions)
        {
            var added = await gates.AddConditionAsync(planId, phases[0].Id, condition);
            added.Status.ShouldBe(ResultStatus.Ok, added.Message);
            conditionIds.Add(added.Value);
        }

        (await gates.AddConditionAsync(planId, phases[1].Id, new GateConditionInput { Kind = GateConditionKind.SignOff, RoleName = "Support lead" })).Status.ShouldBe(ResultStatus.Ok);
        var signed = await gates.SignOffAsync(planId, conditionIds[3], new SignOffInput { Note = "Pilot ran clean", Version = await test.VersionOfAsync<GateCondition>(conditionIds[3]) });
        signed.Status.ShouldBe(ResultStatus.Ok, signed.Message);

        var decision = await test.Get<DecisionService>().RecordAsync(planId, new DecisionInput
        {
            PhaseId = phases[0].Id, Decision = DecisionKind.Persevere, DecidedOn = new DateTime(2026, 11, 20), Reasons = "Loans doubled in the pilot.",
            DecidedBy = "Olivia, Mia", OutcomeIds = [outcomeId], FeedbackIds = [quote.Value],
        });
        decision.Status.ShouldBe(ResultStatus.Ok, decision.Message);
    }

    private static async Task<List<int>> FeatureIdsAsync(TestDatabase test, int planId)
    {
        await using var db = await test.NewContextAsync();
        return await db.Features.Where(f => f.PlanId == planId).OrderBy(f => f.Id).Select(f => f.Id).ToListAsync();
    }

    private static async Task<byte[]> ExportJsonAsync(TestDatabase test, int planId)
    {
        var file = await test.Get<PlanExportService>().PlanJsonAsync(planId);
        file.Status.ShouldBe(ResultStatus.Ok, file.Message);
        file.Value!.ContentType.ShouldBe("application/json");
        return file.Value.Content;
    }

    /// <summary>The document without its timestamps: what must match after a round trip.</summary>
    private static string Comparable(byte[] json)
    {
        var node = JsonNode.Parse(json)!;
        node.AsObject().Remove("exportedAt");
        node["plan"]!.AsObject().Remove("createdAt");
        node["plan"]!.AsObject().Remove("updatedAt");
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
