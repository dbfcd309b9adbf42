using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Webhooks;
using MvpPlanner.EndToEnd.Infrastructure;

namespace MvpPlanner.EndToEnd.Plans;

/// <summary>Every page on a 390 px phone and a 1366 × 768 laptop: nothing widens the page so that it scrolls sideways.</summary>
public sealed class PageWidthEndToEndTests(BrowserFixture browser) : EndToEndTestBase(browser)
{
    [Fact]
    public async Task EveryPage_OnAPhoneAndALaptop_DoesNotScrollSideways()
    {
        var app = StartApp(seedDemoPlan: true);
        await Page.RegisterAsync(app, "Ada Lovelace");
        var (planId, workspaceId) = await app.QueryDbAsync(db => db.Plans.Where(p => p.Name == DemoPlanSeeder.DemoPlanName)
            .Select(p => new ValueTuple<int, int>(p.Id, p.WorkspaceId)).SingleAsync());
        var pages = SitePages.SignedInPages(workspaceId, planId).Concat(SitePages.PlanPages.Select(p => $"/plans/{planId}{p}"))
            .Append(SitePages.PasswordPage).ToList();
        await AddPausedWebhookWithLongTextAsync(app, workspaceId);
        await AddTokenWithLongNameAsync(app, workspaceId);
        var tooWide = new List<string>();

        foreach (var (width, height) in new[] { (390, 844), (1366, 768) })
        {
            await Page.SetViewportSizeAsync(width, height);
            foreach (var path in pages)
            {
                if (path == SitePages.PasswordPage)
                {
                    await Page.GotoAsync(app.Url(path)); // no circuit on this page
                }
                else
                {
                    await Page.GotoInteractiveAsync(app.Url(path));
                }

                if (path.StartsWith("/workspaces/", StringComparison.Ordinal))
                {
                    await Page.ByTestId("webhook-deliveries-toggle").ClickAsync();
                    await Page.ByTestId("delivery-status").First.WaitForAsync();
                }

                var scrollWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                if (scrollWidth > width)
                {
                    tooWide.Add($"{path} at {width} px: {scrollWidth} px wide");
                }
            }
        }

        tooWide.ShouldBeEmpty();
        ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task PlanSections_OnALaptop_TakeTwoRowsAtMost()
    {
        var app = StartApp(seedDemoPlan: true);
        await Page.RegisterAsync(app, "Ada Lovelace");
        var planId = await app.QueryDbAsync(db => db.Plans.Where(p => p.Name == DemoPlanSeeder.DemoPlanName).Select(p => p.Id).SingleAsync());

        foreach (var (width, height) in new[] { (1280, 800), (1366, 768) })
        {
            await Page.SetViewportSizeAsync(width, height);
            await Page.GotoInteractiveAsync(app.Url($"/plans/{planId}/decisions"));

            var rows = await Page.EvaluateAsync<int>(
                "() => new Set([...document.querySelectorAll('nav.plan-nav a')].map(a => Math.round(a.getBoundingClientRect().top))).size");

            rows.ShouldBeLessThanOrEqualTo(2, $"at {width} px");
        }
    }

    /// <summary>A webhook whose address, description and last error are long words without spaces: the kind of text
    /// that widens a page.</summary>
    private static Task<int> AddPausedWebhookWithLongTextAsync(PlannerAppServer app, int workspaceId) =>
        app.QueryDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var hook = new Webhook
            {
                WorkspaceId = workspaceId,
                Url = "https://hooks.example.com/services/" + new string('x', 160),
                Description = "Roadmap-changes-for-the-launch-channel-" + new string('y', 80),
                Events = WebhookEvents.Join(WebhookEvents.All),
                Secret = "whsec_test",
                State = WebhookState.Paused,
                ConsecutiveFailures = 10,
                PausedAt = now,
                PausedReason = "HTTP 500",
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Add(hook);
            await db.SaveChangesAsync();
            db.Add(new WebhookDelivery
            {
                WebhookId = hook.Id, SourceKey = "ping.width", Event = WebhookEvents.All[0], Payload = "{}", Status = DeliveryStatus.Failed,
                Attempts = 6, NextAttemptAt = now, LastError = "name-not-resolved:" + new string('z', 120), CreatedAt = now, LastAttemptAt = now,
            });
            return await db.SaveChangesAsync();
        });

    private static Task<int> AddTokenWithLongNameAsync(PlannerAppServer app, int workspaceId) =>
        app.QueryDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            db.Add(new ApiToken
            {
                UserId = await db.Users.Select(u => u.Id).SingleAsync(),
                Name = "Nightly-roadmap-export-for-the-board-" + new string('t', 60),
                SecretHash = "not-a-real-hash", Hint = "mvpp_ab…", WorkspaceIds = [workspaceId], CanWrite = true,
                CreatedAt = now, ExpiresAt = now.AddDays(30), LastUsedAt = now,
            });
            return await db.SaveChangesAsync();
        });
}
