using System.Text;
using MvpPlanner.Core.Reviews;

namespace MvpPlanner.Core.Tests.Reviews;

public class ICalendarWriterTests
{
    private static readonly DateTime Stamp = new(2026, 12, 3, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Escape_SpecialCharacters_AreEscapedAsRfc5545Says()
    {
        ICalendarWriter.Escape("a\\b;c,d\ne\r\nf\rg").ShouldBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
    }

    [Fact]
    public void Escape_ControlCharacters_AreDroppedButTabsStay()
    {
        ICalendarWriter.Escape("bell\u0007 and\ttab\u0000").ShouldBe("bell and\ttab");
    }

    [Fact]
    public void Fold_ShortLine_StaysOneLine()
    {
        ICalendarWriter.Fold("SUMMARY:Review").ShouldBe("SUMMARY:Review");
    }

    [Theory]
    [InlineData("ä")] // 2 octets
    [InlineData("€")] // 3 octets
    [InlineData("🚀")] // 4 octets, a surrogate pair
    [InlineData("👩‍👩‍👧")] // a joined emoji: several 3- and 4-octet characters
    public void Fold_LongLineOfMultiByteCharacters_KeepsEveryLineWithin75OctetsAndNeverSplitsACharacter(string character)
    {
        var line = "SUMMARY:" + string.Concat(Enumerable.Repeat("Über " + character, 40));

        var folded = ICalendarWriter.Fold(line);

        var physical = folded.Split("\r\n");
        physical.Length.ShouldBeGreaterThan(1);
        foreach (var part in physical)
        {
            Encoding.UTF8.GetByteCount(part).ShouldBeLessThanOrEqualTo(75);
            char.IsLowSurrogate(part.TrimStart(' ')[0]).ShouldBeFalse();
            char.IsHighSurrogate(part[^1]).ShouldBeFalse();
        }

        physical.Skip(1).ShouldAllBe(p => p.StartsWith(' '));
        string.Concat(physical.Select((p, i) => i == 0 ? p : p[1..])).ShouldBe(line); // unfolding gives the line back
    }

    [Fact]
    public void Fold_AsciiLine_UsesTheFull75Octets()
    {
        var folded = ICalendarWriter.Fold("DESCRIPTION:" + new string('x', 200)).Split("\r\n");

        Encoding.UTF8.GetByteCount(folded[0]).ShouldBe(75);
        Encoding.UTF8.GetByteCount(folded[1]).ShouldBe(75);
    }

    [Fact]
    public void Calendar_EveryLine_EndsWithCrLfAndNoBareLineFeedRemains()
    {
        var text = ICalendarWriter.Calendar("Plan\nwith break", [new CalendarEvent("kpi-1@plan-1.mvpplanner", new DateOnly(2026, 12, 10), "Review; now", "Line one\nLine two, three")], Stamp);

        text.ShouldEndWith("END:VCALENDAR\r\n");
        text.Replace("\r\n", "").ShouldNotContain('\n');
        text.Replace("\r\n", "").ShouldNotContain('\r');
        text.ShouldContain("X-WR-CALNAME:Plan\\nwith break\r\n");
        text.ShouldContain("SUMMARY:Review\\; now\r\n");
        text.ShouldContain("DESCRIPTION:Line one\\nLine two\\, three\r\n");
    }

    [Fact]
    public void Calendar_AllDayRecurringEvent_HasDateValuesStampAndRule()
    {
        var text = ICalendarWriter.Calendar("Tool library",
            [new CalendarEvent("kpi-7@plan-3.mvpplanner", new DateOnly(2026, 12, 31), "KPI review", "", "FREQ=WEEKLY;INTERVAL=2")], Stamp);

        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldBe(
        [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//MvpPlanner//Review reminders//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:Tool library", "NAME:Tool library", "REFRESH-INTERVAL;VALUE=DURATION:PT4H", "X-PUBLISHED-TTL:PT4H",
            "BEGIN:VEVENT", "UID:kpi-7@plan-3.mvpplanner", "DTSTAMP:20261203T093000Z", "DTSTART;VALUE=DATE:20261231",
            "DTEND;VALUE=DATE:20270101", "RRULE:FREQ=WEEKLY;INTERVAL=2", "SUMMARY:KPI review", "TRANSP:TRANSPARENT", "END:VEVENT",
            "END:VCALENDAR",
        ]);
    }
}
