namespace MvpPlanner.Web.Tests.Deployment;

/// <summary>deploy/backup/test-backups.sh proves each backup script with a round trip while a writer inserts rows;
/// these tests run it so that ./test.sh does, and show its output when it fails.</summary>
public sealed class BackupScriptTests
{
    [Fact]
    public async Task SqliteBackup_WhileTheAppWrites_RestoresTheDatabaseAsItWasAtOneMoment()
    {
        var result = await RunAsync("sqlite");

        result.ExitCode.ShouldBe(0, result.Output);
        result.Output.ShouldContain("backup round trips: all passed");
    }

    [Fact]
    public async Task PostgresBackup_WhileTheAppWrites_RestoresIntoNewAndExistingDatabases()
    {
        var postgres = Environment.GetEnvironmentVariable("MVPPLANNER_TEST_POSTGRES");
        postgres.ShouldNotBeNullOrWhiteSpace(
            "MVPPLANNER_TEST_POSTGRES is not set: ./test.sh sets it; for a single run `source /work/dev-services.env` or start_test_services from tests/services.sh");

        var result = await RunAsync("postgres", new Dictionary<string, string> { ["MVPPLANNER_TEST_POSTGRES"] = postgres });

        result.ExitCode.ShouldBe(0, result.Output);
        result.Output.ShouldContain("backup round trips: all passed");
    }

    private static Task<CommandResult> RunAsync(string database, IReadOnlyDictionary<string, string>? environment = null) =>
        Command.RunAsync("bash", [DeployFiles.PathOf("backup/test-backups.sh"), database], TimeSpan.FromMinutes(5), environment);
}
