using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.Settings;

namespace OpenCpm.Ocpp;

/// <summary>
/// GetConfiguration and ChangeConfiguration on the keys of <see cref="OcppConfigurationKeys"/>: all keys (or the ones
/// asked for, unknown ones reported as unknown), read from the settings now; a change is checked and saved like any
/// settings edit (validated, stored, audited as "The backend changed …"), a read-only key or a bad value is Rejected,
/// an unknown key NotSupported.
/// </summary>
internal sealed class OcppConfiguration(SettingsService settings, IServiceProvider services)
{
    public const string Actor = "The backend";

    public GetConfigurationResponse Get(IReadOnlyList<string>? keys)
    {
        var snapshot = settings.Current;
        var connectors = new OcppConnectors(snapshot.Site);
        if (keys is not { Count: > 0 })
        {
            return new GetConfigurationResponse { ConfigurationKey = [.. OcppConfigurationKeys.All.Where(k => k.Reported).Select(k => Value(k, snapshot, connectors))] };
        }

        var known = new List<KeyValue>();
        var unknown = new List<string>();
        foreach (var name in keys)
        {
            if (OcppConfigurationKeys.Find(name) is { Reported: true } key)
            {
                known.Add(Value(key, snapshot, connectors));
            }
            else
            {
                unknown.Add(name);
            }
        }

        return new GetConfigurationResponse { ConfigurationKey = known.Count > 0 ? known : null, UnknownKey = unknown.Count > 0 ? unknown : null };
    }

    /// <summary>
    /// Checks the change on a trial batch of the settings as they are (the key's own rule and the documents'
    /// validation); when it passes, Apply is the saving itself, to run now or (AfterAnswer: a key that reconnects the
    /// link) once the answer is sent.
    /// </summary>
    public (ConfigurationStatus Status, Func<CancellationToken, Task<bool>>? Apply, bool AfterAnswer) Prepare(string name, string value)
    {
        if (OcppConfigurationKeys.Find(name) is not { } key)
        {
            return (ConfigurationStatus.NotSupported, null, false);
        }

        if (key.Write is not { } write)
        {
            return (ConfigurationStatus.Rejected, null, false);
        }

        var trial = new SettingsBatch(settings.Current, services); // with the settings rules, as the saving itself
        if (write(trial, value) is not true || trial.Errors.Count > 0)
        {
            return (ConfigurationStatus.Rejected, null, false);
        }

        return (ConfigurationStatus.Accepted, async cancellationToken =>
        {
            var written = false;
            var outcome = await settings.UpdateManyAsync(batch => written = write(batch, value) is true, Actor, key.Reported ? $"the OCPP key {key.Name} to \"{value}\"" : $"the OCPP key {key.Name}", cancellationToken);
            return written && outcome.IsSaved;
        }, key.AppliedAfterAnswer);
    }

    private static KeyValue Value(OcppConfigurationKey key, SettingsSnapshot snapshot, OcppConnectors connectors)
    {
        var value = key.Read(snapshot, connectors);
        return new KeyValue { Key = key.Name, Readonly = key.ReadOnly, Value = value.Length <= 500 ? value : value[..500] };
    }
}
