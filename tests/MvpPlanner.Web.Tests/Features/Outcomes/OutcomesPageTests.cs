using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Plans;
using MvpPlanner.Web.Features.Outcomes;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Outcomes;

/// <summary>The outcomes page: one card per outcome with its status in words, its chart and its readings.</summary>
public sealed class OutcomesPageTests : PlannerTestContext
{
    private int _planId;

    [Fact]
    public async Task RecordMeasurement_DecimalCommaInGerman_SavesTheFraction()
    {
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        var outcomeId = await SetUpAsync();
        var dialogs = RenderDialogs();
        var page = RenderPage();

        page.Find("[data-testid=record-outcome-measurement]").Click();
        dialogs.WaitForElement("input[data-testid=measurement-value]").Change("12,5");
        dialogs.Find("[data-testid=form-submit]").Click();

        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=form-submit]").ShouldBeEmpty());
        (await Get<OutcomeService>().LatestValueAsync(_planId, outcomeId)).ShouldBe(12.5m);
        page.WaitForAssertion(() => page.FindAll("[data-testid=outcome-measurement-row]").Count.ShouldBe(1));
    }

    [Fact]
    public async Task EditMeasurement_TextThatIsNotANumber_KeepsTheStoredValueAndSaysWhy()
    {
        CultureInfo.CurrentCulture = new CultureInfo("en-US");
        var outcomeId = await SetUpAsync();
        await Get<OutcomeService>().RecordMeasurementAsync(_planId, outcomeId, new() { MeasuredOn = new DateTime(2026, 1, 5), Value = 20 });
        var dialogs = RenderDialogs();
        var page = RenderPage();

        page.Find("[data-testid=edit-measurement]").Click();
        dialogs.WaitForElement("input[data-testid=measurement-value]").Change("twenty");
        dialogs.Find("[data-testid=form-submit]").Click();

        dialogs.WaitForAssertion(() => FieldOf(dialogs, "measurement-value").TextContent.ShouldContain("Enter a number"));
        dialogs.Find("input[data-testid=measurement-value]").GetAttribute("value").ShouldBe("twenty");
        (await Get<OutcomeService>().LatestValueAsync(_planId, outcomeId)).ShouldBe(20m);
    }

    [Fact]
    public async Task OutcomeCard_ShowsStatusInWordsPersonaAndFeatures()
    {
        CultureInfo.CurrentCulture = new CultureInfo("en-GB");
        var outcomeId = await SetUpAsync();
        await Get<OutcomeService>().RecordMeasurementAsync(_planId, outcomeId, new() { MeasuredOn = new DateTime(2026, 1, 5), Value = 75 });

        var page = RenderPage();

        page.Find("[data-testid=outcome-status]").TextContent.Trim().ShouldBe("Target met");
        page.Find("[data-testid=outcome-card]").TextContent.ShouldContain("for Bo the borrower");
        page.Find("[data-testid=outcome-feature-chips]").TextContent.ShouldContain("Tool catalogue");
        page.Find("[data-testid=chart-caption]").TextContent.ShouldContain("Status: Target met.");
    }

    [Fact]
    public async Task Viewer_SeesTheChartButNoRecordOrEditButtons()
    {
        await SetUpAsync();
        await ActAsMemberAsync("Vera Viewer", WorkspaceRole.Viewer);

        var page = RenderPage();

        page.FindAll("[data-testid=outcome-card]").Count.ShouldBe(1);
        page.FindAll("[data-testid=record-outcome-measurement]").ShouldBeEmpty();
        page.FindAll("[data-testid=edit-outcome]").ShouldBeEmpty();
        page.FindAll("[data-testid=read-only]").ShouldHaveSingleItem();
    }

    private async Task<int> SetUpAsync()
    {
        _planId = await CreatePlanAsync("Tool library");
        var persona = await Get<Core.Personas.PersonaService>().CreateAsync(_planId, new() { Name = "Bo the borrower" });
        var feature = await Get<Core.Features.FeatureService>().CreateAsync(_planId, new() { Title = "Tool catalogue" });
        var added = await Get<PlanService>().AddOutcomeAsync(_planId, new OutcomeInput
        {
            Description = "Residents borrow instead of buying", Metric = "Loans per month", Target = "60",
            BaselineValue = 10, TargetValue = 60, PersonaId = persona.Value, FeatureIds = [feature.Value],
        });
        added.Succeeded.ShouldBeTrue(added.Message);
        return added.Value;
    }

    private IRenderedComponent<OutcomesPage> RenderPage() => Render<OutcomesPage>(p => p.Add(x => x.PlanId, _planId));

    private static IElement FieldOf(IRenderedComponent<MudDialogProvider> dialogs, string testId) =>
        dialogs.Find($"input[data-testid={testId}]").Closest(".mud-input-control")!;
}
