using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Sharing;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

public class ShareLinkServiceTests
{
    [Fact]
    public async Task CreateAsync_Token_HasAtLeast128RandomBitsAndOnlyItsHashIsStored()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();

        var token = await CreateTokenAsync(test, plan.PlanId, new ShareLinkInput { Label = "Investors", Scope = ShareScope.All });

        var bytes = Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/').PadRight((token.Length + 3) / 4 * 4, '='));
        (bytes.Length * 8).ShouldBeGreaterThanOrEqualTo(128);
        await using var db = await test.NewContextAsync();
        var stored = await db.ShareLinks.AsNoTracking().SingleAsync();
        stored.TokenHash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))));
        var row = await db.Database.SqlQueryRaw<string>("""SELECT "Label" || '|' || "TokenHash" AS "Value" FROM "ShareLinks" """).SingleAsync();
        row.ShouldNotContain(token);
        (await CreateTokenAsync(test, plan.PlanId, new ShareLinkInput { Label = "Board" })).ShouldNotBe(token);
    }

    [Fact]
    public async Task OpenAsync_ActiveLink_OpensWithItsScopeAndCountsTheView()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var token = await CreateTokenAsync(test, plan.PlanId, new ShareLinkInput { Label = "Investors", Scope = ShareScope.Roadmap | ShareScope.Features });
        test.ActAs(null);

        var opened = await test.Get<ShareLinkService>().OpenAsync(token);
        await test.Get<ShareLinkService>().OpenAsync(token);

        opened.ShouldNotBeNull();
        opened.PlanId.ShouldBe(plan.PlanId);
        opened.Scope.ShouldBe(ShareScope.Roadmap | ShareScope.Features);
        test.ActAs(test.Owner);
        var listed = (await test.Get<ShareLinkService>().ListAsync(plan.PlanId)).ShouldHaveSingleItem();
        listed.ViewCount.ShouldBe(2);
        listed.LastOpenedAt.ShouldNotBeNull();
        listed.State.ShouldBe(ShareLinkState.Active);
    }

    [Theory]
    [InlineData("revoked")]
    [InlineData("expired")]
    [InlineData("unknown")]
    [InlineData("tampered")]
    public async Task OpenAsync_LinkNotActive_IsRefusedAlikeAndNotCounted(string kind)
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var token = await CreateTokenAsync(test, plan.PlanId, new ShareLinkInput { Label = "Investors" });
        var linkId = (await test.Get<ShareLinkService>().ListAsync(plan.PlanId)).Single().Id;
        switch (kind)
        {
            case "revoked":
                (await test.Get<ShareLinkService>().RevokeAsync(plan.PlanId, linkId)).Status.ShouldBe(ResultStatus.Ok);
                break;
            case "expired":
                await ExpireAsync(test, linkId);
                break;
            case "unknown":
                token = Tokens.Create();
                break;
            default:
                token = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
                break;
        }

        test.ActAs(null);
        var opened = await test.Get<ShareLinkService>().OpenAsync(token);

        opened.ShouldBeNull();
        test.ActAs(test.Owner);
        (await test.Get<ShareLinkService>().ListAsync(plan.PlanId)).Single().ViewCount.ShouldBe(0);
    }

    [Fact]
    public async Task ListAsync_RevokedAndExpiredLinks_ShowTheirState()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        await CreateTokenAsync(test, plan.PlanId, new ShareLinkInput { Label = "Revoked one" });
        await CreateTokenAsync(test, plan.PlanId, new ShareLinkInput { Label = "Expired one" });
        await CreateTokenAsync(test, plan.PlanId, new ShareLinkInput { Label = "Active one", ExpiresOn = DateTime.UtcNow.Date.AddDays(3) });
        var links = await test.Get<ShareLinkService>().ListAsync(plan.PlanId);
        await test.Get<ShareLinkService>().RevokeAsync(plan.PlanId, links.Single(l => l.Label == "Revoked one").Id);
        await ExpireAsync(test, links.Single(l => l.Label == "Expired one").Id);

        var states = (await test.Get<ShareLinkService>().ListAsync(plan.PlanId)).ToDictionary(l => l.Label, l => l.State);

        states["Revoked one"].ShouldBe(ShareLinkState.Revoked);
        states["Expired one"].ShouldBe(ShareLinkState.Expired);
        states["Active one"].ShouldBe(ShareLinkState.Active);
    }

    [Fact]
    public async Task CreateAsync_Viewer_IsForbiddenButSeesTheList()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        await CreateTokenAsync(test, plan.PlanId, new ShareLinkInput { Label = "Investors" });
        var linkId = (await test.Get<ShareLinkService>().ListAsync(plan.PlanId)).Single().Id;
        test.ActAs(await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer));

        var created = await test.Get<ShareLinkService>().CreateAsync(plan.PlanId, new ShareLinkInput { Label = "Mine" });
        var revoked = await test.Get<ShareLinkService>().RevokeAsync(plan.PlanId, linkId);

        created.Status.ShouldBe(ResultStatus.Forbidden);
        revoked.Status.ShouldBe(ResultStatus.Forbidden);
        (await test.Get<ShareLinkService>().ListAsync(plan.PlanId)).ShouldHaveSingleItem().State.ShouldBe(ShareLinkState.Active);
    }

    [Fact]
    public async Task CreateAsync_Editor_CanCreateAndRevoke()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        test.ActAs(plan.Member);

        await CreateTokenAsync(test, plan.PlanId, new ShareLinkInput { Label = "Investors" });
        var linkId = (await test.Get<ShareLinkService>().ListAsync(plan.PlanId)).Single().Id;

        (await test.Get<ShareLinkService>().RevokeAsync(plan.PlanId, linkId)).Status.ShouldBe(ResultStatus.Ok);
    }

    [Fact]
    public async Task ShareLinks_Outsider_IsToldNotFoundAndSeesNothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        await CreateTokenAsync(test, plan.PlanId, new ShareLinkInput { Label = "Investors" });
        var linkId = (await test.Get<ShareLinkService>().ListAsync(plan.PlanId)).Single().Id;
        var (outsider, _) = await test.CreateOutsiderAsync();
        test.ActAs(outsider);

        (await test.Get<ShareLinkService>().CreateAsync(plan.PlanId, new ShareLinkInput { Label = "Mine" })).Status.ShouldBe(ResultStatus.NotFound);
        (await test.Get<ShareLinkService>().RevokeAsync(plan.PlanId, linkId)).Status.ShouldBe(ResultStatus.NotFound);
        (await test.Get<ShareLinkService>().ListAsync(plan.PlanId)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("", ShareScope.Roadmap, 0, nameof(ShareLinkInput.Label))]
    [InlineData("Investors", ShareScope.None, 0, nameof(ShareLinkInput.Scope))]
    [InlineData("Investors", ShareScope.Roadmap, -1, nameof(ShareLinkInput.ExpiresOn))]
    public async Task CreateAsync_InvalidInput_NamesTheFieldAndStoresNothing(string label, ShareScope scope, int expiresInDays, string field)
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();

        var result = await test.Get<ShareLinkService>().CreateAsync(plan.PlanId, new ShareLinkInput
        {
            Label = label,
            Scope = scope,
            ExpiresOn = expiresInDays == 0 ? null : DateTime.UtcNow.Date.AddDays(expiresInDays),
        });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ErrorsFor(field).ShouldNotBeEmpty();
        (await test.Get<ShareLinkService>().ListAsync(plan.PlanId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateAsync_LabelLongerThanAName_IsInvalid()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();

        var result = await test.Get<ShareLinkService>().CreateAsync(plan.PlanId, new ShareLinkInput { Label = new string('x', TextLimits.Name + 1) });

        result.ErrorsFor(nameof(ShareLinkInput.Label)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task GetViewAsync_RoadmapOnly_HasTheBoardAndNoOtherSection()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var opened = await OpenAsync(test, plan.PlanId, ShareScope.Roadmap);

        var view = (await test.Get<ShareLinkService>().GetViewAsync(opened)).ShouldNotBeNull();

        view.PlanName.ShouldBe("Tool library");
        view.Personas.ShouldBeNull();
        view.Features.ShouldBeNull();
        view.Operations.ShouldBeNull();
        var roadmap = view.Roadmap.ShouldNotBeNull();
        var firstLane = roadmap.Lanes[0];
        firstLane.Cells[0].Select(c => c.Title).ShouldBe(["Tool catalogue", "Borrow request"]);
        firstLane.Cells.Count.ShouldBe(roadmap.Phases.Count);
    }

    [Fact]
    public async Task GetViewAsync_PersonasFeaturesAndOperations_HasThoseSectionsOnly()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var roleId = (await test.Roles().AddRoleAsync(plan.PlanId, new RoleInput { Name = "Support lead", Holder = "Sam" })).Value;
        await test.Processes().AddProcessAsync(plan.PlanId, new ProcessInput { Name = "Answer requests", OwnerRoleId = roleId });
        var kpiId = (await test.Kpis().AddKpiAsync(plan.PlanId, new KpiInput { Name = "Loans per week", Unit = "loans", Target = 20 })).Value;
        (await test.Kpis().RecordMeasurementAsync(plan.PlanId, kpiId, new MeasurementInput { MeasuredOn = new DateTime(2026, 11, 2), Value = 12 })).Status.ShouldBe(ResultStatus.Ok);
        var opened = await OpenAsync(test, plan.PlanId, ShareScope.PersonasAndProblems | ShareScope.Features | ShareScope.OperationsSummary);

        var view = (await test.Get<ShareLinkService>().GetViewAsync(opened)).ShouldNotBeNull();

        view.Roadmap.ShouldBeNull();
        view.Personas.ShouldNotBeNull().People.ShouldHaveSingleItem().Name.ShouldBe("Bo the borrower");
        view.Personas.Problems.ShouldHaveSingleItem().Personas.ShouldBe(["Bo the borrower"]);
        view.Features.ShouldNotBeNull().Select(f => f.Title).ShouldBe(["Borrow request", "Tool catalogue"], ignoreOrder: true);
        var operations = view.Operations.ShouldNotBeNull();
        operations.Processes.ShouldHaveSingleItem().Owner.ShouldBe("Support lead (Sam)");
        var kpi = operations.Kpis.ShouldHaveSingleItem();
        kpi.LatestValue.ShouldBe(12);
        kpi.NextReviewDue.ShouldBe(new DateOnly(2026, 11, 9));
    }

    [Fact]
    public async Task GetViewAsync_NowNextLaterAndOutcomes_HasThoseSectionsOnly()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var opened = await OpenAsync(test, plan.PlanId, ShareScope.NowNextLater | ShareScope.Outcomes);

        var view = (await test.Get<ShareLinkService>().GetViewAsync(opened)).ShouldNotBeNull();

        view.Roadmap.ShouldBeNull();
        view.Personas.ShouldBeNull();
        view.Features.ShouldBeNull();
        view.Operations.ShouldBeNull();
        var horizons = view.NowNextLater.ShouldNotBeNull();
        horizons.Columns.Select(c => c.Horizon).ShouldBe([Horizon.Now, Horizon.Next, Horizon.Later]);
        horizons.Columns[0].Cards.Select(c => c.Title).ShouldBe(["Borrow request", "Tool catalogue"], ignoreOrder: true);
        horizons.Columns[0].Phases.ShouldHaveSingleItem();
        horizons.Columns[1].Cards.ShouldBeEmpty();
        var outcome = view.Outcomes.ShouldNotBeNull().ShouldHaveSingleItem();
        outcome.Description.ShouldBe("Residents borrow instead of buying");
        outcome.Metric.ShouldBe("Loans per month");
        outcome.Target.ShouldBe("60");
    }

    [Fact]
    public async Task GetViewAsync_OtherScopes_LeaveNowNextLaterAndOutcomesOut()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var opened = await OpenAsync(test, plan.PlanId, ShareScope.All & ~(ShareScope.NowNextLater | ShareScope.Outcomes));

        var view = (await test.Get<ShareLinkService>().GetViewAsync(opened)).ShouldNotBeNull();

        view.Roadmap.ShouldNotBeNull();
        view.NowNextLater.ShouldBeNull();
        view.Outcomes.ShouldBeNull();
    }

    [Fact]
    public void VersionStamp_NextDay_ChangesForEveryLinkBecauseEachSectionSaysWhatChangedInTheLast7Days()
    {
        var horizons = new OpenedShareLink(1, 1, ShareScope.NowNextLater, 7, new DateOnly(2026, 12, 3));
        var roadmap = horizons with { Scope = ShareScope.Roadmap };

        (horizons with { OpenedOn = new DateOnly(2026, 12, 4) }).VersionStamp.ShouldNotBe(horizons.VersionStamp);
        (roadmap with { OpenedOn = new DateOnly(2026, 12, 4) }).VersionStamp.ShouldNotBe(roadmap.VersionStamp);
        (roadmap with { }).VersionStamp.ShouldBe(roadmap.VersionStamp);
    }

    [Fact]
    public void All_IncludesNowNextLaterAndOutcomes()
    {
        ShareScope.All.HasFlag(ShareScope.NowNextLater).ShouldBeTrue();
        ShareScope.All.HasFlag(ShareScope.Outcomes).ShouldBeTrue();
    }

    [Fact]
    public async Task VersionStamp_FeatureChanges_ChangesTheStampOnTheNextOpen()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var sharing = test.Get<ShareLinkService>();
        var token = await CreateTokenAsync(test, plan.PlanId, new ShareLinkInput { Label = "Stakeholders", Scope = ShareScope.Features });
        var before = (await sharing.OpenAsync(token)).ShouldNotBeNull().VersionStamp;
        (await sharing.OpenAsync(token)).ShouldNotBeNull().VersionStamp.ShouldBe(before);

        var changed = await test.Get<FeatureService>().UpdatePriorityAsync(plan.PlanId, plan.FeatureId, new FeaturePriorityInput
        {
            Moscow = Moscow.Must,
            Version = await test.VersionOfAsync<Feature>(plan.FeatureId),
        });

        changed.Status.ShouldBe(ResultStatus.Ok, changed.Message);
        var after = (await sharing.OpenAsync(token)).ShouldNotBeNull();
        after.VersionStamp.ShouldNotBe(before);
        (after with { Scope = ShareScope.All }).VersionStamp.ShouldNotBe(after.VersionStamp);
        (after with { LinkId = after.LinkId + 1 }).VersionStamp.ShouldNotBe(after.VersionStamp);
    }

    [Fact]
    public async Task VersionStamp_FeatureDeleted_ChangesTheStamp()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var token = await CreateTokenAsync(test, plan.PlanId, new ShareLinkInput { Label = "Stakeholders", Scope = ShareScope.Roadmap });
        var before = (await test.Get<ShareLinkService>().OpenAsync(token)).ShouldNotBeNull().VersionStamp;

        (await test.Get<FeatureService>().DeleteAsync(plan.PlanId, plan.SecondFeatureId)).Status.ShouldBe(ResultStatus.Ok);

        (await test.Get<ShareLinkService>().OpenAsync(token)).ShouldNotBeNull().VersionStamp.ShouldNotBe(before);
    }

    [Fact]
    public async Task VersionStamp_KpiMeasurementRecorded_ChangesTheStamp()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var kpiId = (await test.Kpis().AddKpiAsync(plan.PlanId, new KpiInput { Name = "Loans per week", Unit = "loans", Target = 20 })).Value;
        var token = await CreateTokenAsync(test, plan.PlanId, new ShareLinkInput { Label = "Stakeholders", Scope = ShareScope.OperationsSummary });
        var before = (await test.Get<ShareLinkService>().OpenAsync(token)).ShouldNotBeNull().VersionStamp;

        (await test.Kpis().RecordMeasurementAsync(plan.PlanId, kpiId, new MeasurementInput { MeasuredOn = new DateTime(2026, 11, 2), Value = 12 })).Status.ShouldBe(ResultStatus.Ok);

        (await test.Get<ShareLinkService>().OpenAsync(token)).ShouldNotBeNull().VersionStamp.ShouldNotBe(before);
    }

    [Fact]
    public async Task VersionStamp_OtherPlanChanges_KeepsTheStamp()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var other = await test.CreateSamplePlanAsync();
        var token = await CreateTokenAsync(test, plan.PlanId, new ShareLinkInput { Label = "Stakeholders", Scope = ShareScope.All });
        var before = (await test.Get<ShareLinkService>().OpenAsync(token)).ShouldNotBeNull().VersionStamp;

        (await test.Get<FeatureService>().DeleteAsync(other.PlanId, other.SecondFeatureId)).Status.ShouldBe(ResultStatus.Ok);

        (await test.Get<ShareLinkService>().OpenAsync(token)).ShouldNotBeNull().VersionStamp.ShouldBe(before);
    }

    [Fact]
    public async Task OpenAsync_RevokedRightAfterAnOpen_RefusedOnTheVeryNextOpen()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var sharing = test.Get<ShareLinkService>();
        var token = await CreateTokenAsync(test, plan.PlanId, new ShareLinkInput { Label = "Investors" });
        (await sharing.OpenAsync(token)).ShouldNotBeNull();
        var linkId = (await sharing.ListAsync(plan.PlanId)).Single().Id;

        (await sharing.RevokeAsync(plan.PlanId, linkId)).Status.ShouldBe(ResultStatus.Ok);

        (await sharing.OpenAsync(token)).ShouldBeNull();
    }

    [Fact]
    public async Task OpenAsync_PlanChangedRightAfterAnOpen_NextOpenHasTheNewStamp()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var sharing = test.Get<ShareLinkService>();
        var token = await CreateTokenAsync(test, plan.PlanId, new ShareLinkInput { Label = "Investors", Scope = ShareScope.Roadmap });
        var before = (await sharing.OpenAsync(token)).ShouldNotBeNull().VersionStamp;

        (await test.Get<FeatureService>().DeleteAsync(plan.PlanId, plan.FeatureId)).Status.ShouldBe(ResultStatus.Ok);

        (await sharing.OpenAsync(token)).ShouldNotBeNull().VersionStamp.ShouldNotBe(before);
    }

    [Fact]
    public async Task OpenAsync_RevokedByAnotherAppInstance_RefusedOnceTheSnapshotIsASecondOld()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await test.CreateSamplePlanAsync();
        var sharing = test.Get<ShareLinkService>();
        var token = await CreateTokenAsync(test, plan.PlanId, new ShareLinkInput { Label = "Investors" });
        (await sharing.OpenAsync(token)).ShouldNotBeNull();

        // Another instance's save: straight to the database, unseen by this instance's change counters.
        await using (var db = await test.NewContextAsync())
        {
            await db.ShareLinks.ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, clock.GetUtcNow().UtcDateTime));
        }

        var withinASecond = await sharing.OpenAsync(token);
        clock.Advance(OpenedLinkCache.Freshness);
        var afterASecond = await sharing.OpenAsync(token);

        withinASecond.ShouldNotBeNull();
        afterASecond.ShouldBeNull();
    }

    private static async Task<string> CreateTokenAsync(TestDatabase test, int planId, ShareLinkInput input)
    {
        var result = await test.Get<ShareLinkService>().CreateAsync(planId, input);
        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        return result.Value!.Token;
    }

    private static async Task<OpenedShareLink> OpenAsync(TestDatabase test, int planId, ShareScope scope)
    {
        var token = await CreateTokenAsync(test, planId, new ShareLinkInput { Label = "Stakeholders", Scope = scope });
        return (await test.Get<ShareLinkService>().OpenAsync(token)).ShouldNotBeNull();
    }

    private static async Task ExpireAsync(TestDatabase test, int linkId)
    {
        await using var db = await test.NewContextAsync();
        await db.ShareLinks.Where(l => l.Id == linkId).ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
    }
}
