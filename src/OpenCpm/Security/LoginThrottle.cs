namespace OpenCpm.Security;

/// <summary>
/// Slows down password guessing. Failed logins are counted per user name and per client address; from the
/// <see cref="FreeFailures"/>th failure on, that key is locked out for <see cref="FirstLockout"/>, doubling with
/// every further failure up to <see cref="MaxLockout"/>. A key's count is forgotten after <see cref="ForgetAfter"/>
/// without failures; a successful login clears its user name (not its address).
/// </summary>
internal sealed class LoginThrottle(TimeProvider time)
{
    public const int FreeFailures = 5;
    public const int MaxTrackedKeys = 10_000;

    public static readonly TimeSpan FirstLockout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxLockout = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the caller must still wait before trying again (zero = may try now).</summary>
    public TimeSpan RetryAfter(string userName, string clientAddress)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var wait = TimeSpan.Zero;
            foreach (var key in Keys(userName, clientAddress))
            {
                if (_failures.TryGetValue(key, out var f) && f.LockedUntil > now && f.LockedUntil - now > wait)
                {
                    wait = f.LockedUntil - now;
                }
            }

            return wait;
        }
    }

    /// <summary>Counts a failure; returns the lockout it starts (zero while failures are still free).</summary>
    public TimeSpan RecordFailure(string userName, string clientAddress)
    {
        var now = time.GetUtcNow();
        var lockout = TimeSpan.Zero;
        lock (_lock)
        {
            if (_failures.Count >= MaxTrackedKeys)
            {
                Forget(now);
            }

            foreach (var key in Keys(userName, clientAddress))
            {
                var f = _failures.TryGetValue(key, out var known) && now - known.Last < ForgetAfter ? known : new Failures(0, now, now);
                var count = f.Count + 1;
                var lockedUntil = count < FreeFailures ? f.LockedUntil : now + Lockout(count);
                _failures[key] = new Failures(count, now, lockedUntil);
                if (lockedUntil - now > lockout)
                {
                    lockout = lockedUntil - now;
                }
            }
        }

        return lockout;
    }

    public void RecordSuccess(string userName)
    {
        lock (_lock)
        {
            _failures.Remove(UserKey(userName));
        }
    }

    /// <summary>Forgets the failures of a client address (its owner proved who they are, e.g. with the recovery key).</summary>
    public void ForgetAddress(string clientAddress)
    {
        lock (_lock)
        {
            _failures.Remove("address:" + clientAddress);
        }
    }

    /// <summary>The lockout after the <paramref name="failures"/>th failure in a row.</summary>
    public static TimeSpan Lockout(int failures)
    {
        var doublings = Math.Min(failures - FreeFailures, 10);
        var lockout = FirstLockout * Math.Pow(2, doublings);
        return lockout > MaxLockout ? MaxLockout : lockout;
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, f) in _failures.ToList())
        {
            if (now - f.Last >= ForgetAfter && f.LockedUntil <= now)
            {
                _failures.Remove(key);
            }
        }
    }

    private static string[] Keys(string userName, string clientAddress) => [UserKey(userName), "address:" + clientAddress];

    private static string UserKey(string userName) => "user:" + userName.ToUpperInvariant();

    private readonly record struct Failures(int Count, DateTimeOffset Last, DateTimeOffset LockedUntil);
}
