using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>GetDiagnostics.conf: the answer to <see cref="GetDiagnosticsRequest"/>.</summary>
public sealed record GetDiagnosticsResponse
{
    [MaxLength(255)]
    public string? FileName { get; init; }
}
