using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Personas;
using MvpPlanner.Core.Plans;
using MvpPlanner.Core.Problems;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Sharing;
using MvpPlanner.Core.Tests.Infrastructure;
using MvpPlanner.Core.Workshops;

namespace MvpPlanner.Core.Tests;

/// <summary>The rules every text field shares: a name must show something, a character the database cannot keep is
/// refused on its field, and a long paste gets the field's length message.</summary>
public class TextRulesTests
{
    public static TheoryData<string> InvisibleNames => new()
    {
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u200E\u200F", "\u202A\u202C", "\u2066\u2069",
        " \u200B\t\u00A0\u3000", "\u3164", "\u0301",
    };

    [Theory]
    [MemberData(nameof(InvisibleNames))]
    public async Task PersonaName_OnlyInvisibleCharacters_IsRefusedAsRequired(string name)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await test.Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = name });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors[nameof(PersonaInput.Name)].ShouldBe(["Give the persona a name."]);
    }

    public static TheoryData<string, Func<string, object>, string> RequiredNames => new()
    {
        { "persona", n => new PersonaInput { Name = n }, nameof(PersonaInput.Name) },
        { "feature", n => new FeatureInput { Title = n }, nameof(FeatureInput.Title) },
        { "plan", n => new PlanInput { Name = n }, nameof(PlanInput.Name) },
        { "outcome", n => new OutcomeInput { Description = "x", Metric = n, Target = "y" }, nameof(OutcomeInput.Metric) },
        { "problem", n => new ProblemInput { Statement = n, PersonaIds = [1] }, nameof(ProblemInput.Statement) },
        { "phase", n => new PhaseInput { Name = n }, nameof(PhaseInput.Name) },
        { "lane", n => new LaneInput { Name = n }, nameof(LaneInput.Name) },
        { "stage", n => new StageInput { Name = n }, nameof(StageInput.Name) },
        { "role", n => new RoleInput { Name = n }, nameof(RoleInput.Name) },
        { "process", n => new ProcessInput { Name = n }, nameof(ProcessInput.Name) },
        { "tool", n => new ToolInput { Name = n }, nameof(ToolInput.Name) },
        { "kpi", n => new KpiInput { Name = n }, nameof(KpiInput.Name) },
        { "commitment", n => new CommitmentInput { Text = n }, nameof(CommitmentInput.Text) },
        { "review", n => new ReviewInput { Notes = n }, nameof(ReviewInput.Notes) },
        { "workspace", n => new WorkspaceInput { Name = n }, nameof(WorkspaceInput.Name) },
        { "share link", n => new ShareLinkInput { Label = n }, nameof(ShareLinkInput.Label) },
        { "vote", n => new VoteInput { Title = n, ItemIds = [1, 2] }, nameof(VoteInput.Title) },
    };

    [Theory]
    [MemberData(nameof(RequiredNames))]
    public async Task EveryRequiredName_ZeroWidthCharactersOnly_IsRefusedAsEmpty(string what, Func<string, object> input, string field)
    {
        await using var test = await TestDatabase.CreateAsync();

        var invisible = Validate(test, input("\u200B\u200D\u2060"));
        var visible = Validate(test, input("A\u200B"));

        invisible.Errors.ShouldContain(e => e.PropertyName == field, what);
        visible.Errors.ShouldNotContain(e => e.PropertyName == field, what);
    }

    [Fact]
    public async Task PersonaName_WithLoneSurrogate_SaysItCannotBeStoredAndLogsWhereWithoutTheText()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await test.Get<PersonaService>().CreateAsync(planId, new PersonaInput { Name = "Secret\uD83Dname" });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors[nameof(PersonaInput.Name)].ShouldBe(["This contains a character that cannot be stored. Delete it or type it again."]);
        (await test.Get<PersonaService>().ListAsync(planId)).ShouldBeEmpty();
        var logged = test.Logs.AtLeast(LogLevel.Warning).ShouldHaveSingleItem();
        logged.Values["Field"].ShouldBe(nameof(PersonaInput.Name));
        logged.Values["Position"].ShouldBe(6);
        logged.Values["CodeUnit"].ShouldBe("D83D");
        logged.Message.ShouldNotContain("Secret");
    }

    [Theory]
    [InlineData("", 0xDC00)] // a lone surrogate written into an attribute does not survive compilation: built here
    [InlineData("a", 0xD800)]
    [InlineData("nul", 0)]
    [InlineData("lost", 0xFFFD)]
    public void EveryTextField_CharacterThatCannotBeStored_IsRefusedOnThatField(string prefix, int codeUnit)
    {
        var text = prefix + (char)codeUnit;
        var persona = new PersonaInputValidator().Validate(new PersonaInput { Name = "Maya", Pains = text });
        var measurement = new MeasurementInputValidator().Validate(new MeasurementInput { Value = 1, Note = text });

        persona.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(PersonaInput.Pains));
        measurement.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldContain("cannot be stored");
    }

    [Fact]
    public void TextField_EmojiAndAccents_AreStored()
    {
        new PersonaInputValidator().Validate(new PersonaInput { Name = "Zoë 👩‍🔧", Goals = "Café ☕" }).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void PersonaGoals_LongerThanTheirLimit_SayTheLimitAndTheLength()
    {
        var result = new PersonaInputValidator().Validate(new PersonaInput { Name = "Maya", Goals = new string('x', TextLimits.Text + 1) });

        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("Keep this to 4,000 characters or fewer; it has 4001.");
    }

    [Fact]
    public void FeatureTitle_LongerThanItsLimit_SaysTheLimit()
    {
        var result = new FeatureInputValidator().Validate(new FeatureInput { Title = new string('x', 40_000) });

        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("Keep this to 200 characters or fewer; it has 40000.");
    }

    private static FluentValidation.Results.ValidationResult Validate(TestDatabase test, object input)
    {
        var validator = (IValidator)test.Get<IServiceProvider>().GetRequiredService(typeof(IValidator<>).MakeGenericType(input.GetType()));
        return validator.Validate(new ValidationContext<object>(input));
    }
}
