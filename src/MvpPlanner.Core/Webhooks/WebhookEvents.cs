namespace MvpPlanner.Core.Webhooks;

/// <summary>The events a hook can subscribe to, as receivers see them in the payload and the X-MvpPlanner-Event header.</summary>
public static class WebhookEvents
{
    public const string FeatureCreated = "feature.created";
    public const string FeatureUpdated = "feature.updated";
    public const string FeatureMoved = "feature.moved";
    public const string FeatureDeleted = "feature.deleted";
    public const string PhaseChanged = "phase.changed";
    public const string FeedbackReceived = "feedback.received";
    public const string FindingOpened = "readiness.finding_opened";
    public const string FindingClosed = "readiness.finding_closed";

    /// <summary>Sent by "Send test" only; never subscribed to.</summary>
    public const string Ping = "ping";

    public static IReadOnlyList<string> All { get; } =
        [FeatureCreated, FeatureUpdated, FeatureMoved, FeatureDeleted, PhaseChanged, FeedbackReceived, FindingOpened, FindingClosed];

    public static IReadOnlyList<string> Parse(string events) =>
        events.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(All.Contains).Distinct().ToList();

    public static string Join(IEnumerable<string> events) => string.Join(",", All.Where(events.Contains));

    /// <summary>The event an activity entry stands for, or null when no hook can want it.</summary>
    public static string? FromActivity(string itemKind, string action) => (itemKind, action) switch
    {
        ("Feature", "created" or "restored") => FeatureCreated,
        ("Feature", "updated") => FeatureUpdated,
        ("Feature", "moved") => FeatureMoved,
        ("Feature", "deleted") => FeatureDeleted,
        ("RoadmapPhase", _) => PhaseChanged,
        ("FeedbackItem", "created") => FeedbackReceived,
        _ => null,
    };
}
