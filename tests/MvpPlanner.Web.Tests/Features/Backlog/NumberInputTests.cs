using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Operations;
using MvpPlanner.Web.Features.Backlog;
using MvpPlanner.Web.Features.Operations;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Features.Backlog;

/// <summary>Numbers typed in grid cells and dialogs: read in the user's culture, refused with a message beside the
/// field when they are not numbers, and never clamped or multiplied silently.
/// A culture set in a test flows to that test's renders and ends with it.</summary>
public sealed class NumberInputTests : PlannerTestContext
{
    private int _planId;

    [Fact]
    public async Task EffortCell_DecimalCommaInEnglish_IsRefusedBesideTheCellAndNotSaved()
    {
        CultureInfo.CurrentCulture = new CultureInfo("en-US");
        var id = await AddFeatureAsync(effort: 4);
        var page = RenderBacklog();

        var editor = await EditCellAsync(page, "cell-effort", "2,5");

        page.WaitForAssertion(() => CellOf(page, "cell-effort").TextContent.ShouldContain("\".\" before decimals, no thousands separators"));
        page.Find("input[data-testid=cell-effort]").GetAttribute("value").ShouldBe("2,5");
        (await StoredAsync(id)).Effort.ShouldBe(4);
        editor.ShouldNotBeNull();
    }

    [Fact]
    public async Task EffortCell_DecimalCommaInGerman_SavesTwoAndAHalf()
    {
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        var id = await AddFeatureAsync(effort: 4);
        var page = RenderBacklog();

        await EditCellAsync(page, "cell-effort", "2,5");

        page.WaitForAssertion(() => StoredAsync(id).GetAwaiter().GetResult().Effort.ShouldBe(2.5));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1e308")]
    public async Task ReachCell_TextThatIsNotANumber_KeepsTheStoredValueAndTheTextWithAMessage(string typed)
    {
        CultureInfo.CurrentCulture = new CultureInfo("en-US");
        var id = await AddFeatureAsync(reach: 100);
        var page = RenderBacklog();

        var editor = await EditCellAsync(page, "cell-reach", typed);
        await editor.BlurAsync(new());

        page.WaitForAssertion(() => CellOf(page, "cell-reach").TextContent.ShouldContain("Enter a whole number"));
        page.Find("input[data-testid=cell-reach]").GetAttribute("value").ShouldBe(typed);
        (await StoredAsync(id)).Reach.ShouldBe(100);
        Get<ISnackbar>().ShownSnackbars.ShouldBeEmpty();
    }

    [Fact]
    public async Task FeatureDialog_ConfidenceOutOfRange_ShowsTheRuleMessageAndKeepsTheTypedValue()
    {
        var id = await AddFeatureAsync(confidence: 80);
        var dialogs = RenderDialogs();
        var page = RenderBacklog();

        page.WaitForElement("[data-testid=edit-feature]").Click();
        dialogs.WaitForElement("input[data-testid=rice-confidence]").Change("150");
        dialogs.Find("[data-testid=form-submit]").Click();

        dialogs.WaitForAssertion(() => FieldOf(dialogs, "rice-confidence").TextContent.ShouldContain("Confidence is a percentage from 0 to 100."));
        dialogs.Find("input[data-testid=rice-confidence]").GetAttribute("value").ShouldBe("150");
        dialogs.FindAll("[data-testid=form-submit]").ShouldNotBeEmpty();
        (await StoredAsync(id)).Confidence.ShouldBe(80);
    }

    [Fact]
    public async Task ToolDialog_MonthlyCostWithDecimalCommaInEnglish_IsRefusedNotMultiplied()
    {
        CultureInfo.CurrentCulture = new CultureInfo("en-US");
        _planId = await CreatePlanAsync("Tool library");
        var dialogs = RenderDialogs();
        var page = Render<ToolsKpisPage>(p => p.Add(x => x.PlanId, _planId));

        page.Find("[data-testid=add-tool]").Click();
        dialogs.WaitForElement("input[data-testid=tool-name]").Change("Stripe");
        dialogs.Find("input[data-testid=tool-cost]").Change("2,5");
        dialogs.Find("[data-testid=form-submit]").Click();

        dialogs.WaitForAssertion(() => FieldOf(dialogs, "tool-cost").TextContent.ShouldContain("Enter a number such as 1.5"));
        dialogs.Find("input[data-testid=tool-cost]").GetAttribute("value").ShouldBe("2,5");
        (await Get<OperationsService>().GetAsync(_planId))!.Tools.ShouldBeEmpty();
    }

    [Fact]
    public async Task KpiDialog_TargetWithDecimalCommaInGerman_SavesTheFraction()
    {
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        _planId = await CreatePlanAsync("Tool library");
        var dialogs = RenderDialogs();
        var page = Render<ToolsKpisPage>(p => p.Add(x => x.PlanId, _planId));

        page.Find("[data-testid=add-kpi]").Click();
        dialogs.WaitForElement("input[data-testid=kpi-name]").Change("Time to onboard");
        dialogs.Find("input[data-testid=kpi-target]").Change("2,5");
        dialogs.Find("[data-testid=form-submit]").Click();

        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=form-submit]").ShouldBeEmpty());
        (await Get<OperationsService>().GetAsync(_planId))!.Kpis.ShouldHaveSingleItem().Target.ShouldBe(2.5m);
    }

    private IRenderedComponent<BacklogPage> RenderBacklog() => Render<BacklogPage>(p => p.Add(x => x.PlanId, _planId));

    private static async Task<IElement> EditCellAsync(IRenderedComponent<BacklogPage> page, string testId, string value)
    {
        await page.WaitForElement($"button[data-testid={testId}]").ClickAsync(new());
        var editor = page.WaitForElement($"input[data-testid={testId}]");
        editor.Change(value);
        return page.Find($"input[data-testid={testId}]");
    }

    private static IElement CellOf(IRenderedComponent<BacklogPage> page, string testId) =>
        page.Find($"input[data-testid={testId}]").Closest(".mud-input-control")!;

    private static IElement FieldOf(IRenderedComponent<MudDialogProvider> dialogs, string testId) =>
        dialogs.Find($"input[data-testid={testId}]").Closest(".mud-input-control")!;

    private async Task<int> AddFeatureAsync(int? reach = null, int? confidence = null, double? effort = null)
    {
        _planId = await CreatePlanAsync("Field app");
        var result = await Get<FeatureService>().CreateAsync(_planId, new FeatureInput { Title = "Offline mode", Reach = reach, Confidence = confidence, Effort = effort });
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Value;
    }

    private async Task<FeatureRow> StoredAsync(int id) =>
        (await Get<FeatureService>().ListAsync(_planId)).Single(f => f.Id == id);
}
