using System.Text.RegularExpressions;

namespace MvpPlanner.Web.Tests.Deployment;

/// <summary>deploy/systemd: the unit starts the published app as its own user on a read-only system, and the
/// example environment file names every setting an operator may need.</summary>
public sealed partial class SystemdUnitTests
{
    private const string Unit = "systemd/mvpplanner.service";
    private const string EnvironmentExample = "systemd/mvpplanner.env.example";

    [Fact]
    public async Task Unit_PassesSystemdAnalyzeVerify()
    {
        // systemd-analyze verifies a unit file without a running systemd (it works in a container). It checks that
        // ExecStart's program exists, so the copy under test names the dotnet host this machine has.
        var analyze = Command.Require("systemd-analyze", "it comes with Debian's systemd package");
        var folder = Directory.CreateTempSubdirectory("mvpplanner-systemd-").FullName;
        try
        {
            var dotnet = Command.Find("dotnet") ?? "/usr/bin/dotnet";
            var unit = Path.Combine(folder, "mvpplanner.service");
            File.WriteAllText(unit, DeployFiles.Read(Unit).Replace("ExecStart=/usr/bin/dotnet ", $"ExecStart={dotnet} ", StringComparison.Ordinal));

            var result = await Command.RunAsync(analyze, ["verify", unit], TimeSpan.FromSeconds(60));

            result.ExitCode.ShouldBe(0, result.Output);
            // Unknown keys and sections are only warnings for systemd: any line about our file is a finding.
            result.Output.Split('\n').Where(line => line.Contains("mvpplanner.service", StringComparison.Ordinal)).ShouldBeEmpty(result.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Unit_RunsThePublishedAppAsItsOwnUser_WithTheDataFolderTheOnlyWritablePlace()
    {
        var service = Section(DeployFiles.Read(Unit), "Service");

        service["User"].ShouldBe(["mvpplanner"]);
        service["WorkingDirectory"].ShouldBe(["/opt/mvpplanner"]);
        service["ExecStart"].Single().ShouldEndWith($"/opt/mvpplanner/{typeof(Program).Assembly.GetName().Name}.dll");
        service["EnvironmentFile"].ShouldBe(["/etc/mvpplanner/mvpplanner.env"]);
        service["Restart"].ShouldBe(["on-failure"]);
        service["ProtectSystem"].ShouldBe(["strict"]);
        service["ReadWritePaths"].Single().Split(' ').ShouldContain("/var/lib/mvpplanner");
        service["StateDirectory"].ShouldBe(["mvpplanner"]);
        service["NoNewPrivileges"].ShouldBe(["true"]);
        service["PrivateTmp"].ShouldBe(["true"]);
        service["ProtectHome"].ShouldBe(["true"]);
        service["CapabilityBoundingSet"].ShouldBe([""]);
    }

    [Fact]
    public void Unit_DoesNotMigrateAtStart_OrForbidTheJit()
    {
        var service = Section(DeployFiles.Read(Unit), "Service");

        // Several instances would race to migrate at every restart: migrations run once per deploy.
        service.ShouldNotContainKey("ExecStartPre");
        // The .NET JIT needs memory it writes and then runs.
        service.ShouldNotContainKey("MemoryDenyWriteExecute");
    }

    [Theory]
    [InlineData("ASPNETCORE_URLS")]
    [InlineData("AllowedHosts")]
    [InlineData("Planner__DatabaseProvider")]
    [InlineData("ConnectionStrings__Planner")]
    [InlineData("ConnectionStrings__Redis")]
    [InlineData("Planner__MigrateAtStart")]
    [InlineData("Planner__KnownProxies__0")]
    [InlineData("Planner__KnownNetworks__0")]
    [InlineData("Planner__UseHttps")]
    [InlineData("Planner__DataDirectory")]
    [InlineData("Planner__SeedDemoPlan")]
    [InlineData("Planner__ShareRateLimitPerMinute")]
    [InlineData("Planner__FeedbackRateLimitPerHour")]
    [InlineData("Planner__Webhooks__AllowPrivateAddresses")]
    [InlineData("Planner__Webhooks__PollInterval")]
    [InlineData("Planner__Webhooks__Timeout")]
    [InlineData("Planner__Webhooks__RetrySchedule__0")]
    [InlineData("Planner__Webhooks__PauseAfterFailures")]
    [InlineData("Planner__Webhooks__SafetyWindow")]
    [InlineData("Serilog__WriteTo__1__Args__path")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    [InlineData("OTEL_SERVICE_NAME")]
    public void EnvironmentExample_NamesTheSetting_WithAnExplanation(string name)
    {
        var lines = DeployFiles.Read(EnvironmentExample).Split('\n');

        var index = Array.FindIndex(lines, line => Regex.IsMatch(line, $@"^#?{Regex.Escape(name)}="));
        index.ShouldBeGreaterThan(0, $"{name} is missing from {EnvironmentExample}");
        // Right above it: a comment that says what it does (possibly above an example or a sibling setting).
        lines[..index].Reverse().TakeWhile(line => line.StartsWith('#')).ShouldNotBeEmpty($"{name} has no explanation");
    }

    [Fact]
    public void EnvironmentExample_EveryActiveLine_IsKeyEqualsValue()
    {
        var active = DeployFiles.Read(EnvironmentExample).Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('#'));

        active.ShouldAllBe(line => EnvironmentLine().IsMatch(line));
    }

    /// <summary>The keys of one [Section] of a unit file with their values (a key may repeat).</summary>
    private static Dictionary<string, List<string>> Section(string unit, string name)
    {
        var keys = new Dictionary<string, List<string>>();
        var inSection = false;
        foreach (var raw in unit.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                inSection = line == $"[{name}]";
            }
            else if (inSection && line.Length > 0 && !line.StartsWith('#') && line.Contains('=', StringComparison.Ordinal))
            {
                var key = line[..line.IndexOf('=', StringComparison.Ordinal)];
                if (!keys.TryGetValue(key, out var values))
                {
                    keys[key] = values = [];
                }

                values.Add(line[(key.Length + 1)..]);
            }
        }

        return keys;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*=\S")]
    private static partial Regex EnvironmentLine();
}
