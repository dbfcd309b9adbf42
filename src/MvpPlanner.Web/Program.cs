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
    builder.Services.AddMvpPlannerUi();

    var app = builder.Build();
    await app.PrepareDatabaseAsync();
    app.UseMvpPlannerPipeline();
    await app.RunAsync();
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
