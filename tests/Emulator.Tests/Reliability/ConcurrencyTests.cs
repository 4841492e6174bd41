using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Reliability;

/// <summary>Many writers at once against the real process: every acknowledged write is there, exactly once.</summary>
[Collection(ReliabilitySuite.Name)]
[Trait("Category", "Reliability")]
public sealed class ConcurrencyTests
{
    // Writers queue for the emulator's one writer, not for SQLite's lock, so the default busy timeout serves them all;
    // pages of 500 read the 2,000 chats back in a few requests.
    private static readonly Dictionary<string, string> LargePages = new()
    {
        ["Emulator__PageSize"] = "500",
    };

    [Fact]
    public async Task A_thousand_concurrent_upserts_of_one_uuid_make_one_chat_that_keeps_every_note()
    {
        await using var server = await ReliabilityServer.StartAsync(LargePages);
        using var client = server.Client();

        var replies = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => client.PutAsJsonAsync("/inbox/direct/lead",
            InboxClient.Lead("one-visitor", new { name = "Ann", notes = new[] { new { title = $"note-{i}", description = "" } } }))));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var chats = await AllChatsAsync(client);
        var chat = Assert.Single(chats);
        var titles = chat["profile"]!["notes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"note-{i}").ToHashSet(), titles);
    }

    [Fact]
    public async Task Two_thousand_concurrent_upserts_of_distinct_uuids_are_all_listed_once_with_distinct_createdAt()
    {
        await using var server = await ReliabilityServer.StartAsync(LargePages);
        using var client = server.Client();

        var replies = await Task.WhenAll(Enumerable.Range(0, 2000).Select(i =>
            client.PutAsJsonAsync("/inbox/direct/lead", InboxClient.Lead($"visitor-{i}", new { name = $"Visitor {i}" }))));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var chats = await AllChatsAsync(client);
        Assert.Equal(Enumerable.Range(0, 2000).Select(i => $"visitor-{i}").Order(), chats.Select(c => c["uuid"]!.GetValue<string>()).Order());
        Assert.Equal(2000, chats.Select(c => c["createdAt"]!.GetValue<string>()).Distinct().Count());
    }

    /// <summary>Every lead of the development bot, paging as real clients do.</summary>
    internal static async Task<List<JsonNode>> AllChatsAsync(HttpClient client)
    {
        var all = new List<JsonNode>();
        for (var page = 1; ; page++)
        {
            var reply = await client.GetFromJsonAsync<JsonObject>(
                $"/inbox/direct/chats?botId={EmulatorFactory.DevBotId}&customerId={EmulatorFactory.DevCustomerId}&page={page}&type=lead");
            var data = reply!["data"]!.AsArray();
            if (data.Count == 0)
            {
                return all;
            }

            all.AddRange(data.Select(d => d!.DeepClone()));
        }
    }
}
