using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Emulator.Common;

/// <summary>
/// Generates the emulator's ids: ids in MongoDB ObjectId form, as the platform's <c>_id</c>, note <c>_id</c> and agent ids
/// are (as ids captured from the real API are): 24 lowercase hex characters made of a 4-byte big-endian Unix time in
/// seconds, 5 bytes fixed per instance and a 3-byte counter, so ids made later sort later; and the other generated values
/// (uuids, tokens, channel ids). Random by default; with <see cref="EmulatorOptions.IdSeed"/> every value comes from one
/// seeded sequence, so that the same requests in the same order (with the clock pinned) give the same ids. Thread-safe.
/// </summary>
public sealed class ObjectIds
{
    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly Lock _gate = new();
    private readonly Random? _seeded;
    private readonly byte[] _instanceBytes;
    private int _counter;

    /// <summary>Creates the generator, seeded by <see cref="EmulatorOptions.IdSeed"/> when it is set.</summary>
    public ObjectIds(IOptions<EmulatorOptions> options)
        : this(options.Value.IdSeed)
    {
    }

    /// <summary>Creates a generator: seeded, or random when <paramref name="seed"/> is null.</summary>
    public ObjectIds(int? seed)
    {
        _seeded = seed is { } s ? new Random(s) : null;
        _instanceBytes = new byte[5];
        Fill(_instanceBytes);
        _counter = Next(1 << 24);
    }

    /// <summary>A new ObjectId stamped with <paramref name="now"/> (UTC).</summary>
    public string New(DateTime now)
    {
        Span<byte> bytes = stackalloc byte[12];
        var seconds = (uint)new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)).ToUnixTimeSeconds();
        bytes[0] = (byte)(seconds >> 24);
        bytes[1] = (byte)(seconds >> 16);
        bytes[2] = (byte)(seconds >> 8);
        bytes[3] = (byte)seconds;
        _instanceBytes.CopyTo(bytes[4..]);
        var counter = Interlocked.Increment(ref _counter) & 0xFFFFFF;
        bytes[9] = (byte)(counter >> 16);
        bytes[10] = (byte)(counter >> 8);
        bytes[11] = (byte)counter;
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>A new GUID in its usual text form (a visitor's widget <c>uuid</c>).</summary>
    public string Guid()
    {
        Span<byte> bytes = stackalloc byte[16];
        Fill(bytes);

        // Version 4 (random) and the RFC 4122 variant, as Guid.NewGuid makes them, in Guid's byte order.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }

    /// <summary><paramref name="length"/> letters and digits (the random part of an API token).</summary>
    public string Letters(int length)
    {
        if (_seeded is null)
        {
            return RandomNumberGenerator.GetString(TokenAlphabet, length);
        }

        lock (_gate)
        {
            return new string(_seeded.GetItems(TokenAlphabet.AsSpan(), length));
        }
    }

    /// <summary>A number from <paramref name="min"/> (inclusive) to <paramref name="max"/> (exclusive).</summary>
    public long Next(long min, long max)
    {
        if (_seeded is null)
        {
            return Random.Shared.NextInt64(min, max);
        }

        lock (_gate)
        {
            return _seeded.NextInt64(min, max);
        }
    }

    private int Next(int max) => (int)Next(0, max);

    private void Fill(Span<byte> bytes)
    {
        if (_seeded is null)
        {
            RandomNumberGenerator.Fill(bytes);
            return;
        }

        lock (_gate)
        {
            _seeded.NextBytes(bytes);
        }
    }
}
