using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Core.Tests.Infrastructure;

/// <summary>A real database of its own (a SQLite file, or a PostgreSQL database: see <see cref="TestProvider"/>), migrated,
/// with the app's own DI registrations. One per test: create with <see cref="CreateAsync"/>, dispose with <c>await using</c>.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<Task> _drop;
    private readonly ServiceProvider _root;
    private readonly AsyncServiceScope _scope;

    private TestDatabase(string connectionString, Func<Task> drop, ServiceProvider root, RecordedLogs logs)
    {
        ConnectionString = connectionString;
        _drop = drop;
        _root = root;
        Logs = logs;
        _scope = root.CreateAsyncScope();
    }

    public string ConnectionString { get; }

    /// <summary>Options for a context of one's own on this database (a second "instance" of the app).</summary>
    public void Configure(DbContextOptionsBuilder options) =>
        new PlannerDatabase(TestProvider.Current, ConnectionString).Configure(options);

    /// <summary>Everything the services logged (the providers' own logs included).</summary>
    public RecordedLogs Logs { get; }

    public static Task<TestDatabase> CreateAsync() => CreateAsync(withOwner: true);

    /// <summary>As <see cref="CreateAsync()"/>, with <paramref name="clock"/> as every service's idea of now.</summary>
    public static Task<TestDatabase> CreateAsync(TimeProvider clock) => CreateAsync(withOwner: true, clock);

    /// <summary>As <see cref="CreateAsync()"/>, with services of the test's own (options such as the webhooks').</summary>
    public static Task<TestDatabase> CreateAsync(Action<IServiceCollection> configure, TimeProvider? clock = null) =>
        CreateAsync(withOwner: true, clock, configure);

    /// <summary>A migrated database with no accounts at all, as on a fresh instance: <see cref="Owner"/> and
    /// <see cref="WorkspaceId"/> are not set and nobody is signed in.</summary>
    public static Task<TestDatabase> CreateWithoutAccountsAsync() => CreateAsync(withOwner: false);

    private static async Task<TestDatabase> CreateAsync(bool withOwner, TimeProvider? clock = null, Action<IServiceCollection>? configure = null)
    {
        var (connectionString, drop) = await TestProvider.CreateDatabaseAsync();

        var logs = new RecordedLogs();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs).AddFilter("Microsoft", LogLevel.Warning))
            .AddPlannerDatabase(TestProvider.Current, connectionString, DatabaseSetup.FailOnQueryWarnings)
            .AddPlannerServices()
            .AddSingleton<SettableCallerAccessor>()
            .AddSingleton<ICallerAccessor>(sp => sp.GetRequiredService<SettableCallerAccessor>());
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        configure?.Invoke(services);

        var root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        var database = new TestDatabase(connectionString, drop, root, logs);
        if (!withOwner)
        {
            return database;
        }

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

    /// <summary>A service of this database acting for <paramref name="caller"/> alone, whoever <see cref="ActAs"/> set:
    /// for several people calling at the same moment.</summary>
    public T GetAs<T>(Caller caller)
        where T : notnull =>
        ActivatorUtilities.CreateInstance<T>(_scope.ServiceProvider, new PlanAccess(new SettableCallerAccessor { Caller = caller }));

    /// <summary>Runs every call at the same moment: each waits at a barrier until all have started, then all go.</summary>
    public static async Task<T[]> AllAtOnceAsync<T>(IReadOnlyList<Func<Task<T>>> calls)
    {
        var arrived = 0;
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = calls.Select(call => Task.Run(async () =>
        {
            if (Interlocked.Increment(ref arrived) == calls.Count)
            {
                go.SetResult();
            }

            await go.Task;
            return await call();
        }));
        return await Task.WhenAll(running);
    }

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

    /// <summary>Makes an existing person a member of another workspace too.</summary>
    public Task AddMembershipAsync(Caller member, int workspaceId, WorkspaceRole role) =>
        TestAccounts.AddMemberAsync(_root.GetRequiredService<IDbContextFactory<PlannerDbContext>>(), workspaceId, member, role);

    /// <summary>What the registration page does: create the person, then set up their account
    /// (personal workspace; admin and demo workspace for the first account of the instance).</summary>
    public async Task<Caller> RegisterAsync(string name, bool seedDemoPlan)
    {
        var user = await CreateUserAsync(name);
        await Get<AccountSetup>().SetUpAsync(user.UserId, seedDemoPlan);
        return user;
    }

    /// <summary>A new person with no workspace at all.</summary>
    public Task<Caller> CreateUserAsync(string name) =>
        TestAccounts.CreateUserAsync(_root.GetRequiredService<IDbContextFactory<PlannerDbContext>>(), name);

    /// <summary>The stored version of one editable row, read fresh: what an edit form would send back.</summary>
    public async Task<int> VersionOfAsync<T>(int id)
        where T : EntityBase
    {
        await using var db = await NewContextAsync();
        return await db.Set<T>().Where(e => e.Id == id).Select(e => e.Version).SingleAsync();
    }

    /// <summary>A plan with one of everything, made by <see cref="Owner"/> in the test workspace, plus an editor
    /// (Mia) to change or remove and an open invitation to revoke. Leaves the owner acting.</summary>
    public async Task<SamplePlan> CreateSamplePlanAsync(string name = "Tool library")
    {
        ActAs(Owner);
        var planId = await CreatePlanAsync(name);
        var outcome = await Get<PlanService>().AddOutcomeAsync(planId, new OutcomeInput { Description = "Residents borrow instead of buying", Metric = "Loans per month", Target = "60" });
        var personaId = await CreatePersonaAsync(planId, "Bo the borrower");
        var problemId = await CreateProblemAsync(planId, "Cannot find a tool nearby", personaId);
        var board = await GetBoardAsync(planId);
        var featureId = await CreateFeatureAsync(planId, "Tool catalogue", board.Phases[0].Id, board.Lanes[0].Id, problemId);
        var secondFeatureId = await CreateFeatureAsync(planId, "Borrow request", board.Phases[0].Id, board.Lanes[0].Id, problemId);
        var member = await CreateMemberAsync("Mia Member", WorkspaceRole.Editor);
        var invitation = await Get<InvitationService>().CreateAsync(WorkspaceId, new InvitationInput { Role = WorkspaceRole.Editor, MaxUses = 5, Label = "Team" });
        invitation.Status.ShouldBe(ResultStatus.Ok, invitation.Message);
        return new SamplePlan(
            WorkspaceId, planId, Ok(outcome), personaId, problemId, featureId, secondFeatureId,
            board.Phases[0].Id, board.Phases[1].Id, board.Lanes[0].Id, board.Lanes[1].Id,
            member, invitation.Value!.Id);
    }

    /// <summary>Everything a workspace holds, read fresh as text: compare two snapshots to prove nothing changed.
    /// Versions are included, and every save bumps the version of what it touches.</summary>
    public async Task<string> SnapshotAsync(int workspaceId)
    {
        await using var db = await NewContextAsync();
        var lines = new List<string>();
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == workspaceId);
        lines.Add($"workspace {workspace.Name} v{workspace.Version}");
        lines.AddRange(await db.WorkspaceMembers.AsNoTracking().Where(m => m.WorkspaceId == workspaceId)
            .OrderBy(m => m.UserId).Select(m => "member " + m.UserId + " " + m.Role).ToListAsync());
        lines.AddRange((await db.Invitations.AsNoTracking().Where(i => i.WorkspaceId == workspaceId).OrderBy(i => i.Id).ToListAsync())
            .Select(i => $"invitation {i.Id} {i.Role} uses {i.Uses}/{i.MaxUses} expires {i.ExpiresAt:O} revoked {i.RevokedAt:O}"));
        var plans = await db.Plans.AsNoTracking().Where(p => p.WorkspaceId == workspaceId).OrderBy(p => p.Id).ToListAsync();
        var planIds = plans.Select(p => p.Id).ToList();
        lines.AddRange(plans.Select(p => $"plan {p.Id} {p.Name} | {p.Vision} | archived {p.IsArchived} | steps {p.CompletedLaunchSteps} v{p.Version}"));
        lines.AddRange((await db.TargetOutcomes.AsNoTracking().Where(o => planIds.Contains(o.PlanId)).OrderBy(o => o.Id).ToListAsync())
            .Select(o => $"outcome {o.Id} {o.Description} #{o.Order} v{o.Version}"));
        lines.AddRange((await db.Personas.AsNoTracking().Where(p => planIds.Contains(p.PlanId)).OrderBy(p => p.Id).ToListAsync())
            .Select(p => $"persona {p.Id} {p.Name} v{p.Version}"));
        lines.AddRange((await db.Problems.AsNoTracking().Include(p => p.Personas).Where(p => planIds.Contains(p.PlanId)).OrderBy(p => p.Id).ToListAsync())
            .Select(p => $"problem {p.Id} {p.Statement} personas [{string.Join(",", p.Personas.Select(x => x.Id).Order())}] v{p.Version}"));
        lines.AddRange((await db.Features.AsNoTracking().Include(f => f.Problems).Where(f => planIds.Contains(f.PlanId)).OrderBy(f => f.Id).ToListAsync())
            .Select(f => $"feature {f.Id} {f.Title} {f.Status} {f.Moscow} phase {f.PhaseId} lane {f.LaneId} #{f.Rank} problems [{string.Join(",", f.Problems.Select(x => x.Id).Order())}] v{f.Version}"));
        lines.AddRange((await db.RoadmapPhases.AsNoTracking().Where(p => planIds.Contains(p.PlanId)).OrderBy(p => p.Id).ToListAsync())
            .Select(p => $"phase {p.Id} {p.Name} #{p.Order} v{p.Version}"));
        lines.AddRange((await db.Lanes.AsNoTracking().Where(l => planIds.Contains(l.PlanId)).OrderBy(l => l.Id).ToListAsync())
            .Select(l => $"lane {l.Id} {l.Name} #{l.Order} v{l.Version}"));
        lines.Add($"activity entries {await db.ActivityEntries.CountAsync(a => planIds.Contains(a.PlanId))}");
        return string.Join('\n', lines);
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
        await _drop();
    }
}
