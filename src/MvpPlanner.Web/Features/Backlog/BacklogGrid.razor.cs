using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using MvpPlanner.Core.Features;

namespace MvpPlanner.Web.Features.Backlog;

public partial class BacklogGrid
{
    public const int DefaultPageSize = 50;

    private static readonly int[] PageSizes = [25, DefaultPageSize, 100];

    // The rows come sorted from the database; the grid must not sort the page again by its own rules.
    private static readonly Func<FeatureRow, object> KeepServerOrder = _ => 0;

    // The grid names a sorted column by its property; the database sorts by the matching key.
    private static readonly Dictionary<string, BacklogSort> SortKeys = new()
    {
        [nameof(FeatureRow.Title)] = BacklogSort.Title,
        [nameof(FeatureRow.Status)] = BacklogSort.Status,
        [nameof(FeatureRow.Moscow)] = BacklogSort.Moscow,
        [nameof(FeatureRow.Reach)] = BacklogSort.Reach,
        [nameof(FeatureRow.Impact)] = BacklogSort.Impact,
        [nameof(FeatureRow.Confidence)] = BacklogSort.Confidence,
        [nameof(FeatureRow.Effort)] = BacklogSort.Effort,
        [nameof(FeatureRow.RiceScore)] = BacklogSort.Rice,
        [nameof(FeatureRow.Value)] = BacklogSort.Value,
        [nameof(FeatureRow.EffortSize)] = BacklogSort.Size,
        [nameof(FeatureRow.PhaseName)] = BacklogSort.Phase,
        [nameof(FeatureRow.LaneName)] = BacklogSort.Lane,
        [nameof(FeatureRow.Owner)] = BacklogSort.Owner,
        [nameof(FeatureRow.EvidenceCount)] = BacklogSort.Evidence,
    };

    private MudDataGrid<FeatureRow>? _grid;

    [Inject]
    private IValidator<FeaturePriorityInput> PriorityValidator { get; set; } = default!;
    private bool _pageLoaded;

    /// <summary>Reads one page: the rows to show after skipping, and how many match in all.</summary>
    [Parameter, EditorRequired]
    public Func<BacklogQuery, CancellationToken, Task<BacklogSlice>> QueryPage { get; set; } = default!;

    /// <summary>Viewers see the values as text: no cell editors, no edit or delete buttons.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>Called with the row after the user changed one of its priority fields in a cell.</summary>
    [Parameter]
    public EventCallback<FeatureRow> OnPriorityChanged { get; set; }

    [Parameter]
    public EventCallback<FeatureRow> OnEdit { get; set; }

    [Parameter]
    public EventCallback<FeatureRow> OnDelete { get; set; }

    [Parameter]
    public EventCallback<FeatureRow> OnHistory { get; set; }

    [Parameter]
    public RenderFragment? NoRecordsContent { get; set; }

    private (int RowId, string Field)? _editing;

    private bool IsEditing(FeatureRow row, string field) => _editing == (row.Id, field);

    /// <summary>Why the text in the open number cell was refused, or null.</summary>
    private string? _cellProblem;

    private void StartEditing(FeatureRow row, string field)
    {
        _editing = (row.Id, field);
        _cellProblem = null;
    }

    private void StartEditingOnF2(KeyboardEventArgs e, FeatureRow row, string field)
    {
        if (e.Key == "F2")
        {
            StartEditing(row, field);
        }
    }

    // An editor closing late (a menu's close animation, a blur) must not close the editor of the next cell.
    private void StopEditing(FeatureRow row, string field)
    {
        if (IsEditing(row, field))
        {
            _editing = null;
        }
    }

    /// <summary>Leaving a number cell ends its edit, unless its text was refused (not a number, or outside the rule): then
    /// the cell stays open with the text and the message, and the stored value is untouched, until the user corrects it
    /// or presses Escape.</summary>
    private async Task StopEditingUnlessRefusedAsync(FeatureRow row, string field)
    {
        await Task.Yield(); // the change that came just before the blur is read first
        if (_cellProblem is null)
        {
            StopEditing(row, field);
        }
    }

    private void StopEditingWhenClosed(bool open, FeatureRow row, string field)
    {
        if (!open)
        {
            StopEditing(row, field);
        }
    }

    private void CloseOnEscape(KeyboardEventArgs e, FeatureRow row, string field)
    {
        if (e.Key == "Escape")
        {
            _cellProblem = null;
            StopEditing(row, field);
        }
    }

    /// <summary>A choice from a list is a whole edit: the cell shows the chosen value at once instead of waiting for
    /// the list's close animation to end the edit.</summary>
    private Task ChooseAsync(FeatureRow row, string field, Action<FeatureRow> apply)
    {
        StopEditing(row, field);
        return SetAsync(row, apply);
    }

    /// <summary>The priority rule for one cell, checked before the value is saved, so the cell tells it as a dialog does.</summary>
    private Func<TValue?, Task<IEnumerable<string>>> CellRule<TValue>(FeatureRow row, string field, Action<FeaturePriorityInput, TValue?> apply) =>
        async value =>
        {
            var input = row.ToPriorityInput();
            apply(input, value);
            var result = await PriorityValidator.ValidateAsync(input, options => options.IncludeProperties(field));
            return result.Errors.Select(e => e.ErrorMessage);
        };

    private async Task SetAsync(FeatureRow row, Action<FeatureRow> apply)
    {
        apply(row);

        // Render the user's value once before saving. If the save is refused, re-reading the row puts the stored value
        // back, and an editor only drops what was typed when it sees its value change.
        StateHasChanged();
        await Task.Yield();
        await OnPriorityChanged.InvokeAsync(row);
    }

    protected override async Task OnInitializedAsync()
    {
        // Prerendering never reaches OnAfterRender, where the grid asks for its first page. Ask once the grid exists,
        // so the first page is in the HTML the browser shows while the circuit starts.
        if (!RendererInfo.IsInteractive)
        {
            await Task.Yield();
            await ReloadAsync();
        }
    }

    /// <summary>Shows rows the page patched in place.</summary>
    public void Refresh() => StateHasChanged();

    /// <summary>Reads the page shown now again (after a save or someone else's change).</summary>
    public Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    /// <summary>Goes back to the first page and reads it (after the filter changed).</summary>
    public Task ReloadFromFirstPageAsync()
    {
        if (_grid is { CurrentPage: > 0 } grid)
        {
            grid.NavigateTo(Page.First); // changing the page reads it
            return Task.CompletedTask;
        }

        return ReloadAsync();
    }

    private async Task<GridData<FeatureRow>> LoadPage(GridState<FeatureRow> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var slice = await QueryPage(new BacklogQuery
        {
            Sort = sort is not null && SortKeys.TryGetValue(sort.SortBy, out var key) ? key : BacklogSort.Default,
            Descending = sort?.Descending == true,
            Skip = state.Page * state.PageSize,
            Take = state.PageSize,
        }, ct);
        _pageLoaded = true;
        return new GridData<FeatureRow> { Items = slice.Rows, TotalItems = slice.MatchingCount };
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    private static (string Text, Color Color)? ValueEffortHint(FeatureRow row) => row switch
    {
        { Value: >= 4, EffortSize: <= 2 } => ("Quick win", Color.Success),
        { Value: <= 2, EffortSize: >= 4 } => ("Costly for its value", Color.Warning),
        _ => null,
    };
}
