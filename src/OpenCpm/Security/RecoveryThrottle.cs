namespace OpenCpm.Security;

/// <summary>
/// Slows down guessing of the recovery key, apart from the login throttle (so recovery works while the account is
/// locked out): at most <see cref="PerAddress"/> wrong keys per client address and <see cref="Total"/> in all within
/// <see cref="Window"/>; the total bounds an attacker who changes addresses.
/// </summary>
internal sealed class RecoveryThrottle(TimeProvider time)
{
    public const int PerAddress = 5;
    public const int Total = 20;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly Lock _lock = new();
    private readonly Queue<(DateTimeOffset At, string Address)> _failures = new();

    /// <summary>How long the caller must wait before trying again (zero = may try now).</summary>
    public TimeSpan RetryAfter(string address)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            Forget(now);
            var mine = _failures.Where(f => f.Address == address).ToList();
            if (mine.Count >= PerAddress)
            {
                return mine[^PerAddress].At + Window - now;
            }

            return _failures.Count >= Total ? _failures.ElementAt(_failures.Count - Total).At + Window - now : TimeSpan.Zero;
        }
    }

    public void RecordFailure(string address)
    {
        lock (_lock)
        {
            _failures.Enqueue((time.GetUtcNow(), address));
        }
    }

    private void Forget(DateTimeOffset now)
    {
        while (_failures.TryPeek(out var oldest) && now - oldest.At >= Window)
        {
            _failures.Dequeue();
        }
    }
}
