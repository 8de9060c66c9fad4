using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OpenCpm.Simulation;

namespace OpenCpm.LoopBench;

/// <summary>
/// The controller's REST API as the bench uses it: log in, configure the simulated site as `opencpm demo` seeds it
/// (DemoSiteSettings, DemoSeeder), and read the allocation and the control loop's state from /api/v1/status.
/// </summary>
public sealed class ControllerApi(HttpClient http, Uri baseAddress)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task LoginAsync(string password, CancellationToken cancellationToken)
    {
        var login = await SendAsync<LoginReply>(HttpMethod.Post, "/api/v1/auth/login", new { Username = "admin", Password = password }, cancellationToken);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.Token);
    }

    /// <summary>The site limit, the charge points cp1…cpN on the simulated stations and the grid meter.</summary>
    public async Task ConfigureAsync(SimulatedSite site, double siteLimitA, CancellationToken cancellationToken)
    {
        await SendAsync<JsonElement>(HttpMethod.Put, "/api/v1/network", DemoSite.Network(siteLimitA), cancellationToken);
        await SendAsync<JsonElement>(HttpMethod.Put, "/api/v1/network/chargepoints", DemoSite.ChargePoints(site, siteLimitA), cancellationToken);
        await SendAsync<JsonElement>(HttpMethod.Put, "/api/v1/meter", DemoSite.Meter(site), cancellationToken);
    }

    /// <summary>Reads the status; <paramref name="nowS"/> stamps the reading with the time its answer arrived.</summary>
    public async Task<StatusPoint> StatusAsync(Func<double> nowS, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nowS);
        var status = await SendAsync<StatusReply>(HttpMethod.Get, "/api/v1/status", null, cancellationToken);
        var node = status.Allocation.Site;
        return new StatusPoint(nowS(), node.L1, node.L2, node.L3, status.Controller.PendingReductions, status.Controller.CommandsInFlight);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseAddress, path));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new InvalidOperationException($"{method} {path} answered with an empty body.");
    }

    private sealed record LoginReply(string Token);

    private sealed record StatusReply(AllocationReply Allocation, ControllerReply Controller);

    private sealed record AllocationReply(NodeReply Site);

    private sealed record NodeReply(double L1, double L2, double L3);

    private sealed record ControllerReply(int PendingReductions, int CommandsInFlight);
}
