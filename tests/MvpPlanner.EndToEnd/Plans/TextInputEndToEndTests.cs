using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.Plans;

/// <summary>Text only a browser can produce: half of a surrogate pair cannot travel to the server as it is.</summary>
public sealed partial class TextInputEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task PersonaDialog_NameWithLoneSurrogate_SaysItCannotBeStoredInsteadOfEmpty()
    {
        var app = StartApp();
        await Page.RegisterAsync(app, "Ada Lovelace");
        await Page.ByTestId("new-plan").ClickAsync();
        await Page.ByTestId("plan-name").FillAsync("Community bike repair");
        await Page.ByTestId("form-submit").ClickAsync();
        await Page.WaitForURLAsync(PlanUrl());
        await Page.GotoInteractiveAsync($"{Page.Url}/personas");
        await Page.ByTestId("add-persona").First.ClickAsync();

        // Typed as a keyboard with a broken character would: the field holds "Maya" and an unpaired high surrogate.
        await Page.ByTestId("persona-name").EvaluateAsync(
            "field => { field.value = 'Maya' + String.fromCharCode(0xD800); field.dispatchEvent(new Event('input', { bubbles: true })); field.dispatchEvent(new Event('change', { bubbles: true })); }");
        await Page.ByTestId("form-submit").ClickAsync();

        await Expect(Page.Locator(".mud-dialog")).ToContainTextAsync("This contains a character that cannot be stored.");
        await Expect(Page.Locator(".mud-dialog")).Not.ToContainTextAsync("Give the persona a name.");
        (await app.QueryDbAsync(db => db.Personas.CountAsync())).ShouldBe(0);
    }

    [GeneratedRegex(@"/plans/\d+$")]
    private static partial Regex PlanUrl();
}
