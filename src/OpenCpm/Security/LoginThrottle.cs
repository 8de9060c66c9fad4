namespace OpenCpm.Security;

/// <summary>
/// Slows down password guessing (logins and password changes) without letting anyone lock a user out.
/// <list type="bullet">
/// <item>Per client address first: from the <see cref="FreeFailures"/>th failure on, the address is locked out for
/// <see cref="FirstLockout"/>, doubling with every further failure up to <see cref="MaxLockout"/>.</item>
/// <item>Per user name, counted over all addresses (a guesser with many addresses): the same lockouts, but they
/// apply only to addresses that have failed themselves, and never to an address the user logged in from before.
/// The owner, at an address that never failed or that they used before, can always log in.</item>
/// </list>
/// A count is forgotten after <see cref="ForgetAfter"/> without failures; a successful login clears its name's count.
/// Memory is bounded: at most <see cref="MaxTrackedKeys"/> addresses and as many names (the stalest go first), at
/// most <see cref="MaxKnownAddresses"/> known-good addresses per name, names cut to <see cref="MaxNameLength"/>.
/// </summary>
internal sealed class LoginThrottle(TimeProvider time)
{
    public const int FreeFailures = 5;
    public const int MaxTrackedKeys = 10_000;
    public const int MaxKnownAddresses = 16;

    /// <summary>Longer user names are refused before they reach the throttle; this bounds what a key may hold.</summary>
    public const int MaxNameLength = 64;

    public static readonly TimeSpan FirstLockout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxLockout = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    /// <summary>How long an address that logged in stays known as the user's own.</summary>
    public static readonly TimeSpan RememberGoodAddressFor = TimeSpan.FromDays(30);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Failures> _addresses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Failures> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>> _knownAddresses = new(StringComparer.Ordinal);

    /// <summary>How many addresses and names are tracked (for tests of the bound).</summary>
    public int TrackedKeys
    {
        get
        {
            lock (_lock)
            {
                return _addresses.Count + _names.Count + _knownAddresses.Count;
            }
        }
    }

    /// <summary>How long the caller must still wait before trying again (zero = may try now).</summary>
    public TimeSpan RetryAfter(string userName, string clientAddress)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var wait = Remaining(_addresses, clientAddress, now);
            if (HasFailed(clientAddress, now) && !IsKnown(NameKey(userName), clientAddress, now))
            {
                wait = Max(wait, Remaining(_names, NameKey(userName), now));
            }

            return wait;
        }
    }

    /// <summary>Counts a failure; returns the lockouts it starts for the address and for the name (zero while failures are still free).</summary>
    public (TimeSpan Address, TimeSpan Name) RecordFailure(string userName, string clientAddress)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            return (Count(_addresses, clientAddress, now), Count(_names, NameKey(userName), now));
        }
    }

    /// <summary>A successful login: the name's count is cleared and the address is remembered as the user's own.</summary>
    public void RecordSuccess(string userName, string clientAddress)
    {
        var now = time.GetUtcNow();
        var name = NameKey(userName);
        lock (_lock)
        {
            _names.Remove(name);
            if (!_knownAddresses.TryGetValue(name, out var known))
            {
                MakeRoom(_knownAddresses, k => now - k.Values.Max() >= RememberGoodAddressFor, k => k.Values.Max());
                known = _knownAddresses[name] = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            }

            if (!known.ContainsKey(clientAddress) && known.Count >= MaxKnownAddresses)
            {
                known.Remove(known.MinBy(k => k.Value).Key);
            }

            known[clientAddress] = now;
        }
    }

    /// <summary>Forgets the failures of a client address (its owner proved who they are, e.g. with the recovery key).</summary>
    public void ForgetAddress(string clientAddress)
    {
        lock (_lock)
        {
            _addresses.Remove(clientAddress);
        }
    }

    /// <summary>The lockout after the <paramref name="failures"/>th failure in a row.</summary>
    public static TimeSpan Lockout(int failures)
    {
        var doublings = Math.Min(failures - FreeFailures, 10);
        var lockout = FirstLockout * Math.Pow(2, doublings);
        return lockout > MaxLockout ? MaxLockout : lockout;
    }

    private static TimeSpan Count(Dictionary<string, Failures> table, string key, DateTimeOffset now)
    {
        if (!table.TryGetValue(key, out var known) || now - known.Last >= ForgetAfter)
        {
            MakeRoom(table, f => now - f.Last >= ForgetAfter && f.LockedUntil <= now, f => f.Last);
            known = new Failures(0, now, now);
        }

        var count = known.Count + 1;
        var lockedUntil = count < FreeFailures ? known.LockedUntil : now + Lockout(count);
        table[key] = new Failures(count, now, lockedUntil);
        return lockedUntil > now ? lockedUntil - now : TimeSpan.Zero;
    }

    /// <summary>
    /// Keeps a table under <see cref="MaxTrackedKeys"/>: when full, forgets what has expired and then the stalest
    /// entries down to nine tenths (so the next tenth of new keys costs nothing).
    /// </summary>
    private static void MakeRoom<T>(Dictionary<string, T> table, Func<T, bool> expired, Func<T, DateTimeOffset> last)
    {
        if (table.Count < MaxTrackedKeys)
        {
            return;
        }

        foreach (var (key, value) in table.ToList())
        {
            if (expired(value))
            {
                table.Remove(key);
            }
        }

        const int Keep = MaxTrackedKeys * 9 / 10;
        if (table.Count > Keep)
        {
            foreach (var key in table.OrderBy(kv => last(kv.Value)).Take(table.Count - Keep).Select(kv => kv.Key).ToList())
            {
                table.Remove(key);
            }
        }
    }

    private bool HasFailed(string clientAddress, DateTimeOffset now) =>
        _addresses.TryGetValue(clientAddress, out var f) && now - f.Last < ForgetAfter;

    private bool IsKnown(string name, string clientAddress, DateTimeOffset now) =>
        _knownAddresses.TryGetValue(name, out var known) && known.TryGetValue(clientAddress, out var at) && now - at < RememberGoodAddressFor;

    private static TimeSpan Remaining(Dictionary<string, Failures> table, string key, DateTimeOffset now) =>
        table.TryGetValue(key, out var f) && f.LockedUntil > now ? f.LockedUntil - now : TimeSpan.Zero;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string NameKey(string userName) =>
        (userName.Length > MaxNameLength ? userName[..MaxNameLength] : userName).ToUpperInvariant();

    private readonly record struct Failures(int Count, DateTimeOffset Last, DateTimeOffset LockedUntil);
}
