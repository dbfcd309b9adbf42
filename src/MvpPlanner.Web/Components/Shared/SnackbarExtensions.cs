using MudBlazor;
using MvpPlanner.Core.Common;

namespace MvpPlanner.Web.Components.Shared;

public static class SnackbarExtensions
{
    /// <summary>How long a confirmation that offers Undo stays: long enough to read it and change one's mind.</summary>
    public const int UndoVisibleMilliseconds = 12_000;

    /// <summary>Shows a service result: its message on success, the reason otherwise. Never an exception text.
    /// A change that can be taken back comes with an Undo button.</summary>
    public static void Show(this ISnackbar snackbar, ServiceResult result, string? successFallback = null)
    {
        var severity = result.Status switch
        {
            ResultStatus.Ok => Severity.Success,
            ResultStatus.Invalid => Severity.Warning,
            _ => Severity.Error,
        };
        var message = result.Message ?? (result.Succeeded ? successFallback : "That did not work. Please try again.");
        if (result.Undo is { } offer)
        {
            snackbar.ShowWithUndo(message ?? "Done.", severity, offer.PlanId, offer.ChangeSetId.ToString("N"), UndoMessage.ChangeSet(offer));
        }
        else if (!string.IsNullOrEmpty(message))
        {
            snackbar.Add(message, severity);
        }
    }

    /// <summary>A confirmation with an Undo button that runs <paramref name="undo"/> (for changes outside a plan's
    /// history, such as deleting a plan).</summary>
    public static void ShowWithUndo(this ISnackbar snackbar, string message, Func<Task<ServiceResult>> undo) =>
        snackbar.ShowWithUndo(message, Severity.Success, 0, Guid.NewGuid().ToString("N"), _ => undo());

    private static void ShowWithUndo(this ISnackbar snackbar, string message, Severity severity, int planId, string key, Func<UndoMessage, Task<ServiceResult>> undo) =>
        snackbar.Add<UndoMessage>(
            new Dictionary<string, object>
            {
                [nameof(UndoMessage.Message)] = message,
                [nameof(UndoMessage.SnackbarKey)] = key,
                [nameof(UndoMessage.Undo)] = undo,
            },
            severity,
            options =>
            {
                options.VisibleStateDuration = UndoVisibleMilliseconds;
                options.ShowCloseIcon = true;
            },
            key);
}
