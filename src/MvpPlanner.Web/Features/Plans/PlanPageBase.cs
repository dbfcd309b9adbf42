using Microsoft.AspNetCore.Components;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Web.Features.Plans;

/// <summary>A page inside one plan: loads the plan's name and answers "not found" (HTTP 404 on first load)
/// when the plan does not exist.</summary>
public abstract class PlanPageBase : ComponentBase
{
    [Parameter]
    public int PlanId { get; set; }

    [Inject]
    protected PlanService Plans { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    protected PlanOverview? Plan { get; private set; }

    protected bool IsLoaded { get; private set; }

    /// <summary>Editors and owners see editing controls; viewers do not (and the services refuse their changes anyway).</summary>
    protected bool CanEdit => Plan?.CanEdit == true;

    protected override async Task OnParametersSetAsync()
    {
        Plan = await Plans.GetOverviewAsync(PlanId);
        if (Plan is null)
        {
            Navigation.NotFound();
            return;
        }

        await LoadAsync();
        IsLoaded = true;
    }

    /// <summary>Loads the page's own data; called after the plan is known to exist.</summary>
    protected abstract Task LoadAsync();

    protected async Task ReloadPlanAsync() => Plan = await Plans.GetOverviewAsync(PlanId) ?? Plan;
}
