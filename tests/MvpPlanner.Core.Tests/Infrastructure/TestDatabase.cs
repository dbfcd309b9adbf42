using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.Tests.Infrastructure;

/// <summary>A real SQLite file in its own temp folder, migrated, with the app's own DI registrations.
/// One per test: create with <see cref="CreateAsync"/>, dispose with <c>await using</c>.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _directory;
    private readonly ServiceProvider _root;
    private readonly AsyncServiceScope _scope;

    private TestDatabase(string directory, string filePath, ServiceProvider root)
    {
        _directory = directory;
        FilePath = filePath;
        _root = root;
        _scope = root.CreateAsyncScope();
    }

    public string FilePath { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "mvpplanner-core-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var filePath = Path.Combine(directory, "planner.db");

        var services = new ServiceCollection()
            .AddLogging()
            .AddPlannerDatabase($"Data Source={filePath}")
            .AddPlannerServices()
            .AddSingleton<SettableCallerAccessor>()
            .AddSingleton<ICallerAccessor>(sp => sp.GetRequiredService<SettableCallerAccessor>());
        var root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        var database = new TestDatabase(directory, filePath, root);
        await using var db = await database.NewContextAsync();
        await db.MigrateAsync();

        // Every test starts as the owner of one workspace; ActAs switches to someone else.
        var dbFactory = root.GetRequiredService<IDbContextFactory<PlannerDbContext>>();
        database.Owner = await TestAccounts.CreateUserAsync(dbFactory, "Olivia Owner");
        database.WorkspaceId = await TestAccounts.CreateWorkspaceAsync(dbFactory, "Test workspace", (database.Owner, WorkspaceRole.Owner));
        database.ActAs(database.Owner);
        return database;
    }

    public Caller Owner { get; private set; } = default!;

    public int WorkspaceId { get; private set; }

    /// <summary>Every service call from now on is made by <paramref name="caller"/> (null: nobody signed in).</summary>
    public void ActAs(Caller? caller) => _root.GetRequiredService<SettableCallerAccessor>().Caller = caller;

    /// <summary>A new person, member of <paramref name="workspaceId"/> (default: the test workspace) with <paramref name="role"/>.</summary>
    public async Task<Caller> CreateMemberAsync(string name, WorkspaceRole role, int? workspaceId = null)
    {
        var dbFactory = _root.GetRequiredService<IDbContextFactory<PlannerDbContext>>();
        var member = await TestAccounts.CreateUserAsync(dbFactory, name);
        await TestAccounts.AddMemberAsync(dbFactory, workspaceId ?? WorkspaceId, member, role);
        return member;
    }

    /// <summary>A new person with a workspace of their own, and nothing in the test workspace.</summary>
    public async Task<(Caller Outsider, int WorkspaceId)> CreateOutsiderAsync(string name = "Oscar Outsider")
    {
        var dbFactory = _root.GetRequiredService<IDbContextFactory<PlannerDbContext>>();
        var outsider = await TestAccounts.CreateUserAsync(dbFactory, name);
        var workspaceId = await TestAccounts.CreateWorkspaceAsync(dbFactory, $"{name}'s workspace", (outsider, WorkspaceRole.Owner));
        return (outsider, workspaceId);
    }

    /// <summary>Resolves a service from this database's scope (services are scoped, as in a Blazor circuit).</summary>
    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>A brand-new context, so reads see only what was persisted, never a tracked copy.</summary>
    public Task<PlannerDbContext> NewContextAsync() =>
        _root.GetRequiredService<IDbContextFactory<PlannerDbContext>>().CreateDbContextAsync();

    public async Task<int> CreatePlanAsync(string name = "Test plan")
    {
        var result = await Get<PlanService>().CreateAsync(WorkspaceId, new PlanInput { Name = name });
        return Ok(result);
    }

    public async Task<int> CreatePersonaAsync(int planId, string name = "Pat the persona")
    {
        var result = await Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = name });
        return Ok(result);
    }

    public async Task<int> CreateProblemAsync(int planId, string statement, params int[] personaIds)
    {
        var result = await Get<ProblemService>().CreateAsync(planId, new ProblemInput { Statement = statement, PersonaIds = personaIds });
        return Ok(result);
    }

    public async Task<int> CreateFeatureAsync(int planId, string title, int? phaseId = null, int? laneId = null, params int[] problemIds)
    {
        var result = await Get<FeatureService>().CreateAsync(planId, new FeatureInput
        {
            Title = title,
            PhaseId = phaseId,
            LaneId = laneId,
            ProblemIds = problemIds,
        });
        return Ok(result);
    }

    public async Task<RoadmapBoard> GetBoardAsync(int planId) => await Get<RoadmapService>().GetBoardAsync(planId);

    /// <summary>Feature ids of one board cell in rank order, with their ranks, read fresh from the database.</summary>
    public async Task<IReadOnlyList<(int Id, int Rank)>> CellAsync(int planId, int? phaseId, int? laneId)
    {
        await using var db = await NewContextAsync();
        var rows = await db.Features.AsNoTracking()
            .Where(f => f.PlanId == planId && f.PhaseId == phaseId && f.LaneId == laneId)
            .OrderBy(f => f.Rank).ThenBy(f => f.Id)
            .Select(f => new { f.Id, f.Rank })
            .ToListAsync();
        return rows.Select(r => (r.Id, r.Rank)).ToList();
    }

    private static int Ok(ServiceResult<int> result)
    {
        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        return result.Value;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (Windows) must not fail the test; the temp folder is cleaned by the OS.
        }
    }
}
