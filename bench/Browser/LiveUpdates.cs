using System.Globalization;
using Microsoft.Playwright;

namespace MvpPlanner.Bench.Browser;

/// <summary>P3: live update latency. Peers (each its own signed-in context) have the demo plan open, half on the feature
/// table, half on the roadmap; an editor on the roadmap renames a feature through its dialog. Each page (peers and the
/// editor's own) watches its DOM with a MutationObserver and records Date.now() when the new title appears; the
/// latency is that minus Date.now() at the editor's click on Save (captured in the editor page). All pages run in one
/// browser on this machine, so the clocks agree.</summary>
internal static class LiveUpdates
{
    private const string WatchScript = """
        ([text, timeoutMs]) => new Promise(resolve => {
            const has = () => document.body !== null && document.body.textContent.includes(text);
            if (has()) { resolve(Date.now()); return; }
            let timer;
            const observer = new MutationObserver(() => {
                if (has()) { observer.disconnect(); clearTimeout(timer); resolve(Date.now()); }
            });
            timer = setTimeout(() => { observer.disconnect(); resolve(-1); }, timeoutMs);
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        })
        """;

    private const string CaptureSaveClick = """
        () => {
            window.__benchSaveClick = undefined;
            document.addEventListener('click', e => {
                if (e.target instanceof Element && e.target.closest('[data-testid=form-submit]') && window.__benchSaveClick === undefined) {
                    window.__benchSaveClick = Date.now();
                }
            }, { capture: true });
        }
        """;

    public static async Task RunAsync(BrowserSession session, Options options)
    {
        var peerCount = options.Int("peers", 20);
        var trials = options.Int("trials", 5);
        var state = await Accounts.SignInAsync(session, options.Require("email"), options.Require("password"));
        var planId = await Accounts.FindPlanIdAsync(session, state, CircuitMemory.DemoPlanName);
        var tableUrl = session.Url($"/plans/{planId}/features");
        var roadmapUrl = session.Url($"/plans/{planId}/roadmap");

        var peers = new List<(string Kind, IPage Page)>();
        var contexts = new List<IBrowserContext>();
        for (var i = 0; i < peerCount; i++)
        {
            var context = await session.NewSignedInContextAsync(state);
            contexts.Add(context);
            var page = await context.NewPageAsync();
            var onTable = i % 2 == 0;
            await page.GotoAsync(onTable ? tableUrl : roadmapUrl, new() { Timeout = 120_000 });
            await Accounts.WaitForInteractiveAsync(page);
            peers.Add((onTable ? "table" : "roadmap", page));
        }

        var editorContext = await session.NewSignedInContextAsync(state);
        contexts.Add(editorContext);
        var editor = await editorContext.NewPageAsync();
        await editor.GotoAsync(roadmapUrl, new() { Timeout = 120_000 });
        await Accounts.WaitForInteractiveAsync(editor);
        var card = editor.Locator(".feature-card").First;
        var cardTestId = await card.GetAttributeAsync("data-testid") ?? throw new InvalidOperationException("Roadmap card without data-testid");
        card = editor.Locator($"[data-testid='{cardTestId}']");
        Console.WriteLine($"plan {planId}: {peers.Count(p => p.Kind == "table")} peers on /features, {peers.Count(p => p.Kind == "roadmap")} peers on /roadmap; editor on /roadmap renames {cardTestId} through its dialog; {trials} trials");
        await Task.Delay(2000);

        var all = new Dictionary<string, List<double>> { ["table"] = [], ["roadmap"] = [], ["editor"] = [] };
        var missed = 0;
        for (var trial = 1; trial <= trials; trial++)
        {
            var title = $"Bench rename {trial} {Guid.NewGuid().ToString("N")[..8]}";
            await editor.EvaluateAsync(CaptureSaveClick);
            await card.Locator(".feature-card-title").ClickAsync();
            var input = editor.Locator("[data-testid=feature-title]");
            input = await input.Locator("input").CountAsync() > 0 ? input.Locator("input").First : input.First;
            await input.FillAsync(title);

            var watchers = peers.Select(p => (p.Kind, Seen: p.Page.EvaluateAsync<double>(WatchScript, new object[] { title, 30_000 }))).ToList();
            watchers.Add(("editor", editor.EvaluateAsync<double>(WatchScript, new object[] { title, 30_000 })));
            await editor.Locator("[data-testid=form-submit]").ClickAsync();
            await Task.WhenAll(watchers.Select(w => w.Seen));
            var clicked = await editor.EvaluateAsync<double>("() => window.__benchSaveClick ?? -1");

            var line = new List<string>();
            foreach (var (kind, seen) in watchers)
            {
                var at = await seen;
                if (at < 0 || clicked < 0)
                {
                    missed++;
                    line.Add($"{kind}:missed");
                    continue;
                }

                all[kind].Add(at - clicked);
                line.Add($"{kind}:{Stats.F(at - clicked)}");
            }

            Console.WriteLine($"trial {trial}: ms from Save click to the new title in each page: {string.Join(' ', line)}");
            await editor.Locator(".mud-dialog").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 30_000 });
            await Task.Delay(1500);
        }

        Console.WriteLine($"peers on the feature table: {Stats.Summary(all["table"])}");
        Console.WriteLine($"peers on the roadmap:       {Stats.Summary(all["roadmap"])}");
        Console.WriteLine($"all peers:                  {Stats.Summary([.. all["table"], .. all["roadmap"]])}");
        Console.WriteLine($"editor's own page:          {Stats.Summary(all["editor"])}");
        Console.WriteLine($"missed (not seen within 30 s): {missed}");
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }
}
