using System.Globalization;
using System.Text.Json;
using OpenCpm.Data;
using OpenCpm.Maintenance;
using OpenCpm.Settings;
using OpenCpm.Updates;

namespace OpenCpm.Provisioning;

/// <summary>
/// The USB stick of the manual (7, 10.2.2), as a watched folder: file events and a periodic look, then once the files
/// have settled — with "Allow USB init", an empty <c>CFG</c> folder gets this controller's configuration file; with
/// "Allow USB config", a <c>CFG/*.conf</c> is loaded (the file-name rules of 7.2.3 apply) and the controller restarts,
/// as the manual has the electrician do; with USB update allowed, a package in <c>UPD</c> is installed. Each file is
/// handled once per stick (remembered in the data folder across the restart it causes; forgotten when the stick goes).
/// Everything done is in the event log and in <see cref="Status"/>.
/// </summary>
internal sealed class UsbFolder(
    IConfiguration configuration,
    StorageOptions storage,
    SettingsService settings,
    ConfigurationFileService files,
    SoftwareUpdates updates,
    ControllerRestart restart,
    ControllerIdentity identity,
    EventLog events,
    TimeProvider time,
    ILogger<UsbFolder> logger) : BackgroundService
{
    public const string EventSource = "usb";
    public const string ConfigFolder = "CFG";
    public const string UpdateFolder = "UPD";
    public const string StateFileName = "usb-state.json";
    public const string Actor = "the USB stick";

    private readonly UsbOptions _options = configuration.GetSection(UsbOptions.Section).Get<UsbOptions>() ?? new UsbOptions();
    private readonly WakeSignal _wake = new();
    private readonly Lock _lock = new();
    private readonly List<UsbAction> _recent = [];
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private DateTimeOffset? _lastScan;
    private bool _present;

    public string Path => _options.Folder ?? System.IO.Path.Combine(storage.DataDirectory, UsbOptions.DefaultFolderName);

    private string StatePath => System.IO.Path.Combine(storage.DataDirectory, StateFileName);

    public UsbStatus Status
    {
        get
        {
            var device = settings.Current.Get<DeviceSettings>();
            lock (_lock)
            {
                return new UsbStatus(Path, _present, device.AllowUsbInit, device.AllowUsbConfig, device.AllowUsbUpdate, _lastScan, [.. _recent]);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.Folder is null)
        {
            Directory.CreateDirectory(Path);
        }

        using var settingsChanges = settings.Changes.Subscribe(_ => _wake.Set());
        FileSystemWatcher? watcher = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                watcher ??= TryWatch();
                await _wake.WaitAsync(TimeSpan.FromSeconds(_options.RescanSeconds), time, stoppingToken);
                while (await _wake.WaitAsync(TimeSpan.FromSeconds(_options.SettleSeconds), time, stoppingToken))
                {
                    // Files still change: wait until they have settled.
                }

                try
                {
                    await ScanAsync(stoppingToken);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    MaintenanceLog.UsbFailed(logger, Path, e);
                }

                if (watcher is not null && !Directory.Exists(Path))
                {
                    watcher.Dispose();
                    watcher = null;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            watcher?.Dispose();
        }
    }

    private FileSystemWatcher? TryWatch()
    {
        if (!Directory.Exists(Path))
        {
            return null;
        }

        var watcher = new FileSystemWatcher(Path) { IncludeSubdirectories = true };
        watcher.Created += (_, _) => _wake.Set();
        watcher.Changed += (_, _) => _wake.Set();
        watcher.Deleted += (_, _) => _wake.Set();
        watcher.Renamed += (_, _) => _wake.Set();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private async Task ScanAsync(CancellationToken cancellationToken)
    {
        var present = Directory.Exists(Path) && Directory.EnumerateFileSystemEntries(Path).Any();
        lock (_lock)
        {
            _lastScan = time.GetUtcNow();
            if (present != _present)
            {
                MaintenanceLog.Usb(logger, Path, present ? "a stick is in" : "the stick was taken out");
            }

            _present = present;
        }

        if (!present)
        {
            // The stick is out: its files may be handled again on the next one.
            _reported.Clear();
            File.Delete(StatePath);
            return;
        }

        var handled = ReadHandled();
        var device = settings.Current.Get<DeviceSettings>();
        var cfg = Child(ConfigFolder);
        if (cfg is not null)
        {
            var conf = Directory.EnumerateFiles(cfg).Where(f => f.EndsWith(".conf", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
            if (conf.Count == 0 && device.AllowUsbInit)
            {
                await WriteConfigurationAsync(cfg, handled, cancellationToken);
                return;
            }

            foreach (var file in conf.Where(f => !handled.Contains(Fingerprint(f))))
            {
                if (!device.AllowUsbConfig)
                {
                    await ReportOnceAsync(file, "not loaded: loading a configuration from USB is off (Configuration › Device › Allow USB config)", cancellationToken);
                    continue;
                }

                if (await LoadConfigurationAsync(file, handled, cancellationToken))
                {
                    restart.Request("configuration loaded from the USB stick");
                    return;
                }
            }
        }

        if (Child(UpdateFolder) is { } upd)
        {
            foreach (var file in Directory.EnumerateFiles(upd).Order(StringComparer.Ordinal).Where(f => !handled.Contains(Fingerprint(f))))
            {
                if (!device.AllowUsbUpdate)
                {
                    await ReportOnceAsync(file, "not installed: software updates from USB are off (Configuration › Device)", cancellationToken);
                    continue;
                }

                Remember(handled, file);
                var result = await updates.InstallAsync(file, Actor, Actor, cancellationToken);
                Record(file, result.Installed ? $"installed version {result.Version}; restarting" : $"refused: {result.Message}", result.Installed);
                if (result.Installed)
                {
                    return;
                }
            }
        }
    }

    private async Task WriteConfigurationAsync(string cfg, HashSet<string> handled, CancellationToken cancellationToken)
    {
        var export = await files.ExportAsync(generic: false, cancellationToken);
        var path = System.IO.Path.Combine(cfg, export.FileName);
        await File.WriteAllTextAsync(path, export.Text, cancellationToken);
        Record(path, "configuration written", true);
        await events.InfoAsync(EventSource, $"The configuration was written to the USB stick ({Relative(path)}).", cancellationToken);
        Remember(handled, path);
    }

    private async Task<bool> LoadConfigurationAsync(string file, HashSet<string> handled, CancellationToken cancellationToken)
    {
        Remember(handled, file);
        var text = await File.ReadAllTextAsync(file, cancellationToken);
        var result = await files.ImportAsync(text, System.IO.Path.GetFileName(file), ConfigImportSource.Usb, Actor, cancellationToken);
        Record(file, result.Applied ? "configuration loaded; restarting" : "not loaded: " + string.Join(" ", result.Problems), result.Applied);
        return result.Applied;
    }

    private async Task ReportOnceAsync(string file, string what, CancellationToken cancellationToken)
    {
        if (_reported.Add(Fingerprint(file) + what))
        {
            Record(file, what, false);
            await events.WarningAsync(EventSource, $"{Relative(file)} on the USB stick was {what}.", cancellationToken);
        }
    }

    private void Record(string file, string what, bool succeeded)
    {
        MaintenanceLog.Usb(logger, Path, $"{Relative(file)}: {what}");
        lock (_lock)
        {
            _recent.Insert(0, new UsbAction(time.GetUtcNow(), Relative(file), what, succeeded));
            if (_recent.Count > 20)
            {
                _recent.RemoveAt(_recent.Count - 1);
            }
        }
    }

    /// <summary>The stick's subfolder of that name in any case (FAT32 knows no case), or null.</summary>
    private string? Child(string name) =>
        Directory.EnumerateDirectories(Path).FirstOrDefault(d => string.Equals(System.IO.Path.GetFileName(d), name, StringComparison.OrdinalIgnoreCase));

    private string Relative(string file) => System.IO.Path.GetRelativePath(Path, file).Replace('\\', '/');

    private string Fingerprint(string file)
    {
        var info = new FileInfo(file);
        return string.Create(CultureInfo.InvariantCulture, $"{Relative(file)}|{info.Length}|{info.LastWriteTimeUtc.Ticks}|{identity.Serial}");
    }

    private HashSet<string> ReadHandled()
    {
        try
        {
            return File.Exists(StatePath) ? JsonSerializer.Deserialize<HashSet<string>>(File.ReadAllBytes(StatePath)) ?? [] : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Keeps the file from being handled again on this stick (nothing to keep when the stick was pulled meanwhile).</summary>
    private void Remember(HashSet<string> handled, string file)
    {
        if (!File.Exists(file))
        {
            return;
        }

        handled.Add(Fingerprint(file));
        File.WriteAllBytes(StatePath, JsonSerializer.SerializeToUtf8Bytes(handled));
    }
}
