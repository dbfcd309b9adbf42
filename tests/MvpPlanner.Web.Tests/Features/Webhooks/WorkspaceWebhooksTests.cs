using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Data;
using MvpPlanner.Core.Webhooks;
using MvpPlanner.Web.Features.Webhooks;
using MvpPlanner.Web.Features.Workspaces;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Webhooks;

public class WorkspaceWebhooksTests : PlannerTestContext
{
    [Fact]
    public void WorkspaceWebhooks_OwnerAddsAWebhook_SeesTheSecretOnceAndTheWebhookActive()
    {
        RenderProviders();
        var section = Render<WorkspaceWebhooks>(p => p.Add(x => x.WorkspaceId, WorkspaceId));
        section.WaitForAssertion(() => section.Find("[data-testid=webhooks-empty]"));

        section.Find("input[data-testid=webhook-url]").Change("https://93.184.215.14/hooks/planner");
        section.Find("[data-testid='webhook-event-feature.created'] input, input[data-testid='webhook-event-feature.created']").Change(true);
        section.Find("button[data-testid=webhook-save]").Click();

        section.WaitForAssertion(() => section.Find("[data-testid=webhook-secret]").TextContent.ShouldMatch("^whsec_[0-9a-f]{64}$"));
        section.Find("[data-testid=webhook-url-shown]").TextContent.ShouldBe("https://93.184.215.14/hooks/planner");
        section.Find("[data-testid=webhook-state]").TextContent.ShouldContain("Active");
        section.Find("[data-testid=webhook]").TextContent.ShouldContain("A feature is created");
    }

    [Fact]
    public void WorkspaceWebhooks_LoopbackUrl_IsRefusedBesideTheField()
    {
        RenderProviders();
        var section = Render<WorkspaceWebhooks>(p => p.Add(x => x.WorkspaceId, WorkspaceId));
        section.WaitForAssertion(() => section.Find("[data-testid=webhooks-empty]"));

        section.Find("input[data-testid=webhook-url]").Change("http://127.0.0.1:8080/hook");
        section.Find("[data-testid='webhook-event-feature.created'] input, input[data-testid='webhook-event-feature.created']").Change(true);
        section.Find("button[data-testid=webhook-save]").Click();

        section.WaitForAssertion(() => section.Markup.ShouldContain("private or local network address"));
        section.FindAll("[data-testid=webhook-secret]").ShouldBeEmpty();
        section.FindAll("[data-testid=webhook]").ShouldBeEmpty();
    }

    [Fact]
    public async Task WorkspaceWebhooks_PausedWebhook_WarnsWithTheLastFailureAndResumes()
    {
        var created = await Get<WebhookService>().CreateAsync(WorkspaceId, new WebhookInput { Url = "https://93.184.215.14/hook", Events = [WebhookEvents.FeatureMoved] });
        await using (var db = await Get<IDbContextFactory<PlannerDbContext>>().CreateDbContextAsync())
        {
            await db.Webhooks.Where(h => h.Id == created.Value!.Id).ExecuteUpdateAsync(s => s.SetProperty(h => h.State, WebhookState.Paused)
                .SetProperty(h => h.ConsecutiveFailures, 10).SetProperty(h => h.PausedAt, DateTime.UtcNow).SetProperty(h => h.PausedReason, "HTTP 500"));
        }

        RenderProviders();
        var section = Render<WorkspaceWebhooks>(p => p.Add(x => x.WorkspaceId, WorkspaceId));

        section.WaitForAssertion(() => section.Find("[data-testid=webhook-paused]").TextContent.ShouldContain("Paused after 10 failed deliveries in a row"));
        section.Find("[data-testid=webhook-paused]").TextContent.ShouldContain("the receiver answered 500");
        section.Find("[data-testid=webhook-state]").TextContent.ShouldContain("Paused");
        section.Find("button[data-testid=webhook-resume]").Click();

        section.WaitForAssertion(() => section.Find("[data-testid=webhook-state]").TextContent.ShouldContain("Active"));
        section.FindAll("[data-testid=webhook-paused]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(WorkspaceRole.Editor)]
    [InlineData(WorkspaceRole.Viewer)]
    public async Task WorkspacePage_NonOwner_DoesNotSeeWebhooks(WorkspaceRole role)
    {
        await Get<WebhookService>().CreateAsync(WorkspaceId, new WebhookInput { Url = "https://93.184.215.14/hook", Events = [WebhookEvents.FeatureMoved] });
        await ActAsMemberAsync("Mia Member", role);
        RenderProviders();

        var page = Render<WorkspacePage>(p => p.Add(x => x.WorkspaceId, WorkspaceId));

        page.WaitForAssertion(() => page.Markup.ShouldContain("Test workspace"));
        page.FindAll("[data-testid=workspace-webhooks]").ShouldBeEmpty();
    }

    [Fact]
    public void WorkspacePage_Owner_SeesTheWebhooksSection()
    {
        RenderProviders();

        var page = Render<WorkspacePage>(p => p.Add(x => x.WorkspaceId, WorkspaceId));

        page.WaitForAssertion(() => page.Find("[data-testid=workspace-webhooks]"));
    }
}
