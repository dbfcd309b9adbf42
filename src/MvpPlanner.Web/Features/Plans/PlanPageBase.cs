using Microsoft.AspNetCore.Components;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Workshops;

namespace MvpPlanner.Web.Features.Plans;

/// <summary>A page inside one plan: loads the plan's name, answers "not found" (HTTP 404 on first load) when the plan
/// does not exist or the caller may not see it, and reloads by itself when someone else changes the plan.</summary>
public abstract class PlanPageBase : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private CancellationTokenSource? _pendingReload;

    [Parameter]
    public int PlanId { get; set; }

    [Inject]
    protected PlanService Plans { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IPlanChangeNotifier Notifier { get; set; } = default!;

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

    protected override void OnAfterRender(bool firstRender)
    {
        // Only an interactive render gets here, so prerendering never subscribes.
        if (firstRender)
        {
            _subscription = Notifier.Subscribe(PlanId, OnPlanChangedAsync);
        }
    }

    /// <summary>Loads the page's own data; called after the plan is known to exist.</summary>
    protected abstract Task LoadAsync();

    protected async Task ReloadPlanAsync() => Plan = await Plans.GetOverviewAsync(PlanId) ?? Plan;

    /// <summary>Someone changed the plan: reload shortly after (changes come in bursts, as when a card move renumbers a column).
    /// Open dialogs keep their own copy of the input, so what the viewer is typing stays.</summary>
    private async Task OnPlanChangedAsync(PlanChange change)
    {
        if (change.What is PresenceTracker.PresenceChange or WorkshopTimers.TimerChange)
        {
            return;
        }

        var pending = new CancellationTokenSource();
        Interlocked.Exchange(ref _pendingReload, pending)?.Cancel();
        try
        {
            await Task.Delay(150, pending.Token);
        }
        catch (TaskCanceledException)
        {
            return;
        }

        await InvokeAsync(async () =>
        {
            var plan = await Plans.GetOverviewAsync(PlanId);
            if (plan is null)
            {
                return; // deleted or access removed: keep what is shown; the next action will say so
            }

            Plan = plan;
            await LoadAsync();
            StateHasChanged();
        });
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _pendingReload?.Cancel();
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
