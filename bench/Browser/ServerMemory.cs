using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MvpPlanner.Bench.Browser;

/// <summary>The app process's memory from the outside: optionally a dotnet-gcdump first (it forces a full, blocking GC
/// and reports the live managed heap), then VmRSS and RssAnon from /proc/&lt;pid&gt;/status.</summary>
internal sealed partial class ServerMemory(int pid, string? gcdump)
{
    public sealed record Snapshot(string Label, long RssKiB, long AnonKiB, long? GcHeapBytes)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture,
                $"memory [{Label}]: VmRSS={RssKiB / 1024.0:0.0} MiB RssAnon={AnonKiB / 1024.0:0.0} MiB gcHeapAfterFullGC={(GcHeapBytes is { } b ? (b / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB" : "n/a")}");
    }

    public static ServerMemory FromOptions(Options options) =>
        new(int.Parse(options.Require("pid"), CultureInfo.InvariantCulture), options.Get("gcdump") is { Length: > 0 } g ? g : null);

    /// <summary>Waits for the server to settle, forces a GC (through gcdump), then reads the process's memory.</summary>
    public async Task<Snapshot> MeasureAsync(string label, TimeSpan settle)
    {
        await Task.Delay(settle);
        long? heap = null;
        if (gcdump is not null)
        {
            var file = Path.Combine(Path.GetTempPath(), $"mvpplanner-bench-{pid}-{Guid.NewGuid():N}.gcdump");
            try
            {
                var collect = await RunAsync(gcdump, $"collect -p {pid} -o {file}");
                if (File.Exists(file))
                {
                    var report = await RunAsync(gcdump, $"report {file}");
                    var match = HeapBytes().Match(report);
                    if (match.Success)
                    {
                        heap = long.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
                    }
                }
                else
                {
                    Console.WriteLine($"gcdump collect failed: {collect.Trim()}");
                }
            }
            finally
            {
                File.Delete(file);
            }
        }

        var status = await File.ReadAllLinesAsync($"/proc/{pid}/status");
        var snapshot = new Snapshot(label, Field(status, "VmRSS:"), Field(status, "RssAnon:"), heap);
        Console.WriteLine(snapshot);
        return snapshot;
    }

    private static long Field(string[] status, string name) =>
        long.Parse(status.First(l => l.StartsWith(name, StringComparison.Ordinal))[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    private static async Task<string> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"Could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return await output + await error;
    }

    [GeneratedRegex(@"([\d,]+)\s+GC Heap bytes")]
    private static partial Regex HeapBytes();
}
