using Emulator.Control;
using Emulator.Faults;
using Emulator.Journal;

namespace Emulator.Testing;

/// <summary>The journal, faults and clock part of the control client.</summary>
public sealed partial class EmulatorControlClient
{
    /// <summary>Recorded requests matching <paramref name="filter"/> (every member optional), oldest first.</summary>
    public Task<List<JournalEntry>> ListRequestsAsync(JournalQuery? filter = null, CancellationToken cancellationToken = default) =>
        SendAsync<List<JournalEntry>>(HttpMethod.Get, "_emulator/requests" + Query(QueryOf(filter)), null, cancellationToken);

    /// <summary>
    /// Waits until at least <paramref name="count"/> recorded requests match <paramref name="filter"/> and returns them;
    /// throws <see cref="EmulatorControlException"/> (408) when they do not arrive within <paramref name="timeout"/> (at most 60 s; default 5 s).
    /// </summary>
    public Task<List<JournalEntry>> WaitForRequestsAsync(JournalQuery? filter = null, int count = 1, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        return SendAsync<List<JournalEntry>>(HttpMethod.Get, "_emulator/requests/wait" + Query([.. QueryOf(filter), .. WaitFor(count, timeout)]), null,
            cancellationToken);
    }

    // The wait calls' count and timeoutMs (default 5 s), shared by the journal, the outbox and the delivery log.
    private static (string, string?)[] WaitFor(int count, TimeSpan? timeout) =>
    [
        ("count", count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("timeoutMs", ((int)(timeout ?? TimeSpan.FromSeconds(5)).TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <summary>Forgets recorded requests: all, or one tenant's.</summary>
    public Task ClearRequestsAsync(string? customerId = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, "_emulator/requests" + Query(("customerId", customerId)), null, cancellationToken);

    /// <summary>Adds a fault rule.</summary>
    public Task<FaultWire> AddFaultAsync(FaultRequest rule, CancellationToken cancellationToken = default) =>
        SendAsync<FaultWire>(HttpMethod.Post, "_emulator/faults", rule, cancellationToken);

    /// <summary>Every active fault rule.</summary>
    public Task<List<FaultWire>> ListFaultsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<List<FaultWire>>(HttpMethod.Get, "_emulator/faults", null, cancellationToken);

    /// <summary>Removes one fault rule.</summary>
    public Task DeleteFaultAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"_emulator/faults/{Uri.EscapeDataString(id)}", null, cancellationToken);

    /// <summary>Removes every fault rule.</summary>
    public Task ClearFaultsAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, "_emulator/faults", null, cancellationToken);

    /// <summary>The emulator's current time and whether it is pinned or shifted.</summary>
    public Task<ClockWire> GetClockAsync(CancellationToken cancellationToken = default) =>
        SendAsync<ClockWire>(HttpMethod.Get, "_emulator/clock", null, cancellationToken);

    /// <summary>Stops the emulator's clock at <paramref name="now"/>.</summary>
    public Task<ClockWire> PinClockAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        SendAsync<ClockWire>(HttpMethod.Put, "_emulator/clock", new ClockPin(now), cancellationToken);

    /// <summary>Moves the clock by <paramref name="by"/> (negative moves it back).</summary>
    public Task<ClockWire> AdvanceClockAsync(TimeSpan by, CancellationToken cancellationToken = default) =>
        SendAsync<ClockWire>(HttpMethod.Post, "_emulator/clock/advance", new ClockAdvance((long)by.TotalMilliseconds), cancellationToken);

    /// <summary>Returns the clock to real time.</summary>
    public Task<ClockWire> ResetClockAsync(CancellationToken cancellationToken = default) =>
        SendAsync<ClockWire>(HttpMethod.Delete, "_emulator/clock", null, cancellationToken);

    private static (string, string?)[] QueryOf(JournalQuery? filter) =>
    [
        ("method", filter?.Method),
        ("path", filter?.Path),
        ("customerId", filter?.CustomerId),
        ("status", filter?.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("since", filter?.Since?.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
        ("afterId", filter?.AfterId?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}
