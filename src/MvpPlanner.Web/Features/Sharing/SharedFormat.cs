using System.Globalization;
using MvpPlanner.Core.Operations;

namespace MvpPlanner.Web.Features.Sharing;

/// <summary>How the shared page writes times and numbers: the same for every reader, whatever their locale.</summary>
public static class SharedFormat
{
    public static string Moment(DateTime utc) => utc.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Day(DateOnly? day) => day?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "–";

    public static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "–";

    public static string Number(double? value) => value?.ToString("0.#", CultureInfo.InvariantCulture) ?? "–";

    public static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "–";

    public static string Automation(Automation automation) => automation switch
    {
        Core.Operations.Automation.Manual => "Manual",
        Core.Operations.Automation.PartlyAutomated => "Partly automated",
        _ => "Automated",
    };
}
