namespace MvpPlanner.Core.Accounts;

/// <summary>A caller set by code rather than read from a sign-in: for work done on someone's behalf
/// outside a request, and for tests that act as a given person.</summary>
public sealed class SettableCallerAccessor : ICallerAccessor
{
    public Caller? Caller { get; set; }

    public Task<Caller?> GetCallerAsync() => Task.FromResult(Caller);
}
