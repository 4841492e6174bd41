using System.Collections.Concurrent;
using System.Text.Json;
using Emulator.Common;
using Emulator.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Emulator.Chats;

/// <summary>
/// Reads one page of <c>GET /inbox/direct/chats</c> on Microsoft.Data.Sqlite directly, with its statement prepared once
/// per connection and reused (README, "Performance"): SQLite prepared the page query anew on every request through EF Core,
/// which cost more than running it. EF Core stays the owner of the schema, the migrations and every write; this class
/// only reads the columns of the wire shape and hands each row to <see cref="ChatMapping.ToWire"/>, the one mapping of
/// that shape. Thread-safe: each read takes a connection of its own from a small pool of open ones.
/// </summary>
public sealed class ChatPageReader : IDisposable
{
    // The page is walked over ids in the listing's covering index (CustomerId, BotId, IsLead, CreatedAt, Id, Status);
    // only the page's rows are then read whole (Paging describes why).
    private const string Sql = """
        SELECT "Id", "Uuid", "CreatedAt", "UpdatedAt", "IsOnline", "LastMessageAt", "LastMessageBy", "LastMessageText", "LastSeenAt",
               "Name", "Picture", "Email", "PhoneNumber", "PhonePrefix", "City", "Country", "Gender", "Status", "WebsiteVisits",
               "AgentAssigned", "Notes", "Attributes", "Tags"
        FROM "Chats"
        WHERE "Id" IN (
            SELECT "Id" FROM "Chats"
            WHERE "CustomerId" = $customerId AND "BotId" = $botId AND "IsLead" = $leads AND "Status" <> 'DELETED'
            ORDER BY "CreatedAt" DESC, "Id" DESC
            LIMIT $take OFFSET $skip)
        ORDER BY "CreatedAt" DESC, "Id" DESC
        """;

    private readonly ConcurrentBag<Statement> _idle = [];
    private readonly Lazy<string> _connectionString;
    private readonly int _busyTimeoutMs;
    private bool _disposed;

    /// <summary>Reads the database <c>ConnectionStrings:Emulator</c> names (resolved at the first read, as the context pool does).</summary>
    public ChatPageReader(IConfiguration configuration, IOptions<EmulatorOptions> options)
    {
        _busyTimeoutMs = options.Value.BusyTimeoutMs;
        _connectionString = new(() => new SqliteConnectionStringBuilder(DatabaseSetup.ConnectionString(configuration))
        {
            DefaultTimeout = DatabaseSetup.LockWaitSeconds(_busyTimeoutMs),
            Pooling = false,
        }.ToString());
    }

    /// <summary>
    /// The chats of <paramref name="botId"/> of <paramref name="customerId"/> that are leads (or not), newest
    /// <c>createdAt</c> first, ties by <c>_id</c>, skipping <paramref name="skip"/> and taking at most <paramref name="take"/>;
    /// deleted chats never appear.
    /// </summary>
    public List<ChatWire> Page(string customerId, string botId, bool leads, int skip, int take)
    {
        var statement = _idle.TryTake(out var idle) ? idle : Statement.Open(_connectionString.Value, _busyTimeoutMs);
        try
        {
            var page = statement.Read(customerId, botId, leads, skip, take);
            Return(statement);
            return page;
        }
        catch
        {
            statement.Dispose();
            throw;
        }
    }

    /// <summary>Closes the idle connections.</summary>
    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var statement))
        {
            statement.Dispose();
        }
    }

    // At most as many idle connections as requests can run at once on this machine, give or take: more would sit open.
    private void Return(Statement statement)
    {
        if (_disposed || _idle.Count >= ReadContexts.IdleKept)
        {
            statement.Dispose();
            return;
        }

        _idle.Add(statement);
    }

    // One open connection and the page command on it; Microsoft.Data.Sqlite keeps the command's prepared statement between
    // executions as long as the command's text and connection stay the same.
    private sealed class Statement : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _command;
        private readonly SqliteParameter _customerId, _botId, _leads, _skip, _take;

        private Statement(SqliteConnection connection)
        {
            _connection = connection;
            _command = connection.CreateCommand();
            _command.CommandText = Sql;
            _customerId = _command.Parameters.Add("$customerId", SqliteType.Text);
            _botId = _command.Parameters.Add("$botId", SqliteType.Text);
            _leads = _command.Parameters.Add("$leads", SqliteType.Integer);
            _skip = _command.Parameters.Add("$skip", SqliteType.Integer);
            _take = _command.Parameters.Add("$take", SqliteType.Integer);
        }

        public static Statement Open(string connectionString, int busyTimeoutMs)
        {
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMs};";
                pragma.ExecuteNonQuery();
            }

            var statement = new Statement(connection);
            statement._command.Prepare();
            return statement;
        }

        public List<ChatWire> Read(string customerId, string botId, bool leads, int skip, int take)
        {
            _customerId.Value = customerId;
            _botId.Value = botId;
            _leads.Value = leads ? 1 : 0;
            _skip.Value = skip;
            _take.Value = take;
            var page = new List<ChatWire>(take);
            using var row = _command.ExecuteReader();
            while (row.Read())
            {
                page.Add(ChatMapping.ToWire(new Chat
                {
                    Id = row.GetString(0),
                    CustomerId = customerId,
                    BotId = botId,
                    Uuid = row.GetString(1),
                    CreatedAt = UtcMillisecondsConverter.FromStored(row.GetInt64(2)),
                    UpdatedAt = UtcMillisecondsConverter.FromStored(row.GetInt64(3)),
                    IsOnline = row.GetBoolean(4),
                    LastMessageAt = OptionalTime(row, 5),
                    LastMessageBy = Text(row, 6),
                    LastMessageText = Text(row, 7),
                    LastSeenAt = OptionalTime(row, 8),
                    Name = Text(row, 9),
                    Picture = Text(row, 10),
                    Email = Text(row, 11),
                    PhoneNumber = Text(row, 12),
                    PhonePrefix = Text(row, 13),
                    City = Text(row, 14),
                    Country = Text(row, 15),
                    Gender = Text(row, 16),
                    Status = row.GetString(17),
                    WebsiteVisits = row.GetInt32(18),
                    AgentAssigned = Text(row, 19),
                    Notes = StoredJson.Notes(Text(row, 20)),
                    Attributes = StoredJson.Attributes(Text(row, 21)),
                    Tags = StoredJson.Strings(Text(row, 22)),
                }));
            }

            return page;
        }

        public void Dispose()
        {
            _command.Dispose();
            _connection.Dispose();
        }

        private static string? Text(SqliteDataReader row, int column) => row.IsDBNull(column) ? null : row.GetString(column);

        private static DateTime? OptionalTime(SqliteDataReader row, int column) => row.IsDBNull(column) ? null : UtcMillisecondsConverter.FromStored(row.GetInt64(column));
    }
}
