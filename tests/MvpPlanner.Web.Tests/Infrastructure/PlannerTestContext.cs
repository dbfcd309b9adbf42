using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Plans;
using MvpPlanner.Web.Components.Shared;

namespace MvpPlanner.Web.Tests.Infrastructure;

/// <summary>bUnit context with MudBlazor and the real services over a fresh SQLite file.</summary>
public abstract class PlannerTestContext : BunitContext, IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mvpplanner-bunit-" + Guid.NewGuid().ToString("N"));

    // WaitForAssertion gives up after 1 s by default; on a 2-core CI machine a render with a database round trip
    // can take longer. A generous limit only slows a test that is failing anyway.
    static PlannerTestContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    protected PlannerTestContext()
    {
        Directory.CreateDirectory(_directory);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLogging();
        Services.AddMudServices();
        Services.AddPlannerDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_directory, "test.db")}", DatabaseSetup.FailOnQueryWarnings);
        Services.AddPlannerServices();
        Services.AddScoped<DraftStore>();
        Services.AddScoped<MvpPlanner.Web.Components.Layout.ProjectorMode>();
        Services.AddScoped<MvpPlanner.Web.Features.Plans.PresenceHere>();
        Services.AddScoped<MvpPlanner.Web.Features.Roadmap.BoardLayout>();
        Services.AddSingleton(CallerAccessor);
        Services.AddSingleton<ICallerAccessor>(CallerAccessor);
        AddServices();
        var dbFactory = Services.GetRequiredService<IDbContextFactory<PlannerDbContext>>();
        Services.GetRequiredService<PlannerDatabase>().MigrateAsync().GetAwaiter().GetResult();

        // Every component test acts as an owner of one workspace, unless it switches CallerAccessor.Caller.
        Owner = TestAccounts.CreateUserAsync(dbFactory, "Olivia Owner").GetAwaiter().GetResult();
        WorkspaceId = TestAccounts.CreateWorkspaceAsync(dbFactory, "Test workspace", (Owner, WorkspaceRole.Owner)).GetAwaiter().GetResult();
        CallerAccessor.Caller = Owner;
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true)); // as in the app's circuit, after prerendering
    }

    protected SettableCallerAccessor CallerAccessor { get; } = new();

    /// <summary>Where a test class adds services of its own (such as bUnit's authorization): called before any
    /// service is first used, which seals the container.</summary>
    protected virtual void AddServices()
    {
    }

    protected Caller Owner { get; }

    protected int WorkspaceId { get; }

    /// <summary>A new plan in the test workspace, with the default phases and lanes.</summary>
    protected async Task<int> CreatePlanAsync(string name = "Test plan")
    {
        var created = await Get<PlanService>().CreateAsync(WorkspaceId, new PlanInput { Name = name });
        return created.Value;
    }

    /// <summary>Acts as a new member of the test workspace with the given role from now on.</summary>
    protected async Task<Caller> ActAsMemberAsync(string name, WorkspaceRole role)
    {
        var dbFactory = Get<IDbContextFactory<PlannerDbContext>>();
        var member = await TestAccounts.CreateUserAsync(dbFactory, name);
        await TestAccounts.AddMemberAsync(dbFactory, WorkspaceId, member, role);
        CallerAccessor.Caller = member;
        return member;
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that can only be disposed asynchronously; xunit 2 only calls Dispose() unless asked.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Renders the providers a page's dialogs, popovers and snackbars need, so the page can be tested whole.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderProviders()
    {
        Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        return Render<MudPopoverProvider>();
    }

    /// <summary>The providers, returning the dialog one: dialogs render there, so a test finds their fields in it.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderDialogs()
    {
        var dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        Render<MudPopoverProvider>();
        return dialogs;
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        DeleteDatabase();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DeleteDatabase();
        }
    }

    private void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind; it must not fail the test.
        }
    }
}
