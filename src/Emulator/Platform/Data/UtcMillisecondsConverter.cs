using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Emulator.Data;

/// <summary>Stores a UTC <see cref="DateTime"/> as Unix milliseconds (a 64-bit integer); reads it back as UTC.</summary>
public sealed class UtcMillisecondsConverter() : ValueConverter<DateTime, long>(
    value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)).ToUnixTimeMilliseconds(),
    value => FromStored(value))
{
    /// <summary>A stored value (Unix milliseconds) as the UTC time EF Core reads it; for readers that bypass EF Core.</summary>
    public static DateTime FromStored(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime;
}
