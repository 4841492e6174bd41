using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Emulator.Data;

/// <summary>Stores a UTC <see cref="DateTime"/> as Unix milliseconds (a 64-bit integer); reads it back as UTC.</summary>
public sealed class UtcMillisecondsConverter() : ValueConverter<DateTime, long>(
    value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)).ToUnixTimeMilliseconds(),
    value => DateTimeOffset.FromUnixTimeMilliseconds(value).UtcDateTime);
