using System.Collections.Frozen;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>The actions of one OCPP version, found by wire name or by request record type.</summary>
public sealed class OcppActionSet
{
    private readonly FrozenDictionary<string, OcppAction> _byName;
    private readonly FrozenDictionary<Type, OcppAction> _byRequestType;

    public OcppActionSet(string subprotocol, IEnumerable<OcppAction> actions)
    {
        Subprotocol = subprotocol;
        All = [.. actions];
        _byName = All.ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);
        _byRequestType = All.ToFrozenDictionary(a => a.RequestType);
    }

    /// <summary>The WebSocket subprotocol of this version, e.g. <c>ocpp1.6</c>.</summary>
    public string Subprotocol { get; }

    public IReadOnlyList<OcppAction> All { get; }

    /// <summary>The action with this exact (case-sensitive) name, or null.</summary>
    public OcppAction? Find(string name) => _byName.GetValueOrDefault(name);

    public OcppAction ForRequest(Type requestType) =>
        _byRequestType.GetValueOrDefault(requestType) ?? throw new ArgumentException($"{requestType.Name} is not a request of {Subprotocol}", nameof(requestType));
}
