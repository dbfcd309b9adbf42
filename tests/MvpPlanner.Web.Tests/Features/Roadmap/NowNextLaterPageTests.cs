using Bunit;
using MudBlazor;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Web.Features.Roadmap;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Roadmap;

public class NowNextLaterPageTests : PlannerTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Page_PlanWithoutDates_ShowsMvpAsNowPilotAsNextAndUnscheduledUnderLater()
    {
        var planId = await CreatePlanAsync();
        var phases = (await Get<RoadmapService>().GetBoardAsync(planId)).Phases;
        var booking = await AddFeatureAsync(planId, "Online booking", phases[0].Id, Moscow.Must);
        var kiosk = await AddFeatureAsync(planId, "Self check-in kiosk", null, Moscow.Could);

        var cut = RenderPage(planId);

        var now = cut.Find("[data-testid=horizon-now]");
        now.QuerySelector("[data-testid=horizon-phases]")!.TextContent.ShouldContain("MVP");
        now.QuerySelector($"[data-testid=horizon-card-{booking}]")!.TextContent.ShouldContain("Must have");
        cut.Find("[data-testid=horizon-next] [data-testid=horizon-phases]").TextContent.ShouldContain("Pilot");
        var later = cut.Find("[data-testid=horizon-later]");
        later.QuerySelector("[data-testid=horizon-phases]")!.TextContent.ShouldContain("Unscheduled");
        later.QuerySelector($"[data-testid=horizon-card-{kiosk}] .horizon-card-phase")!.TextContent.ShouldBe("Unscheduled");
        cut.FindAll("[data-testid=horizons-done]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Page_EveryMvpFeatureShipped_SummarisesMvpAsDoneAndPilotBecomesNow()
    {
        var planId = await CreatePlanAsync();
        var phases = (await Get<RoadmapService>().GetBoardAsync(planId)).Phases;
        await AddFeatureAsync(planId, "Online booking", phases[0].Id, Moscow.Must, FeatureStatus.Shipped);
        var reminders = await AddFeatureAsync(planId, "Reminders", phases[1].Id, Moscow.Should);

        var cut = RenderPage(planId);

        cut.Find("[data-testid=horizons-done]").TextContent.ShouldContain("MVP — 1 shipped");
        cut.Find("[data-testid=horizon-now] [data-testid=horizon-phases]").TextContent.ShouldContain("Pilot");
        cut.Find($"[data-testid=horizon-now] [data-testid=horizon-card-{reminders}]");
    }

    [Fact]
    public async Task Card_EditorClicksIt_OpensTheFeatureDialogAndShowsTheSavedChange()
    {
        var planId = await CreatePlanAsync();
        var mvp = (await Get<RoadmapService>().GetBoardAsync(planId)).Phases[0].Id;
        var booking = await AddFeatureAsync(planId, "Online booking", mvp, Moscow.Must);
        var dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        Render<MudPopoverProvider>();
        var cut = RenderPage(planId);

        cut.Find($"[data-testid=horizon-card-{booking}] button").Click();
        dialogs.WaitForElement("input[data-testid=feature-title]", Wait).Change("Booking online");
        dialogs.Find("[data-testid=form-submit]").Click();

        cut.WaitForAssertion(() => cut.Find($"[data-testid=horizon-card-{booking}]").TextContent.ShouldContain("Booking online"), Wait);
    }

    [Fact]
    public async Task Card_Viewer_SeesTheFeatureButCannotOpenIt()
    {
        var planId = await CreatePlanAsync();
        var mvp = (await Get<RoadmapService>().GetBoardAsync(planId)).Phases[0].Id;
        var booking = await AddFeatureAsync(planId, "Online booking", mvp, Moscow.Must);
        await ActAsMemberAsync("Vic Viewer", MvpPlanner.Core.Accounts.WorkspaceRole.Viewer);

        var cut = RenderPage(planId);

        cut.Find($"[data-testid=horizon-card-{booking}]").TextContent.ShouldContain("Online booking");
        cut.FindAll($"[data-testid=horizon-card-{booking}] button").ShouldBeEmpty();
    }

    private async Task<int> AddFeatureAsync(int planId, string title, int? phaseId, Moscow moscow, FeatureStatus status = FeatureStatus.Planned)
    {
        var created = await Get<FeatureService>().CreateAsync(planId, new FeatureInput { Title = title, PhaseId = phaseId, Moscow = moscow, Status = status });
        created.Succeeded.ShouldBeTrue(created.Message);
        return created.Value;
    }

    private IRenderedComponent<NowNextLaterPage> RenderPage(int planId)
    {
        var cut = Render<NowNextLaterPage>(p => p.Add(x => x.PlanId, planId));
        cut.WaitForElement("[data-testid=horizons]", Wait);
        return cut;
    }
}
