namespace MvpPlanner.Web.Hosting;

/// <summary>The "Planner" section of appsettings.</summary>
public sealed class PlannerOptions
{
    public const string Section = "Planner";

    /// <summary>Where the SQLite file, logs and keys live when nothing else is configured; relative to the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Seed a filled-in demo plan when the database is empty.</summary>
    public bool SeedDemoPlan { get; set; } = true;
}
