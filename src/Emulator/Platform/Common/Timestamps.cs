using System.Globalization;

namespace Emulator.Common;

/// <summary>
/// Timestamps of the emulated surface: fixed-width ISO 8601 UTC with milliseconds,
/// <c>2023-02-01T05:59:03.533Z</c> (the help page's chat sample), so that clients may compare them as strings.
/// </summary>
public static class Timestamps
{
    private const string WireFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    ];

    /// <summary>The current UTC time from <paramref name="clock"/>, truncated to whole milliseconds.</summary>
    public static DateTime Now(TimeProvider clock) => Truncate(clock.GetUtcNow().UtcDateTime);

    /// <summary><paramref name="value"/> (UTC) truncated to whole milliseconds.</summary>
    public static DateTime Truncate(DateTime value) =>
        new(value.Ticks - value.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    /// <summary>The wire form of a UTC time, e.g. <c>2023-02-01T05:59:03.533Z</c>.</summary>
    public static string Format(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString(WireFormat, CultureInfo.InvariantCulture);

    /// <summary>The wire form of an optional UTC time; null stays null.</summary>
    public static string? Format(DateTime? value) => value is { } v ? Format(v) : null;

    /// <summary>
    /// Parses an ISO 8601 date or date-time sent by a client. A value without an offset is taken as UTC.
    /// Returns false for anything else.
    /// </summary>
    public static bool TryParse(string? text, out DateTime value)
    {
        var ok = DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed);
        value = ok ? Truncate(parsed.UtcDateTime) : default;
        return ok;
    }
}
