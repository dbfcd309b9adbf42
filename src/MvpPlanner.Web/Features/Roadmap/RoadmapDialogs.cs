using Microsoft.AspNetCore.Components;
using MudBlazor;
using MvpPlanner.Core.Common;

namespace MvpPlanner.Web.Features.Roadmap;

internal static class RoadmapDialogs
{
    public static DialogOptions FormOptions { get; } = new() { MaxWidth = MaxWidth.Small, FullWidth = true };

    /// <summary>Shows a dialog built on FormDialog; returns what the service said when it saved, null when cancelled.</summary>
    public static async Task<ServiceResult?> ShowFormAsync<TDialog>(this IDialogService dialogs, string title, DialogParameters<TDialog> parameters)
        where TDialog : IComponent
    {
        var dialog = await dialogs.ShowAsync<TDialog>(title, parameters, FormOptions);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: ServiceResult saved } ? saved : null;
    }

    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string yesText) =>
        await dialogs.ShowMessageBoxAsync(title, message, yesText: yesText, cancelText: "Cancel") == true;

    public static string Plural(int count, string singular, string? plural = null) =>
        count == 1 ? $"1 {singular}" : $"{count} {plural ?? singular + "s"}";
}
