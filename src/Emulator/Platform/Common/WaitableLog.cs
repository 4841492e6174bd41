namespace Emulator.Common;

/// <summary>
/// A bounded, thread-safe, in-memory log of entries in arrival order (oldest dropped first) that callers can wait on:
/// what the request journal and the WhatsApp outbox are made of. Each entry gets a sequence number from 1.
/// </summary>
/// <typeparam name="T">The entry type.</typeparam>
/// <param name="capacity">How many entries are kept; 0 keeps none.</param>
public sealed class WaitableLog<T>(Func<int> capacity)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<T> _entries = new();
    private TaskCompletionSource _changed = NewSignal();
    private long _lastId;

    /// <summary>Adds the entry <paramref name="make"/> builds from the next sequence number, and wakes waiters.</summary>
    public void Add(Func<long, T> make)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            var entry = make(++_lastId);
            var keep = capacity();
            if (keep == 0)
            {
                return;
            }

            _entries.AddLast(entry);
            while (_entries.Count > keep)
            {
                _entries.RemoveFirst();
            }

            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    /// <summary>The entries matching <paramref name="match"/>, oldest first.</summary>
    public IReadOnlyList<T> Find(Func<T, bool> match)
    {
        lock (_gate)
        {
            return _entries.Where(match).ToList();
        }
    }

    /// <summary>Removes the entries matching <paramref name="match"/>; returns how many.</summary>
    public int Remove(Func<T, bool> match)
    {
        lock (_gate)
        {
            var removed = 0;
            for (var node = _entries.First; node is not null;)
            {
                var next = node.Next;
                if (match(node.Value))
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
    /// Waits until at least <paramref name="count"/> entries match <paramref name="match"/> and returns them (oldest first),
    /// or null once <paramref name="timeout"/> has passed without that many.
    /// </summary>
    public async Task<IReadOnlyList<T>?> WaitAsync(Func<T, bool> match, int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var found = _entries.Where(match).ToList();
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
