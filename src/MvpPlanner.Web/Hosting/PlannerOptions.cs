using MvpPlanner.Core.Data;

namespace MvpPlanner.Web.Hosting;

/// <summary>The "Planner" section of appsettings.</summary>
public sealed class PlannerOptions
{
    public const string Section = "Planner";

    /// <summary>Sqlite (the default: one file, nothing to run) or PostgreSql (several instances; needs <c>ConnectionStrings:Planner</c>).</summary>
    public DatabaseProvider DatabaseProvider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Where the SQLite file, logs and keys live when nothing else is configured; relative to the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Give the first account a demo workspace with a filled-in plan.</summary>
    public bool SeedDemoPlan { get; set; } = true;

    /// <summary>Redirect plain HTTP to HTTPS. Off by default: the app often runs behind a proxy that terminates TLS.
    /// (HSTS does not depend on it: it is sent whenever a request arrived over HTTPS.)</summary>
    public bool UseHttps { get; set; }

    /// <summary>Apply pending migrations when the app starts. Turn off when several instances share one database and the
    /// operator runs <c>migrate</c> once per deploy instead.</summary>
    public bool MigrateAtStart { get; set; } = true;

    /// <summary>Addresses of reverse proxies whose X-Forwarded-For/-Proto/-Host headers are believed.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, such as <c>10.0.0.0/8</c>) of reverse proxies whose forwarded headers are believed.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>Requests per minute one client address may make to shared plan pages (<c>/s/…</c>) before getting 429.</summary>
    public int ShareRateLimitPerMinute { get; set; } = 120;

    /// <summary>Feedback sends per hour one client address may make through feedback links (<c>/f/…</c>) before being asked to wait.</summary>
    public int FeedbackRateLimitPerHour { get; set; } = 30;

    /// <summary>API requests per minute one personal access token may make before getting 429 with Retry-After.</summary>
    public int ApiRateLimitPerMinute { get; set; } = 300;
}
