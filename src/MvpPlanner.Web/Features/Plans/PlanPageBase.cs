using Microsoft.AspNetCore.Components;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Workshops;

namespace MvpPlanner.Web.Features.Plans;

/// <summary>A page inside one plan: loads the plan's name, answers "not found" (HTTP 404 on first load) when the plan
/// does not exist or the caller may not see it, and reloads by itself when someone else changes the plan.</summary>
public abstract class PlanPageBase : ComponentBase, IDisposable
{
    /// <summary>Long enough to gather one save's burst of announcements, short enough that nobody notices the wait.</summary>
    private static readonly TimeSpan CoalesceWindow = TimeSpan.FromMilliseconds(30);

    private readonly Lock _gate = new();
    private readonly List<PlanChange> _buffered = [];
    private readonly CancellationTokenSource _disposed = new();
    private IDisposable? _subscription;
    private bool _flushScheduled;

    [Parameter]
    public int PlanId { get; set; }

    [Inject]
    protected PlanService Plans { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IPlanChangeNotifier Notifier { get; set; } = default!;

    [Inject]
    private Core.Reviews.PlanVisitService Visits { get; set; } = default!;

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

        // Before the page's own data, so the overview's "since your last visit" already counts this visit's session.
        await Visits.RecordVisitAsync(PlanId);
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

    /// <summary>Someone changed the plan. Changes come in bursts (a card move renumbers a column, a save writes several
    /// items), so they are gathered for a moment and handed to <see cref="ApplyChangesAsync"/> together, once.</summary>
    private async Task OnPlanChangedAsync(PlanChange change)
    {
        if (change.What is PresenceTracker.PresenceChange or WorkshopTimers.TimerChange
            || (change.Items.Count > 0 && !change.Touches<Core.Plans.Plan>() && !Shows(change)))
        {
            return;
        }

        lock (_gate)
        {
            _buffered.Add(change);
            if (_flushScheduled)
            {
                return;
            }

            _flushScheduled = true;
        }

        try
        {
            await Task.Delay(CoalesceWindow, _disposed.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // the page closed meanwhile
        }

        List<PlanChange> batch;
        lock (_gate)
        {
            batch = [.. _buffered];
            _buffered.Clear();
            _flushScheduled = false;
        }

        await InvokeAsync(async () =>
        {
            if (await ApplyChangesAsync(batch))
            {
                StateHasChanged();
            }
        });
    }

    /// <summary>Whether the page shows any of the items saved in this change; one it does not show is dropped before it
    /// costs a query. Changes to the plan itself (its name in the header) and changes naming no items always count.</summary>
    protected virtual bool Shows(PlanChange change) => true;

    /// <summary>Brings the page up to date after others' changes; returns whether anything needs rendering. The default
    /// reloads the plan and all of the page's data; pages with long lists patch only the items named in the changes.
    /// Open dialogs keep their own copy of the input, so what the viewer is typing stays.</summary>
    protected virtual async Task<bool> ApplyChangesAsync(IReadOnlyList<PlanChange> changes)
    {
        var plan = await Plans.GetOverviewAsync(PlanId);
        if (plan is null)
        {
            return false; // deleted or access removed: keep what is shown; the next action will say so
        }

        Plan = plan;
        await LoadAsync();
        return true;
    }

    /// <summary>Reloads the plan's header data when the plan itself was among the changes (renamed, archived …).</summary>
    protected async Task ReloadPlanIfChangedAsync(IReadOnlyList<PlanChange> changes)
    {
        if (changes.Any(c => c.Touches<Core.Plans.Plan>()))
        {
            await ReloadPlanAsync();
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
