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
        await page.ByTestId(testId).Locator("xpath=ancestor::div[contains(@class,'mud-input-control')][1]").ClickAsync();
        foreach (var option in options)
        {
            await list.Filter(new() { HasText = option }).First.ClickAsync();
        }


        // A single choice closes the list by itself; a multi-select stays open until Escape.
        if (await list.CountAsync() > 0)
        {
            await page.Keyboard.PressAsync("Escape");
            await list.First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        }
    }
}
