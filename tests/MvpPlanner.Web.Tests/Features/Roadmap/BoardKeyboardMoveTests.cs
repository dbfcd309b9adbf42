using Bunit;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Web.Features.Roadmap;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Roadmap;

/// <summary>Moving a focused card with Alt + arrow keys, and folding phases and lanes of the board.</summary>
public class BoardKeyboardMoveTests : PlannerTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AltArrowRight_OnACard_MovesItToTheNextPhaseAndAnnouncesWhere()
    {
        var planId = await CreatePlanAsync();
        var roadmap = Get<RoadmapService>();
        var board = await roadmap.GetBoardAsync(planId);
        var (mvp, pilot, development) = (board.Phases[0], board.Phases[1], board.Lanes[1]);
        var id = await AddFeatureAsync(planId, "Export to CSV", mvp.Id, development.Id);
        var cut = RenderBoard(planId);

        await PressAsync(cut, id, "ArrowRight");

        cut.WaitForAssertion(() => cut.Find("[data-testid=board-announcement]").TextContent.ShouldBe("'Export to CSV' moved to Pilot · Development"), Wait);
        cut.Find($"[data-testid=cell-{pilot.Id}-{development.Id}] [data-testid=card-{id}]");
        var stored = (await roadmap.GetBoardAsync(planId)).Cards.Single(c => c.Id == id);
        (stored.PhaseId, stored.LaneId).ShouldBe((pilot.Id, development.Id));
        JSInterop.Invocations.ShouldContain(i => i.Identifier.EndsWith("focus", StringComparison.OrdinalIgnoreCase), "the moved card keeps the focus");
    }

    [Fact]
    public async Task AltArrowUpAndLeft_OnACard_MoveItToTheLaneAboveThenToUnscheduled()
    {
        var planId = await CreatePlanAsync();
        var roadmap = Get<RoadmapService>();
        var board = await roadmap.GetBoardAsync(planId);
        var (mvp, design, development) = (board.Phases[0], board.Lanes[0], board.Lanes[1]);
        var id = await AddFeatureAsync(planId, "Export to CSV", mvp.Id, development.Id);
        var cut = RenderBoard(planId);

        await PressAsync(cut, id, "ArrowUp");
        cut.WaitForAssertion(() => cut.Find($"[data-testid=cell-{mvp.Id}-{design.Id}] [data-testid=card-{id}]"), Wait);
        await PressAsync(cut, id, "ArrowLeft");

        cut.WaitForAssertion(() => cut.Find("[data-testid=board-announcement]").TextContent.ShouldBe("'Export to CSV' moved to Unscheduled · Design"), Wait);
        var stored = (await roadmap.GetBoardAsync(planId)).Cards.Single(c => c.Id == id);
        (stored.PhaseId, stored.LaneId).ShouldBe(((int?)null, design.Id));
    }

    [Fact]
    public async Task AltArrowLeft_OnACardInUnscheduled_StaysAndSaysThereIsNoPhaseFurther()
    {
        var planId = await CreatePlanAsync();
        var design = (await Get<RoadmapService>().GetBoardAsync(planId)).Lanes[0];
        var id = await AddFeatureAsync(planId, "Export to CSV", laneId: design.Id);
        var cut = RenderBoard(planId);

        await PressAsync(cut, id, "ArrowLeft");

        cut.WaitForAssertion(() => cut.Find("[data-testid=board-announcement]").TextContent.ShouldContain("stays in Unscheduled · Design"), Wait);
        cut.Find($"[data-testid=cell-none-{design.Id}] [data-testid=card-{id}]");
    }

    [Fact]
    public async Task ArrowKeyWithoutAlt_OnACard_DoesNotMoveIt()
    {
        var planId = await CreatePlanAsync();
        var board = await Get<RoadmapService>().GetBoardAsync(planId);
        var id = await AddFeatureAsync(planId, "Export to CSV", board.Phases[0].Id, board.Lanes[0].Id);
        var cut = RenderBoard(planId);

        await cut.Find($"[data-testid=card-{id}]").KeyDownAsync(new KeyboardEventArgs { Key = "ArrowRight" });

        cut.Find($"[data-testid=cell-{board.Phases[0].Id}-{board.Lanes[0].Id}] [data-testid=card-{id}]");
        cut.Find("[data-testid=board-announcement]").TextContent.ShouldBeEmpty();
    }

    [Fact]
    public async Task Card_IsFocusableAndNamesItsShortcuts()
    {
        var planId = await CreatePlanAsync();
        var id = await AddFeatureAsync(planId, "Export to CSV");
        var cut = RenderBoard(planId);

        var card = cut.Find($"[data-testid=card-{id}]");
        card.GetAttribute("tabindex").ShouldBe("0");
        card.GetAttribute("title")!.ShouldContain("Alt + Left / Right arrow");
        card.GetAttribute("aria-keyshortcuts")!.ShouldContain("Alt+ArrowRight");
        card.QuerySelectorAll("button button, a button, button a").ShouldBeEmpty();
    }

    [Fact]
    public async Task CollapsingAPhase_HidesItsCardsButKeepsItsDropZonesAndCount()
    {
        var planId = await CreatePlanAsync();
        var board = await Get<RoadmapService>().GetBoardAsync(planId);
        var (mvp, design) = (board.Phases[0], board.Lanes[0]);
        var id = await AddFeatureAsync(planId, "Export to CSV", mvp.Id, design.Id);
        var cut = RenderBoard(planId);

        cut.Find($"[data-testid=collapse-phase-{mvp.Id}]").Click();

        cut.Find($"[data-testid=collapse-phase-{mvp.Id}]").GetAttribute("aria-expanded").ShouldBe("false");
        cut.Find($"[data-testid=phase-{mvp.Id}]").ClassList.ShouldContain("board-header-collapsed");
        var cell = cut.Find($"[data-testid=cell-{mvp.Id}-{design.Id}]");
        cell.ParentElement!.ClassList.ShouldContain("board-slot-phase-collapsed");
        cell.QuerySelector($"[data-testid=card-{id}]").ShouldNotBeNull("still there for drops and the keyboard, hidden by CSS");
        cut.Find("[data-testid=board]").GetAttribute("style")!.ShouldContain("var(--board-strip)");
        Get<BoardLayout>().IsPhaseCollapsed(planId, mvp.Id).ShouldBeTrue("remembered for the rest of the visit");
    }

    [Fact]
    public async Task CollapsingALane_ShowsItsCountAndFoldsItsCells()
    {
        var planId = await CreatePlanAsync();
        var board = await Get<RoadmapService>().GetBoardAsync(planId);
        var (mvp, design) = (board.Phases[0], board.Lanes[0]);
        await AddFeatureAsync(planId, "Export to CSV", mvp.Id, design.Id);
        var cut = RenderBoard(planId);

        cut.Find($"[data-testid=collapse-lane-{design.Id}]").Click();

        cut.Find($"[data-testid=lane-{design.Id}]").TextContent.ShouldContain("1 feature");
        cut.Find($"[data-testid=cell-{mvp.Id}-{design.Id}]").ParentElement!.ClassList.ShouldContain("board-slot-lane-collapsed");
    }

    private static Task PressAsync(IRenderedComponent<RoadmapPage> cut, int featureId, string key) =>
        cut.Find($"[data-testid=card-{featureId}]").KeyDownAsync(new KeyboardEventArgs { Key = key, AltKey = true });

    private IRenderedComponent<RoadmapPage> RenderBoard(int planId)
    {
        Render<MudSnackbarProvider>();
        var cut = Render<RoadmapPage>(p => p.Add(x => x.PlanId, planId));
        cut.WaitForElement("[data-testid=board]", Wait);
        return cut;
    }

    private async Task<int> AddFeatureAsync(int planId, string title, int? phaseId = null, int? laneId = null)
    {
        var created = await Get<FeatureService>().CreateAsync(planId, new FeatureInput { Title = title, PhaseId = phaseId, LaneId = laneId });
        created.Succeeded.ShouldBeTrue(created.Message);
        return created.Value;
    }
}
