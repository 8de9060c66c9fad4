using System.Security.Claims;
using OpenCpm.Data;
using OpenCpm.Security;

namespace OpenCpm.Api;

/// <summary>Operator actions worth a line in the event log (who changed what; never a secret).</summary>
internal static class AuditTrail
{
    public const string Source = "settings";

    public static Task ChangedAsync(this EventLog events, ClaimsPrincipal user, string what, CancellationToken cancellationToken) =>
        events.InfoAsync(Source, $"{LogText.Escape(user.UserName())} changed {what}.", cancellationToken);
}
