using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using MvpPlanner.Core.Features;

namespace MvpPlanner.Core.ImportExport;

/// <summary>roadmap.svg: the roadmap board as one self-contained vector image for slides. Phases are columns (the
/// unscheduled features first, as on the board), lanes are rows, each feature a card with its title and MoSCoW and
/// status. No script, no external reference, no style sheet: attributes only, so any viewer and the PNG renderer
/// draw it alike. Text is written through XElement, which escapes it; long titles wrap to two lines and end in "…".</summary>
public static class RoadmapSvg
{
    public const string FontFamily = "Inter, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private const double Margin = 24;
    private const double LaneLabelWidth = 150;
    private const double ColumnWidth = 230;
    private const double Gap = 10;
    private const double TitleHeight = 44;
    private const double HeaderHeight = 52;
    private const double CardHeight = 62;
    private const double CardGap = 8;
    private const double CellPadding = 8;
    private const double CardFontSize = 13;
    private const int TitleLines = 2;

    public sealed record Layout(string Svg, int Width, int Height);

    public static Layout Render(PlanDocument document)
    {
        var columns = PlanReport.Board(document);
        var rows = Rows(document, columns);
        var width = Margin * 2 + LaneLabelWidth + Math.Max(1, columns.Count) * (ColumnWidth + Gap);
        var rowHeights = rows.Select(row => CellPadding * 2 + Math.Max(1, columns.Select(c => CellOf(c, row)?.Features.Count ?? 0).DefaultIfEmpty(0).Max()) * (CardHeight + CardGap) - CardGap).ToList();
        if (columns.Count == 0)
        {
            rowHeights = [CardHeight];
        }

        var height = Margin * 2 + TitleHeight + HeaderHeight + rowHeights.Sum() + rowHeights.Count * Gap;
        var w = (int)Math.Ceiling(width);
        var h = (int)Math.Ceiling(height);

        var title = $"{document.Plan.Name} – roadmap";
        var root = new XElement(Svg + "svg",
            new XAttribute("width", w), new XAttribute("height", h), new XAttribute("viewBox", $"0 0 {w} {h}"),
            new XAttribute("role", "img"), new XAttribute("aria-label", Safe(title)),
            new XAttribute("font-family", FontFamily), new XAttribute("font-size", Num(CardFontSize)),
            new XElement(Svg + "title", Safe(title)),
            Rect(0, 0, w, h, "#ffffff", null, 0),
            Text(Margin, Margin + 22, Truncate(document.Plan.Name, (width - Margin * 2) / (20 * 0.6)), 20, "#1f2937", bold: true),
            Text(Margin, Margin + 38, "Roadmap", 12, "#6b7280"));

        var top = Margin + TitleHeight;
        if (columns.Count == 0)
        {
            root.Add(Text(Margin, top + 24, "No phases or features yet.", 14, "#6b7280"));
            return Finish(root, w, h);
        }

        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            var x = Margin + LaneLabelWidth + c * (ColumnWidth + Gap);
            var name = column.Phase?.Name ?? "Unscheduled";
            var sub = column.Phase is { } phase ? PlanReport.Dates(phase) : "Not in a phase yet";
            root.Add(
                Rect(x, top, ColumnWidth, HeaderHeight - 8, column.Phase is null ? "#f3f4f6" : "#e0e7ff", null, 6, ("class", "phase")),
                Text(x + 10, top + 19, Truncate(name, (ColumnWidth - 20) / (14 * 0.6)), 14, "#1e1b4b", bold: true),
                Text(x + 10, top + 36, SubLine(sub, column.FeatureCount), 11, "#4b5563"));
        }

        var y = top + HeaderHeight;
        for (var r = 0; r < rows.Count; r++)
        {
            var rowHeight = rowHeights[r];
            root.Add(
                Rect(Margin, y, width - Margin * 2, rowHeight, r % 2 == 0 ? "#f9fafb" : "#ffffff", "#e5e7eb", 6),
                WrappedText(Margin + 10, y + 20, rows[r]?.Name ?? "No lane", LaneLabelWidth - 20, 13, "#374151", 3, bold: true));
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = CellOf(columns[c], rows[r]);
                var x = Margin + LaneLabelWidth + c * (ColumnWidth + Gap);
                var cardY = y + CellPadding;
                foreach (var feature in cell?.Features ?? [])
                {
                    root.Add(Card(x + 4, cardY, ColumnWidth - 8, feature));
                    cardY += CardHeight + CardGap;
                }
            }

            y += rowHeight + Gap;
        }

        return Finish(root, w, h);
    }

    /// <summary>The dates, then the feature count when both fit; the dates matter more on a slide.</summary>
    private static string SubLine(string dates, int features)
    {
        var max = (ColumnWidth - 20) / (11 * 0.58);
        var withCount = $"{dates} · {features} {(features == 1 ? "feature" : "features")}";
        return withCount.Length <= max ? withCount : Truncate(dates, max);
    }

    private static Layout Finish(XElement root, int width, int height)
    {
        var settings = new XmlWriterSettings { OmitXmlDeclaration = false, Indent = false, Encoding = new UTF8Encoding(false) };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            new XDocument(root).Save(writer);
        }

        return new Layout(Encoding.UTF8.GetString(stream.ToArray()), width, height);
    }

    /// <summary>Rows are the plan's lanes in board order, then "No lane" when some feature has none (or there are no lanes).</summary>
    private static List<LaneDoc?> Rows(PlanDocument document, IReadOnlyList<PlanReport.Column> columns)
    {
        var rows = document.Lanes.Cast<LaneDoc?>().ToList();
        if (rows.Count == 0 || columns.Any(c => c.Cells.Any(cell => cell.Lane is null && cell.Features.Count > 0)))
        {
            rows.Add(null);
        }

        return rows;
    }

    private static PlanReport.Cell? CellOf(PlanReport.Column column, LaneDoc? lane) =>
        column.Cells.FirstOrDefault(c => c.Lane?.Key == lane?.Key);

    private static XElement Card(double x, double y, double width, FeatureDoc feature)
    {
        var card = new XElement(Svg + "g", new XAttribute("class", "card"),
            Rect(x, y, width, CardHeight, feature.Status == FeatureStatus.Dropped ? "#f3f4f6" : "#ffffff", "#d1d5db", 5),
            Rect(x, y, 5, CardHeight, MoscowColor(feature.Moscow), null, 2),
            WrappedText(x + 13, y + 18, feature.Title, width - 22, CardFontSize, "#111827", TitleLines),
            Text(x + 13, y + CardHeight - 9, $"{PlanReport.Label(feature.Moscow)} · {PlanReport.Label(feature.Status)}", 11, "#4b5563"));
        return card;
    }

    private static string MoscowColor(Moscow moscow) => moscow switch
    {
        Moscow.Must => "#b91c1c",
        Moscow.Should => "#c2410c",
        Moscow.Could => "#1d4ed8",
        Moscow.Wont => "#6b7280",
        _ => "#d1d5db",
    };

    private static XElement Rect(double x, double y, double width, double height, string fill, string? stroke, double radius, params (string Name, string Value)[] extra)
    {
        var rect = new XElement(Svg + "rect",
            new XAttribute("x", Num(x)), new XAttribute("y", Num(y)), new XAttribute("width", Num(width)), new XAttribute("height", Num(height)),
            new XAttribute("rx", Num(radius)), new XAttribute("fill", fill));
        if (stroke is not null)
        {
            rect.Add(new XAttribute("stroke", stroke));
        }

        foreach (var (name, value) in extra)
        {
            rect.Add(new XAttribute(name, value));
        }

        return rect;
    }

    private static XElement Text(double x, double y, string text, double size, string fill, bool bold = false)
    {
        var element = new XElement(Svg + "text", new XAttribute("x", Num(x)), new XAttribute("y", Num(y)),
            new XAttribute("font-size", Num(size)), new XAttribute("fill", fill), Safe(text));
        if (bold)
        {
            element.Add(new XAttribute("font-weight", "600"));
        }

        return element;
    }

    /// <summary>Up to <paramref name="maxLines"/> lines of text as tspans; what does not fit ends in an ellipsis.
    /// SVG has no text wrapping, so widths are estimated from the character count, on the safe side.</summary>
    private static XElement WrappedText(double x, double y, string text, double width, double size, string fill, int maxLines, bool bold = false)
    {
        var perLine = Math.Max(4, (int)(width / (size * (bold ? 0.62 : 0.58))));
        var lines = Wrap(text, perLine, maxLines);
        var element = new XElement(Svg + "text", new XAttribute("x", Num(x)), new XAttribute("y", Num(y)),
            new XAttribute("font-size", Num(size)), new XAttribute("fill", fill));
        if (bold)
        {
            element.Add(new XAttribute("font-weight", "600"));
        }

        for (var i = 0; i < lines.Count; i++)
        {
            element.Add(new XElement(Svg + "tspan", new XAttribute("x", Num(x)), new XAttribute("dy", i == 0 ? "0" : Num(size * 1.25)), lines[i]));
        }

        return element;
    }

    /// <summary>Greedy word wrap by text elements (so an emoji or an accented letter is never cut in half); a word longer
    /// than a line is broken; the last line ends in "…" when text is left over.</summary>
    internal static List<string> Wrap(string text, int perLine, int maxLines)
    {
        var words = Safe(string.Join(" ", PlanReport.LinesOf(text))).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var lines = new List<string>();
        var current = new List<string>();
        var currentLength = 0;
        var truncated = false;
        for (var w = 0; w < words.Length; w++)
        {
            var elements = Elements(words[w]);
            var isLastWord = w == words.Length - 1;
            var start = 0;
            while (start < elements.Count)
            {
                var room = perLine - currentLength - (current.Count > 0 ? 1 : 0);
                var remaining = elements.Count - start;
                if (remaining <= room)
                {
                    if (current.Count > 0)
                    {
                        currentLength++;
                    }

                    current.Add(string.Concat(elements.Skip(start)));
                    currentLength += remaining;
                    start = elements.Count;
                }
                else if (current.Count > 0 && remaining <= perLine)
                {
                    lines.Add(string.Join(' ', current));
                    current = [];
                    currentLength = 0;
                }
                else
                {
                    var take = Math.Max(1, room);
                    current.Add(string.Concat(elements.Skip(start).Take(take)));
                    lines.Add(string.Join(' ', current));
                    current = [];
                    currentLength = 0;
                    start += take;
                }

                if (lines.Count >= maxLines)
                {
                    truncated = start < elements.Count || current.Count > 0 || !isLastWord;
                    break;
                }
            }

            if (lines.Count >= maxLines)
            {
                truncated |= !isLastWord;
                break;
            }
        }

        if (lines.Count < maxLines && current.Count > 0)
        {
            lines.Add(string.Join(' ', current));
        }

        if (lines.Count > maxLines)
        {
            lines = lines[..maxLines];
            truncated = true;
        }

        if (truncated && lines.Count > 0)
        {
            var last = Elements(lines[^1]);
            lines[^1] = string.Concat(last.Take(Math.Max(1, perLine - 1))).TrimEnd() + "…";
        }

        return lines;
    }

    internal static string Truncate(string text, double maxChars)
    {
        var elements = Elements(Safe(string.Join(" ", PlanReport.LinesOf(text))));
        var max = Math.Max(2, (int)maxChars);
        return elements.Count <= max ? string.Concat(elements) : string.Concat(elements.Take(max - 1)).TrimEnd() + "…";
    }

    private static List<string> Elements(string text)
    {
        var list = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            list.Add(e.GetTextElement());
        }

        return list;
    }

    /// <summary>Only characters XML allows: control characters and lone surrogates would make the file unreadable.</summary>
    internal static string Safe(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (c is '\t' or '\n' or '\r')
            {
                sb.Append(' ');
            }
            else if (XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
