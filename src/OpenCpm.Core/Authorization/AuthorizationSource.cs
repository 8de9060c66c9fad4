namespace OpenCpm.Core.Authorization;

/// <summary>What a decision rests on.</summary>
public enum AuthorizationSource
{
    /// <summary>Authorization is off: no card is needed.</summary>
    AuthorizationOff,

    LocalList,

    AuthorizationCache,

    Backend,

    /// <summary>The offline mode's rule while the backend is unreachable.</summary>
    OfflineMode,
}
