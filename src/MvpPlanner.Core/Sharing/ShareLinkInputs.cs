using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;

namespace MvpPlanner.Core.Sharing;

public class ShareLinkInput
{
    public string Label { get; set; } = "";

    public ShareScope Scope { get; set; } = ShareScope.Roadmap;

    /// <summary>The last day (UTC) the link works; none: it works until revoked.</summary>
    public DateTime? ExpiresOn { get; set; }

    /// <summary>When a link with <see cref="ExpiresOn"/> stops working: the end of that day, UTC.</summary>
    public DateTime? ExpiresAt => ExpiresOn is { } day ? DateTime.SpecifyKind(day.Date.AddDays(1), DateTimeKind.Utc) : null;
}

public class ShareLinkInputValidator : InputValidator<ShareLinkInput>
{
    public ShareLinkInputValidator(TimeProvider clock, ILogger<ShareLinkInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(s => s.Label).Required("Say who the link is for, such as \"Investors\".").WithinLimit(TextLimits.Name);
        RuleFor(s => s.Scope).Must(scope => (scope & ShareScope.All) != ShareScope.None && (scope & ~ShareScope.All) == ShareScope.None)
            .WithMessage("Choose at least one part of the plan to share.");
        RuleFor(s => s.ExpiresAt).Must(at => at is null || at > clock.GetUtcNow().UtcDateTime)
            .OverridePropertyName(nameof(ShareLinkInput.ExpiresOn))
            .WithMessage("Choose today or a later day; a link cannot expire in the past.");
    }
}

public enum ShareLinkState
{
    Active,
    Expired,
    Revoked,
}

public sealed record CreatedShareLink(int Id, string Token);

public sealed record ShareLinkView(
    int Id,
    string Label,
    ShareScope Scope,
    DateTime CreatedAt,
    DateTime? ExpiresAt,
    DateTime? RevokedAt,
    DateTime? LastOpenedAt,
    int ViewCount,
    ShareLinkState State);

/// <summary>A link that opened: which plan, and which parts of it, an anonymous reader may see, and the plan's content
/// stamp and the day (UTC) when it was opened.</summary>
public sealed record OpenedShareLink(int LinkId, int PlanId, ShareScope Scope, long ContentStamp = 0, DateOnly? OpenedOn = null)
{
    /// <summary>Changes whenever the shared page's markup changes shape, so browsers and the page cache drop old copies.</summary>
    private const string PageFormat = "share-v4";

    /// <summary>A fingerprint of what the shared page shows (its ETag and cache key): it changes with every change to the
    /// plan and differs between links and scopes. Costs no query: the stamp came with the link. Every section says what
    /// changed in the last seven days (and Now / Next / Later moves with the calendar), so the day is part of it too.</summary>
    public string VersionStamp => Tokens.Hash(string.Create(CultureInfo.InvariantCulture,
        $"{PageFormat}|{LinkId}|{(int)Scope}|{ContentStamp}|{OpenedOn:yyyy-MM-dd}"))[..32]; // 128 bits are plenty for a cache validator
}
