using MudBlazor;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Web.Components.Shared;
using MvpPlanner.Web.Features.Backlog;

namespace MvpPlanner.Web.Features.Prioritization;

/// <summary>The plan's features on a value-vs-effort chart, narrowed by the backlog's filters. Opening a dot edits the
/// feature in the backlog's dialog, so a change is saved the same way everywhere.</summary>
public partial class ValueEffortPage
{
    private BacklogLookups _lookups = BacklogLookups.Empty;
    private BacklogFilter _filter = BacklogFilter.Empty;
    private ValueEffortMode _mode = ValueEffortMode.Size;
    private ValueEffortChart _chart = ValueEffortChart.Empty;

    protected override async Task LoadAsync()
    {
        _lookups = await Features.GetLookupsAsync(PlanId);
        await ReloadChartAsync();
    }

    private async Task ReloadChartAsync() => _chart = await ValueEffort.GetChartAsync(PlanId, _filter, _mode);

    private async Task ApplyFilterAsync(BacklogFilter filter)
    {
        _filter = filter;
        await ReloadChartAsync();
    }

    private async Task ChangeModeAsync(ValueEffortMode mode)
    {
        _mode = mode;
        await ReloadChartAsync();
    }

    internal async Task OpenAsync(FeatureRow row)
    {
        if (!CanEdit)
        {
            // Viewers read the feature; the dialog would offer a save the service refuses.
            await DialogService.ShowMessageBoxAsync(row.Title, string.IsNullOrWhiteSpace(row.Description) ? "No description yet." : row.Description, yesText: "Close");
            return;
        }

        var saved = await DialogService.ShowFormAsync($"Edit \"{row.Title}\"", new DialogParameters<FeatureDialog>
        {
            { d => d.Input, row.ToInput() },
            { d => d.PlanId, PlanId },
            { d => d.FeatureId, row.Id },
            { d => d.DraftKey, $"feature:{row.Id}" },
            { d => d.Save, input => Features.UpdateAsync(PlanId, row.Id, input) },
            { d => d.SubmitText, "Save" },
            { d => d.Problems, _lookups.Problems },
            { d => d.Phases, _lookups.Phases },
            { d => d.Lanes, _lookups.Lanes },
            { d => d.LoadLatest, async () => (await Features.GetRowAsync(PlanId, row.Id))?.ToInput() },
        });
        if (saved is not null)
        {
            Snackbar.Show(saved, "Feature saved.");
            await ReloadChartAsync();
        }
    }
}
