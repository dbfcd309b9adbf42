using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MvpPlanner.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MvpPlanner.EndToEnd.Plans;

/// <summary>Issue 6: a participant whose connection drops gets back to where they were, with what they had typed.</summary>
public sealed class ConnectionLossEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    private const string Goals = "Know by Monday which bikes are ready for the weekend";

    [Fact]
    public async Task PersonaDialog_PageReloadedBeforeSaving_OffersTypedTextBackAndForgetsItOnceSaved()
    {
        var app = StartApp(seedDemoPlan: true);
        await Page.RegisterAsync(app, "Ada Lovelace");
        var planId = await app.QueryDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/personas"));

        await Page.ByTestId("add-persona").First.ClickAsync();
        await Page.ByTestId("persona-name").FillAsync("Workshop volunteer");
        await Page.ByTestId("persona-goals").FillAsync(Goals); // still in the field: longer texts are kept as they are typed
        await Page.WaitForFunctionAsync(
            "text => Object.keys(localStorage).some(k => k.startsWith('mvpplanner-draft:') && localStorage.getItem(k).includes(text))", Goals);

        // A reload ends the circuit, as a long drop or a server restart would; the page comes back by its address.
        await Page.ReloadInteractiveAsync();
        await Expect(Page.ByTestId("persona-name")).ToHaveCountAsync(0);
        await Page.ByTestId("add-persona").First.ClickAsync();

        var banner = Page.ByTestId("draft-banner");
        await Expect(banner).ToContainTextAsync(new Regex(@"You have unsaved changes from \d\d:\d\d"));
        await Expect(Page.ByTestId("persona-name")).ToHaveValueAsync("");
        await Screenshots.TakeAsync(Page, "draft-banner");
        await Page.ByTestId("draft-restore").ClickAsync();
        await Expect(banner).ToHaveCountAsync(0);
        await Expect(Page.ByTestId("persona-name")).ToHaveValueAsync("Workshop volunteer");
        await Expect(Page.ByTestId("persona-goals")).ToHaveValueAsync(Goals);

        await Page.ByTestId("form-submit").ClickAsync();
        await Expect(Page.ByTestId("persona-card").Filter(new() { HasText = "Workshop volunteer" })).ToBeVisibleAsync();
        await Page.WaitForFunctionAsync("() => !Object.keys(localStorage).some(k => k.startsWith('mvpplanner-draft:'))");
        (await app.QueryDbAsync(db => db.Personas.Where(p => p.Name == "Workshop volunteer").Select(p => p.Goals).SingleAsync())).ShouldBe(Goals);

        await Page.ByTestId("add-persona").First.ClickAsync();
        await Expect(Page.ByTestId("persona-name")).ToBeVisibleAsync();
        await Expect(Page.ByTestId("draft-banner")).ToHaveCountAsync(0);
        ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task PersonaDialog_ConnectionDropsAndReturns_ShowsReconnectDialogAndKeepsTypedText()
    {
        var app = StartApp(seedDemoPlan: true);
        IWebSocketRoute? circuit = null;
        await Page.RouteWebSocketAsync(new Regex("/_blazor"), socket =>
        {
            circuit = socket;
            socket.ConnectToServer();
        });
        await Page.RegisterAsync(app, "Ada Lovelace");
        var planId = await app.QueryDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/personas"));
        await Page.EvaluateAsync("""
            () => {
                window.reconnectStates = [];
                document.getElementById('components-reconnect-modal')
                    .addEventListener('components-reconnect-state-changed', e => window.reconnectStates.push(e.detail.state));
            }
            """);
        await Page.ByTestId("add-persona").First.ClickAsync();
        await Page.ByTestId("persona-name").FillAsync("Workshop volunteer");
        await Page.ByTestId("persona-goals").FillAsync(Goals);
        await Page.ByTestId("persona-name").ClickAsync();

        var dropped = circuit.ShouldNotBeNull();
        await dropped.CloseAsync();

        await Page.WaitForFunctionAsync("() => window.reconnectStates.includes('show') && window.reconnectStates.at(-1) === 'hide'");
        await Expect(Page.ByTestId("reconnect-modal")).ToBeHiddenAsync();
        await Expect(Page.ByTestId("persona-goals")).ToHaveValueAsync(Goals);
        await Page.ByTestId("form-submit").ClickAsync();
        await Expect(Page.ByTestId("persona-card").Filter(new() { HasText = "Workshop volunteer" })).ToBeVisibleAsync();
    }
}
