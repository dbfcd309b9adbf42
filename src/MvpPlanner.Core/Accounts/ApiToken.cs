namespace MvpPlanner.Core.Accounts;

/// <summary>A personal access token: a script acts as its owner, but only in <see cref="WorkspaceIds"/> and, unless
/// <see cref="CanWrite"/>, only to read. Only the secret's hash is stored; the secret is shown once, when it is made.</summary>
public class ApiToken
{
    /// <summary>Every secret starts with it, so a leaked one is recognisable in a paste or a secret scanner.</summary>
    public const string SecretPrefix = "mvpp_";

    public int Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>What the owner calls it ("Status report script"); history names changes made with it by this name.</summary>
    public string Name { get; set; } = "";

    public string SecretHash { get; set; } = "";

    /// <summary>The first characters of the secret, so its owner can tell tokens apart without the secret.</summary>
    public string Hint { get; set; } = "";

    public List<int> WorkspaceIds { get; set; } = [];

    public bool CanWrite { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>Written at most once a minute, so a busy script does not write on every call.</summary>
    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
