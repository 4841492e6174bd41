namespace Emulator.Control;

/// <summary>
/// The <see cref="TimeProvider"/> behind every timestamp the emulator writes (<c>createdAt</c>, <c>updatedAt</c>, note
/// and chat ids, the request journal), which a test can pin or move through <c>/_emulator/clock</c>. Three states: real
/// time (the base clock), real time shifted by an offset (after an advance), or pinned at one instant (after a
/// <c>PUT</c>; then only advances move it). Elapsed-time measurement (<see cref="GetTimestamp"/>) and timers stay on the
/// base clock, so pinning the clock never stalls timeouts. <c>createdAt</c> stays unique and increasing within a
/// customer even when the clock is moved back (README, "Testing with the emulator").
/// </summary>
/// <param name="baseClock">Real time: <see cref="TimeProvider.System"/>, or a test's fake clock.</param>
public sealed class EmulatorClock(TimeProvider baseClock) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _pinned;
    private TimeSpan _offset;

    /// <summary>The instant the clock is pinned at (UTC), or null while it runs.</summary>
    public DateTimeOffset? Pinned
    {
        get
        {
            lock (_gate)
            {
                return _pinned;
            }
        }
    }

    /// <summary>How far a running clock is ahead of real time (negative: behind); zero while pinned or real.</summary>
    public TimeSpan Offset
    {
        get
        {
            lock (_gate)
            {
                return _offset;
            }
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _pinned ?? baseClock.GetUtcNow() + _offset;
        }
    }

    /// <inheritdoc />
    public override long GetTimestamp() => baseClock.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => baseClock.TimestampFrequency;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        baseClock.CreateTimer(callback, state, dueTime, period);

    /// <summary>Stops the clock at <paramref name="now"/> (converted to UTC).</summary>
    public void Pin(DateTimeOffset now)
    {
        lock (_gate)
        {
            _pinned = now.ToUniversalTime();
            _offset = TimeSpan.Zero;
        }
    }

    /// <summary>The earliest instant the clock can show (the range <c>PUT /_emulator/clock</c> accepts).</summary>
    public static readonly DateTimeOffset Earliest = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first instant past the latest the clock can show.</summary>
    public static readonly DateTimeOffset Beyond = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Moves the clock by <paramref name="by"/> (negative moves it back): a pinned clock stays pinned at the new
    /// instant, a running one keeps running that much ahead. False, and nothing moves, when the clock would leave
    /// <see cref="Earliest"/> to <see cref="Beyond"/> (past year 9999 every timestamp would fail).</summary>
    public bool TryAdvance(TimeSpan by)
    {
        lock (_gate)
        {
            var target = (_pinned ?? baseClock.GetUtcNow() + _offset).UtcTicks + by.Ticks;
            if (target < Earliest.UtcTicks || target >= Beyond.UtcTicks)
            {
                return false;
            }

            if (_pinned is { } pinned)
            {
                _pinned = pinned + by;
            }
            else
            {
                _offset += by;
            }

            return true;
        }
    }

    /// <summary>Returns to real time.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _pinned = null;
            _offset = TimeSpan.Zero;
        }
    }
}
