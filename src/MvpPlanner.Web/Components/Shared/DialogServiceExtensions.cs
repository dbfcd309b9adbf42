using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Extensions;
using MvpPlanner.Core.Common;

namespace MvpPlanner.Web.Components.Shared;

/// <summary>How pages open the app's dialogs: a FormDialog-based edit dialog, or a yes/cancel confirmation.</summary>
internal static class DialogServiceExtensions
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

    /// <summary>Closes a card or header menu before its action opens a dialog over it.</summary>
    public static Task CloseIfOpenAsync(this MudMenu? menu) =>
        menu is not null && menu.GetState(m => m.Open) ? menu.CloseMenuAsync() : Task.CompletedTask;
}
