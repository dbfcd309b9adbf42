using Microsoft.Playwright;

namespace MvpPlanner.EndToEnd.Infrastructure;

/// <summary>Drives MudBlazor controls the way a user does: open the list, click the option.</summary>
public static class MudControls
{
    /// <summary>Chooses options of the MudSelect carrying <paramref name="testId"/> (one, or several for a multi-select),
    /// then closes its list.</summary>
    public static async Task ChooseAsync(this IPage page, string testId, params string[] options)
    {
        var list = page.Locator(".mud-popover-open .mud-list-item");

        // MudSelect puts data-testid on its read-only input (role combobox): clicking it opens the list, as for a user.
        await page.ByTestId(testId).ClickAsync();
        foreach (var option in options)
        {
            await list.Filter(new() { HasText = option }).First.ClickAsync();
        }

        // A single choice closes the list by itself; a multi-select stays open until the user clicks beside it, which
        // lands on the select's transparent overlay. The dialog's title (or the page's heading) is beside it.
        if (await list.CountAsync() > 0)
        {
            var beside = await page.Locator(".mud-dialog-title").CountAsync() > 0 ? page.Locator(".mud-dialog-title").Last : page.Locator("h1").First;
            await beside.ClickAsync(new() { Force = true, Position = new() { X = 4, Y = 4 } });
        }

        await list.First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }
}
