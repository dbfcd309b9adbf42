using System.Globalization;
using System.Text;

namespace MvpPlanner.Core.Reviews;

/// <summary>One all-day entry of a calendar feed. <see cref="RecurrenceRule"/> is an RFC 5545 RRULE value such as
/// <c>FREQ=WEEKLY;INTERVAL=2</c>; null for a single day.</summary>
public sealed record CalendarEvent(string Uid, DateOnly Date, string Summary, string Description, string? RecurrenceRule = null, string? Category = null);

/// <summary>Writes iCalendar (RFC 5545) text; a pure class, not an interface (the name is the format's). Lines end in
/// CRLF, are folded at 75 octets without splitting a UTF-8 character, and text values escape backslash, semicolon,
/// comma and line breaks.</summary>
public sealed class ICalendarWriter
{
    private const int MaxLineOctets = 75;
    private const string CrLf = "\r\n";

    private readonly StringBuilder _text = new();

    /// <summary>A whole feed: the calendar, named <paramref name="name"/>, with one VEVENT per event, each stamped
    /// <paramref name="stampUtc"/> (when the feed was made).</summary>
    public static string Calendar(string name, IEnumerable<CalendarEvent> events, DateTime stampUtc)
    {
        var writer = new ICalendarWriter()
            .Begin("VCALENDAR")
            .Raw("VERSION", "2.0")
            .Raw("PRODID", "-//MvpPlanner//Review reminders//EN")
            .Raw("CALSCALE", "GREGORIAN")
            .Raw("METHOD", "PUBLISH")
            .Text("X-WR-CALNAME", name)
            .Text("NAME", name)
            // Calendar apps poll a subscribed feed; a few hours keeps reminders current without hammering the server.
            .Raw("REFRESH-INTERVAL;VALUE=DURATION", "PT4H")
            .Raw("X-PUBLISHED-TTL", "PT4H");
        var stamp = stampUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var e in events)
        {
            writer.Begin("VEVENT")
                .Text("UID", e.Uid)
                .Raw("DTSTAMP", stamp)
                .Raw("DTSTART;VALUE=DATE", Day(e.Date))
                .Raw("DTEND;VALUE=DATE", Day(e.Date.AddDays(1)));
            if (e.RecurrenceRule is { } rule)
            {
                writer.Raw("RRULE", rule);
            }

            writer.Text("SUMMARY", e.Summary);
            if (e.Description.Length > 0)
            {
                writer.Text("DESCRIPTION", e.Description);
            }

            if (e.Category is { } category)
            {
                writer.Text("CATEGORIES", category);
            }

            writer.Raw("TRANSP", "TRANSPARENT").End("VEVENT");
        }

        return writer.End("VCALENDAR").ToString();
    }

    public ICalendarWriter Begin(string component) => Raw("BEGIN", component);

    public ICalendarWriter End(string component) => Raw("END", component);

    /// <summary>A property whose value is text: escaped, then folded.</summary>
    public ICalendarWriter Text(string name, string value) => Raw(name, Escape(value));

    /// <summary>A property whose value is already in iCalendar form (a date, a rule): folded only.</summary>
    public ICalendarWriter Raw(string name, string value)
    {
        _text.Append(Fold($"{name}:{value}")).Append(CrLf);
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>RFC 5545 TEXT: backslash, semicolon and comma escaped, every kind of line break as <c>\n</c>, and other
    /// control characters (not allowed in TEXT) dropped.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' or ';' or ',':
                    escaped.Append('\\').Append(c);
                    break;
                case '\r':
                    escaped.Append("\\n");
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    escaped.Append("\\n");
                    break;
                case '\t':
                    escaped.Append(c);
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>Splits a content line into physical lines of at most 75 octets (the continuation's leading space
    /// included), joined by CRLF and a space. Splits only between characters, never inside a UTF-8 sequence or a
    /// surrogate pair.</summary>
    public static string Fold(string line)
    {
        if (Encoding.UTF8.GetByteCount(line) <= MaxLineOctets)
        {
            return line;
        }

        var folded = new StringBuilder(line.Length + (line.Length / 70 * 3));
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxLineOctets)
            {
                folded.Append(CrLf).Append(' ');
                octets = 1;
            }

            folded.Append(rune.ToString());
            octets += size;
        }

        return folded.ToString();
    }

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
