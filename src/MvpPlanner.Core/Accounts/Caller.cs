namespace MvpPlanner.Core.Accounts;

/// <summary>Who is calling a service: the signed-in person.</summary>
public sealed record Caller(string UserId, string DisplayName);

/// <summary>Tells services who is calling. The web app reads it from the sign-in; tests set it directly.</summary>
public interface ICallerAccessor
{
    Task<Caller?> GetCallerAsync();
}
