using MvpPlanner.Web.Features.Api;
using MvpPlanner.Web.Features.Sharing;
using MvpPlanner.Web.Hosting;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddMvpPlannerLogging();
    builder.AddMvpPlannerData();
    builder.AddMvpPlannerScaleOut();
    builder.AddMvpPlannerAccounts();
    builder.AddMvpPlannerSharing();
    builder.AddMvpPlannerFeedbackForm();
    builder.AddMvpPlannerWebhooks();
    builder.AddMvpPlannerReverseProxy();
    builder.AddMvpPlannerHealth();
    builder.AddMvpPlannerTelemetry();
    builder.AddMvpPlannerApi();
    builder.Services.AddMvpPlannerUi();

    var app = builder.Build();
    if (MigrateCommand.IsRequested(args))
    {
        return await MigrateCommand.RunAsync(app);
    }

    await app.PrepareDatabaseAtStartAsync();
    app.UseMvpPlannerPipeline();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "MvpPlanner stopped because of an unhandled exception");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
