using OpenCpm.Live;

namespace OpenCpm.Control;

/// <summary>The latest <see cref="SiteSnapshot"/> and its changes (published by the control loop after every cycle).</summary>
internal sealed class SiteSnapshots
{
    public LiveValue<SiteSnapshot> Live { get; } = new(SiteSnapshot.Empty);

    public SiteSnapshot Current => Live.Current;
}
