using Bunit;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Web.Features.Gates;
using MvpPlanner.Web.Features.Roadmap;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Gates;

/// <summary>The gate chip and list: words, not only colour; keyboard reachable; nothing for a phase without a gate.</summary>
public class GateViewsTests : PlannerTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static ConditionResult Readiness(bool met, int score) =>
        new(1, GateConditionKind.ReadinessAtLeast, met, met ? GateReason.Met : GateReason.ReadinessBelow, null, 70, score, false, "", null, "", "");

    private static ConditionResult SignOff(bool met) =>
        new(2, GateConditionKind.SignOff, met, met ? GateReason.Met : GateReason.NotSignedOff, null, null, null, false, "Sponsor <b>x</b>",
            met ? new DateTime(2026, 5, 4, 9, 0, 0, DateTimeKind.Utc) : null, met ? "Olivia Owner" : "", met ? "Numbers look right" : "");

    [Fact]
    public void Chip_PartlyMet_SaysHowManyInWordsAndListsEveryConditionInItsName()
    {
        RenderProviders();
        var gate = new GateResult([Readiness(false, 55), SignOff(true)]);

        var cut = Render<GateChip>(p => p.Add(c => c.Gate, gate));

        var chip = cut.Find("button[data-testid=gate-chip]");
        chip.TextContent.Trim().ShouldBe("Gate: 1 of 2");
        chip.GetAttribute("data-met").ShouldBe("false");
        var name = chip.GetAttribute("aria-label")!;
        name.ShouldStartWith("Gate: 1 of 2");
        name.ShouldContain("Readiness score at least 70: not met: score 55.");
        name.ShouldContain("Signed off by Sponsor <b>x</b>: met, signed off by Olivia Owner");
    }

    [Fact]
    public void Chip_AllMet_SaysGateMet_AndNoConditionsShowsNothing()
    {
        RenderProviders();

        Render<GateChip>(p => p.Add(c => c.Gate, new GateResult([SignOff(true)]))).Find("[data-testid=gate-chip]").TextContent.Trim().ShouldBe("Gate met");
        Render<GateChip>(p => p.Add(c => c.Gate, GateResult.None)).FindAll("[data-testid=gate-chip]").ShouldBeEmpty();
    }

    [Fact]
    public void List_SaysMetOrNotMetInWords_AndEncodesNames()
    {
        var cut = Render<GateList>(p => p.Add(c => c.Gate, new GateResult([Readiness(false, 55), SignOff(true)])));

        var items = cut.FindAll("[data-testid=gate-condition]");
        items.Count.ShouldBe(2);
        items[0].TextContent.ShouldContain("Not met");
        items[1].TextContent.ShouldContain("Met");
        items[1].TextContent.ShouldContain("“Numbers look right”");
        cut.Markup.ShouldContain("Sponsor &lt;b&gt;x&lt;/b&gt;");
    }

    [Fact]
    public async Task Board_PhaseWithAGate_ShowsTheChipInItsHeader()
    {
        var planId = await CreatePlanAsync();
        var mvpId = (await Get<RoadmapService>().GetBoardAsync(planId)).Phases[0].Id;
        (await Get<GateService>().AddConditionAsync(planId, mvpId, new GateConditionInput { Kind = GateConditionKind.SignOff, RoleName = "Sponsor" })).Succeeded.ShouldBeTrue();
        RenderProviders();

        var cut = Render<RoadmapPage>(p => p.Add(x => x.PlanId, planId));

        cut.WaitForAssertion(() => cut.Find($"[data-testid=phase-{mvpId}] [data-testid=gate-chip]").TextContent.Trim().ShouldBe("Gate: 0 of 1"), Wait);
        cut.FindAll("[data-testid=gate-chip]").Count.ShouldBe(1);
    }

    [Fact]
    public void Warning_MovingPastAnUnmetGate_NamesThePhaseAndTheCount()
    {
        var open = new GateResult([Readiness(false, 55), SignOff(true), Readiness(false, 10)]);
        PhaseGate Phase(int id, string name, int order, GateResult result) => new(id, name, order, [], result);
        var gates = new[] { Phase(1, "MVP", 0, GateResult.None), Phase(2, "Pilot", 1, open), Phase(3, "Beta", 2, GateResult.None) };

        GateWarnings.ForMoveInto(gates, 3).ShouldBe("Pilot's gate is not met yet: 1 of 3 conditions.");
        GateWarnings.ForMoveInto(gates, 2).ShouldBeNull();
        GateWarnings.ForMoveInto(gates, null).ShouldBeNull();
    }
}
