using System.Globalization;
using Microsoft.Playwright;

namespace MvpPlanner.Bench.Browser;

/// <summary>P2: server memory per idle circuit. Opens the demo plan's roadmap board in N pages (10 pages per signed-in
/// context, one browser), lets the server settle, forces a GC (dotnet-gcdump) and reads the process's memory; at each
/// count in --counts. Per circuit = growth over the warm baseline (one page already open, so JIT and first-use caches
/// are not counted) divided by the pages added; the step between two counts cancels the fixed costs.</summary>
internal static class CircuitMemory
{
    public const string DemoPlanName = "Demo: Neighbourhood tool library";

    public static async Task RunAsync(BrowserSession session, Options options)
    {
        var counts = (options.Get("counts") ?? "40,100").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
        var memory = ServerMemory.FromOptions(options);
        var settle = TimeSpan.FromSeconds(options.Int("settle", 10));
        var state = await Accounts.SignInAsync(session, options.Require("email"), options.Require("password"));
        var planId = await Accounts.FindPlanIdAsync(session, state, DemoPlanName);
        var url = session.Url($"/plans/{planId}/roadmap");
        Console.WriteLine($"page: /plans/{planId}/roadmap (demo plan); pages per context: 10; settle before each measurement: {settle.TotalSeconds} s");

        var contexts = new List<IBrowserContext>();
        var pages = new List<IPage>();
        async Task OpenUntilAsync(int count)
        {
            while (pages.Count < count)
            {
                if (pages.Count % 10 == 0)
                {
                    contexts.Add(await session.NewSignedInContextAsync(state));
                }

                var page = await contexts[^1].NewPageAsync();
                await page.GotoAsync(url, new() { Timeout = 120_000 });
                await Accounts.WaitForInteractiveAsync(page);
                await page.Locator(".feature-card, [data-testid=roadmap-card]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
                pages.Add(page);
            }
        }

        await OpenUntilAsync(1);
        var baseline = await memory.MeasureAsync("1 page open (warm-up, baseline)", settle);
        var previous = baseline;
        var previousCount = 1;
        foreach (var count in counts)
        {
            var started = DateTime.UtcNow;
            await OpenUntilAsync(count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"opened {count - previousCount} pages in {(DateTime.UtcNow - started).TotalSeconds:0.0} s"));
            var snapshot = await memory.MeasureAsync($"{count} pages open", settle);
            Report($"per circuit, {count} vs baseline", snapshot, baseline, count - 1);
            if (previous != baseline)
            {
                Report($"per circuit, {count} vs {previousCount} (marginal)", snapshot, previous, count - previousCount);
            }

            previous = snapshot;
            previousCount = count;
        }

        var connected = 0;
        foreach (var page in pages)
        {
            if (await page.Locator("[data-render-mode=interactive]").CountAsync() > 0 && await page.Locator("dialog#components-reconnect-modal[open]").CountAsync() == 0)
            {
                connected++;
            }
        }

        Console.WriteLine($"pages still interactive without a reconnect dialog at the end: {connected} of {pages.Count}");
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }

    private static void Report(string label, ServerMemory.Snapshot now, ServerMemory.Snapshot before, int circuits)
    {
        var rss = (now.RssKiB - before.RssKiB) / 1024.0 / circuits;
        var anon = (now.AnonKiB - before.AnonKiB) / 1024.0 / circuits;
        var heap = now.GcHeapBytes is { } a && before.GcHeapBytes is { } b ? Stats.F((a - b) / 1024.0 / circuits) + " KiB" : "n/a";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: VmRSS {rss * 1024:0} KiB, RssAnon {anon * 1024:0} KiB, GC heap {heap} (over {circuits} circuits)"));
    }
}
