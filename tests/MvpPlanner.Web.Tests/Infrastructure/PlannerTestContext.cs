using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Web.Tests.Infrastructure;

/// <summary>bUnit context with MudBlazor and the real services over a fresh SQLite file.</summary>
/// <remarks>Disposed asynchronously first (xunit calls <see cref="IAsyncLifetime.DisposeAsync"/> before Dispose): some
/// MudBlazor services, such as the one MudDataGrid uses, are only IAsyncDisposable and make a synchronous dispose throw.</remarks>
public abstract class PlannerTestContext : BunitContext, IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mvpplanner-bunit-" + Guid.NewGuid().ToString("N"));

    protected PlannerTestContext()
    {
        Directory.CreateDirectory(_directory);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLogging();
        Services.AddMudServices();
        Services.AddPlannerDatabase($"Data Source={Path.Combine(_directory, "test.db")}");
        Services.AddPlannerServices();
        using var db = Services.GetRequiredService<IDbContextFactory<PlannerDbContext>>().CreateDbContext();
        db.MigrateAsync().GetAwaiter().GetResult();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Renders the providers a page's dialogs, popovers and snackbars need, so the page can be tested whole.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderProviders()
    {
        Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        return Render<MudPopoverProvider>();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
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
}
