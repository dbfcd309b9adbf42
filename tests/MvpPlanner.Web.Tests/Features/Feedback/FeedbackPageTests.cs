using Bunit;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Feedback;
using MvpPlanner.Core.Personas;
using MvpPlanner.Web.Features.Backlog;
using MvpPlanner.Web.Features.Feedback;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Feedback;

public class FeedbackPageTests : PlannerTestContext
{
    [Fact]
    public async Task QuickCapture_Enter_SavesClearsTheFieldAndKeepsTheSessionSource()
    {
        var planId = await CreatePlanAsync();
        RenderProviders();
        var page = Render<FeedbackPage>(p => p.Add(x => x.PlanId, planId));
        var field = page.WaitForElement("input[data-testid=capture-text]");

        field.Change("I want to see who has the drill");
        await page.Find("form[data-testid=capture-form]").SubmitAsync(EventArgs.Empty);

        page.WaitForAssertion(() => page.Find("[data-testid=feedback-text]").TextContent.ShouldBe("I want to see who has the drill"));
        page.Find("input[data-testid=capture-text]").GetAttribute("value").ShouldBeNullOrEmpty();
        page.Find("[data-testid=feedback-meta]").TextContent.ShouldContain("Office hours");
        page.Find("[data-testid=feedback-state]").TextContent.ShouldBe("To triage");
        var stored = (await Get<FeedbackService>().ListAsync(planId, new FeedbackQuery())).Rows.ShouldHaveSingleItem();
        stored.Source.ShouldBe(FeedbackSource.OfficeHours);
    }

    [Fact]
    public async Task QuickCapture_EmptyOrOversizedText_SaysWhyBesideTheFieldAndKeepsTheText()
    {
        var planId = await CreatePlanAsync();
        RenderProviders();
        var page = Render<FeedbackPage>(p => p.Add(x => x.PlanId, planId));
        page.WaitForElement("input[data-testid=capture-text]");

        await page.Find("form[data-testid=capture-form]").SubmitAsync(EventArgs.Empty);
        page.WaitForAssertion(() => page.Find("[data-testid=quick-capture]").TextContent.ShouldContain("Type what was said."));

        var huge = new string('a', TextLimits.Text + 1);
        page.Find("input[data-testid=capture-text]").Change(huge);
        await page.Find("form[data-testid=capture-form]").SubmitAsync(EventArgs.Empty);

        page.WaitForAssertion(() => page.Find("[data-testid=quick-capture]").TextContent.ShouldContain("Keep this to 4,000 characters or fewer"));
        page.Find("input[data-testid=capture-text]").GetAttribute("value").ShouldBe(huge);
        (await Get<FeedbackService>().CountsAsync(planId)).ShouldBe(FeedbackCounts.None);
    }

    [Fact]
    public async Task FeedbackPage_Viewer_SeesFeedbackWithoutCaptureOrEditing()
    {
        var planId = await CreatePlanAsync();
        (await Get<FeedbackService>().CaptureAsync(planId, new FeedbackInput { Text = "<script>alert(1)</script>" })).Succeeded.ShouldBeTrue();
        await ActAsMemberAsync("Vic Viewer", WorkspaceRole.Viewer);

        var page = Render<FeedbackPage>(p => p.Add(x => x.PlanId, planId));

        page.WaitForAssertion(() => page.Find("[data-testid=feedback-text]").TextContent.ShouldBe("<script>alert(1)</script>"));
        page.FindAll("[data-testid=quick-capture]").ShouldBeEmpty();
        page.FindAll("[data-testid=feedback-edit]").ShouldBeEmpty();
        page.FindAll("[data-testid=feedback-link]").ShouldBeEmpty();
        page.Markup.ShouldNotContain("<script>");
    }

    [Fact]
    public async Task BacklogEvidenceColumn_ShowsLinkedItemsAndOrganisations()
    {
        var planId = await CreatePlanAsync();
        var feature = (await Get<FeatureService>().CreateAsync(planId, new FeatureInput { Title = "Loan reminders" })).Value;
        await Get<FeatureService>().CreateAsync(planId, new FeatureInput { Title = "Dark theme" });
        var persona = (await Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = "Bo" })).Value;
        foreach (var organisation in new[] { "Acme", "Beta", "acme" })
        {
            var id = (await Get<FeedbackService>().CaptureAsync(planId, new FeedbackInput { Text = "Remind me", Organisation = organisation, PersonaId = persona })).Value;
            (await Get<FeedbackService>().SetLinksAsync(planId, id, new FeedbackLinksInput { FeatureIds = [feature], Version = 1 })).Succeeded.ShouldBeTrue();
        }

        await Get<FeedbackService>().CaptureAsync(planId, new FeedbackInput { Text = "Not triaged yet" });

        var page = Render<BacklogPage>(p => p.Add(x => x.PlanId, planId));

        page.WaitForAssertion(() => page.FindAll("[data-testid=feature-row]").Count.ShouldBe(2));
        var row = page.FindAll("tr.mud-table-row").Single(r => r.QuerySelector("[data-testid=feature-row-title]")?.TextContent == "Loan reminders");
        row.QuerySelector("[data-testid=evidence-items]")!.TextContent.ShouldBe("3");
        row.QuerySelector("[data-testid=evidence-organisations]")!.TextContent.ShouldBe("2 orgs");
        row.QuerySelector("[data-testid=evidence-cell]")!.GetAttribute("title").ShouldBe("3 feedback items from 2 organisations");
        var other = page.FindAll("tr.mud-table-row").Single(r => r.QuerySelector("[data-testid=feature-row-title]")?.TextContent == "Dark theme");
        other.QuerySelector("[data-testid=evidence-cell]")!.TextContent.Trim().ShouldBe("–");
    }

    [Fact]
    public async Task FeatureEvidence_ListsTheQuotesWithWhoAndSource()
    {
        var planId = await CreatePlanAsync();
        var feature = (await Get<FeatureService>().CreateAsync(planId, new FeatureInput { Title = "Loan reminders" })).Value;
        var id = (await Get<FeedbackService>().CaptureAsync(planId, new FeedbackInput { Text = "Remind me the day before", Organisation = "Acme", Source = FeedbackSource.SupportTicket })).Value;
        await Get<FeedbackService>().SetLinksAsync(planId, id, new FeedbackLinksInput { FeatureIds = [feature], Version = 1 });

        var section = Render<FeatureEvidence>(p => p.Add(x => x.PlanId, planId).Add(x => x.FeatureId, feature));

        section.WaitForAssertion(() => section.Find("[data-testid=feature-evidence-quote]").TextContent.ShouldContain("Remind me the day before"));
        section.Find("[data-testid=feature-evidence-quote]").TextContent.ShouldContain("Acme · Support ticket");
        section.Find("[data-testid=feature-evidence-summary]").TextContent.ShouldContain("1 feedback item from 1 organisation");
    }
}
