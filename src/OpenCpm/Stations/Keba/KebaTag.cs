namespace OpenCpm.Stations.Keba;

/// <summary>RFID tags as a P30 takes and reports them: up to 16 hex digits, lower case, zero padded to 16 on the right.</summary>
internal static class KebaTag
{
    /// <summary>The tag as the station wants it, or null when it is not 1 to 16 hex digits.</summary>
    public static string? Normalize(string? tag)
    {
        var t = tag?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(t) || t.Length > 16 || !t.All(Uri.IsHexDigit))
        {
            return null;
        }

        return t.PadRight(16, '0');
    }

    /// <summary>All zeros (or empty): no card was used.</summary>
    public static bool IsNone(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return tag.Length == 0 || tag.All(c => c == '0');
    }
}
