using MudBlazor;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Workshops;
using MvpPlanner.Web.Components.Shared;

namespace MvpPlanner.Web.Features.Backlog;

/// <summary>The backlog, one page at a time: filtering, sorting and paging happen in the database, so a plan with
/// thousands of features costs no more than the page on screen. Only the rows someone changed are read again.</summary>
public partial class BacklogPage
{
    private BacklogGrid? _grid;
    private BacklogLookups _lookups = BacklogLookups.Empty;
    private BacklogFilter _filter = BacklogFilter.Empty;
    private List<FeatureRow> _rows = [];
    private int _matchingCount;
    private int _planCount;

    // The first page read with the counts while loading, handed to the grid's first request instead of reading it twice.
    private (BacklogQuery Query, BacklogSlice Slice)? _firstPage;

    protected override async Task LoadAsync()
    {
        _lookups = await Features.GetLookupsAsync(PlanId);
        await ReloadPageAsync(fromFirstPage: true);
    }

    /// <summary>Reads the page shown again; without a grid on screen (no features yet), only the counts.</summary>
    private async Task ReloadPageAsync(bool fromFirstPage = false)
    {
        if (_grid is not null && _planCount > 0)
        {
            await (fromFirstPage ? _grid.ReloadFromFirstPageAsync() : _grid.ReloadAsync());
            return;
        }

        var query = new BacklogQuery { Filter = _filter, Take = BacklogGrid.DefaultPageSize };
        var slice = await Features.QueryAsync(PlanId, query);
        _firstPage = (query, slice);
        (_matchingCount, _planCount) = (slice.MatchingCount, slice.PlanCount);
    }

    private async Task<BacklogSlice> QueryPageAsync(BacklogQuery query, CancellationToken ct)
    {
        query = query with { Filter = _filter };
        var slice = _firstPage is { } first && first.Query == query ? first.Slice : await Features.QueryAsync(PlanId, query, ct);
        _firstPage = null;

        // Rows already shown keep their objects, so the grid does not rebuild them.
        _rows = FeatureRowRefresh.Merge(_rows, slice.Rows);
        (_matchingCount, _planCount) = (slice.MatchingCount, slice.PlanCount);
        StateHasChanged(); // the count above the grid
        return slice with { Rows = _rows };
    }

    private async Task ApplyFilterAsync(BacklogFilter filter)
    {
        _filter = filter;
        await ReloadPageAsync(fromFirstPage: true);
    }

    /// <summary>Saves an inline edit, then reads that row again so it shows what is stored: the new version and RICE
    /// score, or, when the save was refused, the values before the edit (someone else's, after a conflict).</summary>
    internal async Task SavePriorityAsync(FeatureRow row)
    {
        var result = await Features.UpdatePriorityAsync(PlanId, row.Id, row.ToPriorityInput());
        if (!result.Succeeded)
        {
            var fieldMessage = result.Status == ResultStatus.Invalid ? result.Errors.Values.SelectMany(m => m).FirstOrDefault() : null;
            Snackbar.Add($"\"{row.Title}\" was not saved. {fieldMessage ?? result.Message}", result.Status == ResultStatus.Invalid ? Severity.Warning : Severity.Error);
        }
        else
        {
            Snackbar.Show(result, $"Saved \"{row.Title}\".");
        }

        if (await Features.GetRowAsync(PlanId, row.Id) is { } stored)
        {
            row.CopyFrom(stored);
        }
        else
        {
            await ReloadPageAsync(); // deleted meanwhile
        }
    }

    /// <summary>Others' changes: rows on this page that were modified are read again and patched in place; added or
    /// deleted features, and renamed or deleted phases, lanes, problems or personas, re-read the page (they can change
    /// which features match and their order). Items this page does not show cost nothing.</summary>
    protected override async Task<bool> ApplyChangesAsync(IReadOnlyList<PlanChange> changes)
    {
        var planChanged = changes.Any(c => c.Touches<Core.Plans.Plan>());
        await ReloadPlanIfChangedAsync(changes);

        var lookupsChanged = changes.Any(c => c.Touches<Persona>() || c.Touches<Problem>() || c.Touches<RoadmapPhase>() || c.Touches<Lane>());
        // Feedback linked, unlinked or archived changes the evidence column and can change which features match.
        var featuresAddedOrDeleted = changes.Any(c => c.IdsOf<Feature>(ItemChangeKind.Added).Any() || c.IdsOf<Feature>(ItemChangeKind.Deleted).Any()
            || c.Touches<Core.Feedback.FeedbackItem>());
        if (lookupsChanged)
        {
            _lookups = await Features.GetLookupsAsync(PlanId);
        }

        if (lookupsChanged || featuresAddedOrDeleted)
        {
            await ReloadPageAsync();
            return true;
        }

        var modified = changes.SelectMany(c => c.IdsOf<Feature>(ItemChangeKind.Modified)).ToHashSet();
        var shown = _rows.Where(r => modified.Contains(r.Id)).ToList();
        if (shown.Count == 0)
        {
            return planChanged;
        }

        var fresh = (await Features.GetRowsAsync(PlanId, shown.Select(r => r.Id).ToList())).ToDictionary(r => r.Id);
        foreach (var row in shown)
        {
            if (fresh.TryGetValue(row.Id, out var stored))
            {
                row.CopyFrom(stored);
            }
        }

        if (fresh.Count < shown.Count)
        {
            await ReloadPageAsync(); // one was deleted in the meantime
        }

        _grid?.Refresh();
        return true;
    }

    private Task AddAsync() =>
        ShowFeatureDialogAsync("New feature", "feature:new", new FeatureInput(), async input => await Features.CreateAsync(PlanId, input), "Add feature");

    private Task EditAsync(FeatureRow row) =>
        ShowFeatureDialogAsync($"Edit \"{row.Title}\"", $"feature:{row.Id}", row.ToInput(), input => Features.UpdateAsync(PlanId, row.Id, input), "Save",
            async () => (await Features.GetRowAsync(PlanId, row.Id))?.ToInput(), row.Id);

    private async Task ShowFeatureDialogAsync(string title, string draftKey, FeatureInput input, Func<FeatureInput, Task<ServiceResult>> save, string submitText,
        Func<Task<FeatureInput?>>? loadLatest = null, int? featureId = null)
    {
        var parameters = new DialogParameters<FeatureDialog>
        {
            { d => d.PlanId, PlanId },
            { d => d.FeatureId, featureId },
            { d => d.Input, input },
            { d => d.DraftKey, draftKey },
            { d => d.Save, save },
            { d => d.SubmitText, submitText },
            { d => d.Problems, _lookups.Problems },
            { d => d.Phases, _lookups.Phases },
            { d => d.Lanes, _lookups.Lanes },
            { d => d.LoadLatest, loadLatest },
        };
        var dialog = await DialogService.ShowAsync<FeatureDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: ServiceResult result })
        {
            Snackbar.Show(result, "Feature saved.");
            await ReloadPageAsync();
        }
    }

    private async Task DeleteAsync(FeatureRow row)
    {
        var confirmed = await DialogService.ShowMessageBoxAsync("Delete feature?",
            $"\"{row.Title}\" will be removed from the backlog and the roadmap. The problems it addresses stay.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed == true)
        {
            Snackbar.Show(await Features.DeleteAsync(PlanId, row.Id));
            await ReloadPageAsync();
        }
    }
}
