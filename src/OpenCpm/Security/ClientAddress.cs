namespace OpenCpm.Security;

/// <summary>The caller's address as the throttles and the logs name it (an IPv4 client seen through IPv6 counts as IPv4).</summary>
internal static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        return address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
