using FluentValidation;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;

namespace MvpPlanner.Core.Sharing;

public class FeedbackLinkInput
{
    public string Label { get; set; } = "";

    /// <summary>The last day (UTC) the form takes feedback; none: until revoked.</summary>
    public DateTime? ExpiresOn { get; set; }

    /// <summary>When a link with <see cref="ExpiresOn"/> stops working: the end of that day, UTC.</summary>
    public DateTime? ExpiresAt => ExpiresOn is { } day ? DateTime.SpecifyKind(day.Date.AddDays(1), DateTimeKind.Utc) : null;
}

public class FeedbackLinkInputValidator : InputValidator<FeedbackLinkInput>
{
    public FeedbackLinkInputValidator(TimeProvider clock, ILogger<FeedbackLinkInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(s => s.Label).Required("Say where the link is handed out, such as \"Customer office hours\".").WithinLimit(TextLimits.Name);
        RuleFor(s => s.ExpiresAt).Must(at => at is null || at > clock.GetUtcNow().UtcDateTime)
            .OverridePropertyName(nameof(FeedbackLinkInput.ExpiresOn))
            .WithMessage("Choose today or a later day; a link cannot expire in the past.");
    }
}

/// <summary>What someone without an account sends through the public feedback form.</summary>
public class FeedbackFormInput
{
    public string Text { get; set; } = "";

    /// <summary>Their name or contact (optional).</summary>
    public string Name { get; set; } = "";

    public string Organisation { get; set; } = "";
}

public class FeedbackFormInputValidator : InputValidator<FeedbackFormInput>
{
    public FeedbackFormInputValidator(ILogger<FeedbackFormInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(f => f.Text).Required("Write your feedback before sending it.").WithinLimit(TextLimits.Text);
        RuleFor(f => f.Name).WithinLimit(TextLimits.Name);
        RuleFor(f => f.Organisation).WithinLimit(TextLimits.Name);
    }
}

public sealed record CreatedFeedbackLink(int Id, string Token);

public sealed record FeedbackLinkView(
    int Id,
    string Label,
    DateTime CreatedAt,
    DateTime? ExpiresAt,
    DateTime? RevokedAt,
    DateTime? LastUsedAt,
    int SubmissionCount,
    ShareLinkState State);

/// <summary>What the public form shows about the plan it collects feedback for: its name, nothing else.</summary>
public sealed record FeedbackFormView(string PlanName);
