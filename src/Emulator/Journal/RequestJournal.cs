using Microsoft.Extensions.Options;

namespace Emulator.Journal;

/// <summary>
/// The request journal: the last <see cref="EmulatorOptions.JournalCapacity"/> requests to the emulated surface, in
/// memory, oldest dropped first. Thread-safe. <see cref="WaitAsync"/> lets a test wait for requests instead of sleeping.
/// </summary>
public sealed class RequestJournal(IOptions<EmulatorOptions> options)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<JournalEntry> _entries = new();
    private TaskCompletionSource _changed = NewSignal();
    private long _lastId;

    /// <summary>Adds an entry made by <paramref name="make"/> from the next sequence number, and wakes waiters.</summary>
    public void Add(Func<long, JournalEntry> make)
    {
        var capacity = options.Value.JournalCapacity;
        TaskCompletionSource changed;
        lock (_gate)
        {
            var entry = make(++_lastId);
            if (capacity == 0)
            {
                return;
            }

            _entries.AddLast(entry);
            while (_entries.Count > capacity)
            {
                _entries.RemoveFirst();
            }

            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    /// <summary>The entries matching <paramref name="filter"/>, oldest first.</summary>
    public IReadOnlyList<JournalEntry> Find(JournalFilter filter)
    {
        lock (_gate)
        {
            return _entries.Where(filter.Matches).ToList();
        }
    }

    /// <summary>Removes every entry, or those of one tenant; returns how many were removed.</summary>
    public int Clear(string? customerId)
    {
        lock (_gate)
        {
            var removed = 0;
            for (var node = _entries.First; node is not null;)
            {
                var next = node.Next;
                if (customerId is null || node.Value.CustomerId == customerId)
                {
                    _entries.Remove(node);
                    removed++;
                }

                node = next;
            }

            return removed;
        }
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> entries match <paramref name="filter"/> and returns them (oldest
    /// first), or returns null once <paramref name="timeout"/> has passed without that many.
    /// </summary>
    public async Task<IReadOnlyList<JournalEntry>?> WaitAsync(JournalFilter filter, int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var found = _entries.Where(filter.Matches).ToList();
                if (found.Count >= count)
                {
                    return found;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
