using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Web.Components.Layout;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Components;

/// <summary>Projector mode: the toggle in a plan's header hides the app bar and sets the large-type class, and the mode
/// lasts across the plan's pages.</summary>
public class ProjectorModeTests : PlannerTestContext
{
    protected override void AddServices() => AddAuthorization().SetAuthorized("Olivia Owner");

    [Fact]
    public void Toggle_OnAPlanPage_HidesTheAppBarAndSetsTheProjectorClass()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/plans/7/roadmap");
        var layout = RenderLayout();
        layout.FindAll(".mud-appbar").Count.ShouldBe(1);
        layout.FindAll(".mud-layout.projector").ShouldBeEmpty();

        layout.Find("button[data-testid=projector-toggle]").Click();

        layout.WaitForAssertion(() => layout.FindAll(".mud-appbar").ShouldBeEmpty());
        layout.FindAll(".mud-layout.projector").Count.ShouldBe(1);
        layout.Find("main").ShouldNotBeNull();
        layout.Find("button[data-testid=projector-toggle]").GetAttribute("aria-pressed").ShouldBe("true");
        Get<ProjectorMode>().IsOn.ShouldBeTrue();

        layout.Find("button[data-testid=projector-toggle]").Click();

        layout.WaitForAssertion(() => layout.FindAll(".mud-appbar").Count.ShouldBe(1));
        layout.FindAll(".mud-layout.projector").ShouldBeEmpty();
    }

    [Fact]
    public void ProjectorMode_NavigatingToAnotherPlanPage_StaysOnAndLeavesItOffThePlansList()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/plans/7");
        var layout = RenderLayout();
        layout.Find("button[data-testid=projector-toggle]").Click();
        layout.WaitForAssertion(() => layout.FindAll(".mud-layout.projector").Count.ShouldBe(1));

        navigation.NavigateTo("/plans/7/now-next-later");
        layout.WaitForAssertion(() => layout.FindAll(".mud-layout.projector").Count.ShouldBe(1));
        layout.FindAll(".mud-appbar").ShouldBeEmpty();

        navigation.NavigateTo("/");
        layout.WaitForAssertion(() => layout.FindAll(".mud-appbar").Count.ShouldBe(1));
        layout.FindAll(".mud-layout.projector").ShouldBeEmpty();
    }

    [Fact]
    public void Keyboard_PThenLeave_TogglesTheModeOnAndOff()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/plans/7/workshop");
        var toggle = Render<ProjectorToggle>();
        var keys = Render<ProjectorKeys>(p => p.Add(k => k.InPlanSection, true));

        keys.InvokeAsync(() => keys.Instance.ToggleFromKeyboard());
        Get<ProjectorMode>().IsOn.ShouldBeTrue();
        toggle.WaitForAssertion(() => toggle.Find("button").GetAttribute("aria-pressed").ShouldBe("true"));

        keys.InvokeAsync(() => keys.Instance.Leave());
        Get<ProjectorMode>().IsOn.ShouldBeFalse();
    }

    [Fact]
    public void Keyboard_POutsideAPlan_DoesNothing()
    {
        var keys = Render<ProjectorKeys>(p => p.Add(k => k.InPlanSection, false));

        keys.InvokeAsync(() => keys.Instance.ToggleFromKeyboard());

        Get<ProjectorMode>().IsOn.ShouldBeFalse();
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(parameters => parameters.Add(l => l.Body, (RenderFragment)(builder =>
        {
            builder.OpenComponent<ProjectorToggle>(0);
            builder.CloseComponent();
        })));
}
