using MvpPlanner.Core.Common;
using MvpPlanner.Core.Plans;

namespace MvpPlanner.Core.Accounts;

/// <summary>A team's space: every plan belongs to one, and only its members see it.</summary>
public class Workspace : EntityBase
{
    protected internal override string ActivityName => Name;

    public string Name { get; set; } = "";

    /// <summary>The workspace a new account gets for itself.</summary>
    public bool IsPersonal { get; set; }

    public List<WorkspaceMember> Members { get; set; } = [];

    public List<Plan> Plans { get; set; } = [];

    public List<Invitation> Invitations { get; set; } = [];
}

/// <summary>Ordered by rights: a higher role can do everything a lower one can.</summary>
public enum WorkspaceRole
{
    Viewer = 0,
    Editor = 1,
    Owner = 2,
}

public class WorkspaceMember
{
    public int Id { get; set; }

    public int WorkspaceId { get; set; }

    public Workspace? Workspace { get; set; }

    public string UserId { get; set; } = "";

    public PlannerUser? User { get; set; }

    public WorkspaceRole Role { get; set; }

    public DateTime JoinedAt { get; set; }
}

/// <summary>A link that lets people join a workspace with a role. Only the token's hash is stored.</summary>
public class Invitation
{
    public int Id { get; set; }

    public int WorkspaceId { get; set; }

    public Workspace? Workspace { get; set; }

    public string TokenHash { get; set; } = "";

    public WorkspaceRole Role { get; set; }

    public string Label { get; set; } = "";

    public int MaxUses { get; set; } = 1;

    public int Uses { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public string CreatedById { get; set; } = "";
}

/// <summary>Settings of the whole instance, one row.</summary>
public class InstanceSettings
{
    public int Id { get; set; }

    /// <summary>Open on a fresh instance so the first person can register; its administrator can close it.</summary>
    public bool RegistrationOpen { get; set; } = true;
}
