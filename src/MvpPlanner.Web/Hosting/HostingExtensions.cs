using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;
using MudBlazor;
using MudBlazor.Services;
using MvpPlanner.Core.Data;
using MvpPlanner.Web.Components;
using MvpPlanner.Web.Components.Shared;
using MvpPlanner.Web.Features.Accounts;
using MvpPlanner.Web.Features.Api;
using MvpPlanner.Web.Features.Sharing;
using MvpPlanner.Web.Features.ImportExport;
using MvpPlanner.Web.Features.Reviews;
using Serilog;
using Serilog.Events;

namespace MvpPlanner.Web.Hosting;

public static class HostingExtensions
{
    public static WebApplicationBuilder AddMvpPlannerLogging(this WebApplicationBuilder builder)
    {
        // Each host builds its own logger and leaves the static bootstrap logger alone: freezing the shared
        // bootstrap logger fails ("already frozen") when tests start several app instances in one process.
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.With<CapabilityPathEnricher>(),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>The database from <c>Planner:DatabaseProvider</c> (SQLite unless PostgreSql) and <c>ConnectionStrings:Planner</c>;
    /// with neither set, a SQLite file in the data folder.</summary>
    public static WebApplicationBuilder AddMvpPlannerData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PlannerOptions.Section).Get<PlannerOptions>() ?? new PlannerOptions();
        builder.Services.Configure<PlannerOptions>(builder.Configuration.GetSection(PlannerOptions.Section));
        var connectionString = builder.Configuration.GetConnectionString("Planner");
        if (options.DatabaseProvider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "Planner:DatabaseProvider is PostgreSql but ConnectionStrings:Planner is empty. Set ConnectionStrings__Planner to an Npgsql connection string, such as Host=db;Database=mvpplanner;Username=mvpplanner;Password=….");
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = Path.Combine(builder.Environment.ContentRootPath, options.DataDirectory);
            connectionString = $"Data Source={Path.Combine(dataDirectory, "mvpplanner.db")}";
        }

        builder.Services.AddPlannerDatabase(options.DatabaseProvider, connectionString);
        builder.Services.AddPlannerServices();
        builder.Services.AddHealthChecks().AddDbContextCheck<PlannerDbContext>("database");
        builder.Services.AddHostedService<TrashPurgeJob>();
        return builder;
    }

    /// <summary>The largest message a browser may send its circuit. SignalR's default, 32 KB, is less than a dialog
    /// sends back: a restored draft holds several fields of up to <see cref="TextLimits.Text"/> characters, and JSON may
    /// spend up to 6 bytes on one. Past the limit the connection just drops, so it is set from the field limits with room
    /// (eight full-length fields, every character escaped); the fields' maxlength keeps a paste below it.</summary>
    public const long MaximumCircuitMessageSize = 8 * TextLimits.Text * 6;

    public static IServiceCollection AddMvpPlannerUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(options => options.MaximumReceiveMessageSize = MaximumCircuitMessageSize);
        services.AddScoped<DraftStore>();
        services.AddScoped<Components.Layout.ProjectorMode>();
        services.AddScoped<Features.Plans.PresenceHere>();
        services.AddScoped<Features.Roadmap.BoardLayout>();
        services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            config.SnackbarConfiguration.VisibleStateDuration = 5000;
        });
        return services;
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<PlannerDatabase>().MigrateAsync();
    }

    public static WebApplication UseMvpPlannerPipeline(this WebApplication app)
    {
        app.UseMvpPlannerForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // Users see the friendly error page; the exception itself goes to the log only.
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        // Inside the site's handlers: an API request gets its problem document first, so the site's pages never answer it.
        app.UseMvpPlannerApiErrors();
        // The host's own logger: without it request logs would go to the static bootstrap logger (see AddMvpPlannerLogging).
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.GetLevel = (context, _, exception) =>
                HealthExtensions.IsProbe(context) ? LogEventLevel.Debug
                : exception is not null || context.Response.StatusCode > 499 ? LogEventLevel.Error
                : LogEventLevel.Information;

            // Share, feedback, invitation and calendar links are capabilities: their tokens never reach a log.
            options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(LogSafePath(path))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
        });
        app.UseMvpPlannerSecurityHeaders();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapMvpPlannerHealth();
        app.MapAccountEndpoints();
        app.MapShareEndpoints();
        app.MapFeedbackFormEndpoints();
        app.MapCalendarEndpoints();
        app.MapExportEndpoints();
        app.MapMvpPlannerApi();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null) // our own policy says 'none'
            .Add(AllowAnonymousCircuits);

        return app;
    }

    /// <summary>The circuit hub (<c>/_blazor</c>) must accept people who are not signed in yet, or the pages that allow
    /// them (an invitation) never become interactive. Pages keep their own rules: the router checks them inside the
    /// circuit, and every service checks the caller's membership.</summary>
    private static void AllowAnonymousCircuits(EndpointBuilder endpoint)
    {
        if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && route.TrimStart('/').StartsWith("_blazor", StringComparison.Ordinal))
        {
            endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
        }
    }

    /// <summary>The request path with a capability token replaced: <c>/s/abc…</c> becomes <c>/s/{token}</c> (and <c>/f/abc…/thanks</c> <c>/f/{token}</c>).</summary>
    internal static string LogSafePath(string path)
    {
        foreach (var prefix in (string[])["/s/", "/f/", "/invite/", "/calendar/"])
        {
            if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && path.Length > prefix.Length)
            {
                return prefix + "{token}";
            }
        }

        return path;
    }
}
