using System.Globalization;

namespace MvpPlanner.Web.Components.Shared;

/// <summary>Reads a number the way the user's culture writes it, strictly: no thousands separators and no exponent, so
/// "2,5" is 2.5 where a comma marks decimals and is refused where it would mark thousands, never a silent 25.</summary>
public static class NumberText
{
    private const NumberStyles Whole = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign;

    private const NumberStyles Fractional = Whole | NumberStyles.AllowDecimalPoint;

    /// <summary>Parses <paramref name="text"/> as a <typeparamref name="T"/> (int, double or decimal, nullable or not).
    /// Empty text is null for a nullable type. On failure, <paramref name="problem"/> says what to type instead.</summary>
    public static bool TryParse<T>(string? text, CultureInfo culture, out T? value, out string? problem)
    {
        value = default;
        problem = null;
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        var nullable = type != typeof(T);
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            problem = nullable ? null : "Enter a number.";
            return nullable;
        }

        object? parsed = type switch
        {
            _ when type == typeof(int) => int.TryParse(trimmed, Whole, culture, out var i) ? i : null,
            _ when type == typeof(double) => double.TryParse(trimmed, Fractional, culture, out var d) && double.IsFinite(d) ? d : null,
            _ when type == typeof(decimal) => decimal.TryParse(trimmed, Fractional, culture, out var m) ? m : null,
            _ => throw new NotSupportedException($"{typeof(T)} is not a number type this field reads."),
        };
        if (parsed is not null)
        {
            value = (T)parsed;
            return true;
        }

        problem = Explain(trimmed, type == typeof(int), culture);
        return false;
    }

    public static string Format<T>(T? value, CultureInfo culture) => value switch
    {
        null => "",
        double d => d.ToString("0.##########", culture),
        IFormattable number => number.ToString(null, culture),
        _ => value.ToString() ?? "",
    };

    private static string Explain(string text, bool whole, CultureInfo culture)
    {
        var digitsOnly = text.TrimStart('-', '+').All(char.IsAsciiDigit);
        if (digitsOnly)
        {
            return "That number is too large.";
        }

        return whole
            ? "Enter a whole number, such as 12, without separators."
            : $"Enter a number such as {1.5m.ToString(culture)}: \"{culture.NumberFormat.NumberDecimalSeparator}\" before decimals, no thousands separators.";
    }
}
