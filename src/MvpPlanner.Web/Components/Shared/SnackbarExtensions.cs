using MudBlazor;
using MvpPlanner.Core.Common;

namespace MvpPlanner.Web.Components.Shared;

public static class SnackbarExtensions
{
    /// <summary>Shows a service result: its message on success, the reason otherwise. Never an exception text.</summary>
    public static void Show(this ISnackbar snackbar, ServiceResult result, string? successFallback = null)
    {
        var severity = result.Status switch
        {
            ResultStatus.Ok => Severity.Success,
            ResultStatus.Invalid => Severity.Warning,
            _ => Severity.Error,
        };
        var message = result.Message ?? (result.Succeeded ? successFallback : "That did not work. Please try again.");
        if (!string.IsNullOrEmpty(message))
        {
            snackbar.Add(message, severity);
        }
    }
}
