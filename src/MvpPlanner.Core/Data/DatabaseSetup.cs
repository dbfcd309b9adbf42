using FluentValidation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.History;
using MvpPlanner.Core.ImportExport;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Feedback;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Sharing;
using MvpPlanner.Core.Webhooks;
using MvpPlanner.Core.Workshops;

namespace MvpPlanner.Core.Data;

public static class DatabaseSetup
{
    /// <summary>Registers the context factory over <paramref name="provider"/>. On SQLite every connection waits for a
    /// busy database (several workshop participants saving at once) instead of failing at once.</summary>
    public static IServiceCollection AddPlannerDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString,
        Action<DbContextOptionsBuilder>? configure = null)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            EnsureDirectoryExists(connectionString);
        }

        services.AddSingleton(new PlannerDatabase(provider, connectionString));
        services.AddSingleton<IPlanChangeNotifier, InProcessPlanChangeNotifier>();
        services.AddSingleton<PlanChangeCounters>();
        services.AddSingleton<PlanChangeInterceptor>();
        services.AddDbContextFactory<PlannerDbContext>((provider, options) =>
        {
            provider.GetRequiredService<PlannerDatabase>().Configure(options);
            options.AddInterceptors(provider.GetRequiredService<PlanChangeInterceptor>());
            configure?.Invoke(options);
        });
        return services;
    }

    /// <summary>For the tests: EF Core's query warnings (several collections in one query, paging or First without an
    /// order) fail the test instead of scrolling past in a log, so none reaches the running app.</summary>
    public static void FailOnQueryWarnings(DbContextOptionsBuilder options) => options.ConfigureWarnings(w => w.Throw(
        RelationalEventId.MultipleCollectionIncludeWarning,
        CoreEventId.RowLimitingOperationWithoutOrderByWarning,
        CoreEventId.FirstWithoutOrderByAndFilterWarning,
        CoreEventId.DistinctAfterOrderByWithoutRowLimitingOperatorWarning));

    public static IServiceCollection AddPlannerServices(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining<PlanInputValidator>(includeInternalTypes: false);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<PlanService>();
        services.AddScoped<OutcomeService>();
        services.AddScoped<PersonaService>();
        services.AddScoped<ProblemService>();
        services.AddScoped<FeatureService>();
        services.AddScoped<FeatureDependencyService>();
        services.AddScoped<ValueEffortService>();
        services.AddScoped<RoadmapService>();
        services.AddScoped<HorizonService>();
        services.AddScoped<TimelineService>();
        services.AddScoped<MilestoneService>();
        services.AddScoped<GateService>();
        services.AddScoped<DecisionService>();
        services.AddScoped<FeatureDatesService>();
        services.AddScoped<DemoPlanSeeder>();
        services.AddScoped<PlanAccess>();
        services.AddScoped<WorkspaceService>();
        services.AddScoped<InvitationService>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<AccountSetup>();
        services.AddScoped<InstanceSettingsService>();
        services.AddScoped<HistoryService>();
        services.AddScoped<UndoService>();
        services.AddScoped<TrashService>();
        services.AddScoped<PlanExportService>();
        services.AddScoped<PlanImportService>();
        services.AddScoped<PlanRenderService>();
        services.AddScoped<CsvExportService>();
        services.AddScoped<CsvImportService>();
        services.AddScoped<PlanWriter>();
        services.AddScoped<OperationsService>();
        services.AddScoped<CommitmentService>();
        services.AddScoped<JourneyService>();
        services.AddScoped<OperationRoleService>();
        services.AddScoped<CoreProcessService>();
        services.AddScoped<EssentialToolService>();
        services.AddScoped<KpiService>();
        services.AddScoped<ReadinessService>();
        services.AddScoped<FeedbackService>();
        services.AddScoped<EvidenceService>();
        services.AddSingleton<IPresenceStore, InProcessPresenceStore>();
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<IWorkshopTimerStore, InProcessWorkshopTimerStore>();
        services.AddSingleton<WorkshopTimers>();
        services.AddScoped<WorkshopSessionService>();
        services.AddScoped<VoteService>();
        services.AddScoped<WorkshopTimerService>();
        services.AddScoped<ShareLinkService>();
        services.AddScoped<FeedbackLinkService>();
        services.AddSingleton<ShareViewCounter>();
        services.AddSingleton<OpenedLinkCache>();
        services.AddScoped<Reviews.CalendarFeedService>();
        services.AddScoped<Reviews.PlanVisitService>();
        services.AddScoped<Reviews.ReviewReminderService>();
        services.AddPlannerWebhooks();
        return services;
    }

    private static void EnsureDirectoryExists(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
