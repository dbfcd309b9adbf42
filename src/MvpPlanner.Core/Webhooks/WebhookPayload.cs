using System.Text.Json;
using System.Text.Json.Serialization;

namespace MvpPlanner.Core.Webhooks;

public sealed record PayloadRef(int Id, string Name);

public sealed record PayloadItem(string Kind, int? Id, string Name);

/// <summary>The JSON body of a delivery. <see cref="Id"/> stays the same across retries, so a receiver can drop repeats.</summary>
public sealed record WebhookPayload(
    string Id,
    string Event,
    DateTime OccurredAt,
    PayloadRef Workspace,
    PayloadRef? Plan,
    PayloadItem? Item,
    string? Actor,
    IReadOnlyDictionary<string, object?> Data)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(WebhookPayload payload) =>
        JsonSerializer.Serialize(payload with { OccurredAt = DateTime.SpecifyKind(payload.OccurredAt, DateTimeKind.Utc) }, Options);

    /// <summary>The item kinds as a receiver reads them.</summary>
    public static string KindOf(string itemKind) => itemKind switch
    {
        "Feature" => "feature",
        "RoadmapPhase" => "phase",
        "FeedbackItem" => "feedback",
        _ => itemKind.ToLowerInvariant(),
    };
}
