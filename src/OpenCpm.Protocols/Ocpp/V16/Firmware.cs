using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>Firmware (security whitepaper: FirmwareType), used in SignedUpdateFirmware.req.</summary>
public sealed record Firmware
{
    [MaxLength(512)]
    public required string Location { get; init; }

    public required DateTimeOffset RetrieveDateTime { get; init; }

    public DateTimeOffset? InstallDateTime { get; init; }

    [MaxLength(5500)]
    public required string SigningCertificate { get; init; }

    [MaxLength(800)]
    public required string Signature { get; init; }
}
