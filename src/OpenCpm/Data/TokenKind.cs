namespace OpenCpm.Data;

internal enum TokenKind
{
    /// <summary>Issued by POST /api/v1/auth/login; expires.</summary>
    Login,

    /// <summary>Made by the operator for scripts (System › API access); revocable.</summary>
    Api,
}
