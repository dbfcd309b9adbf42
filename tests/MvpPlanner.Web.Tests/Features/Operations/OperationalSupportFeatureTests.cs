using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Bunit;
using MudBlazor;
using MvpPlanner.Core.Features;
using MvpPlanner.Web.Features.Backlog;
using MvpPlanner.Web.Features.Roadmap;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Operations;

/// <summary>A feature's link to the operation: whether someone must run it once it ships, set in the feature dialog and shown on the board.</summary>
public class OperationalSupportFeatureTests : PlannerTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task FeatureDialog_NeedsOperationalSupportChecked_SavesItAndTheGridMarksTheFeature()
    {
        var planId = await CreatePlanAsync("Tool library");
        var dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        Render<MudPopoverProvider>();
        var page = Render<BacklogPage>(p => p.Add(x => x.PlanId, planId));

        page.Find("[data-testid=new-feature]").Click();
        dialogs.WaitForElement("input[data-testid=feature-title]", Wait).Change("Chat with the lender");
        dialogs.Markup.ShouldContain("Needs operational support");
        CheckBox(dialogs.Find("[data-testid=feature-needs-ops]")).Change(true);
        await dialogs.Find("[data-testid=form-submit]").ClickAsync(new());

        page.WaitForAssertion(() => page.FindAll("[data-testid=feature-row-needs-ops]").ShouldHaveSingleItem(), Wait);
        (await Get<FeatureService>().ListAsync(planId)).ShouldHaveSingleItem().NeedsOperationalSupport.ShouldBeTrue();
    }

    [Fact]
    public async Task FeatureDialog_EditFeatureThatNeedsSupport_ShowsTheBoxChecked()
    {
        var planId = await CreatePlanAsync("Tool library");
        (await Get<FeatureService>().CreateAsync(planId, new FeatureInput { Title = "Chat", NeedsOperationalSupport = true })).Succeeded.ShouldBeTrue();
        var dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        Render<MudPopoverProvider>();
        var page = Render<BacklogPage>(p => p.Add(x => x.PlanId, planId));

        page.Find("[data-testid=edit-feature]").Click();

        CheckBox(dialogs.WaitForElement("[data-testid=feature-needs-ops]", Wait)).IsChecked.ShouldBeTrue();
    }

    [Fact]
    public async Task RoadmapCard_FeatureNeedsOperationalSupport_ShowsTheMarkOnlyOnThatCard()
    {
        var planId = await CreatePlanAsync("Tool library");
        var features = Get<FeatureService>();
        var chat = (await features.CreateAsync(planId, new FeatureInput { Title = "Chat", NeedsOperationalSupport = true })).Value;
        var search = (await features.CreateAsync(planId, new FeatureInput { Title = "Search" })).Value;

        var page = Render<RoadmapPage>(p => p.Add(x => x.PlanId, planId));

        page.Find($"[data-testid=card-{chat}]").QuerySelectorAll("[data-testid=card-needs-ops]").ShouldHaveSingleItem();
        page.Find($"[data-testid=card-{search}]").QuerySelectorAll("[data-testid=card-needs-ops]").ShouldBeEmpty();
    }

    /// <summary>The test id lands on the checkbox's input or on its wrapper, depending on the component.</summary>
    private static IHtmlInputElement CheckBox(IElement element) =>
        element as IHtmlInputElement ?? (IHtmlInputElement)element.QuerySelector("input[type=checkbox]")!;
}
