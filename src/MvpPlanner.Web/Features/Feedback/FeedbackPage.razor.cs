using Microsoft.AspNetCore.Components;
using MudBlazor;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Feedback;
using MvpPlanner.Core.Workshops;
using MvpPlanner.Web.Components.Shared;
using MvpPlanner.Web.Features.Plans;

namespace MvpPlanner.Web.Features.Feedback;

/// <summary>The plan's feedback: capture it live, triage it (link to problems and features, or archive), and filter it.
/// Opens on what waits for triage. The list is filtered and paged in the database.</summary>
public partial class FeedbackPage : PlanPageBase
{
    private const int PageSize = 50;

    private static readonly (FeedbackState? State, string Label)[] StateChoices =
    [
        (FeedbackState.New, "To triage"),
        (FeedbackState.Linked, "Linked"),
        (FeedbackState.Archived, "Archived"),
        (null, "All"),
    ];

    private FeedbackQuery _query = new() { State = FeedbackState.New, Take = PageSize };
    private FeedbackSlice _slice = FeedbackSlice.Empty;
    private FeedbackCounts _counts = FeedbackCounts.None;
    private FeedbackLookups _lookups = FeedbackLookups.Empty;

    [Inject]
    private FeedbackService Feedback { get; set; } = default!;

    [Inject]
    private EvidenceService Evidence { get; set; } = default!;

    [Inject]
    private IDialogService DialogService { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private string EmptyText => _query switch
    {
        { State: FeedbackState.New, Search: "", Source: null, PersonaId: null } =>
            _counts.Linked + _counts.Archived == 0
                ? "No feedback yet. Type what a user told you in the field above and press Enter; link it to problems and features when you triage."
                : "Nothing waits for triage. New feedback appears here until someone links it to the problems and features it speaks to.",
        _ => "No feedback matches these filters.",
    };

    /// <summary>Feedback, and the names it shows or links to.</summary>
    protected override bool Shows(PlanChange change) =>
        change.Touches<FeedbackItem>() || change.Touches<Core.Personas.Persona>() || change.Touches<Core.Problems.Problem>() || change.Touches<Core.Features.Feature>();

    protected override async Task LoadAsync()
    {
        _lookups = await Evidence.LookupsAsync(PlanId);
        await ReloadListAsync();
    }

    private async Task ReloadListAsync()
    {
        _slice = await Feedback.ListAsync(PlanId, _query);
        _counts = await Feedback.CountsAsync(PlanId);
    }

    private string CountFor(FeedbackState? state) => state switch
    {
        FeedbackState.New => $" ({_counts.New})",
        FeedbackState.Linked => $" ({_counts.Linked})",
        FeedbackState.Archived => $" ({_counts.Archived})",
        _ => "",
    };

    private async Task ChangeAsync(FeedbackQuery query)
    {
        _query = query with { Take = PageSize };
        await ReloadListAsync();
    }

    private async Task ShowMoreAsync()
    {
        _query = _query with { Take = Math.Min(_query.Take + PageSize, FeedbackQuery.MaxTake) };
        await ReloadListAsync();
    }

    private async Task LinkAsync(FeedbackRow item)
    {
        var dialog = await DialogService.ShowAsync<FeedbackLinkDialog>("Link feedback", new DialogParameters<FeedbackLinkDialog>
        {
            { d => d.Quote, item.Text },
            { d => d.Input, item.ToLinksInput() },
            { d => d.Problems, _lookups.Problems },
            { d => d.Features, _lookups.Features },
            { d => d.Save, input => Feedback.SetLinksAsync(PlanId, item.Id, input) },
        }, DialogServiceExtensions.FormOptions);
        if (await dialog.Result is { Canceled: false, Data: ServiceResult result })
        {
            Snackbar.Show(result);
            await ReloadListAsync();
        }
    }

    private async Task EditAsync(FeedbackRow item)
    {
        var result = await DialogService.ShowFormAsync("Edit feedback", new DialogParameters<FeedbackDialog>
        {
            { d => d.Input, item.ToInput() },
            { d => d.DraftKey, $"feedback:{item.Id}" },
            { d => d.Personas, _lookups.Personas },
            { d => d.Save, input => Feedback.UpdateAsync(PlanId, item.Id, input) },
            { d => d.LoadLatest, async () => (await Feedback.GetAsync(PlanId, item.Id))?.ToInput() },
        });
        if (result is not null)
        {
            Snackbar.Show(result, "Feedback saved.");
            await ReloadListAsync();
        }
    }

    private async Task ToggleArchiveAsync(FeedbackRow item)
    {
        Snackbar.Show(await Feedback.SetArchivedAsync(PlanId, item.Id, item.State != FeedbackState.Archived, item.Version));
        await ReloadListAsync();
    }

    private async Task DeleteAsync(FeedbackRow item)
    {
        if (await DialogService.ConfirmAsync("Delete feedback?",
                $"\"{Shorten(item.Text)}\" will be moved to the trash with its links. It no longer counts as evidence.", "Delete"))
        {
            Snackbar.Show(await Feedback.DeleteAsync(PlanId, item.Id));
            await ReloadListAsync();
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 59), "…");
}
