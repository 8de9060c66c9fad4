using OpenCpm.Data;
using OpenCpm.Protocols.Modbus;
using OpenCpm.Security;
using OpenCpm.Settings;

namespace OpenCpm.Meter;

/// <summary>The meter profile of the settings must be one the controller knows (built in or in the data folder).</summary>
internal sealed class KnownMeterProfileRule(MeterProfileCatalog profiles) : ISettingsRule<MeterSettings>
{
    public IEnumerable<string> Check(MeterSettings document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!string.IsNullOrEmpty(document.ProfileId) && profiles.Find(document.ProfileId) is null)
        {
            yield return $"The meter profile '{LogText.Escape(document.ProfileId)}' is unknown; `opencpm meter profiles` lists the known ones.";
        }
    }
}
