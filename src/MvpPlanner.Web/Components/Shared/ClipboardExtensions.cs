using Microsoft.JSInterop;
using MudBlazor;

namespace MvpPlanner.Web.Components.Shared;

internal static class ClipboardExtensions
{
    /// <summary>Copies a link the user is shown once (an invitation, a share link) and says whether it worked.</summary>
    public static async Task CopyLinkAsync(this IJSRuntime js, ISnackbar snackbar, string? url)
    {
        try
        {
            await js.InvokeVoidAsync("navigator.clipboard.writeText", url);
            snackbar.Add("Link copied.", Severity.Info);
        }
        catch (JSException)
        {
            snackbar.Add("Your browser did not allow copying; select the link and copy it by hand.", Severity.Warning);
        }
    }
}
