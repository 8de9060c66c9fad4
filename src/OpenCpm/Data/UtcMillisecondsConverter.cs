using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OpenCpm.Data;

/// <summary>
/// Stores times as UTC Unix milliseconds, so SQLite can compare and order them in SQL (it has no date type).
/// </summary>
internal sealed class UtcMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    time => time.ToUnixTimeMilliseconds(),
    ms => DateTimeOffset.FromUnixTimeMilliseconds(ms));
