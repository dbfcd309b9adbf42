using MvpPlanner.Core.Webhooks;

namespace MvpPlanner.Web.Features.Webhooks;

/// <summary>What users read for webhook events, states and failures.</summary>
public static class WebhookWords
{
    public static string Event(string name) => name switch
    {
        WebhookEvents.FeatureCreated => "A feature is created",
        WebhookEvents.FeatureUpdated => "A feature is changed",
        WebhookEvents.FeatureMoved => "A feature moves to another phase or lane",
        WebhookEvents.FeatureDeleted => "A feature is deleted",
        WebhookEvents.PhaseChanged => "A roadmap phase is added, changed or removed",
        WebhookEvents.FeedbackReceived => "Feedback is received",
        WebhookEvents.FindingOpened => "A readiness finding appears",
        WebhookEvents.FindingClosed => "A readiness finding is resolved",
        WebhookEvents.Ping => "Test event",
        _ => name,
    };

    public static string Status(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "Waiting",
        DeliveryStatus.Delivering => "Sending",
        DeliveryStatus.Succeeded => "Delivered",
        _ => "Failed",
    };

    /// <summary>A failure as stored ("HTTP 500", "timed out") in words.</summary>
    public static string Failure(string? error) => error switch
    {
        null or "" => "",
        "timed out" => "no answer in time",
        _ when error.StartsWith("HTTP ", StringComparison.Ordinal) => $"the receiver answered {error[5..]}",
        _ when error.StartsWith("refused", StringComparison.Ordinal) => "refused: the address is on a private or local network",
        _ when error.StartsWith("could not connect", StringComparison.Ordinal) => "could not connect to the receiver",
        _ => error,
    };
}
