using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Data;

/// <summary>
/// A few <see cref="EmulatorDbContext"/>s for a hot read through EF Core (contact search), each holding its connection
/// open and its statements prepared across requests (<see cref="PreparedStatements"/>; README, "Performance": contact
/// search). A pooled context closes its connection after every query, and SQLite then compiled the search's statements
/// again for every request (about a quarter of its time). Thread-safe: each read gets a context of its own.
/// </summary>
public sealed class ReadContexts(IServiceScopeFactory scopes) : IAsyncDisposable
{
    /// <summary>Statement texts kept per context: a search runs two to four, and most clients send a few filter shapes.</summary>
    public const int StatementsPerContext = 32;

    /// <summary>How many idle open connections a hot read keeps (this and the chats listing's <c>ChatPageReader</c>):
    /// enough for the requests that run at once on this machine's cores; more are closed when their read ends.</summary>
    public static int IdleKept { get; } = Math.Max(4, Environment.ProcessorCount * 4);

    private readonly ConcurrentBag<Lease> _idle = [];
    private volatile bool _disposed;

    /// <summary>Runs <paramref name="read"/> on an idle context (or a new one), read-only: entities it loads are not
    /// tracked after it returns. Its exception is rethrown and that context is dropped.</summary>
    /// <typeparam name="T">What the read returns; return detached entities or plain values.</typeparam>
    public async Task<T> ReadAsync<T>(Func<EmulatorDbContext, Task<T>> read, CancellationToken cancellationToken)
    {
        var lease = _idle.TryTake(out var idle) ? idle : await Lease.OpenAsync(scopes, cancellationToken);
        try
        {
            var result = await read(lease.Db);
            lease.Db.ChangeTracker.Clear();
            Return(lease);
            return result;
        }
        catch
        {
            await lease.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closes every idle context's connection; contexts in use are closed when their read ends.</summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_idle.TryTake(out var lease))
        {
            await lease.DisposeAsync();
        }
    }

    private void Return(Lease lease)
    {
        if (_disposed || _idle.Count >= IdleKept)
        {
            _ = lease.DisposeAsync().AsTask();
            return;
        }

        _idle.Add(lease);
    }

    // A context rented from the pool for as long as this lease lives, with its connection open.
    private sealed class Lease(AsyncServiceScope scope, EmulatorDbContext db, PreparedStatements statements) : IAsyncDisposable
    {
        public EmulatorDbContext Db { get; } = db;

        public static async Task<Lease> OpenAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
        {
            var scope = scopes.CreateAsyncScope();
            try
            {
                var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
                await db.Database.OpenConnectionAsync(cancellationToken);
                return new Lease(scope, db, db.KeepStatementsPrepared(StatementsPerContext));
            }
            catch
            {
                await scope.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            statements.Dispose();
            await Db.Database.CloseConnectionAsync();
            await scope.DisposeAsync();
        }
    }
}
