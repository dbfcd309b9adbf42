using System.Globalization;
using MvpPlanner.Web.Components.Shared;

namespace MvpPlanner.Web.Tests.Components;

public class NumberTextTests
{
    private static readonly CultureInfo English = new("en-US");
    private static readonly CultureInfo German = new("de-DE");

    [Fact]
    public void DecimalComma_InEnglish_IsRefusedNotReadAsThousands()
    {
        NumberText.TryParse<double?>("2,5", English, out var value, out var problem).ShouldBeFalse();

        value.ShouldBeNull();
        problem.ShouldBe("Enter a number such as 1.5: \".\" before decimals, no thousands separators.");
    }

    [Fact]
    public void DecimalComma_InGerman_IsTwoAndAHalf()
    {
        NumberText.TryParse<double?>("2,5", German, out var value, out _).ShouldBeTrue();
        NumberText.TryParse<decimal>("12,75", German, out var cost, out _).ShouldBeTrue();

        value.ShouldBe(2.5);
        cost.ShouldBe(12.75m);
    }

    [Theory]
    [InlineData("1.234,5", "de-DE")]
    [InlineData("1,234.5", "en-US")]
    [InlineData("1.234", "de-DE")]
    [InlineData("1,234", "en-US")]
    [InlineData("1e308", "en-US")]
    [InlineData("abc", "en-US")]
    [InlineData("2.5.1", "en-US")]
    public void AmbiguousOrNotANumber_IsRefusedRatherThanGuessed(string text, string culture)
    {
        NumberText.TryParse<decimal?>(text, new CultureInfo(culture), out var value, out var problem).ShouldBeFalse();

        value.ShouldBeNull();
        problem.ShouldNotBeNull();
    }

    [Fact]
    public void HugeNumber_IsRefusedAsTooLarge()
    {
        NumberText.TryParse<double?>("1" + new string('0', 400), English, out _, out var asDouble).ShouldBeFalse();
        NumberText.TryParse<int?>("99999999999", English, out _, out var asInt).ShouldBeFalse();

        asDouble.ShouldBe("That number is too large.");
        asInt.ShouldBe("That number is too large.");
    }

    [Fact]
    public void WholeNumberField_Fraction_IsRefused()
    {
        NumberText.TryParse<int?>("2.5", English, out _, out var problem).ShouldBeFalse();

        problem.ShouldBe("Enter a whole number, such as 12, without separators.");
    }

    [Fact]
    public void EmptyText_IsNoValueWhereOptionalAndRefusedWhereRequired()
    {
        NumberText.TryParse<int?>("  ", English, out var optional, out _).ShouldBeTrue();
        NumberText.TryParse<decimal>("", English, out _, out var problem).ShouldBeFalse();

        optional.ShouldBeNull();
        problem.ShouldBe("Enter a number.");
    }

    [Fact]
    public void Format_UsesTheCulturesDecimalSeparator()
    {
        NumberText.Format<double?>(2.5, German).ShouldBe("2,5");
        NumberText.Format<double?>(2.5, English).ShouldBe("2.5");
        NumberText.Format<int?>(null, English).ShouldBe("");
    }
}
