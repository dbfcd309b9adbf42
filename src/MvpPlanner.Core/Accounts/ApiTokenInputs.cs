using FluentValidation;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;

namespace MvpPlanner.Core.Accounts;

public class ApiTokenInput
{
    public string Name { get; set; } = "";

    public List<int> WorkspaceIds { get; set; } = [];

    public bool CanWrite { get; set; }

    /// <summary>How long the token lasts, in days from now (1 to 365).</summary>
    public int ExpiresInDays { get; set; } = 90;
}

public class ApiTokenInputValidator : InputValidator<ApiTokenInput>
{
    public const int MaxDays = 365;

    public ApiTokenInputValidator(ILogger<ApiTokenInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(t => t.Name).Required("Name the token after what uses it, such as \"Status report script\".").WithinLimit(100);
        RuleFor(t => t.WorkspaceIds).NotEmpty().WithMessage("Choose at least one workspace the token may reach.");
        RuleFor(t => t.ExpiresInDays).InclusiveBetween(1, MaxDays).WithMessage($"A token lasts from 1 to {MaxDays} days.");
    }
}

/// <summary>The secret is here this once; only its hash is kept.</summary>
public sealed record CreatedApiToken(int Id, string Secret);

public sealed record ApiTokenView(
    int Id,
    string Name,
    string Hint,
    IReadOnlyList<string> Workspaces,
    bool CanWrite,
    DateTime CreatedAt,
    DateTime ExpiresAt,
    DateTime? LastUsedAt,
    DateTime? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;

    public bool IsExpired(DateTime now) => ExpiresAt <= now;
}
