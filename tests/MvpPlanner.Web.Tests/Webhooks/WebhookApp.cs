using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Webhooks;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Webhooks;

/// <summary>The real app with webhooks polled often and retried within a second, acting through its services as its
/// first account (Ada, owner of the demo workspace).</summary>
internal static class WebhookApp
{
    public static PlannerWebApplicationFactory Create(bool allowPrivateAddresses) => new()
    {
        Settings = new Dictionary<string, string?>
        {
            ["Planner:Webhooks:AllowPrivateAddresses"] = allowPrivateAddresses ? "true" : "false",
            ["Planner:Webhooks:PollInterval"] = "00:00:00.100",
            ["Planner:Webhooks:RetrySchedule:0"] = "00:00:00.200",
            ["Planner:Webhooks:RetrySchedule:1"] = "00:00:00.400",
            ["Planner:Webhooks:PauseAfterFailures"] = "3",
            ["Planner:Webhooks:Timeout"] = "00:00:05",
        },
    };

    public static async Task<(Caller Ada, int WorkspaceId, int PlanId)> AdaAsync(this PlannerWebApplicationFactory app)
    {
        var planId = await app.DemoPlanIdAsync();
        return await app.QueryAsync(async (IDbContextFactory<PlannerDbContext> contexts) =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            var user = await db.Users.Where(u => u.Email == PlannerWebApplicationFactory.FirstAccountEmail).Select(u => u.Id).SingleAsync();
            var workspaceId = await db.Plans.Where(p => p.Id == planId).Select(p => p.WorkspaceId).SingleAsync();
            return (new Caller(user, "Ada Admin"), workspaceId, planId);
        });
    }

    /// <summary>Runs <paramref name="call"/> with one of the app's services acting for <paramref name="caller"/>.</summary>
    public static async Task<TResult> AsAsync<TService, TResult>(this PlannerWebApplicationFactory app, Caller caller, Func<TService, Task<TResult>> call)
        where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        var access = new PlanAccess(new SettableCallerAccessor { Caller = caller });
        var writer = ActivatorUtilities.CreateInstance<PlanWriter>(scope.ServiceProvider, access);
        var needsWriter = typeof(TService).GetConstructors().Single().GetParameters().Any(p => p.ParameterType == typeof(PlanWriter));
        return await call(needsWriter
            ? ActivatorUtilities.CreateInstance<TService>(scope.ServiceProvider, access, writer)
            : ActivatorUtilities.CreateInstance<TService>(scope.ServiceProvider, access));
    }

    public static Task<ServiceResult<CreatedWebhook>> CreateHookAsync(this PlannerWebApplicationFactory app, Caller ada, int workspaceId, string url, params string[] events) =>
        app.AsAsync(ada, (WebhookService s) => s.CreateAsync(workspaceId, new WebhookInput { Url = url, Description = "Receiver", Events = [.. events] }));

    public static Task<ServiceResult<int>> CreateFeatureAsync(this PlannerWebApplicationFactory app, Caller ada, int planId, string title) =>
        app.AsAsync(ada, (FeatureService s) => s.CreateAsync(planId, new FeatureInput { Title = title }));

    /// <summary>Waits until <paramref name="done"/> holds (the job runs in the background); fails after 30 s.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> done, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await done())
        {
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Still not true after 30 s: {what}");
            }

            await Task.Delay(50);
        }
    }
}
