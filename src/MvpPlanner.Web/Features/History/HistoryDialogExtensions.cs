using MudBlazor;

namespace MvpPlanner.Web.Features.History;

/// <summary>Opens an item's history from any card, menu or list.</summary>
internal static class HistoryDialogExtensions
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Medium, FullWidth = true };

    public static async Task ShowHistoryAsync(this IDialogService dialogs, int planId, string itemKind, int itemId, string itemName, bool canEdit)
    {
        var dialog = await dialogs.ShowAsync<ItemHistoryDialog>($"History of \"{itemName}\"", new DialogParameters<ItemHistoryDialog>
        {
            { d => d.PlanId, planId },
            { d => d.ItemKind, itemKind },
            { d => d.ItemId, itemId },
            { d => d.ItemName, itemName },
            { d => d.CanEdit, canEdit },
        }, Options);
        await dialog.Result;
    }
}
