namespace MvpPlanner.Core.Accounts;

/// <summary>Who is calling a service: the signed-in person, or a script using one of their API tokens.</summary>
public sealed record Caller(string UserId, string DisplayName)
{
    /// <summary>Someone without an account, acting through a capability link (a feedback form): no user id, so what
    /// they write is attributed to no account, and the history names them by <paramref name="displayName"/>.</summary>
    public static Caller WithoutAccount(string displayName) => new("", displayName);

    /// <summary>The account's id; null for someone without an account.</summary>
    public string? AccountId => UserId.Length == 0 ? null : UserId;

    /// <summary>Set when the call comes through a personal access token: it narrows what the account may do.</summary>
    public ApiTokenScope? Token { get; init; }

    /// <summary>False for a workspace outside the token's scope: to the token, its plans do not exist.</summary>
    public bool MayReach(int workspaceId) => Token is null || Token.WorkspaceIds.Contains(workspaceId);

    /// <summary>The account's role, lowered to Viewer for a read-only token.</summary>
    public WorkspaceRole Limit(WorkspaceRole role) => Token is { CanWrite: false } && role > WorkspaceRole.Viewer ? WorkspaceRole.Viewer : role;
}

/// <summary>What a personal access token allows: the workspaces it reaches, and whether it may change anything.</summary>
public sealed record ApiTokenScope(int TokenId, string TokenName, IReadOnlyList<int> WorkspaceIds, bool CanWrite);

/// <summary>Tells services who is calling. The web app reads it from the sign-in; tests set it directly.</summary>
public interface ICallerAccessor
{
    Task<Caller?> GetCallerAsync();
}
