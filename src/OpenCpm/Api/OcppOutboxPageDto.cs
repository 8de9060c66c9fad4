namespace OpenCpm.Api;

/// <summary>The outbox: how many messages wait, and the oldest of them.</summary>
internal sealed record OcppOutboxPageDto(int Total, IReadOnlyList<OcppOutboxDto> Items);
