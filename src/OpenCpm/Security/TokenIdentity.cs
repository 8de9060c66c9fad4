using OpenCpm.Data;

namespace OpenCpm.Security;

/// <summary>Who a valid bearer token belongs to.</summary>
internal sealed record TokenIdentity(long TokenId, TokenKind Kind, UserAccount User);
