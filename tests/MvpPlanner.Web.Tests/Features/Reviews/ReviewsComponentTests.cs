using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Reviews;
using MvpPlanner.Web.Features.Reviews;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Reviews;

public class ReviewsComponentTests : PlannerTestContext
{
    private readonly MovableClock _clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    protected override void AddServices() => Services.AddSingleton<TimeProvider>(_clock);

    [Fact]
    public async Task Overview_OpenWhileSomeoneElseAddsAPersona_ListsTheirChangeWithoutAReload()
    {
        var planId = await CreatePlanAsync();
        await Get<PlanVisitService>().RecordVisitAsync(planId);
        _clock.Now += TimeSpan.FromHours(2);
        RenderProviders();
        var page = Render<MvpPlanner.Web.Features.Plans.PlanOverviewPage>(p => p.Add(x => x.PlanId, planId));
        page.WaitForAssertion(() => page.Find("[data-testid=since-last-visit-empty]"), TimeSpan.FromSeconds(10));

        await ActAsMemberAsync("Mia Member", WorkspaceRole.Editor);
        (await Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = "Lena the lender" })).Succeeded.ShouldBeTrue();
        CallerAccessor.Caller = Owner;
        (await Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = "Mine, not listed" })).Succeeded.ShouldBeTrue();

        page.WaitForAssertion(() => page.Find("[data-testid=since-last-visit-item]").TextContent.ShouldContain("Mia Member added persona"),
            TimeSpan.FromSeconds(10));
        page.FindAll("[data-testid=since-last-visit-item]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task SinceLastVisitPanel_OthersChangedAPersona_ListsItWithALinkAndMarkAllAsSeenClearsIt()
    {
        var planId = await CreatePlanAsync();
        await Get<PlanVisitService>().RecordVisitAsync(planId);
        _clock.Now += TimeSpan.FromMinutes(5);
        await ActAsMemberAsync("Mia Member", WorkspaceRole.Editor);
        (await Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = "<b>Lena</b> the lender" })).Succeeded.ShouldBeTrue();
        CallerAccessor.Caller = Owner;
        _clock.Now += TimeSpan.FromHours(2);
        await Get<PlanVisitService>().RecordVisitAsync(planId);
        RenderProviders();

        var panel = Render<SinceLastVisitPanel>(p => p.Add(x => x.PlanId, planId));

        panel.WaitForAssertion(() => panel.Find("[data-testid=since-last-visit-item]"));
        var item = panel.Find("[data-testid=since-last-visit-item]");
        item.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/plans/{planId}/personas");
        item.TextContent.ShouldContain("<b>Lena</b> the lender"); // shown as text, not markup
        item.TextContent.ShouldContain("Mia Member added persona");
        item.TextContent.ShouldContain("2 h ago");

        panel.Find("button[data-testid=mark-all-seen]").Click();

        panel.WaitForAssertion(() => panel.Find("[data-testid=since-last-visit-empty]"));
    }

    [Fact]
    public async Task SinceLastVisitPanel_FirstVisit_ShowsNothing()
    {
        var planId = await CreatePlanAsync();
        await Get<PlanVisitService>().RecordVisitAsync(planId);

        var panel = Render<SinceLastVisitPanel>(p => p.Add(x => x.PlanId, planId));

        panel.Markup.Trim().ShouldBeEmpty();
    }

    [Fact]
    public async Task CalendarFeedsSection_CreateFeed_ShowsTheAddressOnceAndListsTheFeed()
    {
        var planId = await CreatePlanAsync();
        RenderProviders();
        var section = Render<CalendarFeedsSection>(p => p.Add(x => x.PlanId, planId).Add(x => x.CanEdit, true));
        section.WaitForAssertion(() => section.Find("[data-testid=calendar-feeds-empty]"));

        section.Find("input[data-testid=calendar-feed-label]").Change("Team calendar");
        section.Find("button[data-testid=new-calendar-feed]").Click();

        section.WaitForAssertion(() => section.Find("input[data-testid=calendar-feed-url]"));
        section.Find("input[data-testid=calendar-feed-url]").GetAttribute("value").ShouldNotBeNull().ShouldMatch(@"^http://localhost/calendar/[A-Za-z0-9_-]{43}\.ics$");
        section.Find("[data-testid=calendar-feed-created]").TextContent.ShouldContain("Google Calendar, Outlook or Apple Calendar");
        section.Find("[data-testid=calendar-feed-row]").TextContent.ShouldContain("Team calendar");
    }

    [Fact]
    public async Task CalendarFeedsSection_EmptyLabel_ShowsTheMessageBesideTheFieldAndCreatesNothing()
    {
        var planId = await CreatePlanAsync();
        RenderProviders();
        var section = Render<CalendarFeedsSection>(p => p.Add(x => x.PlanId, planId).Add(x => x.CanEdit, true));
        section.WaitForAssertion(() => section.Find("[data-testid=calendar-feeds-empty]"));

        section.Find("button[data-testid=new-calendar-feed]").Click();

        section.WaitForAssertion(() => section.Markup.ShouldContain("Say whose calendar it is for"));
        (await Get<CalendarFeedService>().ListAsync(planId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CalendarFeedsSection_Viewer_HasNoCreateButton()
    {
        var planId = await CreatePlanAsync();
        await ActAsMemberAsync("Vic Viewer", WorkspaceRole.Viewer);

        var section = Render<CalendarFeedsSection>(p => p.Add(x => x.PlanId, planId).Add(x => x.CanEdit, false));

        section.WaitForAssertion(() => section.Find("[data-testid=calendar-feeds-empty]"));
        section.FindAll("[data-testid=new-calendar-feed]").ShouldBeEmpty();
    }

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
