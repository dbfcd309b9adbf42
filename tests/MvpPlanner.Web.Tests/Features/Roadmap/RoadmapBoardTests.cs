using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Web.Features.Roadmap;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Roadmap;

public class RoadmapBoardTests : PlannerTestContext
{
    // Generous: the build machine is shared, and a dialog opening waits for the service and the dialog provider.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Board_NewPlan_ShowsUnscheduledFirstThenPhasesInOrderAndLanesAsRows()
    {
        var planId = await CreatePlanAsync();
        var board = await Get<RoadmapService>().GetBoardAsync(planId);

        var cut = RenderBoard(planId);

        HeaderNames(cut).ShouldBe(["Unscheduled", "MVP", "Pilot", "Beta", "Roll-out", "Later"]);
        cut.FindAll(".board-lane").Select(l => l.TextContent.Trim()).ShouldBe(["Design", "Development", "Communication", "Go-to-market"]);
        cut.FindAll("[data-testid=lane-none]").ShouldBeEmpty();
        cut.FindAll(".board-cell").Count.ShouldBe(4 * 6);
        foreach (var lane in board.Lanes)
        {
            cut.Find($"[data-testid=cell-none-{lane.Id}]").ClassList.ShouldContain("board-cell-unscheduled");
            foreach (var phase in board.Phases)
            {
                cut.Find($"[data-testid=cell-{phase.Id}-{lane.Id}]");
            }
        }
    }

    [Fact]
    public async Task PhaseHeader_PhaseWithDates_ShowsTheDatesAndItsFeatureCount()
    {
        var planId = await CreatePlanAsync();
        var roadmap = Get<RoadmapService>();
        var mvp = (await roadmap.GetBoardAsync(planId)).Phases[0];
        var input = mvp.ToInput();
        (input.StartDate, input.EndDate) = (new DateTime(2027, 3, 1), new DateTime(2027, 4, 30));
        (await roadmap.UpdatePhaseAsync(planId, mvp.Id, input)).Succeeded.ShouldBeTrue();
        await AddFeatureAsync(planId, "Online booking", mvp.Id);

        var cut = RenderBoard(planId);

        var header = cut.Find($"[data-testid=phase-{mvp.Id}]");
        header.QuerySelector(".board-header-dates")!.TextContent.ShouldContain("2027");
        header.QuerySelector(".mud-chip")!.TextContent.Trim().ShouldBe("1");
    }

    [Fact]
    public async Task Board_PlanWithoutFeatures_ShowsBoardWithHintToAddFeatures()
    {
        var planId = await CreatePlanAsync();

        var cut = RenderBoard(planId);

        cut.Find("[data-testid=board]");
        cut.Find("[data-testid=no-features]").TextContent.ShouldContain("Add a feature");
        cut.Find("[data-testid=add-feature]");
    }

    [Fact]
    public async Task Board_PlanWithoutPhases_ExplainsAndOffersAddPhase()
    {
        var planId = await CreatePlanAsync();
        var roadmap = Get<RoadmapService>();
        foreach (var phase in (await roadmap.GetBoardAsync(planId)).Phases)
        {
            await roadmap.DeletePhaseAsync(planId, phase.Id);
        }

        var cut = RenderBoard(planId);

        HeaderNames(cut).ShouldBe(["Unscheduled"]);
        var hint = cut.Find("[data-testid=no-phases]");
        hint.TextContent.ShouldContain("no roadmap phases");
        hint.QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ShouldContain("Add phase");
    }

    [Fact]
    public async Task Board_FeatureWithoutPhase_AppearsInUnscheduledCellOfItsLane()
    {
        var planId = await CreatePlanAsync();
        var design = (await Get<RoadmapService>().GetBoardAsync(planId)).Lanes[0];
        var sketch = await AddFeatureAsync(planId, "Sketch the booking flow", laneId: design.Id);
        var loose = await AddFeatureAsync(planId, "Loose idea");

        var cut = RenderBoard(planId);

        CardIdsIn(cut, $"cell-none-{design.Id}").ShouldBe([sketch]);
        cut.Find("[data-testid=lane-none]").TextContent.ShouldContain("No lane");
        CardIdsIn(cut, "cell-none-none").ShouldBe([loose]);
        cut.Find($"[data-testid=card-{sketch}]").TextContent.ShouldContain("Sketch the booking flow");
    }

    [Fact]
    public async Task Board_FeaturesPlacedByMove_AppearInTheirCellInRankOrder()
    {
        var planId = await CreatePlanAsync();
        var roadmap = Get<RoadmapService>();
        var board = await roadmap.GetBoardAsync(planId);
        var (mvp, development) = (board.Phases[0], board.Lanes[1]);
        var first = await AddFeatureAsync(planId, "Online booking");
        var second = await AddFeatureAsync(planId, "Reminders");
        var third = await AddFeatureAsync(planId, "Waiting list");
        await roadmap.MoveFeatureAsync(planId, first, mvp.Id, development.Id, 0);
        await roadmap.MoveFeatureAsync(planId, second, mvp.Id, development.Id, 0);
        await roadmap.MoveFeatureAsync(planId, third, mvp.Id, development.Id, 1);

        var cut = RenderBoard(planId);

        CardIdsIn(cut, $"cell-{mvp.Id}-{development.Id}").ShouldBe([second, third, first]);
        cut.FindAll("[data-testid=lane-none]").ShouldBeEmpty("every card has a lane, so no \"No lane\" row");
    }

    [Fact]
    public async Task DroppingCard_IntoAnotherCell_ShowsAndPersistsItAtTheDropPosition()
    {
        var planId = await CreatePlanAsync();
        var roadmap = Get<RoadmapService>();
        var board = await roadmap.GetBoardAsync(planId);
        var (pilot, design) = (board.Phases[1], board.Lanes[0]);
        var top = await AddFeatureAsync(planId, "Clinic onboarding", pilot.Id, design.Id);
        var bottom = await AddFeatureAsync(planId, "Feedback form", pilot.Id, design.Id);
        var dragged = await AddFeatureAsync(planId, "SMS reminders");
        var cut = RenderBoard(planId);
        var card = cut.FindComponent<MudDropContainer<BoardCard>>().Instance.Items!.Single(c => c.Id == dragged);

        await DropAsync(cut, card, new BoardCell(pilot.Id, design.Id), 1);

        cut.WaitForAssertion(() => CardIdsIn(cut, $"cell-{pilot.Id}-{design.Id}").ShouldBe([top, dragged, bottom]), Wait);
        cut.FindAll("[data-testid=lane-none]").ShouldBeEmpty("the only card without a lane now has one");
        var stored = (await roadmap.GetBoardAsync(planId)).Cards
            .Where(c => c.PhaseId == pilot.Id && c.LaneId == design.Id).OrderBy(c => c.Rank).Select(c => c.Id);
        stored.ShouldBe([top, dragged, bottom]);
    }

    [Fact]
    public async Task DroppingCard_WithinItsCell_ReordersAndPersists()
    {
        var planId = await CreatePlanAsync();
        var roadmap = Get<RoadmapService>();
        var board = await roadmap.GetBoardAsync(planId);
        var (mvp, design) = (board.Phases[0], board.Lanes[0]);
        var a = await AddFeatureAsync(planId, "A", mvp.Id, design.Id);
        var b = await AddFeatureAsync(planId, "B", mvp.Id, design.Id);
        var c = await AddFeatureAsync(planId, "C", mvp.Id, design.Id);
        var cut = RenderBoard(planId);
        var card = cut.FindComponent<MudDropContainer<BoardCard>>().Instance.Items!.Single(x => x.Id == c);

        await DropAsync(cut, card, new BoardCell(mvp.Id, design.Id), 0);

        cut.WaitForAssertion(() => CardIdsIn(cut, $"cell-{mvp.Id}-{design.Id}").ShouldBe([c, a, b]), Wait);
        (await roadmap.GetBoardAsync(planId)).Cards.Where(x => x.PhaseId == mvp.Id).OrderBy(x => x.Rank).Select(x => x.Id).ShouldBe([c, a, b]);
    }

    [Fact]
    public async Task MoveToMenu_ChoosingPhaseAndLane_AppendsCardToThatCellAndPersists()
    {
        var planId = await CreatePlanAsync();
        var roadmap = Get<RoadmapService>();
        var board = await roadmap.GetBoardAsync(planId);
        var (beta, communication) = (board.Phases[2], board.Lanes[2]);
        var already = await AddFeatureAsync(planId, "Press kit", beta.Id, communication.Id);
        var moving = await AddFeatureAsync(planId, "Launch newsletter");
        var (dialogs, _) = RenderDialogProviders();
        var cut = RenderBoard(planId);

        cut.Find($"[data-testid=card-menu-{moving}] button[aria-haspopup=menu]").Click();
        cut.WaitForElement($"[data-testid=move-to-{moving}]", Wait).Click();
        dialogs.WaitForElement($"[data-testid=move-phase-{beta.Id}]", Wait).Click();
        dialogs.Find($"[data-testid=move-lane-{communication.Id}]").Click();
        dialogs.Find("[data-testid=form-submit]").Click();

        cut.WaitForAssertion(() => CardIdsIn(cut, $"cell-{beta.Id}-{communication.Id}").ShouldBe([already, moving]), Wait);
        var stored = (await roadmap.GetBoardAsync(planId)).Cards.Single(c => c.Id == moving);
        (stored.PhaseId, stored.LaneId, stored.Rank).ShouldBe((beta.Id, communication.Id, 1));
    }

    [Fact]
    public async Task MoveButton_OnTheCard_OpensTheDialogWithTheCardsPlaceChosenAndMovesWithOnePick()
    {
        var planId = await CreatePlanAsync();
        var roadmap = Get<RoadmapService>();
        var board = await roadmap.GetBoardAsync(planId);
        var (mvp, pilot, design) = (board.Phases[0], board.Phases[1], board.Lanes[0]);
        var moving = await AddFeatureAsync(planId, "Export to CSV", mvp.Id, design.Id);
        var (dialogs, _) = RenderDialogProviders();
        var cut = RenderBoard(planId);

        cut.Find($"[data-testid=move-button-{moving}]").Click();
        var phase = dialogs.WaitForElement($"[data-testid=move-phase-{mvp.Id}]", Wait);
        phase.HasAttribute("checked").ShouldBeTrue("the card's own phase is chosen");
        dialogs.Find($"[data-testid=move-lane-{design.Id}]").HasAttribute("checked").ShouldBeTrue("and its own lane");
        dialogs.Find($"[data-testid=move-phase-{pilot.Id}]").Click();
        dialogs.Find("[data-testid=form-submit]").Click();

        cut.WaitForAssertion(() => CardIdsIn(cut, $"cell-{pilot.Id}-{design.Id}").ShouldBe([moving]), Wait);
        (await roadmap.GetBoardAsync(planId)).Cards.Single(c => c.Id == moving).PhaseId.ShouldBe(pilot.Id);
    }

    [Fact]
    public async Task AddFeature_FromTheBoard_ShowsTheNewCardInUnscheduled()
    {
        var planId = await CreatePlanAsync();
        var (dialogs, _) = RenderDialogProviders();
        var cut = RenderBoard(planId);

        cut.Find("[data-testid=add-feature]").Click();
        dialogs.WaitForElement("input[data-testid=feature-title]", Wait).Change("Self check-in kiosk");
        dialogs.Find("[data-testid=form-submit]").Click();

        cut.WaitForAssertion(() => CardIdsIn(cut, "cell-none-none").Count.ShouldBe(1), Wait);
        cut.Find("[data-testid=cell-none-none] .feature-card").TextContent.ShouldContain("Self check-in kiosk");
        cut.FindAll("[data-testid=no-features]").ShouldBeEmpty();
    }

    [Fact]
    public async Task ClickingCard_AndSavingTheDialog_UpdatesTheFeatureOnTheBoard()
    {
        var planId = await CreatePlanAsync();
        var board = await Get<RoadmapService>().GetBoardAsync(planId);
        var (mvp, design) = (board.Phases[0], board.Lanes[0]);
        var id = await AddFeatureAsync(planId, "Booking form", mvp.Id, design.Id);
        var (dialogs, _) = RenderDialogProviders();
        var cut = RenderBoard(planId);

        cut.Find($"[data-testid=card-{id}]").Click();
        var title = dialogs.WaitForElement("input[data-testid=feature-title]", Wait);
        title.GetAttribute("value").ShouldBe("Booking form");
        title.Change("Booking form with insurance check");
        dialogs.Find("[data-testid=form-submit]").Click();

        cut.WaitForAssertion(() => cut.Find($"[data-testid=card-{id}]").TextContent.ShouldContain("Booking form with insurance check"), Wait);
        CardIdsIn(cut, $"cell-{mvp.Id}-{design.Id}").ShouldBe([id]);
        (await Get<RoadmapService>().GetBoardAsync(planId)).Cards.Single().Title.ShouldBe("Booking form with insurance check");
    }

    [Fact]
    public async Task DeletePhase_AfterConfirmationNamingTheFeatures_MovesThemToUnscheduled()
    {
        var planId = await CreatePlanAsync();
        var board = await Get<RoadmapService>().GetBoardAsync(planId);
        var (pilot, design) = (board.Phases[1], board.Lanes[0]);
        var one = await AddFeatureAsync(planId, "Pilot survey", pilot.Id, design.Id);
        var two = await AddFeatureAsync(planId, "Pilot clinic list", pilot.Id, design.Id);
        var (dialogs, popovers) = RenderDialogProviders();
        var cut = RenderBoard(planId);

        cut.Find($"[data-testid=phase-menu-{pilot.Id}] button").Click();
        popovers.WaitForElements(".mud-menu-item", Wait).Single(i => i.TextContent.Contains("Delete phase", StringComparison.Ordinal)).Click();
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("2 features will not be deleted: they move to Unscheduled."), Wait);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete phase").Click();

        cut.WaitForAssertion(() => HeaderNames(cut).ShouldBe(["Unscheduled", "MVP", "Beta", "Roll-out", "Later"]), Wait);
        CardIdsIn(cut, $"cell-none-{design.Id}").ShouldBe([one, two]);
    }

    private async Task<int> AddFeatureAsync(int planId, string title, int? phaseId = null, int? laneId = null)
    {
        var created = await Get<FeatureService>().CreateAsync(planId, new FeatureInput { Title = title, PhaseId = phaseId, LaneId = laneId });
        created.Succeeded.ShouldBeTrue(created.Message);
        return created.Value;
    }

    [Fact]
    public async Task Board_Viewer_SeesCardsButNoEditingControls()
    {
        var planId = await CreatePlanAsync();
        var featureId = await AddFeatureAsync(planId, "Online booking");
        await ActAsMemberAsync("Vic Viewer", MvpPlanner.Core.Accounts.WorkspaceRole.Viewer);

        var cut = RenderBoard(planId);

        cut.Find($"[data-testid=card-{featureId}]").TextContent.ShouldContain("Online booking");
        cut.FindAll($"[data-testid=add-feature], [data-testid=add-phase], [data-testid=add-lane], [data-testid=card-menu-{featureId}], [data-testid^=phase-menu-], [data-testid^=lane-menu-]").ShouldBeEmpty();
    }

    private IRenderedComponent<RoadmapPage> RenderBoard(int planId)
    {
        var cut = Render<RoadmapPage>(p => p.Add(x => x.PlanId, planId));
        cut.WaitForElement("[data-testid=board]", Wait);
        return cut;
    }

    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<MudPopoverProvider> Popovers) RenderDialogProviders()
    {
        var dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        return (dialogs, Render<MudPopoverProvider>());
    }

    /// <summary>What MudBlazor does when a card is dropped: raises the container's ItemDropped with the zone and position.</summary>
    private static Task DropAsync(IRenderedComponent<RoadmapPage> cut, BoardCard card, BoardCell target, int index)
    {
        var container = cut.FindComponent<MudDropContainer<BoardCard>>();
        return cut.InvokeAsync(() => container.Instance.ItemDropped.InvokeAsync(new MudItemDropInfo<BoardCard>(card, target.Identifier, index)));
    }

    private static List<string> HeaderNames(IRenderedComponent<RoadmapPage> cut) =>
        cut.FindAll(".board-header .board-header-name").Select(h => h.TextContent.Trim()).ToList();

    private static List<int> CardIdsIn(IRenderedComponent<RoadmapPage> cut, string cellTestId) =>
        cut.Find($"[data-testid={cellTestId}]").QuerySelectorAll(".feature-card")
            .Select(c => int.Parse(c.GetAttribute("data-testid")!["card-".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
}
