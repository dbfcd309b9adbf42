using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;

namespace MvpPlanner.Core.Webhooks;

public enum WebhookState
{
    Active = 0,
    Paused = 1,
}

/// <summary>A URL a workspace's owner registered to be told about changes: each event it subscribes to is POSTed to
/// it, signed with <see cref="Secret"/>.</summary>
public class Webhook : EntityBase
{
    protected internal override string ActivityName => Description.Length > 0 ? Description : Url;

    public int WorkspaceId { get; set; }

    public Workspace? Workspace { get; set; }

    public string Url { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>The subscribed event names (<see cref="WebhookEvents"/>), comma-separated.</summary>
    public string Events { get; set; } = "";

    /// <summary>The signing key. Kept as is because the server must sign with it; shown to the owner only when made,
    /// and never logged.</summary>
    public string Secret { get; set; } = "";

    public WebhookState State { get; set; }

    /// <summary>Failed attempts in a row, over all deliveries; reset by a success. At the threshold the hook pauses.</summary>
    public int ConsecutiveFailures { get; set; }

    public DateTime? PausedAt { get; set; }

    /// <summary>The last failure when it paused ("HTTP 500", "timed out"), for the owner.</summary>
    public string? PausedReason { get; set; }

    public IReadOnlyList<string> EventList => WebhookEvents.Parse(Events);
}

public enum DeliveryStatus
{
    Pending = 0,
    Delivering = 1,
    Succeeded = 2,
    Failed = 3,
}

/// <summary>One event to send to one hook, with its attempts so far. Made once per hook and source
/// (<see cref="SourceKey"/> is unique per hook), however many app instances notice the change.</summary>
public class WebhookDelivery
{
    public long Id { get; set; }

    public int WebhookId { get; set; }

    public Webhook? Webhook { get; set; }

    /// <summary>What caused it: "a{activity entry id}.{event}", "r{plan}.{n}.{finding}.{event}" or "ping.{guid}".
    /// Also the payload's id, so a receiver can drop a repeat.</summary>
    public string SourceKey { get; set; } = "";

    public string Event { get; set; } = "";

    public string Payload { get; set; } = "";

    public DeliveryStatus Status { get; set; }

    /// <summary>Attempts started; each claim counts one, so a late answer to an earlier claim cannot overwrite a later one.</summary>
    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    /// <summary>Until when the instance that claimed it may send it; afterwards another may take it over.</summary>
    public DateTime? LockedUntil { get; set; }

    public int? LastStatusCode { get; set; }

    /// <summary>Short, for the owner ("timed out", "refused: private address"); never a secret or a response body.</summary>
    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastAttemptAt { get; set; }

    public DateTime? DeliveredAt { get; set; }
}

/// <summary>How far the dispatchers have read the activity log: one row. Entries past it are read again on every run
/// (enqueuing is idempotent) until they are older than the safety window.</summary>
public class WebhookCursor
{
    public const int SingleId = 1;

    public int Id { get; set; }

    public long LastActivityId { get; set; }
}

/// <summary>The readiness findings last announced for one plan, so a change announces only what opened or closed.</summary>
public class WebhookFindingSet
{
    public int PlanId { get; set; }

    /// <summary>Finding keys ("rule:item"), newline-separated, sorted.</summary>
    public string Keys { get; set; } = "";

    /// <summary>Bumped by every change of <see cref="Keys"/>; the update is conditional on it, so of two instances only one announces.</summary>
    public int Version { get; set; }
}
