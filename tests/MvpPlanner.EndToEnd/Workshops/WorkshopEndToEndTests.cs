using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MvpPlanner.Core.Plans;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.Workshops;

/// <summary>A facilitator and a participant in two independent browsers on the demo plan, as in a workshop.</summary>
public sealed class WorkshopEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task PersonaAddedByFacilitator_AppearsForParticipantWithoutReload_AndPresenceShowsBoth()
    {
        var (app, planUrl, participant) = await StartWorkshopPairAsync();
        await Page.GotoInteractiveAsync($"{planUrl}/personas");
        await participant.GotoInteractiveAsync($"{planUrl}/personas");

        await Expect(Page.ByTestId("presence-person")).ToHaveCountAsync(2);
        await Expect(participant.Locator("[data-testid=presence-person][data-name='Ada Lovelace']")).ToBeVisibleAsync();

        await Page.ByTestId("add-persona").First.ClickAsync();
        await Page.ByTestId("persona-name").FillAsync("Night-shift nurse");
        await Page.ByTestId("form-submit").ClickAsync();

        await Expect(participant.ByTestId("persona-card").Filter(new() { HasText = "Night-shift nurse" })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(participant, "workshop-live");
    }

    [Fact]
    public async Task DotVote_WithBudgets_StaysHiddenUntilRevealThenShowsTotalsToEveryone()
    {
        var (_, planUrl, participant) = await StartWorkshopPairAsync();
        await Page.GotoInteractiveAsync($"{planUrl}/workshop");
        await Page.ByTestId("start-workshop").ClickAsync();
        await Page.ByTestId("open-vote").ClickAsync();
        await Page.ByTestId("vote-title").FillAsync("What goes into the MVP?");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Select all" }).ClickAsync();
        await Page.ByTestId("vote-dots").FillAsync("3");
        await Page.GetByText("Several dots may go on one item").ClickAsync();
        await Page.ByTestId("form-submit").ClickAsync();
        await Expect(Page.ByTestId("vote-round")).ToBeVisibleAsync();

        await participant.GotoInteractiveAsync($"{planUrl}/workshop");
        await PlaceDotsAsync(participant, "Loan reminders", 2);
        await PlaceDotsAsync(participant, "Ratings after each loan", 1);
        await Expect(participant.ByTestId("dots-left")).ToContainTextAsync("0 of 3");
        await Expect(participant.ByTestId("place-dot").First).ToBeDisabledAsync();
        await PlaceDotsAsync(Page, "Loan reminders", 1);

        await Expect(Page.ByTestId("voter-count")).ToHaveTextAsync("2 voted");
        await Expect(Page.ByTestId("vote-results")).ToHaveCountAsync(0);
        await Expect(participant.ByTestId("vote-results")).ToHaveCountAsync(0);

        await Page.ByTestId("reveal-votes").ClickAsync();

        foreach (var page in new[] { Page, participant })
        {
            await Expect(page.Locator("[data-testid=vote-result][data-item='Loan reminders']")).ToHaveAttributeAsync("data-dots", "3");
            await Expect(page.Locator("[data-testid=vote-result][data-item='Ratings after each loan']")).ToHaveAttributeAsync("data-dots", "1");
        }

        await Screenshots.TakeAsync(Page, "workshop-vote");
    }

    [Fact]
    public async Task Timer_StartedAndPausedByFacilitator_IsSeenByParticipant()
    {
        var (_, planUrl, participant) = await StartWorkshopPairAsync();
        await Page.GotoInteractiveAsync($"{planUrl}/workshop");
        await participant.GotoInteractiveAsync($"{planUrl}/workshop");
        await Expect(participant.ByTestId("timer-remaining")).ToHaveTextAsync("--:--");

        await Page.ByTestId("timer-minutes").FillAsync("5");
        await Page.ByTestId("timer-start").ClickAsync();

        await Expect(participant.ByTestId("timer-remaining")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*0[45]:\d\d\s*$"));
        await Page.ByTestId("timer-pause").ClickAsync();
        await Expect(participant.ByTestId("workshop-timer")).ToContainTextAsync("Paused");
    }

    [Fact]
    public async Task SimultaneousEditOfOneFeature_SecondSaveShowsBothVersionsAndKeepsMineOnRequest()
    {
        var (app, planUrl, participant) = await StartWorkshopPairAsync();
        await Page.GotoInteractiveAsync($"{planUrl}/features");
        await participant.GotoInteractiveAsync($"{planUrl}/features");

        await OpenFeatureAsync(Page, "Loan reminders");
        await OpenFeatureAsync(participant, "Loan reminders");
        await Page.ByTestId("feature-title").FillAsync("Loan reminders by SMS");
        await participant.ByTestId("feature-title").FillAsync("Loan reminders by email");

        await Page.ByTestId("form-submit").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await participant.ByTestId("form-submit").ClickAsync();

        await Expect(participant.ByTestId("conflict")).ToContainTextAsync("Someone else changed this");
        var title = participant.Locator("[data-testid=conflict-row][data-field=Title]");
        await Expect(title).ToContainTextAsync("Loan reminders by email");
        await Expect(title).ToContainTextAsync("Loan reminders by SMS");
        await Screenshots.TakeAsync(participant, "workshop-conflict");
        await participant.ByTestId("conflict-keep-mine").ClickAsync(); // saves mine over theirs
        await Expect(participant.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        var titles = await app.QueryDbAsync(db => db.Features.Where(f => f.Title.StartsWith("Loan reminders")).Select(f => f.Title).ToListAsync());
        titles.ShouldBe(["Loan reminders by email"]);
        await Expect(Page.ByTestId("feature-row-title").Filter(new() { HasText = "Loan reminders by email" })).ToBeVisibleAsync();
    }

    /// <summary>Ada registers first (and gets the demo plan), invites Bea as an editor, and Bea joins in her own browser.</summary>
    private async Task<(PlannerAppServer App, string PlanUrl, IPage Participant)> StartWorkshopPairAsync()
    {
        var app = StartApp(seedDemoPlan: true);
        await Page.RegisterAsync(app, "Ada Lovelace");
        var plan = await app.QueryDbAsync(db => db.Plans.Where(p => p.Name == DemoPlanSeeder.DemoPlanName).Select(p => new { p.Id, p.WorkspaceId }).SingleAsync());
        var invitation = await Page.CreateInvitationAsync(app, plan.WorkspaceId, "Editor");

        var participantContext = await NewContextAsync();
        var participant = await participantContext.NewPageAsync();
        await participant.JoinWithInvitationAsync(invitation, "Bea Participant");
        return (app, app.Url($"/plans/{plan.Id}"), participant);
    }

    private static async Task PlaceDotsAsync(IPage page, string item, int dots)
    {
        var row = page.Locator($"[data-testid=vote-item][data-item='{item}']");
        for (var i = 0; i < dots; i++)
        {
            await row.Locator("[data-testid=place-dot]").ClickAsync();
            await Expect(row.Locator("[aria-label$='of your dots']")).ToHaveAttributeAsync("aria-label", $"{i + 1} of your dots");
        }
    }

    private static async Task OpenFeatureAsync(IPage page, string title)
    {
        var row = page.Locator("tr").Filter(new() { Has = page.ByTestId("feature-row-title").GetByText(title, new() { Exact = true }) });
        await row.Locator("[data-testid=edit-feature]").ClickAsync();
        await Expect(page.ByTestId("feature-title")).ToHaveValueAsync(title);
    }
}
