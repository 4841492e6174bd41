using Emulator.Contacts;
using Emulator.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Emulator.Tests.Core;

/// <summary>
/// A <c>searchText</c> so common that the trigram index finds more candidates than <see cref="ContactQuery.SearchIndexCap"/>
/// is answered by walking the contacts newest first instead: the same results, in the same order.
/// </summary>
public sealed class SearchFallbackTests
{
    [Fact]
    public async Task A_search_text_matching_more_contacts_than_the_index_cap_pages_the_same_way()
    {
        await using var emulator = new EmulatorFactory();
        var count = ContactQuery.SearchIndexCap + 1;
        _ = emulator.CreateClient();
        await using (var connection = new SqliteConnection($"Data Source={emulator.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            // As the lead PUT stores them: lower-cased name and uuid in SearchText; the triggers fill the trigram index.
            insert.CommandText = """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
                INSERT INTO Chats (Id, CustomerId, BotId, Uuid, Channel, Name, Status, IsLead, IsContact, IsOnline, UserInteracted,
                    IsLiveChatActive, HasOrdered, IsImported, IsSubscriber, IsPaid, CreatedAt, UpdatedAt, WebsiteVisits,
                    UnreadMessages, SearchText, Tags, Segments, Attributes, Notes, SearchRowId)
                SELECT printf('%024x', i), $customer, $bot, 'bulk-' || i, 'WEBSITE', 'Common Name ' || i, 'OPEN', 1, 1, 0, 1,
                    0, 0, 0, 1, 0, 1700000000000 + i, 1700000000000 + i, 0,
                    0, 'common name ' || i || char(10) || 'bulk-' || i, '[]', '[]', '[]', '[]', i
                FROM n;
                """;
            insert.Parameters.AddWithValue("$count", count);
            insert.Parameters.AddWithValue("$customer", EmulatorFactory.DevCustomerId);
            insert.Parameters.AddWithValue("$bot", EmulatorFactory.DevBotId);
            await insert.ExecuteNonQueryAsync();
        }

        async Task<List<string>> Page(string text, int page) =>
            (await emulator.Inbox().SearchAsync(new { searchText = text, page })).ExpectOk().Data.Select(c => c!["uuid"]!.GetValue<string>()).ToList();

        // Over the cap: every contact matches, newest first, to the last page.
        Assert.Equal(Enumerable.Range(count - 19, 20).Reverse().Select(i => $"bulk-{i}"), await Page("COMMON", 1));
        Assert.Equal(["bulk-1"], await Page("common", (count + 19) / 20));

        // Under the cap (the index path) and over it agree on a text both can answer.
        Assert.Equal(["bulk-20001", "bulk-20000", "bulk-2000"], await Page("name 2000", 1));
        Assert.Equal(await Page("name 2000", 1), await Page("common name 2000", 1));
    }
}
