using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenCpm.Tests.Interop.OcppRpc;

/// <summary>
/// An independent Central System: npm <c>ocpp-rpc</c> 2.2.1 in strict mode (tests/interop/ocpp-csms-peer.js, installed
/// by scripts/install-test-deps.sh), run as a child process on 127.0.0.1, port 0, and driven over stdin/stdout with one
/// JSON object per line. Every event it reports is kept; a <c>strictValidationFailure</c> (a message of either side that
/// breaks ocpp-rpc's OCPP 1.6 schemas) or an unexpected <c>badMessage</c> fails the test that owns it, and disposing a
/// peer that saw any fails too.
/// </summary>
internal sealed class OcppRpcPeer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private readonly Process _process;
    private readonly List<JsonElement> _events = [];
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _replies = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _reading;
    private readonly SemaphoreSlim _stdin = new(1, 1);
    private int _nextCommand;
    private int _failuresChecked;

    private OcppRpcPeer(Process process, int port, int? tlsPort, StreamReader stdout)
    {
        _process = process;
        Port = port;
        TlsPort = tlsPort;
        _reading = ReadEventsAsync(stdout);
    }

    public int Port { get; }

    public Uri Endpoint => new($"ws://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/ocpp");

    /// <summary>The wss:// listener's port when the peer was started with a <c>tls</c> configuration.</summary>
    public int? TlsPort { get; }

    public Uri SecureEndpoint => new($"wss://127.0.0.1:{(TlsPort ?? throw new InvalidOperationException("the peer was started without tls")).ToString(CultureInfo.InvariantCulture)}/ocpp");

    /// <summary>Every event so far except command replies, in arrival order.</summary>
    public IReadOnlyList<JsonElement> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>strictValidationFailure and badMessage events (replies to frames sent with <see cref="SendRawAsync"/> are not failures).</summary>
    public IReadOnlyList<JsonElement> Failures => [.. Events.Where(e => Kind(e) is "strictValidationFailure" or "badMessage")];

    public static async Task<OcppRpcPeer> StartAsync(object? config = null, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "interop");
        var script = Path.Combine(folder, "ocpp-csms-peer.js");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "ocpp-rpc")))
        {
            throw new InvalidOperationException($"ocpp-rpc is not installed in {folder}: run scripts/install-test-deps.sh (npm ci).");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(JsonSerializer.Serialize(config ?? new { }));
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node (is it on PATH?)");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (stderr) { stderr.AppendLine(e.Data); } };
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            line = null;
        }

        var first = line is null ? default : JsonDocument.Parse(line).RootElement.Clone();
        if (first.ValueKind != JsonValueKind.Object || first.GetProperty("event").GetString() != "listening")
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            lock (stderr)
            {
                throw new InvalidOperationException($"the ocpp-rpc peer did not start: {line} {stderr}");
            }
        }

        var tlsPort = first.TryGetProperty("tlsPort", out var secure) && secure.ValueKind == JsonValueKind.Number ? secure.GetInt32() : (int?)null;
        var peer = new OcppRpcPeer(process, first.GetProperty("port").GetInt32(), tlsPort, process.StandardOutput);
        lock (stderr)
        {
            peer._stderr.Append(stderr);
        }

        return peer;
    }

    /// <summary>A CALL from the Central System to the charge point; returns the CALLRESULT payload or throws <see cref="OcppRpcCallException"/>.</summary>
    public async Task<JsonElement> CallAsync(string identity, string action, string paramsJson, int timeoutMs = 10_000)
    {
        var reply = await CommandAsync(new JsonObject
        {
            ["cmd"] = "call", ["identity"] = identity, ["action"] = action, ["params"] = JsonNode.Parse(paramsJson), ["timeoutMs"] = timeoutMs,
        });
        return reply;
    }

    /// <summary>Sends any text; the answer to a frame with a message id comes back as a <c>rawReply</c> event (see <see cref="RawReplyAsync"/>).</summary>
    public Task SendRawAsync(string identity, string text) =>
        CommandAsync(new JsonObject { ["cmd"] = "sendRaw", ["identity"] = identity, ["text"] = text });

    /// <summary>From now on answers <paramref name="action"/> with this result, a CALLERROR, or nothing at all.</summary>
    public Task RespondAsync(string action, string? resultJson = null, string? errorCode = null, bool noReply = false, string? identity = null) =>
        CommandAsync(new JsonObject
        {
            ["cmd"] = "respond", ["action"] = action, ["identity"] = identity, ["noReply"] = noReply,
            ["result"] = resultJson is null ? null : JsonNode.Parse(resultJson),
            ["error"] = errorCode is null ? null : new JsonObject { ["code"] = errorCode, ["message"] = "set by the test" },
        });

    /// <summary>ocpp-rpc's own verdict on each payload: its ajv validator with the bundled OCPP 1.6 schemas.</summary>
    public async Task<IReadOnlyList<JsonElement>> ValidateAsync(IEnumerable<(string Schema, JsonNode Payload)> items)
    {
        var array = new JsonArray([.. items.Select(i => (JsonNode)new JsonObject { ["schema"] = i.Schema, ["payload"] = i.Payload.DeepClone() })]);
        var reply = await CommandAsync(new JsonObject { ["cmd"] = "validate", ["items"] = array });
        return [.. reply.EnumerateArray()];
    }

    /// <summary>Takes the Central System away for <paramref name="identity"/> (its connection closed, new ones refused with HTTP 503) or brings it back.</summary>
    public Task OfflineAsync(string identity, bool offline) =>
        CommandAsync(new JsonObject { ["cmd"] = "offline", ["identity"] = identity, ["offline"] = offline });

    public Task CloseClientAsync(string identity, int code = 1000, string reason = "") =>
        CommandAsync(new JsonObject { ["cmd"] = "close", ["identity"] = identity, ["code"] = code, ["reason"] = reason });

    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> predicate, string what, TimeSpan? timeout = null)
    {
        JsonElement found = default;
        await Shared.Eventually.TrueAsync(() => Events.Any(e => predicate(e) && (found = e).ValueKind != JsonValueKind.Undefined), timeout, what);
        return found;
    }

    /// <summary>The first event of <paramref name="kind"/> for <paramref name="identity"/> matching <paramref name="predicate"/>.</summary>
    public Task<JsonElement> WaitForAsync(string kind, string identity, Func<JsonElement, bool>? predicate = null) =>
        WaitForAsync(e => Kind(e) == kind && Identity(e) == identity && (predicate?.Invoke(e) ?? true), $"{kind} for {identity}");

    /// <summary>What our side answered to a frame the peer sent raw with this message id.</summary>
    public async Task<string> RawReplyAsync(string identity, string messageId) =>
        (await WaitForAsync("rawReply", identity, e => e.GetProperty("messageId").GetString() == messageId)).GetProperty("message").GetString()!;

    /// <summary>Raw frames of one client's link, in order: (outbound from the Central System, text).</summary>
    public IReadOnlyList<(bool Outbound, string Text)> Messages(string identity) =>
        [.. Events.Where(e => Kind(e) == "message" && Identity(e) == identity).Select(e => (e.GetProperty("outbound").GetBoolean(), e.GetProperty("message").GetString()!))];

    /// <summary>Fails the test when ocpp-rpc saw a schema violation or a bad message on this client's link.</summary>
    public void AssertClean(string identity)
    {
        var failures = Failures.Where(f => Identity(f) == identity).ToList();
        Assert.True(failures.Count == 0, $"ocpp-rpc reported for {identity}:\n{string.Join("\n", failures.Select(f => f.GetRawText()))}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                _ = CommandAsync(new JsonObject { ["cmd"] = "shutdown" });
                try
                {
                    await _process.WaitForExitAsync(shutdown.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync(CancellationToken.None);
                }
            }

            await _reading;
        }
        finally
        {
            _process.Dispose();
            _stdin.Dispose();
        }

        var failures = Failures;
        if (failures.Count > 0 && Interlocked.Exchange(ref _failuresChecked, 1) == 0)
        {
            throw new InvalidOperationException($"ocpp-rpc reported {failures.Count} schema violation(s) or bad message(s):\n{string.Join("\n", failures.Select(f => f.GetRawText()))}");
        }
    }

    public static string Kind(JsonElement e) => e.GetProperty("event").GetString()!;

    /// <summary>When the peer emitted the event (its own clock).</summary>
    public static DateTimeOffset At(JsonElement e) => DateTimeOffset.FromUnixTimeMilliseconds(e.GetProperty("at").GetInt64());

    public static string? Identity(JsonElement e) => e.TryGetProperty("identity", out var identity) ? identity.GetString() : null;

    private async Task<JsonElement> CommandAsync(JsonObject command)
    {
        var id = Interlocked.Increment(ref _nextCommand);
        command["id"] = id;
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _replies[id] = reply;
        await _stdin.WaitAsync();
        try
        {
            await _process.StandardInput.WriteLineAsync(command.ToJsonString());
            await _process.StandardInput.FlushAsync();
        }
        finally
        {
            _stdin.Release();
        }

        var answer = await reply.Task.WaitAsync(TimeSpan.FromSeconds(30));
        if (answer.GetProperty("ok").GetBoolean())
        {
            return answer.GetProperty("result").Clone();
        }

        var error = answer.GetProperty("error");
        throw new OcppRpcCallException(error.GetProperty("code").GetString() ?? "", error.GetProperty("message").GetString() ?? "");
    }

    private async Task ReadEventsAsync(StreamReader stdout)
    {
        while (await stdout.ReadLineAsync() is { } line)
        {
            var element = JsonDocument.Parse(line).RootElement.Clone();
            if (Kind(element) == "reply")
            {
                if (element.GetProperty("id").ValueKind == JsonValueKind.Number && _replies.TryRemove(element.GetProperty("id").GetInt32(), out var waiting))
                {
                    waiting.TrySetResult(element);
                }

                continue;
            }

            lock (_events)
            {
                _events.Add(element);
            }
        }

        foreach (var waiting in _replies.Values)
        {
            waiting.TrySetException(new InvalidOperationException($"the ocpp-rpc peer exited: {_stderr}"));
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OpenCpm.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no OpenCpm.slnx above {AppContext.BaseDirectory}");
    }
}
