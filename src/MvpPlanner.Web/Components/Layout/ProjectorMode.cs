namespace MvpPlanner.Web.Components.Layout;

/// <summary>Projector mode for the plan pages: no app chrome, large type for a room. One per circuit, so the mode
/// stays on while the facilitator moves between a plan's sections.</summary>
public sealed class ProjectorMode
{
    public bool IsOn { get; private set; }

    /// <summary>Raised after the mode changes; the layout and the pages re-render.</summary>
    public event Action? Changed;

    public void Set(bool on)
    {
        if (IsOn == on)
        {
            return;
        }

        IsOn = on;
        Changed?.Invoke();
    }

    public void Toggle() => Set(!IsOn);
}
