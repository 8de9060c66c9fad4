using System.Net.Http.Json;
using System.Text.Json;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Sessions;

/// <summary>Reads sessions through GET /api/v1/sessions (the outside contract: id, chargePoint, idTag, start, end, energyWh, state, stopReason).</summary>
internal static class SessionsClient
{
    private static readonly TimeSpan PollPause = TimeSpan.FromMilliseconds(100);

    public static async Task<IReadOnlyList<SessionView>> ListAsync(HttpClient client, string chargePoint)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(
            new Uri($"/api/v1/sessions?chargePoint={Uri.EscapeDataString(chargePoint)}&pageSize=100", UriKind.Relative),
            TestContext.Current.CancellationToken);
        return [.. page.GetProperty("items").EnumerateArray().Select(SessionView.From)];
    }

    /// <summary>Polls (pausing between requests) until one session of the charge point matches.</summary>
    public static async Task<SessionView> WaitForAsync(HttpClient client, string chargePoint, Func<SessionView, bool> match, TimeSpan timeout, string because)
    {
        SessionView? found = null;
        await Eventually.TrueAsync(
            async () =>
            {
                await Task.Delay(PollPause, TestContext.Current.CancellationToken);
                found = (await ListAsync(client, chargePoint)).FirstOrDefault(match);
                return found is not null;
            },
            timeout,
            because);
        return found!;
    }
}
