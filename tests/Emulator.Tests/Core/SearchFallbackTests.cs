using System.Globalization;
using Emulator.Contacts;
using Emulator.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Emulator.Tests.Core;

/// <summary>
/// A <c>searchText</c> or a tag so common that its index names more candidates than <see cref="ContactQuery.ProbeCap"/>
/// is answered by walking the contacts newest first instead: the same results, in the same order, as the index path.
/// </summary>
public sealed class SearchFallbackTests
{
    private const int Count = 2001;

    [Fact]
    public async Task A_search_text_matching_more_contacts_than_the_index_cap_pages_the_same_way()
    {
        await using var emulator = await BulkAsync();

        // Over the cap: every contact matches, newest first, to the last page.
        Assert.InRange(Count, Cap(1) + 1, int.MaxValue);
        Assert.Equal(Newest(i => true, 20), await PageAsync(emulator, new { searchText = "COMMON", page = 1 }));
        Assert.Equal(["bulk-1"], await PageAsync(emulator, new { searchText = "common", page = (Count + 19) / 20 }));

        // Under the cap (the index path) and over it (the walk) agree on a text both can answer.
        var expected = Newest(i => $"common name {i}".Contains("name 100", StringComparison.Ordinal), 20);
        Assert.InRange(expected.Count, 2, 19);
        Assert.Equal(expected, await PageAsync(emulator, new { searchText = "name 100", page = 1 }));
        Assert.Equal(expected, await PageAsync(emulator, new { searchText = "common name 100", page = 1 }));
    }

    [Fact]
    public async Task A_tag_on_more_contacts_than_the_index_cap_pages_the_same_way_as_a_rare_one()
    {
        await using var emulator = await BulkAsync();

        // "common" is on six chats of seven (the walk), "rare" on every 100th (the label index); both agree with the data.
        bool Common(int i) => i % 7 != 0;
        Assert.InRange(Enumerable.Range(1, Count).Count(Common), Cap(1) + 1, Count);
        Assert.InRange(Enumerable.Range(1, Count).Count(i => i % 100 == 0), 1, Cap(1));
        Assert.Equal(Newest(Common, 20), await PageAsync(emulator, new { tags = new[] { "common" }, page = 1 }));
        // The page where the newest chat with a tag other than "common" (1,400, "rare" only) would show if the walk
        // took any tag.
        var expected = Newest(Common, Count);
        var page = (expected.Count(uuid => int.Parse(uuid["bulk-".Length..], CultureInfo.InvariantCulture) > 1400) / 20) + 1;
        Assert.InRange(expected.Count, Cap(page) + 1, Count);
        Assert.Equal(expected.Skip((page - 1) * 20).Take(20), await PageAsync(emulator, new { tags = new[] { "common" }, page }));
        Assert.Equal(Newest(i => i % 100 == 0, 20), await PageAsync(emulator, new { tags = new[] { "rare" }, page = 1 }));

        // A common and a rare tag together match either; with a status filter the walk still tests each chat's tag.
        Assert.Equal(
            Newest(i => Common(i) || i % 100 == 0, 40).Skip(20).ToList(),
            await PageAsync(emulator, new { tags = new[] { "rare", "common" }, page = 2 }));
        Assert.Equal(
            Newest(i => i % 100 == 0 && i % 3 == 0, 20),
            await PageAsync(emulator, new { tags = new[] { "rare" }, status = new[] { "CLOSED" }, page = 1 }));
        Assert.Equal(
            Newest(i => Common(i) && i % 3 == 0, 40).Skip(20).ToList(),
            await PageAsync(emulator, new { tags = new[] { "common" }, status = new[] { "CLOSED" }, page = 2 }));
    }

    // The most candidates the index path takes for a page of this file.
    private static int Cap(int page) => ContactQuery.ProbeCap(page * 20L, Count);

    // The uuids of the newest chats whose number passes the filter, newest first: at most `take`, from the start.
    private static List<string> Newest(Func<int, bool> filter, int take) =>
        Enumerable.Range(1, Count).Reverse().Where(filter).Take(take).Select(i => $"bulk-{i}").ToList();

    private static async Task<List<string>> PageAsync(EmulatorFactory emulator, object body) =>
        (await emulator.Inbox().SearchAsync(body)).ExpectOk().Data.Select(c => c!["uuid"]!.GetValue<string>()).ToList();

    // Count chats written straight into the file, as the lead PUT stores them (lower-cased name and uuid in SearchText;
    // the triggers fill the trigram index): chat i is "Common Name i", created at a time growing with i, tagged "common"
    // unless i is a multiple of 7, and "rare" when it is one of 100; every 3rd is CLOSED.
    private static async Task<EmulatorFactory> BulkAsync()
    {
        var emulator = new EmulatorFactory();
        _ = emulator.CreateClient();
        await using var connection = new SqliteConnection($"Data Source={emulator.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
            INSERT INTO Chats (Id, CustomerId, BotId, Uuid, Channel, Name, Status, IsLead, IsContact, IsOnline, UserInteracted,
                IsLiveChatActive, HasOrdered, IsImported, IsSubscriber, IsPaid, CreatedAt, UpdatedAt, WebsiteVisits,
                UnreadMessages, SearchText, Tags, Segments, Attributes, Notes, SearchRowId)
            SELECT printf('%024x', i), $customer, $bot, 'bulk-' || i, 'WEBSITE', 'Common Name ' || i,
                CASE WHEN i % 3 = 0 THEN 'CLOSED' ELSE 'OPEN' END, 1, 1, 0, 1,
                0, 0, 0, 1, 0, 1700000000000 + i, 1700000000000 + i, 0,
                0, 'common name ' || i || char(10) || 'bulk-' || i,
                CASE WHEN i % 7 = 0 AND i % 100 = 0 THEN '["rare"]' WHEN i % 7 = 0 THEN '[]'
                    WHEN i % 100 = 0 THEN '["common","rare"]' ELSE '["common"]' END, '[]', '[]', '[]', i
            FROM n;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
            INSERT INTO ChatLabels (ChatId, CustomerId, Kind, Value)
            SELECT printf('%024x', i), $customer, 'tag', 'common' FROM n WHERE i % 7 != 0
            UNION ALL SELECT printf('%024x', i), $customer, 'tag', 'rare' FROM n WHERE i % 100 = 0;
            """;
        insert.Parameters.AddWithValue("$count", Count);
        insert.Parameters.AddWithValue("$customer", EmulatorFactory.DevCustomerId);
        insert.Parameters.AddWithValue("$bot", EmulatorFactory.DevBotId);
        await insert.ExecuteNonQueryAsync();
        return emulator;
    }
}
