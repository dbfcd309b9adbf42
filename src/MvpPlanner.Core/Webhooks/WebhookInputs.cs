using FluentValidation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MvpPlanner.Core.Common;

namespace MvpPlanner.Core.Webhooks;

public class WebhookInput
{
    public string Url { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>Event names from <see cref="WebhookEvents.All"/>.</summary>
    public List<string> Events { get; set; } = [];

    public int Version { get; set; }
}

public class WebhookInputValidator : InputValidator<WebhookInput>
{
    public WebhookInputValidator(IOptions<WebhookOptions> options, ILogger<WebhookInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(h => h.Url).CustomAsync(async (url, context, ct) =>
        {
            if (await WebhookAddressGuard.CheckAsync(url, options.Value.AllowPrivateAddresses, ct) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
        RuleFor(h => h.Description).WithinLimit(TextLimits.Name);
        RuleFor(h => h.Events).Must(e => e.Count > 0).WithMessage("Choose at least one event to send.");
        RuleForEach(h => h.Events).Must(e => WebhookEvents.All.Contains(e)).WithMessage("This event does not exist.");
    }
}

public sealed record CreatedWebhook(int Id, string Secret);

public sealed record WebhookView(
    int Id, string Url, string Description, IReadOnlyList<string> Events, WebhookState State, int ConsecutiveFailures,
    DateTime? PausedAt, string? PausedReason, DateTime CreatedAt, int Version);

public sealed record DeliveryView(
    long Id, string Event, DeliveryStatus Status, int Attempts, int? LastStatusCode, string? LastError,
    DateTime CreatedAt, DateTime? LastAttemptAt, DateTime NextAttemptAt, DateTime? DeliveredAt);
