using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Data;

/// <summary>
/// The one writer of the database: every write of the emulated surface is a work item queued here, and one loop
/// runs them in order on one connection. Items waiting together share one <c>BEGIN IMMEDIATE</c> transaction and one
/// commit (group commit), each inside its own savepoint so that a failing item is undone alone; an item's caller is
/// answered only after the commit that holds its changes, so nothing acknowledged is lost to a process crash
/// (README, "Performance": durability). Writers therefore never wait on SQLite's write lock against each other, only on
/// this queue: a lock shared by 32 connections through busy-retries cost most of a write's time.
/// </summary>
/// <remarks>A hosted service: the host starts it, and stopping the host drains the queue. Start-up work that writes before
/// the host starts (migrations, runtime tenants, the seed file) starts it first (<c>EmulatorApp.PrepareAsync</c>).</remarks>
public sealed class SingleWriter : IHostedService, IAsyncDisposable, Common.IDatabaseWriter
{
    /// <summary>Most items in one transaction: bounds the latency a commit adds to the first item of a batch.</summary>
    public const int MaxBatch = 256;

    private readonly Channel<IWorkItem> _queue = Channel.CreateUnbounded<IWorkItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<SingleWriter> _logger;
    private readonly IChatEventSink? _events;
    private readonly Lock _gate = new();
    private Task? _loop;

    /// <summary>Creates the writer; its loop runs from <see cref="StartAsync"/> until <see cref="StopAsync"/>.</summary>
    /// <param name="scopes">Where each batch gets its context.</param>
    /// <param name="logger">Failed batches are logged.</param>
    /// <param name="events">Stores the events of each work item in its transaction (<see cref="EmulatorDbContext.TakeEvents"/>), if any.</param>
    public SingleWriter(IServiceScopeFactory scopes, ILogger<SingleWriter> logger, IChatEventSink? events = null)
    {
        _scopes = scopes;
        _logger = logger;
        _events = events;
    }

    /// <summary>Starts the writing loop; calling it again does nothing. Work queued before it waits for it.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _loop ??= Task.Run(RunAsync, CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>Stops accepting work and waits until what is queued is written, or <paramref name="cancellationToken"/>
    /// (the host's shutdown timeout) ends the wait; work queued after this fails with <see cref="ObjectDisposedException"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        Task? loop;
        lock (_gate)
        {
            loop = _loop;
        }

        if (loop is not null)
        {
            await loop.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Writes waiting in the queue now, not counting the batch being written.</summary>
    public int Queued => Volatile.Read(ref _queued);

    private int _queued;

    /// <summary>
    /// Queues <paramref name="work"/> and completes once it ran and its transaction committed. The work gets the batch's
    /// <see cref="EmulatorDbContext"/> (an open transaction; do not begin or commit one) and saves with
    /// <c>SaveChangesAsync</c>; tracked entities are cleared after it, so return plain values or detached entities.
    /// </summary>
    /// <typeparam name="T">What the work returns to the caller.</typeparam>
    /// <param name="work">The write: reads, changes and saves. Its exception undoes only its own changes and is
    /// rethrown to the caller.</param>
    /// <param name="cancellationToken">Drops the work while it still waits in the queue; once it runs it completes.</param>
    /// <exception cref="InvalidOperationException">Called from inside a work item: the writer runs one item at a time.</exception>
    /// <exception cref="Microsoft.Data.Sqlite.SqliteException">The batch's transaction could not begin or commit (e.g.
    /// SQLITE_BUSY from another process past <see cref="EmulatorOptions.BusyTimeoutMs"/>): nothing of it was written.</exception>
    public Task<T> WriteAsync<T>(Func<EmulatorDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        EnqueueAsync(new WorkItem<T>(work, cancellationToken));

    /// <summary>
    /// Queues <paramref name="work"/> to run alone, outside any transaction, once every write queued before it is
    /// committed and before any queued after it starts: for whole-database operations (snapshots, restores) that must not
    /// interleave with writes. The work gets a context with its connection open.
    /// </summary>
    /// <typeparam name="T">What the work returns to the caller.</typeparam>
    /// <param name="work">The operation; its exception is rethrown to the caller.</param>
    /// <param name="cancellationToken">Drops the work while it still waits in the queue.</param>
    public Task<T> ExclusiveAsync<T>(Func<EmulatorDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        EnqueueAsync(new WorkItem<T>(work, cancellationToken, exclusive: true));

    private async Task<T> EnqueueAsync<T>(WorkItem<T> item)
    {
        if (InsideWork.Value)
        {
            // The loop runs one item at a time: an item that waited for another item would wait for itself forever.
            throw new InvalidOperationException(
                "A write work item queued another write or exclusive operation. Do the whole change in the one work item: " +
                "its EmulatorDbContext is already in the transaction.");
        }

        Interlocked.Increment(ref _queued);
        if (!_queue.Writer.TryWrite(item))
        {
            Interlocked.Decrement(ref _queued);
            throw new ObjectDisposedException(nameof(SingleWriter));
        }

        return await item.Completion.Task;
    }

    /// <summary>Stops accepting work and waits for what is queued to be written (<see cref="StopAsync"/> without a time limit).</summary>
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    // True in the writing loop's own flow, and so in every work item it runs (AsyncLocal flows into what they await).
    private static readonly AsyncLocal<bool> InsideWork = new();

    private async Task RunAsync()
    {
        InsideWork.Value = true;
        var batch = new List<IWorkItem>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            IWorkItem? exclusive = null;
            while (batch.Count < MaxBatch && exclusive is null && _queue.Reader.TryRead(out var item))
            {
                Interlocked.Decrement(ref _queued);
                if (item.DropIfCanceled())
                {
                    continue;
                }

                if (item.Exclusive)
                {
                    exclusive = item;
                }
                else
                {
                    batch.Add(item);
                }
            }

            if (batch.Count > 0)
            {
                await WriteBatchAsync(batch);
                batch.Clear();
            }

            if (exclusive is not null)
            {
                await RunAloneAsync(exclusive);
            }
        }
    }

    private async Task WriteBatchAsync(List<IWorkItem> batch)
    {
        var done = new List<IWorkItem>(batch.Count);
        var staged = false;
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
            await db.Database.OpenConnectionAsync();

            // The batch's items run the same few statements: each is prepared once for the batch, not once per item.
            using var statements = db.KeepStatementsPrepared();

            // A commit in WAL mode with synchronous=NORMAL is durable across a crash of the process (the OS holds the
            // written WAL); only a power loss or OS crash can lose the last commits (README, "Performance").
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = NORMAL;");
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var item in batch)
            {
                await transaction.CreateSavepointAsync("item");
                try
                {
                    await item.RunAsync(db);
                    if (db.TakeEvents() is { Count: > 0 } events && _events is not null)
                    {
                        // In the item's savepoint: its events are stored exactly when its changes are.
                        staged |= await _events.StageAsync(db, events, CancellationToken.None);
                    }

                    await transaction.ReleaseSavepointAsync("item");
                    done.Add(item);
                }
                catch (Exception exception)
                {
                    db.TakeEvents();
                    await transaction.RollbackToSavepointAsync("item");
                    await transaction.ReleaseSavepointAsync("item");
                    item.Fail(exception);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }

            await transaction.CommitAsync();
        }
        catch (Exception exception)
        {
            // Nothing of this batch was committed: every item that had run is told so.
            _logger.LogWarning(exception, "A write batch of {Count} items failed before its commit", batch.Count);
            foreach (var item in batch)
            {
                item.Fail(exception);
            }

            return;
        }

        if (staged)
        {
            _events?.Committed();
        }

        foreach (var item in done)
        {
            item.Succeed();
        }
    }

    private async Task RunAloneAsync(IWorkItem item)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
            await db.Database.OpenConnectionAsync();
            await item.RunAsync(db);
            item.Succeed();
        }
        catch (Exception exception)
        {
            item.Fail(exception);
        }
    }

    private interface IWorkItem
    {
        bool Exclusive { get; }

        bool DropIfCanceled();

        Task RunAsync(EmulatorDbContext db);

        void Succeed();

        void Fail(Exception exception);
    }

    private sealed class WorkItem<T>(Func<EmulatorDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken,
        bool exclusive = false) : IWorkItem
    {
        private T? _result;

        public bool Exclusive => exclusive;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool DropIfCanceled() => cancellationToken.IsCancellationRequested && Completion.TrySetCanceled(cancellationToken);

        public async Task RunAsync(EmulatorDbContext db) => _result = await work(db, CancellationToken.None);

        public void Succeed() => Completion.TrySetResult(_result!);

        public void Fail(Exception exception) => Completion.TrySetException(exception);
    }
}
