using System.Diagnostics.CodeAnalysis;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>
/// Marks an OCPP request record and names the record that answers it, so that
/// <see cref="OcppConnection.CallAsync{TResponse}(IOcppRequest{TResponse}, CancellationToken)"/> is typed end to end.
/// </summary>
[SuppressMessage("Design", "CA1040:Avoid empty interfaces", Justification = "A type-level link from a request to its response.")]
public interface IOcppRequest<TResponse>
    where TResponse : class;
