using System.Globalization;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Web.Features.Roadmap;

/// <summary>A phase's dates as people read them ("3 Mar 2027 – 30 Apr 2027"), or null when it has none.</summary>
public static class PhaseDates
{
    public static string? Of(PhaseView phase) => (phase.StartDate, phase.EndDate) switch
    {
        (null, null) => null,
        ({ } start, null) => $"from {Format(start)}",
        (null, { } end) => $"until {Format(end)}",
        ({ } start, { } end) => $"{Format(start)} – {Format(end)}",
    };

    private static string Format(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.CurrentCulture);
}
