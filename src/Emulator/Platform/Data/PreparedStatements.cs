using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Emulator.Data;

/// <summary>
/// The statements EF Core runs on one open connection, kept prepared while it stays open (README, "Performance").
/// Microsoft.Data.Sqlite keeps a statement prepared only inside the <see cref="SqliteCommand"/> that ran it, and EF Core
/// builds a new command for every query and save, so SQLite compiled the same few statements again every time (about
/// a fifth of the single writer's time, a quarter of a contact search's). A context turns this on with
/// <see cref="EmulatorDbContext.KeepStatementsPrepared"/> (the <see cref="SingleWriter"/> for a batch,
/// <see cref="ReadContexts"/> for as long as they hold their connection): each statement text then gets one command,
/// prepared on its first run and reused by every later one; disposing this finalizes them.
/// </summary>
/// <remarks>EF Core still builds, logs and intercepts each command as usual; only its execution is handed to the kept
/// command with the same text (<see cref="StatementReuseInterceptor"/>). Not thread-safe: one per context, which runs one
/// command at a time.</remarks>
public sealed class PreparedStatements : IDisposable
{
    private readonly Dictionary<string, Kept> _byText = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private readonly Action _detach;

    internal PreparedStatements(int capacity, Action detach)
    {
        _capacity = capacity;
        _detach = detach;
    }

    /// <summary>How many times a kept statement ran again without being prepared: what this saved, for tests.</summary>
    public int Reused { get; private set; }

    /// <summary>
    /// The kept command for <paramref name="command"/>'s text, given its parameters, transaction and timeout; or null when
    /// <paramref name="command"/> should run itself: its own reader of that text is still open, the command is not a
    /// SQLite one on this connection, or as many texts as the capacity given to
    /// <see cref="EmulatorDbContext.KeepStatementsPrepared"/> are kept already.
    /// </summary>
    internal SqliteCommand? Take(DbCommand command)
    {
        if (command is not SqliteCommand { Connection: { } connection } ef)
        {
            return null;
        }

        if (_byText.TryGetValue(ef.CommandText, out var kept))
        {
            if (kept.Reader is { IsClosed: false } || kept.Command.Connection != connection)
            {
                return null;
            }

            Reused++;
        }
        else if (_byText.Count < _capacity)
        {
            kept = new Kept(new SqliteCommand(ef.CommandText, connection));
            _byText.Add(ef.CommandText, kept);
        }
        else
        {
            return null;
        }

        var target = kept.Command;
        target.Transaction = ef.Transaction;
        target.CommandTimeout = ef.CommandTimeout;

        // Parameters are bound when each statement of the command runs, so they stay with it until its next use.
        target.Parameters.Clear();
        foreach (SqliteParameter parameter in ef.Parameters)
        {
            target.Parameters.Add(parameter);
        }

        return target;
    }

    /// <summary>Remembers the reader a kept command returned, so that the command is not reused while it is open.</summary>
    internal SqliteDataReader Track(SqliteCommand command, SqliteDataReader reader)
    {
        _byText[command.CommandText].Reader = reader;
        return reader;
    }

    /// <summary>Finalizes every kept statement and detaches from the context.</summary>
    public void Dispose()
    {
        foreach (var kept in _byText.Values)
        {
            kept.Command.Dispose();
        }

        _byText.Clear();
        _detach();
    }

    private sealed class Kept(SqliteCommand command)
    {
        public SqliteCommand Command { get; } = command;

        public SqliteDataReader? Reader { get; set; }
    }
}

/// <summary>
/// Runs EF Core's commands on the kept, already prepared command of the same text when the context keeps its statements
/// (<see cref="EmulatorDbContext.KeepStatementsPrepared"/>); any other context's commands run as EF Core made them.
/// Registered once for the context pool (<see cref="DatabaseSetup.AddEmulatorDatabase"/>).
/// </summary>
public sealed class StatementReuseInterceptor : DbCommandInterceptor
{
    /// <inheritdoc />
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result) =>
        TryKeep(command, eventData, out var statements, out var kept)
            ? InterceptionResult<DbDataReader>.SuppressWithResult(statements.Track(kept, kept.ExecuteReader()))
            : result;

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReaderExecuting(command, eventData, result)); // SQLite runs synchronously either way

    /// <inheritdoc />
    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        TryKeep(command, eventData, out _, out var kept) ? InterceptionResult<int>.SuppressWithResult(kept.ExecuteNonQuery()) : result;

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

    /// <inheritdoc />
    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        TryKeep(command, eventData, out _, out var kept) ? InterceptionResult<object>.SuppressWithResult(kept.ExecuteScalar()!) : result;

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ScalarExecuting(command, eventData, result));

    private static bool TryKeep(DbCommand command, CommandEventData eventData,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PreparedStatements? statements,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SqliteCommand? kept)
    {
        statements = (eventData.Context as EmulatorDbContext)?.Statements;
        kept = statements?.Take(command);
        return kept is not null;
    }
}
