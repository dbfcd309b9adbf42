using Bunit;
using MudBlazor;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Web.Features.Dependencies;
using MvpPlanner.Web.Features.Roadmap;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Dependencies;

public class DependencyViewsTests : PlannerTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private async Task<int> AddFeatureAsync(int planId, string title, int? phaseId = null)
    {
        var created = await Get<FeatureService>().CreateAsync(planId, new FeatureInput { Title = title, PhaseId = phaseId });
        created.Succeeded.ShouldBeTrue(created.Message);
        return created.Value;
    }

    [Fact]
    public async Task BoardCard_FeatureNeedingALaterOne_SaysHowManyItNeedsAndThatItIsOutOfOrder()
    {
        var planId = await CreatePlanAsync();
        var phases = (await Get<RoadmapService>().GetBoardAsync(planId)).Phases;
        var checkout = await AddFeatureAsync(planId, "Checkout", phases[0].Id);
        var payments = await AddFeatureAsync(planId, "Payments", phases[1].Id);
        (await Get<FeatureDependencyService>().AddAsync(planId, checkout, payments)).Succeeded.ShouldBeTrue();

        var cut = Render<RoadmapPage>(p => p.Add(x => x.PlanId, planId));
        cut.WaitForElement("[data-testid=board]", Wait);

        var card = cut.Find($"[data-testid=card-{checkout}]");
        card.QuerySelector("[data-testid=card-dependencies]")!.TextContent.ShouldContain("Needs 1");
        card.QuerySelector("[data-testid=card-dependency-warning]")!.TextContent
            .ShouldContain("\"Checkout\" is planned to start before \"Payments\", which it needs, is done.");
        cut.Find($"[data-testid=card-{payments}] [data-testid=card-dependencies]").TextContent.ShouldContain("Needed by 1");
    }

    [Fact]
    public async Task BoardCard_WithoutDependencies_ShowsNoDependencyLine()
    {
        var planId = await CreatePlanAsync();
        var lone = await AddFeatureAsync(planId, "Search");

        var cut = Render<RoadmapPage>(p => p.Add(x => x.PlanId, planId));
        cut.WaitForElement("[data-testid=board]", Wait);

        cut.Find($"[data-testid=card-{lone}]").QuerySelector("[data-testid=card-dependencies]").ShouldBeNull();
    }

    [Fact]
    public async Task Editor_ListsWhatItNeedsWithTheWarningAndWhatNeedsIt()
    {
        var planId = await CreatePlanAsync();
        var phases = (await Get<RoadmapService>().GetBoardAsync(planId)).Phases;
        var checkout = await AddFeatureAsync(planId, "Checkout", phases[1].Id);
        var payments = await AddFeatureAsync(planId, "Payments", phases[2].Id);
        var receipts = await AddFeatureAsync(planId, "Receipts", phases[3].Id);
        var service = Get<FeatureDependencyService>();
        await service.AddAsync(planId, checkout, payments);
        await service.AddAsync(planId, receipts, checkout);
        RenderProviders();

        var cut = Render<FeatureDependenciesEditor>(p => p.Add(x => x.PlanId, planId).Add(x => x.FeatureId, checkout));

        cut.WaitForAssertion(() => cut.Find("[data-testid=depends-on-list]").TextContent.ShouldContain("Payments"), Wait);
        cut.Find("[data-testid=depends-on-list] [data-testid=dependency-early]").TextContent.ShouldContain("Planned to start before \"Payments\" is done.");
        cut.Find("[data-testid=needed-by-list]").TextContent.ShouldContain("Receipts");
        cut.Find("[data-testid=needed-by-list]").QuerySelector("[data-testid=dependency-early]").ShouldBeNull();
        cut.Find("[data-testid=remove-dependency]").GetAttribute("aria-label").ShouldBe("Remove the dependency on Payments");
    }

    [Fact]
    public async Task Editor_RemoveButton_TakesTheDependencyAwayAndTellsTheDialogItsVersion()
    {
        var planId = await CreatePlanAsync();
        var checkout = await AddFeatureAsync(planId, "Checkout");
        var payments = await AddFeatureAsync(planId, "Payments");
        await Get<FeatureDependencyService>().AddAsync(planId, checkout, payments);
        RenderProviders();
        int? versionBefore = null;

        var cut = Render<FeatureDependenciesEditor>(p => p.Add(x => x.PlanId, planId).Add(x => x.FeatureId, checkout)
            .Add(x => x.OnChanged, (int v) => versionBefore = v));
        cut.WaitForElement("[data-testid=remove-dependency]", Wait).Click();

        cut.WaitForElement("[data-testid=depends-on-none]", Wait);
        versionBefore.ShouldBe(2);
        (await Get<FeatureDependencyService>().ListAsync(planId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Editor_ForAViewer_HasNoAddOrRemove()
    {
        var planId = await CreatePlanAsync();
        var checkout = await AddFeatureAsync(planId, "Checkout");
        var payments = await AddFeatureAsync(planId, "Payments");
        await Get<FeatureDependencyService>().AddAsync(planId, checkout, payments);
        RenderProviders();

        var cut = Render<FeatureDependenciesEditor>(p => p.Add(x => x.PlanId, planId).Add(x => x.FeatureId, checkout).Add(x => x.ReadOnly, true));

        cut.WaitForAssertion(() => cut.Find("[data-testid=depends-on-list]").TextContent.ShouldContain("Payments"), Wait);
        cut.FindAll("[data-testid=remove-dependency]").ShouldBeEmpty();
        cut.FindAll("[data-testid=dependency-picker]").ShouldBeEmpty();
    }
}
