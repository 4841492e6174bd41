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

    // The oldest chats, tagged "old": more than the index cap, and none among the newest 2 × cap.
    private const int Old = 300;

    [Fact]
    public async Task A_search_text_matching_more_contacts_than_the_index_cap_pages_the_same_way()
    {
        await using var emulator = await BulkAsync();

        // Over the cap (the walk): every contact matches, newest first.
        Assert.InRange(Count, Cap(1) + 1, int.MaxValue);
        Assert.Equal(Newest(i => true, 20), await PageAsync(emulator, new { searchText = "COMMON", page = 1 }));
        Assert.Equal(Newest(i => true, 60).Skip(40).ToList(), await PageAsync(emulator, new { searchText = "common", page = 3 }));
        Assert.InRange(Count, Cap(3) + 1, int.MaxValue);

        // The last page asks for enough rows that the index is used again; then a rarer text under the cap. Each path
        // gives the pages the data says, so they agree; the deleted chat and the other tenant's, which match every text
        // here and are the newest, never show.
        Assert.Equal(["bulk-1"], await PageAsync(emulator, new { searchText = "common", page = (Count + 19) / 20 }));
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

    [Fact]
    public async Task A_common_tag_whose_contacts_are_all_old_is_paged_from_its_index_after_a_short_walk()
    {
        await using var emulator = await BulkAsync();

        // More "old" chats than the cap, so the search walks; none among the newest 2 × cap chats, so the walk near the
        // newest finds no page and the label index drives it instead, with the same answer.
        Assert.InRange(Old, Cap(2) + 1, Count - (2 * Cap(2)));
        Assert.Equal(Newest(i => i <= Old, 20), await PageAsync(emulator, new { tags = new[] { "old" }, page = 1 }));
        Assert.Equal(Newest(i => i <= Old, 40).Skip(20).ToList(), await PageAsync(emulator, new { tags = new[] { "old" }, page = 2 }));
        Assert.Equal(
            Newest(i => i <= Old && i % 3 != 0, 20),
            await PageAsync(emulator, new { tags = new[] { "old" }, status = new[] { "OPEN" }, searchText = "common name", page = 1 }));
    }

    private static bool Common(int i) => i % 7 != 0;

    // The most candidates the index path takes for a page of this file.
    private static int Cap(int page) => ContactQuery.ProbeCap(page * 20L, Count);

    // The uuids of the newest chats whose number passes the filter, newest first: at most `take`, from the start.
    private static List<string> Newest(Func<int, bool> filter, int take) =>
        Enumerable.Range(1, Count).Reverse().Where(filter).Take(take).Select(i => $"bulk-{i}").ToList();

    private static async Task<List<string>> PageAsync(EmulatorFactory emulator, object body) =>
        (await emulator.Inbox().SearchAsync(body)).ExpectOk().Data.Select(c => c!["uuid"]!.GetValue<string>()).ToList();

    // Count chats written straight into the file, as the lead PUT stores them (lower-cased name and uuid in SearchText;
    // the triggers fill the trigram index): chat i is "Common Name i", created at a time growing with i, tagged "common"
    // unless i is a multiple of 7, "rare" when it is one of 100 and "old" up to Old; every 3rd is CLOSED. Two newer chats, named
    // "Common Name 100 extra" and tagged with both, are not the tenant's to see: one DELETED, one of another customer.
    private static async Task<EmulatorFactory> BulkAsync()
    {
        var emulator = new EmulatorFactory();
        _ = emulator.CreateClient();
        await using var connection = new SqliteConnection($"Data Source={emulator.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            CREATE TEMP TABLE Tagged AS
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count + 2)
                SELECT i, 1 AS Rank, 'common' AS Tag FROM n WHERE i % 7 != 0 OR i > $count
                UNION ALL SELECT i, 2, 'rare' FROM n WHERE i % 100 = 0 OR i > $count
                UNION ALL SELECT i, 3, 'old' FROM n WHERE i <= $old OR i > $count;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count + 2)
            INSERT INTO Chats (Id, CustomerId, BotId, Uuid, Channel, Name, Status, IsLead, IsContact, IsOnline, UserInteracted,
                IsLiveChatActive, HasOrdered, IsImported, IsSubscriber, IsPaid, CreatedAt, UpdatedAt, WebsiteVisits,
                UnreadMessages, SearchText, Tags, Segments, Attributes, Notes, SearchRowId)
            SELECT printf('%024x', i), CASE WHEN i = $count + 2 THEN $other ELSE $customer END, $bot, 'bulk-' || i, 'WEBSITE',
                CASE WHEN i > $count THEN 'Common Name 100 extra' ELSE 'Common Name ' || i END,
                CASE WHEN i = $count + 1 THEN 'DELETED' WHEN i % 3 = 0 THEN 'CLOSED' ELSE 'OPEN' END, 1, 1, 0, 1,
                0, 0, 0, 1, 0, 1700000000000 + i, 1700000000000 + i, 0,
                0, CASE WHEN i > $count THEN 'common name 100 extra' ELSE 'common name ' || i END || char(10) || 'bulk-' || i,
                (SELECT json_group_array(Tag) FROM (SELECT Tag FROM temp.Tagged t WHERE t.i = n.i ORDER BY Rank)), '[]', '[]', '[]', i
            FROM n;
            INSERT INTO ChatLabels (ChatId, CustomerId, Kind, Value)
            SELECT printf('%024x', i), CASE WHEN i = $count + 2 THEN $other ELSE $customer END, 'tag', Tag FROM temp.Tagged;
            DROP TABLE temp.Tagged;
            """;
        insert.Parameters.AddWithValue("$count", Count);
        insert.Parameters.AddWithValue("$other", "0123456789abcdef01234567");
        insert.Parameters.AddWithValue("$old", Old);
        insert.Parameters.AddWithValue("$customer", EmulatorFactory.DevCustomerId);
        insert.Parameters.AddWithValue("$bot", EmulatorFactory.DevBotId);
        await insert.ExecuteNonQueryAsync();
        return emulator;
    }
}
