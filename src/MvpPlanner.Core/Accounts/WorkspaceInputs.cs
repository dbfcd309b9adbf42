using FluentValidation;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Common;

namespace MvpPlanner.Core.Accounts;

public class WorkspaceInput
{
    public string Name { get; set; } = "";

    public int Version { get; set; }
}

public class InvitationInput
{
    public WorkspaceRole Role { get; set; } = WorkspaceRole.Editor;

    /// <summary>1 for one person; more for a workshop where many join through one link.</summary>
    public int MaxUses { get; set; } = 1;

    public int ExpiresInDays { get; set; } = 7;

    public string Label { get; set; } = "";
}

public class WorkspaceInputValidator : InputValidator<WorkspaceInput>
{
    public WorkspaceInputValidator(ILogger<WorkspaceInputValidator>? logger = null)
        : base(logger) =>
        RuleFor(w => w.Name).Required("Give the workspace a name.").WithinLimit(TextLimits.Name);
}

public class InvitationInputValidator : InputValidator<InvitationInput>
{
    public InvitationInputValidator(ILogger<InvitationInputValidator>? logger = null)
        : base(logger)
    {
        RuleFor(i => i.Role).IsInEnum();
        RuleFor(i => i.MaxUses).InclusiveBetween(1, 500).WithMessage("An invitation works from 1 to 500 times.");
        RuleFor(i => i.ExpiresInDays).InclusiveBetween(1, 90).WithMessage("An invitation expires after 1 to 90 days.");
        RuleFor(i => i.Label).WithinLimit(TextLimits.Name);
    }
}

public sealed record WorkspaceSummary(int Id, string Name, bool IsPersonal, WorkspaceRole MyRole, int MemberCount, int PlanCount, int Version)
{
    public bool IsOwner => MyRole == WorkspaceRole.Owner;

    public bool CanEdit => MyRole >= WorkspaceRole.Editor;
}

public sealed record MemberView(string UserId, string DisplayName, string Email, WorkspaceRole Role, DateTime JoinedAt);

public enum InvitationState
{
    Valid,
    Expired,
    Revoked,
    UsedUp,
    Unknown,
}

public sealed record InvitationView(int Id, string Label, WorkspaceRole Role, int MaxUses, int Uses, DateTime ExpiresAt, DateTime? RevokedAt, DateTime CreatedAt, InvitationState State);

public sealed record InvitationPreview(InvitationState State, string? WorkspaceName, WorkspaceRole? Role);

/// <summary>The raw token exists only in this answer: the database keeps its hash.</summary>
public sealed record CreatedInvitation(int Id, string Token);
