using Emulator.Common;
using Microsoft.Extensions.Options;

namespace Emulator.Journal;

/// <summary>
/// The request journal: the last <see cref="EmulatorOptions.JournalCapacity"/> requests to the emulated surface, in
/// memory, oldest dropped first. Thread-safe. <see cref="WaitAsync"/> lets a test wait for requests instead of sleeping.
/// </summary>
public sealed class RequestJournal(IOptions<EmulatorOptions> options) : State.IResettable
{
    private readonly WaitableLog<JournalEntry> _log = new(() => options.Value.JournalCapacity);

    /// <summary>Adds an entry made by <paramref name="make"/> from the next sequence number, and wakes waiters.</summary>
    public void Add(Func<long, JournalEntry> make) => _log.Add(make);

    /// <summary>The entries matching <paramref name="filter"/>, oldest first.</summary>
    public IReadOnlyList<JournalEntry> Find(JournalFilter filter) => _log.Find(filter.Matches);

    /// <summary>Removes every entry, or those of one tenant; returns how many were removed.</summary>
    public int Clear(string? customerId) => _log.Remove(e => customerId is null || e.CustomerId == customerId);

    /// <inheritdoc />
    public void Reset(string? customerId) => Clear(customerId);

    /// <summary>
    /// Waits until at least <paramref name="count"/> entries match <paramref name="filter"/> and returns them (oldest
    /// first), or returns null once <paramref name="timeout"/> has passed without that many.
    /// </summary>
    public Task<IReadOnlyList<JournalEntry>?> WaitAsync(JournalFilter filter, int count, TimeSpan timeout, CancellationToken cancellationToken) =>
        _log.WaitAsync(filter.Matches, count, timeout, cancellationToken);
}
