using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace MvpPlanner.Bench.Browser;

/// <summary>P4: the feature table and the roadmap board of large plans. Per plan and page, per trial a new tab (the
/// prerendered HTML's size from its navigation entry; a plain GET only when no trial finished): navigation start → first row (first card)
/// in the DOM, at the next animation frame, visible to Playwright, and interactive (circuit rendered); the server's
/// memory growth per tab kept open; and on the feature table cell edits: reach (→ RICE cell updated) and status
/// (→ the select shows the saved value).</summary>
internal static class LargePlans
{
    private const string FeatureRow = "[data-testid=feature-row]";
    private const string RoadmapCard = "[data-testid=roadmap-card], .feature-card";

    /// <summary>Runs at document start in every page: records when the first matching element enters the DOM, the
    /// animation frame after it, and when the page turns interactive (performance.now(), i.e. ms since navigation start).</summary>
    private const string TimingScript = """
        (() => {
            const selector = '[data-testid=feature-row], [data-testid=roadmap-card], .feature-card';
            window.__bench = {};
            const check = () => {
                if (window.__bench.first === undefined && document.querySelector(selector)) {
                    window.__bench.first = performance.now();
                    requestAnimationFrame(() => { window.__bench.firstFrame = performance.now(); });
                }
                if (window.__bench.interactive === undefined && document.querySelector('[data-render-mode=interactive]')) {
                    window.__bench.interactive = performance.now();
                    observer.disconnect();
                }
            };
            const observer = new MutationObserver(check);
            observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-render-mode'] });
        })();
        """;

    private static readonly string[] StatusLabels = ["Idea", "Planned", "In progress", "Shipped", "Dropped"];

    public static async Task RunAsync(BrowserSession session, Options options)
    {
        var trials = options.Int("trials", 3);
        var memory = ServerMemory.FromOptions(options);
        var settle = TimeSpan.FromSeconds(options.Int("settle", 5));
        var state = await Accounts.SignInAsync(session, options.Require("email"), options.Require("password"));
        var kinds = (options.Get("pages") ?? "table,roadmap").Split(',');
        // --plans size=id[:table trials[:roadmap trials]],…
        var plans = options.Require("plans").Split(',').Select(p => p.Split('=', ':')).ToList();
        foreach (var plan in plans)
        {
            var (size, id) = (plan[0], plan[1]);
            var tableTrials = plan.Length > 2 ? int.Parse(plan[2], CultureInfo.InvariantCulture) : trials;
            var roadmapTrials = plan.Length > 3 ? int.Parse(plan[3], CultureInfo.InvariantCulture) : trials;
            Console.WriteLine();
            Console.WriteLine($"=== plan of {size} features (id {id}); trials: table {tableTrials}, roadmap {roadmapTrials}");
            if (kinds.Contains("table"))
            {
                await PageAsync(session, state, memory, settle, tableTrials, $"/plans/{id}/features", FeatureRow, "feature table", edits: true);
            }

            if (kinds.Contains("roadmap"))
            {
                await PageAsync(session, state, memory, settle, roadmapTrials, $"/plans/{id}/roadmap", RoadmapCard, "roadmap board", edits: false);
            }
        }
    }

    private static async Task PageAsync(BrowserSession session, string state, ServerMemory memory, TimeSpan settle, int trials, string path, string selector, string name, bool edits)
    {
        // Tabs stay open until the end of the run: a closed tab's circuit is kept by the server for a while
        // (disconnected-circuit retention) and would blur the next page's memory figures.
        var context = await session.NewSignedInContextAsync(state);
        await context.AddInitScriptAsync(TimingScript);

        var before = await memory.MeasureAsync($"{name}: before opening tabs", settle);
        var pages = new List<IPage>();
        var firsts = new List<double>();
        var interactives = new List<double>();
        for (var trial = 1; trial <= trials; trial++)
        {
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(300_000);
            pages.Add(page);
            try
            {
                await page.GotoAsync(session.Url(path), new() { WaitUntil = WaitUntilState.Commit, Timeout = 300_000 });
                await page.Locator(selector).First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 300_000 });
                var visible = await page.EvaluateAsync<double>("() => performance.now()");
                await Accounts.WaitForInteractiveAsync(page, 300_000);
                await page.WaitForFunctionAsync("() => window.__bench.firstFrame !== undefined && window.__bench.interactive !== undefined");
                var t = await page.EvaluateAsync<JsonElement>("""
                    () => {
                        const n = performance.getEntriesByType('navigation')[0];
                        return { ttfb: n.responseStart, responseEnd: n.responseEnd, dcl: n.domContentLoadedEventEnd,
                                 first: window.__bench.first, firstFrame: window.__bench.firstFrame, interactive: window.__bench.interactive,
                                 transfer: n.transferSize, decoded: n.decodedBodySize };
                    }
                    """);
                var rows = await page.Locator(selector).CountAsync();
                var count = await page.Locator("[data-testid=backlog-count]").CountAsync() > 0
                    ? (await page.Locator("[data-testid=backlog-count]").First.TextContentAsync())?.Trim()
                    : null;
                double Ms(string key) => t.GetProperty(key).GetDouble();
                firsts.Add(Ms("firstFrame"));
                interactives.Add(Ms("interactive"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name} trial {trial}: ms since navigation start: TTFB {Ms("ttfb"):0} | response end {Ms("responseEnd"):0} | first {(selector == FeatureRow ? "row" : "card")} in DOM {Ms("first"):0} | next frame {Ms("firstFrame"):0} | visible to Playwright {visible:0} | DOMContentLoaded {Ms("dcl"):0} | interactive {Ms("interactive"):0}; {rows} {(selector == FeatureRow ? "rows" : "cards")} in the DOM{(count is null ? "" : $"; backlog-count \"{count}\"")}; document {Ms("decoded"):0} bytes"));
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                Console.WriteLine($"{name} trial {trial}: failed: {ex.Message.Split('\n')[0]}");
            }
        }

        if (firsts.Count == 0)
        {
            // No trial finished: at least the size of the prerendered page, from one plain GET with the sign-in cookie.
            var watch = Stopwatch.StartNew();
            try
            {
                var response = await context.APIRequest.GetAsync(session.Url(path), new() { Timeout = 300_000 });
                var body = await response.BodyAsync();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {path}: prerendered HTML by GET: HTTP {response.Status}, {body.Length} bytes, {watch.Elapsed.TotalMilliseconds:0} ms"));
            }
            catch (PlaywrightException ex)
            {
                Console.WriteLine($"{name} {path}: GET failed too: {ex.Message.Split('\n')[0]}");
            }
        }

        Console.WriteLine($"{name}: first {(selector == FeatureRow ? "row" : "card")} (next frame) {Stats.Summary(firsts)}; interactive {Stats.Summary(interactives)}");
        var after = await memory.MeasureAsync($"{name}: {pages.Count} tabs open", settle);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: server memory growth per open tab: VmRSS {(after.RssKiB - before.RssKiB) / 1024.0 / pages.Count:0.0} MiB, RssAnon {(after.AnonKiB - before.AnonKiB) / 1024.0 / pages.Count:0.0} MiB, GC heap {(after.GcHeapBytes is { } a && before.GcHeapBytes is { } b ? ((a - b) / 1048576.0 / pages.Count).ToString("0.0", CultureInfo.InvariantCulture) + " MiB" : "n/a")}"));

        if (edits && pages.Count > 0)
        {
            await EditsAsync(pages[0], trials);
        }

    }

    /// <summary>Cell edits in the first row of the table. Tolerant of a reworked grid: when the row has no editor with the
    /// test id, it clicks the cell under the column's header first, then looks again.</summary>
    private static async Task EditsAsync(IPage page, int trials)
    {
        page.SetDefaultTimeout(60_000);
        var row = page.Locator("tr, [role=row]").Filter(new() { Has = page.Locator(FeatureRow) }).First;
        var reaches = new List<double>();
        var statuses = new List<double>();
        for (var trial = 1; trial <= trials; trial++)
        {
            try
            {
                var reach = await EditorAsync(page, row, "cell-reach", "Reach");
                var current = int.TryParse(await reach.InputValueAsync(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 100;
                var rice = row.Locator("[data-testid=rice-cell]").First;
                var riceBefore = (await rice.TextContentAsync())?.Trim() ?? "";
                await reach.FillAsync((current + 37).ToString(CultureInfo.InvariantCulture));
                var started = await page.EvaluateAsync<double>("() => Date.now()");
                await reach.PressAsync("Tab");
                var seen = await page.WaitForFunctionAsync("""
                    before => {
                        const row = document.querySelector('[data-testid=feature-row]');
                        const scope = row?.closest('tr, [role=row]') ?? document;
                        const cell = scope.querySelector('[data-testid=rice-cell]');
                        return cell && cell.textContent.trim() !== before ? Date.now() : false;
                    }
                    """, riceBefore, new() { Timeout = 60_000 });
                var ms = await seen.JsonValueAsync<double>() - started;
                reaches.Add(ms);
                var riceAfter = (await rice.TextContentAsync())?.Trim();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"edit trial {trial}: reach {current} -> {current + 37}: RICE \"{riceBefore}\" -> \"{riceAfter}\" after {ms:0} ms"));
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException or InvalidOperationException)
            {
                Console.WriteLine($"edit trial {trial}: reach edit failed: {ex.Message.Split('\n')[0]}");
            }

            try
            {
                var status = await EditorAsync(page, row, "cell-status", "Status", wantInput: false);
                var current = (await status.EvaluateAsync<string>("e => e instanceof HTMLInputElement && e.type !== 'hidden' ? e.value : e.textContent")).Trim();
                var target = StatusLabels.First(l => l != current && l != StatusLabels[(trial + 3) % StatusLabels.Length]);
                await status.ClickAsync();
                var option = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{target}\\s*$") }).First;
                await option.WaitForAsync(new() { Timeout = 30_000 });
                var started = await page.EvaluateAsync<double>("() => Date.now()");
                await option.ClickAsync();
                var seen = await page.WaitForFunctionAsync("""
                    target => {
                        const row = document.querySelector('[data-testid=feature-row]');
                        const scope = row?.closest('tr, [role=row]') ?? document;
                        const el = scope.querySelector('[data-testid=cell-status]');
                        const value = el ? (el instanceof HTMLInputElement && el.type !== 'hidden' ? el.value : el.textContent).trim() : '';
                        return value === target ? Date.now() : false;
                    }
                    """, target, new() { Timeout = 60_000 });
                var ms = await seen.JsonValueAsync<double>() - started;
                statuses.Add(ms);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"edit trial {trial}: status \"{current}\" -> \"{target}\" shown after {ms:0} ms"));
                await page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 10_000 });
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException or InvalidOperationException)
            {
                Console.WriteLine($"edit trial {trial}: status edit failed: {ex.Message.Split('\n')[0]}");
            }

            await Task.Delay(500);
        }

        Console.WriteLine($"cell edit round-trip, reach -> RICE updated: {Stats.Summary(reaches)}");
        Console.WriteLine($"cell edit round-trip, status -> saved value shown: {Stats.Summary(statuses)}");
    }

    private static async Task<ILocator> EditorAsync(IPage page, ILocator row, string testId, string header, bool wantInput = true)
    {
        // The table shows values as buttons and puts the editor into a cell only when it is clicked.
        var cellButton = row.Locator($"button[data-testid={testId}]");
        if (wantInput && await cellButton.CountAsync() > 0)
        {
            await cellButton.First.ClickAsync();
            var input = row.Locator($"input[data-testid={testId}]").First;
            await input.WaitForAsync(new() { Timeout = 10_000 });
            return input;
        }

        var editor = row.Locator($"[data-testid={testId}]");
        if (await editor.CountAsync() == 0)
        {
            var headers = await page.Locator("th, [role=columnheader]").AllTextContentsAsync();
            var index = headers.ToList().FindIndex(h => h.Trim().StartsWith(header, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw new InvalidOperationException($"No {testId} in the first row and no '{header}' column");
            }

            await row.Locator("td, [role=gridcell], [role=cell]").Nth(index).ClickAsync();
            editor = page.Locator($"[data-testid={testId}]");
            await editor.First.WaitForAsync(new() { Timeout = 10_000 });
        }

        editor = editor.First;
        return !wantInput || await editor.EvaluateAsync<bool>("e => e instanceof HTMLInputElement") ? editor : editor.Locator("input:not([type=hidden])").First;
    }
}
