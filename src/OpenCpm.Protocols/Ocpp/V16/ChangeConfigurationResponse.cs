namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ChangeConfiguration.conf: the answer to <see cref="ChangeConfigurationRequest"/>.</summary>
public sealed record ChangeConfigurationResponse
{
    public required ConfigurationStatus Status { get; init; }
}
