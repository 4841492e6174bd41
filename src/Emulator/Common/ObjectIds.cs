using System.Security.Cryptography;

namespace Emulator.Common;

/// <summary>
/// Generates ids in MongoDB ObjectId form, as the platform's <c>_id</c>, note <c>_id</c> and agent ids are
/// (as ids captured from the real API are): 24 lowercase hex characters made of a 4-byte big-endian Unix time in
/// seconds, 5 random bytes fixed per process and a 3-byte counter. Ids made later sort later.
/// </summary>
public static class ObjectIds
{
    private static readonly byte[] ProcessBytes = RandomNumberGenerator.GetBytes(5);
    private static int _counter = RandomNumberGenerator.GetInt32(0, 1 << 24);

    /// <summary>A new id stamped with <paramref name="now"/> (UTC).</summary>
    public static string New(DateTime now)
    {
        Span<byte> bytes = stackalloc byte[12];
        var seconds = (uint)new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)).ToUnixTimeSeconds();
        bytes[0] = (byte)(seconds >> 24);
        bytes[1] = (byte)(seconds >> 16);
        bytes[2] = (byte)(seconds >> 8);
        bytes[3] = (byte)seconds;
        ProcessBytes.CopyTo(bytes[4..]);
        var counter = Interlocked.Increment(ref _counter) & 0xFFFFFF;
        bytes[9] = (byte)(counter >> 16);
        bytes[10] = (byte)(counter >> 8);
        bytes[11] = (byte)counter;
        return Convert.ToHexStringLower(bytes);
    }

}
