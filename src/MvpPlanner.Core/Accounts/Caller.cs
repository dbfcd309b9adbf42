namespace MvpPlanner.Core.Accounts;

/// <summary>Who is calling a service: the signed-in person.</summary>
public sealed record Caller(string UserId, string DisplayName)
{
    /// <summary>Someone without an account, acting through a capability link (a feedback form): no user id, so what
    /// they write is attributed to no account, and the history names them by <paramref name="displayName"/>.</summary>
    public static Caller WithoutAccount(string displayName) => new("", displayName);

    /// <summary>The account's id; null for someone without an account.</summary>
    public string? AccountId => UserId.Length == 0 ? null : UserId;
}

/// <summary>Tells services who is calling. The web app reads it from the sign-in; tests set it directly.</summary>
public interface ICallerAccessor
{
    Task<Caller?> GetCallerAsync();
}
