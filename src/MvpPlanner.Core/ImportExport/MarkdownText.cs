using System.Text;

namespace MvpPlanner.Core.ImportExport;

/// <summary>User text made safe for Markdown: it renders as the same literal text in any CommonMark or GitHub renderer
/// and never becomes markup (see docs/import-export.md).</summary>
internal static class MarkdownText
{
    internal static string Cell(string text)
    {
        var lines = PlanReport.LinesOf(Clean(text));
        return lines.Count == 0 ? " " : string.Join("<br>", lines.Select(Inline));
    }

    /// <summary>A paragraph of user text: each line escaped, lines kept apart by hard breaks (a trailing backslash).</summary>
    internal static string Paragraph(string text, string empty)
    {
        var lines = PlanReport.LinesOf(Clean(text));
        return lines.Count == 0 ? empty : string.Join("\\\n", lines.Select(Inline));
    }

    internal static string OneLine(string text) => string.Join(" ", PlanReport.LinesOf(text));

    /// <summary>Escapes one line of user text for inline Markdown: backslash escapes for the characters that start
    /// emphasis, code, links, tables and headings; entities for &lt;, &gt; and &amp; so no HTML or autolink forms; and
    /// an escape at the start of a line where "-", "+", "=" or "1." would open a list or a heading underline.</summary>
    internal static string Inline(string text)
    {
        var line = Clean(text).Replace('\n', ' ').Trim();
        var sb = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' or '#' or '!':
                    sb.Append('\\').Append(c);
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '&':
                    sb.Append("&amp;");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        if (sb.Length > 0 && sb[0] is '-' or '+' or '=')
        {
            sb.Insert(0, '\\');
        }
        else
        {
            var digits = 0;
            while (digits < sb.Length && char.IsAsciiDigit(sb[digits]))
            {
                digits++;
            }

            if (digits > 0 && digits < sb.Length && sb[digits] is '.' or ')')
            {
                sb.Insert(digits, '\\');
            }
        }

        return sb.ToString();
    }

    /// <summary>Drops control characters (other than line breaks) that no renderer shows and some misread; tabs become spaces.</summary>
    private static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c == '\t')
            {
                sb.Append(' ');
            }
            else if (c == '\n' || !char.IsControl(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
