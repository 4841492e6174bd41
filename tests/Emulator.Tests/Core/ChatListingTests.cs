using System.Net;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Emulator.Tests.Core;

public sealed class ChatListingTests
{
    private const string Timestamp = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$";

    private static JsonNode DocSampleChat() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "chats-response.json")))!;

    /// <summary>Every key path of a JSON tree, e.g. "profile.userDetails.contact.phone.prefix"; arrays by their first item.</summary>
    private static IEnumerable<string> KeyPaths(JsonNode? node, string prefix = "") => node switch
    {
        JsonObject o => o.SelectMany(p => KeyPaths(p.Value, prefix + p.Key + ".").Prepend(prefix + p.Key)),
        JsonArray { Count: > 0 } a => KeyPaths(a[0], prefix.TrimEnd('.') + "[]."),
        _ => [],
    };

    [Fact]
    public async Task A_lead_with_every_documented_field_is_listed_in_exactly_the_doc_samples_shape()
    {
        await using var emulator = new EmulatorFactory();
        var inbox = emulator.Inbox();
        (await inbox.PutLeadAsync(InboxClient.Lead("7e88d192-9b20-4035-9b68-d4ac3d58a34f", new
        {
            agentId = "631aa793bcfa100487d13d0d",
            name = "Sample name",
            email = "sample@example.com",
            phone = "9876543210",
            dialCode = "+91",
            notes = new[] { new { title = "Sample title", description = "Sample description" } },
            status = "INPROGRESS",
            picture = "https://example.com/p.png",
            tags = new[] { "Sample tag" },
            attributes = new[] { new { key = "ID", value = "BP001" } },
        }))).ExpectOk();

        var reply = (await inbox.ListChatsAsync()).ExpectOk();
        var sample = DocSampleChat();

        Assert.Equal(sample.AsObject().Select(p => p.Key), reply.Json.AsObject().Select(p => p.Key));
        // Every key is the sample's, in its order; the ones missing are exactly those no lead PUT can set.
        var unset = KeyPaths(sample["data"]![0]).Except(KeyPaths(reply.Data[0])).ToList();
        Assert.Equal(KeyPaths(sample["data"]![0]).Except(unset), KeyPaths(reply.Data[0]));
        Assert.Equal(
            ["lastMessage.at", "lastMessage.by", "lastMessage.text", "lastSeenAt", "profile.userDetails.city", "profile.userDetails.gender"],
            unset);
        var chat = reply.Data.Single()!;
        Assert.Matches("^[0-9a-f]{24}$", chat["_id"]!.GetValue<string>());
        Assert.Matches(Timestamp, chat["createdAt"]!.GetValue<string>());
        Assert.Matches(Timestamp, chat["updatedAt"]!.GetValue<string>());
        Assert.Equal("INPROGRESS", chat["status"]!.GetValue<string>());
        Assert.Equal("631aa793bcfa100487d13d0d", chat["_agentAssigned"]!.GetValue<string>());
        Assert.Equal(0, chat["websiteVisits"]!.GetValue<int>());
        Assert.False(chat["isOnline"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_chat_with_every_field_set_has_exactly_the_doc_samples_key_paths()
    {
        await using var emulator = new EmulatorFactory();
        var at = new DateTime(2023, 2, 1, 6, 0, 20, DateTimeKind.Utc);
        await emulator.SeedAsync(c =>
        {
            (c.Name, c.Email, c.PhoneNumber, c.PhonePrefix, c.Picture) = ("Ann", "ann@example.com", "9876543210", "91", "https://example.com/a.png");
            (c.City, c.Country, c.Gender, c.AgentAssigned) = ("Pune", "India", "FEMALE", "631aa793bcfa100487d13d0d");
            (c.LastMessageAt, c.LastMessageBy, c.LastMessageText, c.LastSeenAt) = (at, "bot", "Welcome", at.AddSeconds(1));
            c.Notes.Add(new Emulator.Data.ChatNote { Id = "63db5c4abcbc3be2e95b20ae", Title = "t", Description = "d" });
            c.Tags.Add("vip");
            c.Attributes.Add(new Emulator.Data.ChatAttribute { Key = "ID", Value = "BP001" });
        });

        var chat = (await emulator.Inbox().ListChatsAsync()).ExpectOk().Data.Single();

        Assert.Equal(KeyPaths(DocSampleChat()["data"]![0]), KeyPaths(chat));
    }

    [Fact]
    public async Task Values_nothing_has_set_are_left_out_except_the_contact_block_and_country_which_are_empty_strings()
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("bare"))).ExpectOk();
        var chat = (await emulator.Inbox().ListChatsAsync("non-lead")).ExpectOk().Data.Single()!;

        Assert.Equal(["_id", "uuid", "createdAt", "isOnline", "lastMessage", "profile", "status", "updatedAt", "websiteVisits"],
            chat.AsObject().Select(p => p.Key));
        Assert.Empty(chat["lastMessage"]!.AsObject());
        var details = chat["profile"]!["userDetails"]!;
        Assert.Equal(["contact", "country", "tags", "attributes"], details.AsObject().Select(p => p.Key));
        Assert.Equal("""{"email":"","phone":{"number":"","prefix":""}}""", details["contact"]!.ToJsonString());
        Assert.Equal("", details["country"]!.GetValue<string>());
        Assert.Empty(details["tags"]!.AsArray());
        Assert.Empty(details["attributes"]!.AsArray());
        Assert.Empty(chat["profile"]!["notes"]!.AsArray());
        Assert.Equal("OPEN", chat["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_value_set_to_an_empty_string_is_answered_as_an_empty_string()
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("u", new { name = "Ann", picture = "https://example.com/a.png" }))).ExpectOk();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("u", new { picture = "" }))).ExpectOk();

        var details = (await emulator.Inbox().ListChatsAsync()).ExpectOk().Data.Single()!["profile"]!["userDetails"]!;

        Assert.Equal("", details["picture"]!.GetValue<string>());
        Assert.Equal("Ann", details["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chats_come_newest_first_in_pages_and_a_page_past_the_end_is_empty()
    {
        await using var emulator = new EmulatorFactory(new Dictionary<string, string?> { ["Emulator:PageSize"] = "2" });
        var inbox = emulator.Inbox();
        foreach (var uuid in new[] { "c1", "c2", "c3", "c4", "c5" })
        {
            (await inbox.PutLeadAsync(InboxClient.Lead(uuid, new { name = uuid }))).ExpectOk();
        }

        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var data = (await inbox.ListChatsAsync(page: page)).ExpectOk().Data;
            Assert.True(data.Count <= 2);
            pages.AddRange(data.Select(c => c!["uuid"]!.GetValue<string>()));
        }

        Assert.Equal(["c5", "c4", "c3", "c2", "c1"], pages);
        var past = (await inbox.ListChatsAsync(page: 4)).ExpectOk();
        Assert.Empty(past.Data);
        Assert.Equal(200, past.Json["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Chats_created_in_the_same_millisecond_get_consecutive_createdAt_values_so_string_comparison_orders_them()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 8, 0, 0, 998, TimeSpan.Zero));
        await using var emulator = new EmulatorFactory(new Dictionary<string, string?> { ["Emulator:PageSize"] = "50" }, clock: clock);
        var inbox = emulator.Inbox();
        for (var i = 0; i < 4; i++)
        {
            (await inbox.PutLeadAsync(InboxClient.Lead($"same-ms-{i}", new { name = "n" }))).ExpectOk();
        }

        // The clock catches up with the bumped values: the next chat takes the clock's time again once it is later.
        clock.Advance(TimeSpan.FromMilliseconds(10));
        (await inbox.PutLeadAsync(InboxClient.Lead("later", new { name = "n" }))).ExpectOk();

        var stamps = (await inbox.ListChatsAsync()).ExpectOk().Data.Select(c => c!["createdAt"]!.GetValue<string>()).ToList();
        Assert.Equal(
            ["2024-05-01T08:00:01.008Z", "2024-05-01T08:00:01.001Z", "2024-05-01T08:00:01.000Z", "2024-05-01T08:00:00.999Z", "2024-05-01T08:00:00.998Z"],
            stamps);
    }

    [Fact]
    public async Task Only_the_requested_bots_chats_are_listed()
    {
        await using var emulator = new EmulatorFactory();
        var inbox = emulator.Inbox();
        (await inbox.PutLeadAsync(InboxClient.Lead("a", new { name = "a" }))).ExpectOk();
        (await inbox.PutLeadAsync(InboxClient.Lead("b", new { name = "b" }, botId: "bot-2"))).ExpectOk();

        Assert.Equal("a", (await inbox.ListChatsAsync()).ExpectOk().Data.Single()!["uuid"]!.GetValue<string>());
        Assert.Equal("b", (await inbox.ListChatsAsync(botId: "bot-2")).ExpectOk().Data.Single()!["uuid"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("customerId=64b7f0c2a1d3e4f5a6b7c8d9&page=1&type=lead", "botId is required.")]
    [InlineData("botId=b&page=1&type=lead", "customerId is required.")]
    [InlineData("botId=b&customerId=64b7f0c2a1d3e4f5a6b7c8d9&type=lead", "page is required.")]
    [InlineData("botId=b&customerId=64b7f0c2a1d3e4f5a6b7c8d9&page=1", "type is required.")]
    [InlineData("botId=b&customerId=64b7f0c2a1d3e4f5a6b7c8d9&page=0&type=lead", "page '0' must be a whole number from 1")]
    [InlineData("botId=b&customerId=64b7f0c2a1d3e4f5a6b7c8d9&page=abc&type=lead", "page 'abc' must be a whole number from 1")]
    [InlineData("botId=b&customerId=64b7f0c2a1d3e4f5a6b7c8d9&page=-1&type=lead", "page '-1' must be a whole number from 1")]
    [InlineData("botId=b&customerId=64b7f0c2a1d3e4f5a6b7c8d9&page=1.5&type=lead", "page '1.5' must be a whole number from 1")]
    [InlineData("botId=b&customerId=64b7f0c2a1d3e4f5a6b7c8d9&page=99999999999&type=lead", "must be a whole number from 1")]
    [InlineData("botId=b&customerId=64b7f0c2a1d3e4f5a6b7c8d9&page=1&type=leads", "type 'leads' must be 'lead' or 'non-lead'.")]
    [InlineData("botId=b&customerId=64b7f0c2a1d3e4f5a6b7c8d9&page=1&type=LEAD", "type 'LEAD' must be 'lead' or 'non-lead'.")]
    public async Task Bad_query_values_get_400_in_the_envelope(string query, string expected)
    {
        await using var emulator = new EmulatorFactory();
        var reply = (await emulator.Inbox().ListChatsRawAsync(query)).Expect(HttpStatusCode.BadRequest);
        Assert.Contains(reply.Messages, m => m.Contains(expected));
    }
}
