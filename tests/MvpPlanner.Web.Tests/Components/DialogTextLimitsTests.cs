using Bunit;
using MudBlazor;
using MvpPlanner.Core.Common;
using MvpPlanner.Web.Features.Personas;
using MvpPlanner.Web.Tests.Infrastructure;

namespace MvpPlanner.Web.Tests.Components;

/// <summary>A long paste is cut by the browser at the field's limit, before it is sent over the connection.</summary>
public class DialogTextLimitsTests : PlannerTestContext
{
    [Fact]
    public async Task PersonaDialog_EveryTextField_CarriesMaxlengthOfItsLimit()
    {
        var planId = await CreatePlanAsync();
        var dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var page = Render<PersonasPage>(p => p.Add(x => x.PlanId, planId));

        page.WaitForElement("[data-testid=add-persona]").Click();
        dialogs.WaitForElement("input[data-testid=persona-name]");

        Limit(dialogs.Find("input[data-testid=persona-name]")).ShouldBe(TextLimits.Name);
        Limit(dialogs.Find("input[data-testid=persona-user-group]")).ShouldBe(TextLimits.Name);
        var longFields = dialogs.FindAll(".mud-dialog textarea");
        longFields.Count.ShouldBe(3); // goals, pains, context
        longFields.ShouldAllBe(field => Limit(field) == TextLimits.Text);
    }

    private static int? Limit(AngleSharp.Dom.IElement field) =>
        int.TryParse(field.GetAttribute("maxlength"), out var limit) ? limit : null;
}
