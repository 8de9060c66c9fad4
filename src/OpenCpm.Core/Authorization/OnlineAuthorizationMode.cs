namespace OpenCpm.Core.Authorization;

/// <summary>Where a presented card is looked up while the backend is reachable (manual 9.2.1, "Online Authorization Mode").</summary>
public enum OnlineAuthorizationMode
{
    /// <summary>The card list first; a card not in it goes to the backend. The mode for a site without a backend.</summary>
    FirstLocal,

    /// <summary>Always the backend; the card list is not searched (it only serves while the backend is unreachable).</summary>
    FirstOnline,

    /// <summary>Only the card list; the backend's cards are not considered.</summary>
    OnlyLocal,
}
