namespace OpenCpm.Transfers;

/// <summary>Why a file transfer did not happen (what GetLog's LogStatusNotification tells apart).</summary>
internal enum TransferFailure
{
    /// <summary>The location is not an absolute URL with a host.</summary>
    BadLocation,

    /// <summary>The scheme (ftp…) is not supported.</summary>
    UnsupportedProtocol,

    /// <summary>The server refused the credentials (HTTP 401 or 403).</summary>
    PermissionDenied,

    /// <summary>The server found the request malformed (HTTP 400).</summary>
    BadRequest,

    /// <summary>Anything else: not reachable, an error status, too large, cut off.</summary>
    Failed,
}
