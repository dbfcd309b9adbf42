using Bunit;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Web.Features.Roadmap;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Roadmap;

/// <summary>The open board takes in others' changes by patching itself: what changed moves, appears or vanishes; the
/// other cards keep their components; changes the board does not show cost nothing.</summary>
public class RoadmapLiveUpdateTests : PlannerTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task PeerMove_CardIntoAnotherCell_ShowsItThereAndKeepsTheOtherCardsComponents()
    {
        var planId = await CreatePlanAsync();
        var board = await Get<RoadmapService>().GetBoardAsync(planId);
        var (mvp, pilot, design) = (board.Phases[0].Id, board.Phases[1].Id, board.Lanes[0].Id);
        var a = await AddFeatureAsync(planId, "A", mvp, design);
        var b = await AddFeatureAsync(planId, "B", mvp, design);
        var moving = await AddFeatureAsync(planId, "Moving", mvp, design);
        var elsewhere = await AddFeatureAsync(planId, "Elsewhere", board.Phases[3].Id, board.Lanes[2].Id);
        var cut = RenderBoard(planId);
        var before = CardComponents(cut);

        (await Get<RoadmapService>().MoveFeatureAsync(planId, moving, pilot, design, 0)).Succeeded.ShouldBeTrue();

        cut.WaitForAssertion(() => CardIdsIn(cut, $"cell-{pilot}-{design}").ShouldBe([moving]), Wait);
        CardIdsIn(cut, $"cell-{mvp}-{design}").ShouldBe([a, b]);
        var after = CardComponents(cut);
        after[a].ShouldBeSameAs(before[a]);
        after[b].ShouldBeSameAs(before[b]);
        after[elsewhere].ShouldBeSameAs(before[elsewhere]);
        cut.Find($"[data-testid=phase-{pilot}] .mud-chip").TextContent.Trim().ShouldBe("1");
    }

    [Fact]
    public async Task PeerDelete_Card_VanishesFromTheBoard()
    {
        var planId = await CreatePlanAsync();
        var board = await Get<RoadmapService>().GetBoardAsync(planId);
        var (mvp, design) = (board.Phases[0].Id, board.Lanes[0].Id);
        var kept = await AddFeatureAsync(planId, "Kept", mvp, design);
        var deleted = await AddFeatureAsync(planId, "Deleted", mvp, design);
        var cut = RenderBoard(planId);
        var keptCard = CardComponents(cut)[kept];

        (await Get<FeatureService>().DeleteAsync(planId, deleted)).Succeeded.ShouldBeTrue();

        cut.WaitForAssertion(() => cut.FindAll($"[data-testid=card-{deleted}]").ShouldBeEmpty(), Wait);
        CardIdsIn(cut, $"cell-{mvp}-{design}").ShouldBe([kept]);
        CardComponents(cut)[kept].ShouldBeSameAs(keptCard);
        cut.Find("[data-testid=board-summary]").TextContent.ShouldContain("1 feature");
    }

    [Fact]
    public async Task PeerAdd_Feature_AppearsInItsCellInRankOrder()
    {
        var planId = await CreatePlanAsync();
        var board = await Get<RoadmapService>().GetBoardAsync(planId);
        var (beta, development) = (board.Phases[2].Id, board.Lanes[1].Id);
        var first = await AddFeatureAsync(planId, "First", beta, development);
        var cut = RenderBoard(planId);

        var second = await AddFeatureAsync(planId, "Second", beta, development);

        cut.WaitForAssertion(() => CardIdsIn(cut, $"cell-{beta}-{development}").ShouldBe([first, second]), Wait);
        cut.Find($"[data-testid=card-{second}]").TextContent.ShouldContain("Second");
    }

    [Fact]
    public async Task PeerChange_ToAnOperationsItem_DoesNotReloadTheBoard()
    {
        var planId = await CreatePlanAsync();
        var board = await Get<RoadmapService>().GetBoardAsync(planId);
        var (mvp, design) = (board.Phases[0].Id, board.Lanes[0].Id);
        var quiet = await AddFeatureAsync(planId, "Quiet", mvp, design);
        var edited = await AddFeatureAsync(planId, "Edited", board.Phases[1].Id, design);
        var cut = RenderBoard(planId);
        var quietCard = CardComponents(cut)[quiet];
        // Changed behind the notifier's back: only a reload of the whole board would show this title.
        await using (var db = await Get<IDbContextFactory<PlannerDbContext>>().CreateDbContextAsync())
        {
            await db.Features.Where(f => f.Id == quiet).ExecuteUpdateAsync(s => s.SetProperty(f => f.Title, "Renamed unannounced"));
        }

        (await Get<EssentialToolService>().AddToolAsync(planId, new ToolInput { Name = "Booking calendar", MonthlyCost = 20 })).Succeeded.ShouldBeTrue();
        await RenameAsync(planId, edited, "Edited by a peer");

        cut.WaitForAssertion(() => cut.Find($"[data-testid=card-{edited}]").TextContent.ShouldContain("Edited by a peer"), Wait);
        cut.Find($"[data-testid=card-{quiet}]").TextContent.ShouldContain("Quiet");
        cut.Markup.ShouldNotContain("Renamed unannounced");
        CardComponents(cut)[quiet].ShouldBeSameAs(quietCard);
    }

    [Fact]
    public async Task Cell_WithMoreCardsThanItShows_ShowsTheFirstAndShowAllRevealsTheRest()
    {
        var planId = await CreatePlanAsync();
        var board = await Get<RoadmapService>().GetBoardAsync(planId);
        var cell = new BoardCell(board.Phases[0].Id, board.Lanes[0].Id);
        var ids = new List<int>();
        for (var i = 0; i < BoardState.CardsPerCell + 3; i++)
        {
            ids.Add(await AddFeatureAsync(planId, $"Feature {i}", cell.PhaseId, cell.LaneId));
        }

        var cut = RenderBoard(planId);

        CardIdsIn(cut, cell.TestId).ShouldBe(ids.Take(BoardState.CardsPerCell));
        var toggle = cut.Find($"[data-testid=more-{cell.TestId}]");
        toggle.TextContent.Trim().ShouldBe($"Show all {ids.Count}");
        toggle.GetAttribute("aria-expanded").ShouldBe("false");
        cut.Find($"[data-testid=phase-{cell.PhaseId}] .mud-chip").TextContent.Trim().ShouldBe(ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

        toggle.Click();

        cut.WaitForAssertion(() => CardIdsIn(cut, cell.TestId).ShouldBe(ids), Wait);
        cut.Find($"[data-testid=more-{cell.TestId}]").TextContent.Trim().ShouldBe("Show fewer");

        cut.Find($"[data-testid=more-{cell.TestId}]").Click();

        cut.WaitForAssertion(() => CardIdsIn(cut, cell.TestId).Count.ShouldBe(BoardState.CardsPerCell), Wait);
    }

    [Fact]
    public async Task DroppingCard_BelowTheShownCardsOfAFullCell_OpensThatCellToShowIt()
    {
        var planId = await CreatePlanAsync();
        var board = await Get<RoadmapService>().GetBoardAsync(planId);
        var cell = new BoardCell(board.Phases[0].Id, board.Lanes[0].Id);
        for (var i = 0; i < BoardState.CardsPerCell + 1; i++)
        {
            await AddFeatureAsync(planId, $"Feature {i}", cell.PhaseId, cell.LaneId);
        }

        var dropped = await AddFeatureAsync(planId, "Dropped last");
        var cut = RenderBoard(planId);
        var card = cut.FindComponent<MudBlazor.MudDropContainer<BoardCard>>().Instance.Items.Single(c => c.Id == dropped);

        await cut.InvokeAsync(() => cut.FindComponent<MudBlazor.MudDropContainer<BoardCard>>().Instance.ItemDropped
            .InvokeAsync(new MudBlazor.MudItemDropInfo<BoardCard>(card, cell.Identifier, BoardState.CardsPerCell)));

        cut.WaitForAssertion(() => CardIdsIn(cut, cell.TestId).ShouldContain(dropped), Wait);
        CardIdsIn(cut, cell.TestId).Count.ShouldBe(BoardState.CardsPerCell + 2);
        cut.Find($"[data-testid=more-{cell.TestId}]").TextContent.Trim().ShouldBe("Show fewer");
    }

    [Fact]
    public async Task CardMenu_MoveTo_HasAnAccessibleNameAndOnlyExistsWhileOpen()
    {
        var planId = await CreatePlanAsync();
        var id = await AddFeatureAsync(planId, "Online booking");
        var cut = RenderBoard(planId);
        cut.FindAll("[role=menu]").ShouldBeEmpty();

        var button = cut.Find($"[data-testid=card-menu-{id}] button[aria-haspopup=menu]");
        button.GetAttribute("aria-label").ShouldBe("Actions for Online booking");
        button.Click();

        cut.Find("[role=menu]").QuerySelectorAll("[role=menuitem]").Select(i => i.TextContent.Trim()).ShouldBe(["Edit…", "Move to…", "Dependencies…"]);
        cut.Find($"[data-testid=card-menu-{id}] button[aria-haspopup=menu]").GetAttribute("aria-expanded").ShouldBe("true");
        cut.Find("[role=menu]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" });
        cut.FindAll("[role=menu]").ShouldBeEmpty();
    }

    private async Task<int> AddFeatureAsync(int planId, string title, int? phaseId = null, int? laneId = null)
    {
        var created = await Get<FeatureService>().CreateAsync(planId, new FeatureInput { Title = title, PhaseId = phaseId, LaneId = laneId });
        created.Succeeded.ShouldBeTrue(created.Message);
        return created.Value;
    }

    private async Task RenameAsync(int planId, int featureId, string title)
    {
        var features = Get<FeatureService>();
        var input = (await features.GetRowAsync(planId, featureId))!.ToInput();
        input.Title = title;
        (await features.UpdateAsync(planId, featureId, input)).Succeeded.ShouldBeTrue();
    }

    private IRenderedComponent<RoadmapPage> RenderBoard(int planId)
    {
        var cut = Render<RoadmapPage>(p => p.Add(x => x.PlanId, planId));
        cut.WaitForElement("[data-testid=board]", Wait);
        return cut;
    }

    private static Dictionary<int, BoardCardView> CardComponents(IRenderedComponent<RoadmapPage> cut) =>
        cut.FindComponents<BoardCardView>().ToDictionary(c => c.Instance.Card.Id, c => c.Instance);

    private static List<int> CardIdsIn(IRenderedComponent<RoadmapPage> cut, string cellTestId) =>
        cut.Find($"[data-testid={cellTestId}]").QuerySelectorAll(".feature-card")
            .Select(c => int.Parse(c.GetAttribute("data-testid")!["card-".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
}
