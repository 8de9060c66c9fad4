using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>GetLog.conf: the answer to <see cref="GetLogRequest"/>.</summary>
public sealed record GetLogResponse
{
    public required LogStatus Status { get; init; }

    [MaxLength(255)]
    public string? Filename { get; init; }
}
