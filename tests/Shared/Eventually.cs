namespace OpenCpm.Tests.Shared;

/// <summary>Deterministic waiting: polls a condition until it holds or a deadline passes. Never sleeps a fixed time.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static async Task TrueAsync(Func<bool> condition, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met within {(timeout ?? DefaultTimeout).TotalSeconds} s{(because is null ? "" : ": " + because)}.");
            }

            await Task.Yield();
            await Task.Delay(5, CancellationToken.None);
        }
    }

    public static async Task<T> ValueAsync<T>(Func<T?> probe, TimeSpan? timeout = null, string? because = null)
        where T : class
    {
        T? value = null;
        await TrueAsync(() => (value = probe()) is not null, timeout, because);
        return value!;
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met within {(timeout ?? DefaultTimeout).TotalSeconds} s{(because is null ? "" : ": " + because)}.");
            }

            await Task.Delay(5, CancellationToken.None);
        }
    }
}
