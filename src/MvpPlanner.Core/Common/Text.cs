using System.Globalization;

namespace MvpPlanner.Core.Common;

public static class Text
{
    /// <summary>Trims and turns null into empty, so " " never passes as a name and lists never show null.</summary>
    public static string Clean(string? value) => (value ?? "").Trim();

    /// <summary>Whether the text shows anything: a letter, digit, punctuation or symbol. Whitespace, zero-width and
    /// other format characters (U+200B, U+200D, U+2060, U+FEFF, soft hyphen, bidi marks), fillers and lone combining
    /// marks do not count, so a name made only of them is empty.</summary>
    public static bool HasVisibleContent(string? value)
    {
        foreach (var c in value ?? "")
        {
            if (char.IsSurrogate(c))
            {
                return true; // characters beyond the basic plane (emoji) show; an unpaired half has its own rule
            }

            if (!IsFiller(c) && IsVisibleCategory(char.GetUnicodeCategory(c)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where the first character is that the database cannot keep (half of a surrogate pair, a null
    /// character), or -1 when there is none. U+FFFD counts too: it is what browsers and decoders leave where such a
    /// character was lost on the way, so storing it would keep the damage without telling.</summary>
    public static int FindUnstorable(string? value)
    {
        var text = value ?? "";
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\0' or '\uFFFD')
            {
                return i;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    public static bool IsStorable(string? value) => FindUnstorable(value) < 0;

    public static string Plural(int count, string singular, string? plural = null) =>
        count == 1 ? $"1 {singular}" : $"{count} {plural ?? singular + "s"}";

    // Letters that render as blank space although Unicode files them as letters or symbols.
    private static bool IsFiller(char c) => c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800';

    private static bool IsVisibleCategory(UnicodeCategory category) => category switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned => false,
        _ => true,
    };
}
