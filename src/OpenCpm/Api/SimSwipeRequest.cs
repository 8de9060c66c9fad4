namespace OpenCpm.Api;

/// <summary>POST /api/v1/sim/chargepoints/{id}/swipe: the RFID card held to the station's reader.</summary>
internal sealed record SimSwipeRequest(string? Uid)
{
    /// <summary>A KEBA P30 reads tags of up to 16 hex digits.</summary>
    public const int MaxUidLength = 16;

    /// <summary>What is wrong with the uid, as one sentence, or null.</summary>
    public string? Problem() =>
        string.IsNullOrEmpty(Uid) || Uid.Length > MaxUidLength || !Uid.All(char.IsAsciiHexDigit)
            ? $"'uid' must be 1 to {MaxUidLength} hex digits but was {(Uid is null ? "missing" : $"\"{Uid}\"")}."
            : null;
}
