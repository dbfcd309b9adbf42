using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MvpPlanner.Core.Accounts;

namespace MvpPlanner.Web.Components.Shared;

/// <summary>What someone typed in an edit dialog and has not saved, as it was when last changed.</summary>
/// <param name="Json">The dialog's input, serialized.</param>
/// <param name="SavedAt">When it was kept, as HH:mm in the browser's own time zone.</param>
public sealed record FormDraft(string Json, string SavedAt);

/// <summary>Keeps unsaved dialog input in the browser (localStorage through <c>wwwroot/drafts.js</c>): it outlives the
/// circuit, a reload and a server restart, and stays on that person's machine. Keys are scoped by user and plan, so
/// "persona:new" on one plan never shows up on another or for someone else on a shared computer. Every failure
/// (prerendering, a lost circuit, storage full or switched off) means "no draft", never an error in the dialog.</summary>
public sealed partial class DraftStore(IJSRuntime js, ICallerAccessor callers, NavigationManager navigation) : IAsyncDisposable
{
    private Task<IJSObjectReference>? _module;

    /// <summary>The browser storage key for a dialog's draft key, scoped by the signed-in user and the plan in the
    /// address; null when nobody is signed in. Resolve it once when the dialog opens: a save can navigate away.</summary>
    public async Task<string?> StorageKeyAsync(string draftKey)
    {
        var caller = await callers.GetCallerAsync();
        if (caller is null)
        {
            return null;
        }

        var plan = PlanInPath().Match(navigation.ToBaseRelativePath(navigation.Uri));
        return $"mvpplanner-draft:{caller.UserId}:{(plan.Success ? plan.Groups[1].Value : "-")}:{draftKey}";
    }

    public Task<FormDraft?> LoadAsync(string storageKey) => CallAsync(m => m.InvokeAsync<FormDraft?>("load", storageKey));

    public Task SaveAsync(string storageKey, string json) => CallAsync(m => m.InvokeAsync<bool>("save", storageKey, json));

    public Task RemoveAsync(string storageKey) => CallAsync(async m =>
    {
        await m.InvokeVoidAsync("remove", storageKey);
        return true;
    });

    private async Task<T?> CallAsync<T>(Func<IJSObjectReference, ValueTask<T>> call)
    {
        try
        {
            _module ??= js.InvokeAsync<IJSObjectReference>("import", "./drafts.js").AsTask();
            var module = await _module;
            return module is null ? default : await call(module);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException
                                       or OperationCanceledException or ObjectDisposedException)
        {
            // A failed import is not retried forever: drafting is a convenience, the dialog works without it.
            return default;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is { IsCompletedSuccessfully: true } loaded && loaded.Result is { } module)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // the circuit is gone, and the module with it
            }
        }
    }

    [GeneratedRegex(@"^plans/(\d+)(?:[/?#]|$)")]
    private static partial Regex PlanInPath();
}
