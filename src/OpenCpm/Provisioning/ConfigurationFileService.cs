using OpenCpm.Core.Configuration;
using OpenCpm.Data;
using OpenCpm.Settings;
using OpenCpm.Updates;

namespace OpenCpm.Provisioning;

/// <summary>
/// The configuration file of the manual (chapter 7) for the REST API, the command line, the USB folder and the web
/// UI: export (named after the controller's serial, secrets empty) and import — all of it through one
/// <see cref="SettingsService.UpdateManyAsync"/> edit, or nothing — with the result in the event log.
/// </summary>
internal sealed class ConfigurationFileService(
    SettingsService settings, ControllerIdentity identity, InstalledVersion version, EventLog events, TimeProvider time)
{
    public const string EventSource = "configuration";

    public async Task<ConfigFileExport> ExportAsync(bool generic, CancellationToken cancellationToken)
    {
        var snapshot = await settings.GetAsync(cancellationToken);
        var document = ConfigFileWriter.Write(snapshot, identity.Serial, version.Version, time.GetUtcNow(), generic);
        return new ConfigFileExport(ConfigKeys.FileName(generic ? null : identity.Serial), IniConfigFile.Write(document));
    }

    /// <summary>
    /// Loads <paramref name="text"/>. <paramref name="fileName"/> (when known) must not carry another controller's
    /// serial; a USB stick's file named without a serial must hold no per-device entries (manual 7.2.3).
    /// </summary>
    public async Task<ConfigImportResult> ImportAsync(string text, string? fileName, ConfigImportSource source, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = fileName ?? "the configuration file";
        var result = await ReadAndApplyAsync(text, fileName, source, actor, cancellationToken);
        var from = source switch
        {
            ConfigImportSource.Usb => " from the USB stick",
            ConfigImportSource.CommandLine => " from the command line",
            _ => "",
        };
        if (result.Applied)
        {
            var notes = result.Notices.Count == 0 ? "" : FormattableString.Invariant($" ({result.Notices.Count} notice(s): {string.Join(" ", result.Notices)})");
            await events.InfoAsync(EventSource, source == ConfigImportSource.Usb ? $"{name} was loaded from the USB stick{notes}." : $"{actor} loaded {name}{from}{notes}.", cancellationToken);
        }
        else
        {
            await events.WarningAsync(EventSource, $"{name}{from} was not loaded, nothing was changed: {string.Join(" ", result.Problems)}", cancellationToken);
        }

        return result;
    }

    private async Task<ConfigImportResult> ReadAndApplyAsync(string text, string? fileName, ConfigImportSource source, string actor, CancellationToken cancellationToken)
    {
        var serial = identity.Serial;
        if (fileName is not null && ConfigFileNames.SerialIn(fileName) is { } named && named != serial)
        {
            return ConfigImportResult.Refused([$"\"{Path.GetFileName(fileName)}\" is named for controller {named}, not for this one ({serial}): only a file named without a serial configures any controller (manual 7.2.3)."]);
        }

        var parsed = IniConfigFile.Parse(text);
        if (parsed.Document is not { } document)
        {
            return ConfigImportResult.Refused([.. parsed.Problems.Select(p => p.ToString())]);
        }

        var reader = new ConfigFileReader(document, serial);
        if (source == ConfigImportSource.Usb && fileName is not null && ConfigFileNames.SerialIn(fileName) is null && reader.PerDeviceEntries() is [_, ..] perDevice)
        {
            return ConfigImportResult.Refused(
            [
                $"\"{Path.GetFileName(fileName)}\" is named without a serial, so it would configure any controller, but it holds per-device entries: "
                + string.Join("; ", perDevice.Select(p => p.ToString()))
                + $". Remove them, or name the file after this controller ({ConfigKeys.FileName(serial)}).",
            ]);
        }

        var outcome = await settings.UpdateManyAsync(reader.ApplyTo, actor, what: null, cancellationToken);
        return outcome.IsSaved
            ? new ConfigImportResult(true, [], reader.Notices, outcome.Warnings)
            : ConfigImportResult.Refused(outcome.Errors, reader.Notices);
    }
}
