using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Emulator.Benchmarks;

/// <summary>
/// The scale run's fill (README, "Performance"): importing 1,000,000 contacts through the API takes about 30 minutes
/// here, so past the chats imported at the start, rows are written straight into the database file as copies of the
/// last imported ones: the same columns the emulator wrote, with the number, name, email, uuid, search text and creation
/// time of the contact that import would have made next (every tenth a copy of a "vip" one, with its label) and an id of
/// its own (<c>ff</c> and the number in hex; ids only break ties of equal creation times).
/// The triggers fill the trigram index as they do for the emulator's own writes; planner statistics are refreshed as the
/// emulator refreshes them at start.
/// </summary>
public static class Generate
{
    private const int Batch = 50_000;

    /// <summary>Adds contacts numbered <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> − 1 to
    /// the file at <paramref name="databasePath"/> (the emulator may be running: SQLite's locking orders the writes);
    /// returns the seconds it took. Needs the contacts numbered up to <paramref name="from"/> − 1 imported first.</summary>
    public static async Task<double> ContactsAsync(string databasePath, int from, int count)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False;Default Timeout=60");
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA cache_size = -262144; PRAGMA busy_timeout = 60000;");

        // The templates: the last imported contact with the "vip" tag (numbers divisible by 10) and the last without.
        var vip = (from - 1) / 10 * 10;
        var plain = (from - 1) % 10 == 0 ? from - 2 : from - 1;
        await ExecuteAsync(connection, $"""
            DROP TABLE IF EXISTS temp.FillTemplate;
            CREATE TEMP TABLE FillTemplate AS SELECT * FROM Chats WHERE UserProvidedName IN ('Fill {vip}', 'Fill {plain}');
            """);
        if (await ScalarAsync(connection, "SELECT count(*) FROM temp.FillTemplate") != 2)
        {
            throw new InvalidOperationException($"Generating needs contacts 'Fill {vip}' and 'Fill {plain}' imported first, once each.");
        }

        var baseRowId = await ScalarAsync(connection, "SELECT max(SearchRowId) FROM Chats");
        var baseTime = await ScalarAsync(connection, "SELECT max(CreatedAt) FROM Chats");
        string vipId;
        await using (var template = new SqliteCommand($"SELECT Id FROM temp.FillTemplate WHERE UserProvidedName = 'Fill {vip}'", connection))
        {
            vipId = (string)(await template.ExecuteScalarAsync())!;
        }


        var id = "printf('ff%022x', n.i)";
        var uuid = "printf('00000000-0000-4000-8000-%012x', n.i)";
        var name = "'Fill ' || n.i";
        var email = "'fill-' || n.i || '@example.com'";
        var overrides = new Dictionary<string, string>
        {
            ["Id"] = id,
            ["Uuid"] = uuid,
            ["UserProvidedName"] = name,
            ["Email"] = email,
            ["SearchText"] = $"replace(replace(replace(t.SearchText, t.Uuid, {uuid}), lower(t.Email), lower({email})), lower(t.UserProvidedName), lower({name}))",
            ["SearchRowId"] = $"{baseRowId} + n.i - {from} + 1",
            ["CreatedAt"] = $"{baseTime} + n.i - {from} + 1",
            ["UpdatedAt"] = $"{baseTime} + n.i - {from} + 1",
        };
        var columns = new List<string>();
        await using (var table = new SqliteCommand("SELECT name FROM pragma_table_info('Chats')", connection))
        await using (var info = await table.ExecuteReaderAsync())
        {
            while (await info.ReadAsync())
            {
                columns.Add(info.GetString(0));
            }
        }

        var select = string.Join(", ", columns.Select(c => overrides.TryGetValue(c, out var value) ? value : $"t.\"{c}\""));
        for (var start = from; start < from + count; start += Batch)
        {
            var end = Math.Min(start + Batch, from + count) - 1;
            var numbers = $"WITH RECURSIVE n(i) AS (SELECT {start} UNION ALL SELECT i + 1 FROM n WHERE i < {end})";
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await ExecuteAsync(connection, $"""
                {numbers}
                INSERT INTO Chats ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
                SELECT {select} FROM n JOIN temp.FillTemplate t
                    ON t.UserProvidedName = CASE WHEN n.i % 10 = 0 THEN 'Fill {vip}' ELSE 'Fill {plain}' END;
                {numbers}
                INSERT INTO ChatLabels (ChatId, CustomerId, Kind, Value)
                SELECT {id}, l.CustomerId, l.Kind, l.Value FROM n JOIN ChatLabels l ON l.ChatId = '{vipId}' WHERE n.i % 10 = 0;
                """, transaction);
            await transaction.CommitAsync();
            Console.WriteLine($"  generated to {end + 1:N0} chats ({clock.Elapsed.TotalSeconds:F0} s)");
        }

        await ExecuteAsync(connection, "PRAGMA analysis_limit = 1000; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Checks through the API that the emulator serves the generated rows as its own: <c>searchText</c> finds exactly
    /// contact <paramref name="number"/> by its email, with the "vip" tag when its number is a multiple of 10, and, given
    /// <paramref name="chatsPath"/>, that contact (by its email) heads chats page 1. Throws when not.
    /// </summary>
    public static async Task CheckAsync(Uri server, string? chatsPath, int number)
    {
        using var client = new HttpClient { BaseAddress = server };
        JsonNode? first = null;
        if (chatsPath is not null)
        {
            using var page = await client.SendAsync(Fill.Get(server, chatsPath + "1"));
            first = (await page.Content.ReadFromJsonAsync<JsonNode>())?["data"]?[0];
        }

        using var search = new HttpRequestMessage(HttpMethod.Post, "/inbox/users") { Content = JsonContent.Create(new { searchText = $"fill-{number}@" }) };
        search.Headers.Add("Authorization", $"Bearer {DevelopmentTenant.Token}");
        using var found = await client.SendAsync(search);
        var contacts = (await found.Content.ReadFromJsonAsync<JsonNode>())?["data"]?.AsArray() ?? [];
        var name = $"Fill {number}";
        if ((chatsPath is not null && first?.ToJsonString().Contains($"\"fill-{number}@example.com\"", StringComparison.Ordinal) != true)
            || contacts.Count != 1 || contacts[0]?["profile"]?["userDetails"]?["userProvidedName"]?.GetValue<string>() != name
            || (number % 10 == 0) != contacts[0]!.ToJsonString().Contains("\"vip\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The generated chats are not served as imported ones: page 1 starts {first}, the search found {contacts.ToJsonString()}.");
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        await using var command = new SqliteCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = new SqliteCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
