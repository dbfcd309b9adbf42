using MudBlazor;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Web.Features.Plans;

/// <summary>Opens the outcome dialog with the plan's personas and features to choose from, from any page that lists
/// outcomes. Returns the save's result, or null when the user cancelled.</summary>
public static class OutcomeDialogs
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true };

    public static async Task<ServiceResult?> AddOutcomeAsync(this IDialogService dialogs, PlanService plans, OutcomeService outcomes, int planId) =>
        await ShowAsync(dialogs, "Add outcome", new DialogParameters<OutcomeDialog>
        {
            { d => d.Input, new OutcomeInput() },
            { d => d.DraftKey, "outcome:new" },
            { d => d.Save, async i => await plans.AddOutcomeAsync(planId, i) },
            { d => d.Options, await outcomes.GetOptionsAsync(planId) ?? new([], []) },
        });

    /// <summary>Edits the outcome as saved now (not as a page read it earlier), so no field is overwritten unseen.</summary>
    public static async Task<ServiceResult?> EditOutcomeAsync(this IDialogService dialogs, PlanService plans, OutcomeService outcomes, int planId, int outcomeId)
    {
        if (await outcomes.GetAsync(planId, outcomeId) is not { } outcome)
        {
            return ServiceResult.NotFound("The outcome");
        }

        return await ShowAsync(dialogs, "Edit outcome", new DialogParameters<OutcomeDialog>
        {
            { d => d.Input, outcome.ToInput() },
            { d => d.DraftKey, $"outcome:{outcomeId}" },
            { d => d.Save, i => plans.UpdateOutcomeAsync(planId, outcomeId, i) },
            { d => d.LoadLatest, async () => (await outcomes.GetAsync(planId, outcomeId))?.ToInput() },
            { d => d.Options, await outcomes.GetOptionsAsync(planId) ?? new([], []) },
        });
    }

    private static async Task<ServiceResult?> ShowAsync(IDialogService dialogs, string title, DialogParameters<OutcomeDialog> parameters)
    {
        var dialog = await dialogs.ShowAsync<OutcomeDialog>(title, parameters, Options);
        return await dialog.Result is { Canceled: false } closed ? closed.Data as ServiceResult ?? ServiceResult.Ok() : null;
    }
}
