using Bunit;
using MvpPlanner.Core.Operations;
using MvpPlanner.Web.Features.Activity;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.History;

public class ActivityPageTests : PlannerTestContext
{
    [Fact]
    public async Task ActivityPage_ItemStillInThePlan_OpensItsHistoryAndADeletedOneLinksToTheTrash()
    {
        var planId = await CreatePlanAsync("Tool library");
        var operations = Get<EssentialToolService>();
        await operations.AddToolAsync(planId, new ToolInput { Name = "Shared inbox", MonthlyCost = 12 });
        var stripe = (await operations.AddToolAsync(planId, new ToolInput { Name = "Stripe", MonthlyCost = 30 })).Value;
        await operations.DeleteToolAsync(planId, stripe);
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        Render<MudBlazor.MudSnackbarProvider>();
        Render<MudBlazor.MudPopoverProvider>();

        var page = Render<ActivityPage>(p => p.Add(x => x.PlanId, planId));

        page.FindAll("[data-testid=activity-item-trash]").ShouldAllBe(a => a.GetAttribute("href") == $"/plans/{planId}/trash");
        page.FindAll("[data-testid=activity-item-trash]").Count.ShouldBeGreaterThan(0);
        var inbox = page.FindAll("[data-testid=activity-item-history]").First(b => b.TextContent == "Shared inbox");
        inbox.GetAttribute("aria-label").ShouldBe("History of Shared inbox");
        inbox.Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=item-history-line]").Count.ShouldBe(1));
    }
}
