namespace MvpPlanner.Core.Webhooks;

/// <summary>The <c>Planner:Webhooks</c> section: how often changes are looked for, how failed deliveries are retried,
/// and whether hooks may point at private addresses.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Planner:Webhooks";

    /// <summary>Allow URLs on loopback, private, link-local and other internal networks. Off: the server cannot be
    /// used to reach services behind its firewall (cloud metadata, an admin port on localhost).</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>How often new changes are looked for and due deliveries sent.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait before each retry; a delivery gets one attempt more than there are waits, then fails. Empty:
    /// <see cref="DefaultSchedule"/>. (Null by default: configuration binding appends to an array that has items.)</summary>
    public TimeSpan[]? RetrySchedule { get; set; }

    public static IReadOnlyList<TimeSpan> DefaultSchedule { get; } =
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(6)];

    public IReadOnlyList<TimeSpan> Schedule => RetrySchedule is { Length: > 0 } schedule ? schedule : DefaultSchedule;

    /// <summary>Failed attempts in a row (over all its deliveries) after which a hook is paused and its owner told.</summary>
    public int PauseAfterFailures { get; set; } = 10;

    /// <summary>How long a receiver has to answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Activity younger than this is read again on the next run: a change whose transaction commits late
    /// (its entry's id is below ones already seen) is still found. Must exceed the longest write transaction.</summary>
    public TimeSpan SafetyWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long delivered and failed deliveries stay listed before they are removed.</summary>
    public TimeSpan KeepDeliveries { get; set; } = TimeSpan.FromDays(30);

    public int MaxAttempts => Schedule.Count + 1;
}
