using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Feedback;
using MvpPlanner.Core.Sharing;
using MvpPlanner.Core.Tests.Infrastructure;
using MvpPlanner.Core.Workshops;

namespace MvpPlanner.Core.Tests.Sharing;

public class FeedbackLinkServiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SubmitAsync_ValidLink_WritesOneNewUntriagedItemDatedTodayAndCountsIt()
    {
        var clock = new TestClock(Start);
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await test.CreateSamplePlanAsync();
        var token = await CreateLinkAsync(test, plan.PlanId, "Customer office hours");
        test.ActAs(null);

        var result = await Service(test).SubmitAsync(token, new FeedbackFormInput
        {
            Text = "  I could not find the drill.  ", Name = "Noor", Organisation = "Maple Street Tenants",
        }, "203.0.113.7");

        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        await using var db = await test.NewContextAsync();
        var item = await db.FeedbackItems.AsNoTracking().Include(f => f.Problems).Include(f => f.Features).SingleAsync();
        item.Id.ShouldBe(result.Value);
        item.PlanId.ShouldBe(plan.PlanId);
        item.Text.ShouldBe("I could not find the drill.");
        item.GivenBy.ShouldBe("Noor");
        item.Organisation.ShouldBe("Maple Street Tenants");
        item.State.ShouldBe(FeedbackState.New);
        item.Source.ShouldBe(FeedbackSource.FeedbackForm);
        item.ReceivedOn.ShouldBe(clock.Today);
        item.Problems.ShouldBeEmpty();
        item.Features.ShouldBeEmpty();
        item.CreatedById.ShouldBeNull();
        var link = await db.FeedbackLinks.AsNoTracking().SingleAsync();
        link.SubmissionCount.ShouldBe(1);
        link.LastUsedAt.ShouldBe(Start.UtcDateTime);
    }

    [Fact]
    public async Task SubmitAsync_ValidLink_HistoryNamesTheLinkAndOpenPagesHearOfIt()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var token = await CreateLinkAsync(test, plan.PlanId, "Customer office hours");
        var heard = new TaskCompletionSource<PlanChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = test.Get<IPlanChangeNotifier>().Subscribe(plan.PlanId, change =>
        {
            if (change.Touches<FeedbackItem>())
            {
                heard.TrySetResult(change);
            }

            return Task.CompletedTask;
        });
        test.ActAs(null);

        var result = await Service(test).SubmitAsync(token, new FeedbackFormInput { Text = "Opening hours please" }, "203.0.113.7");

        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        change.IdsOf<FeedbackItem>(ItemChangeKind.Added).ShouldBe([result.Value]);
        await using var db = await test.NewContextAsync();
        var entry = await db.ActivityEntries.AsNoTracking().SingleAsync(a => a.ItemKind == nameof(FeedbackItem));
        entry.Action.ShouldBe("created");
        entry.UserId.ShouldBeNull();
        entry.UserName.ShouldBe("Someone via feedback link \"Customer office hours\"");
        entry.ItemName.ShouldBe("Opening hours please");
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("revoked")]
    [InlineData("expired")]
    [InlineData("plan deleted")]
    public async Task SubmitAsync_LinkNotValid_IsNotFoundAndWritesNothing(string kind)
    {
        var clock = new TestClock(Start);
        await using var test = await TestDatabase.CreateAsync(clock);
        var plan = await test.CreateSamplePlanAsync();
        var token = await CreateLinkAsync(test, plan.PlanId, "Office hours", expiresOn: Start.UtcDateTime.Date.AddDays(1));
        var linkId = (await Service(test).ListAsync(plan.PlanId)).Single().Id;
        switch (kind)
        {
            case "unknown":
                token = Tokens.Create();
                break;
            case "revoked":
                (await Service(test).RevokeAsync(plan.PlanId, linkId)).Status.ShouldBe(ResultStatus.Ok);
                break;
            case "expired":
                clock.Advance(TimeSpan.FromDays(2));
                break;
            default:
                (await test.Get<Core.Plans.PlanService>().DeleteAsync(plan.PlanId)).Status.ShouldBe(ResultStatus.Ok);
                break;
        }

        var before = await CountsAsync(test);
        test.ActAs(null);

        var result = await Service(test).SubmitAsync(token, new FeedbackFormInput { Text = "Hello" }, "203.0.113.7");

        result.Status.ShouldBe(ResultStatus.NotFound);
        (await CountsAsync(test)).ShouldBe(before);
        (await Service(test).OpenAsync(token)).ShouldBeNull();
    }

    [Fact]
    public async Task SubmitAsync_TooLongOrEmpty_SaysWhichFieldAndWritesNothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var token = await CreateLinkAsync(test, plan.PlanId, "Office hours");
        var before = await CountsAsync(test);
        test.ActAs(null);

        var tooLong = await Service(test).SubmitAsync(token, new FeedbackFormInput
        {
            Text = new string('x', TextLimits.Text + 1), Name = new string('n', TextLimits.Name + 1), Organisation = "ok",
        }, "203.0.113.7");
        var empty = await Service(test).SubmitAsync(token, new FeedbackFormInput { Text = " \u200B " }, "203.0.113.7");

        tooLong.Status.ShouldBe(ResultStatus.Invalid);
        tooLong.ErrorsFor(nameof(FeedbackFormInput.Text)).ShouldNotBeEmpty();
        tooLong.ErrorsFor(nameof(FeedbackFormInput.Name)).ShouldNotBeEmpty();
        tooLong.ErrorsFor(nameof(FeedbackFormInput.Organisation)).ShouldBeEmpty();
        empty.ErrorsFor(nameof(FeedbackFormInput.Text)).ShouldHaveSingleItem().ShouldContain("Write your feedback");
        (await CountsAsync(test)).ShouldBe(before);
    }

    [Fact]
    public async Task CreateAsync_Viewer_IsForbiddenButSeesTheList()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        await CreateLinkAsync(test, plan.PlanId, "Office hours");
        var linkId = (await Service(test).ListAsync(plan.PlanId)).Single().Id;
        test.ActAs(await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer));

        var created = await Service(test).CreateAsync(plan.PlanId, new FeedbackLinkInput { Label = "Mine" });
        var revoked = await Service(test).RevokeAsync(plan.PlanId, linkId);

        created.Status.ShouldBe(ResultStatus.Forbidden);
        revoked.Status.ShouldBe(ResultStatus.Forbidden);
        (await Service(test).ListAsync(plan.PlanId)).ShouldHaveSingleItem().State.ShouldBe(ShareLinkState.Active);
    }

    [Fact]
    public async Task CreateAsync_Outsider_IsNotFoundAndListsNothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        await CreateLinkAsync(test, plan.PlanId, "Office hours");
        test.ActAs((await test.CreateOutsiderAsync()).Outsider);

        (await Service(test).CreateAsync(plan.PlanId, new FeedbackLinkInput { Label = "Mine" })).Status.ShouldBe(ResultStatus.NotFound);
        (await Service(test).ListAsync(plan.PlanId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateAsync_Token_IsShownOnceAndOnlyItsHashIsStored()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();

        var token = await CreateLinkAsync(test, plan.PlanId, "Office hours");

        await using var db = await test.NewContextAsync();
        var stored = await db.FeedbackLinks.AsNoTracking().SingleAsync();
        stored.TokenHash.ShouldBe(Tokens.Hash(token));
        stored.TokenHash.ShouldNotContain(token);
        (await Service(test).OpenAsync(token)).ShouldBe(new FeedbackFormView("Tool library"));
    }

    [Fact]
    public async Task SubmitAsync_ManyAtOnce_CountsEverySubmissionOnce()
    {
        await using var test = await TestDatabase.CreateAsync();
        var plan = await test.CreateSamplePlanAsync();
        var token = await CreateLinkAsync(test, plan.PlanId, "Office hours");
        test.ActAs(null);
        const int visitors = 8;

        var results = await TestDatabase.AllAtOnceAsync(Enumerable.Range(0, visitors)
            .Select(i => (Func<Task<ServiceResult<int>>>)(() =>
                test.Get<FeedbackLinkService>().SubmitAsync(token, new FeedbackFormInput { Text = $"Visitor {i}" }, $"198.51.100.{i}")))
            .ToList());

        results.ShouldAllBe(r => r.Status == ResultStatus.Ok);
        await using var db = await test.NewContextAsync();
        (await db.FeedbackItems.CountAsync()).ShouldBe(visitors);
        (await db.FeedbackLinks.AsNoTracking().SingleAsync()).SubmissionCount.ShouldBe(visitors);
    }

    private static FeedbackLinkService Service(TestDatabase test) => test.Get<FeedbackLinkService>();

    private static async Task<string> CreateLinkAsync(TestDatabase test, int planId, string label, DateTime? expiresOn = null)
    {
        var created = await Service(test).CreateAsync(planId, new FeedbackLinkInput { Label = label, ExpiresOn = expiresOn });
        created.Status.ShouldBe(ResultStatus.Ok, created.Message);
        return created.Value!.Token;
    }

    private static async Task<string> CountsAsync(TestDatabase test)
    {
        await using var db = await test.NewContextAsync();
        var links = await db.FeedbackLinks.AsNoTracking().Select(l => $"{l.SubmissionCount} {l.LastUsedAt:O}").ToListAsync();
        return $"{await db.FeedbackItems.CountAsync()} items, {await db.ActivityEntries.CountAsync()} entries, links {string.Join(";", links)}";
    }
}
