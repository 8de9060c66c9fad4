using System.Runtime.InteropServices;

namespace OpenCpm.Provisioning;

/// <summary>
/// Reads the clock's synchronisation state (manual 8.1.6, Device: time synchronisation) from the Linux kernel: the
/// state <c>adjtimex(2)</c> returns with no change requested, which NTP daemons (chrony, ntpd, systemd-timesyncd) keep
/// up to date. The controller never sets the clock itself; the operating system's time service does.
/// </summary>
internal static class ClockSync
{
    /// <summary>TIME_ERROR of adjtimex: the clock is not synchronised.</summary>
    private const int TimeError = 5;

    /// <summary>struct timex is 208 bytes on 64-bit Linux; a larger zeroed buffer leaves room on every ABI.</summary>
    private const int TimexBufferBytes = 512;

    public static TimeSyncStatus Read(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        if (!OperatingSystem.IsLinux())
        {
            return new TimeSyncStatus(null, "Unknown: only a Linux host reports its clock's synchronisation.", now);
        }

        var buffer = Marshal.AllocHGlobal(TimexBufferBytes);
        try
        {
            for (var i = 0; i < TimexBufferBytes; i++)
            {
                Marshal.WriteByte(buffer, i, 0); // modes = 0: read only
            }

            var state = Adjtimex(buffer);
            return state switch
            {
                < 0 => new TimeSyncStatus(null, $"Unknown: the kernel did not answer (error {Marshal.GetLastPInvokeError()}).", now),
                TimeError => new TimeSyncStatus(false, "Not synchronised: the clock has no time source (check the NTP service and the network).", now),
                _ => new TimeSyncStatus(true, "Synchronised by the operating system's time service (NTP).", now),
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return new TimeSyncStatus(null, "Unknown: the C library does not offer adjtimex.", now);
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
        }
    }

    // A blittable signature: DllImport needs no unsafe code, unlike LibraryImport's generated stub.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "adjtimex", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Adjtimex(IntPtr timex);
#pragma warning restore SYSLIB1054
}
