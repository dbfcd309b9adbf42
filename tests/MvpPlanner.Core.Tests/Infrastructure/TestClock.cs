namespace MvpPlanner.Core.Tests.Infrastructure;

/// <summary>A clock that stands still until a test moves it, so rules that depend on "today" are tested on fixed dates.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = now;

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
