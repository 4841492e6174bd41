using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Emulator.Tests.Core;

public sealed class LeadUpsertTests
{
    private static JsonNode Details(JsonNode chat) => chat["profile"]!["userDetails"]!;

    [Fact]
    public async Task The_first_PUT_creates_the_chat_and_the_answer_is_the_documented_envelope()
    {
        await using var emulator = new EmulatorFactory();
        var reply = (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("u1", new { name = "Ann" }))).ExpectOk();

        Assert.Equal(["success", "message", "code"], reply.Json.AsObject().Select(p => p.Key));
        Assert.True(reply.Json["success"]!.GetValue<bool>());
        Assert.Equal("ok", reply.Json["message"]!.GetValue<string>());
        Assert.Equal(200, reply.Json["code"]!.GetValue<int>());
        Assert.Single((await emulator.Inbox().ListChatsAsync()).ExpectOk().Data);
    }

    [Fact]
    public async Task Later_PUTs_change_only_the_fields_they_carry()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 8, 0, 0, 123, TimeSpan.Zero));
        await using var emulator = new EmulatorFactory(clock: clock);
        var inbox = emulator.Inbox();
        (await inbox.PutLeadAsync(InboxClient.Lead("u1", new
        {
            name = "Ann",
            email = "ann@example.com",
            phone = "9876543210",
            dialCode = "+91",
            status = "REVIEW",
            picture = "https://example.com/a.png",
            agentId = "631aa793bcfa100487d13d0d",
        }))).ExpectOk();
        var before = (await inbox.ListChatsAsync()).ExpectOk().Data.Single()!;

        clock.Advance(TimeSpan.FromSeconds(90));
        (await inbox.PutLeadAsync(InboxClient.Lead("u1", new { email = "ann@new.example.com" }))).ExpectOk();
        var after = (await inbox.ListChatsAsync()).ExpectOk().Data.Single()!;

        Assert.Equal(before["_id"]!.GetValue<string>(), after["_id"]!.GetValue<string>());
        Assert.Equal(before["createdAt"]!.GetValue<string>(), after["createdAt"]!.GetValue<string>());
        Assert.Equal("ann@new.example.com", Details(after)["contact"]!["email"]!.GetValue<string>());
        Assert.Equal("Ann", Details(after)["name"]!.GetValue<string>());
        Assert.Equal("9876543210", Details(after)["contact"]!["phone"]!["number"]!.GetValue<string>());
        Assert.Equal("91", Details(after)["contact"]!["phone"]!["prefix"]!.GetValue<string>());
        Assert.Equal("https://example.com/a.png", Details(after)["picture"]!.GetValue<string>());
        Assert.Equal("REVIEW", after["status"]!.GetValue<string>());
        Assert.Equal("631aa793bcfa100487d13d0d", after["_agentAssigned"]!.GetValue<string>());
        Assert.Equal("2024-05-01T08:00:00.123Z", after["createdAt"]!.GetValue<string>());
        Assert.Equal("2024-05-01T08:00:00.123Z", before["updatedAt"]!.GetValue<string>());
        Assert.Equal("2024-05-01T08:01:30.123Z", after["updatedAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task Notes_are_appended_each_with_its_own_24_hex_id()
    {
        await using var emulator = new EmulatorFactory();
        var inbox = emulator.Inbox();
        (await inbox.PutLeadAsync(InboxClient.Lead("u1", new { name = "A", notes = new[] { new { title = "t1", description = "d1" } } }))).ExpectOk();
        (await inbox.PutLeadAsync(InboxClient.Lead("u1", new { notes = new[] { new { title = "t2", description = "d2" }, new { title = "t3", description = "d3" } } }))).ExpectOk();

        var notes = (await inbox.ListChatsAsync()).ExpectOk().Data.Single()!["profile"]!["notes"]!.AsArray();
        Assert.Equal(["t1", "t2", "t3"], notes.Select(n => n!["title"]!.GetValue<string>()));
        Assert.Equal(["d1", "d2", "d3"], notes.Select(n => n!["description"]!.GetValue<string>()));
        Assert.All(notes, n => Assert.Matches("^[0-9a-f]{24}$", n!["_id"]!.GetValue<string>()));
        Assert.Equal(3, notes.Select(n => n!["_id"]!.GetValue<string>()).Distinct().Count());
        Assert.All(notes, n => Assert.Equal(["title", "description", "_id"], n!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public async Task Tags_replace_the_stored_list_without_duplicates()
    {
        await using var emulator = new EmulatorFactory();
        var inbox = emulator.Inbox();
        (await inbox.PutLeadAsync(InboxClient.Lead("u1", new { name = "A", tags = new[] { "old", "kept" } }))).ExpectOk();
        (await inbox.PutLeadAsync(InboxClient.Lead("u1", new { tags = new[] { "kept", "new", "new" } }))).ExpectOk();
        var tags = Details((await inbox.ListChatsAsync()).ExpectOk().Data.Single()!)["tags"]!.AsArray();
        Assert.Equal(["kept", "new"], tags.Select(t => t!.GetValue<string>()));

        (await inbox.PutLeadAsync(InboxClient.Lead("u1", new { tags = Array.Empty<string>() }))).ExpectOk();
        Assert.Empty(Details((await inbox.ListChatsAsync()).ExpectOk().Data.Single()!)["tags"]!.AsArray());
    }

    [Theory]
    [InlineData(new[] { "b", "a" }, new[] { "a", "b" })]
    [InlineData(new[] { "vip" }, new[] { "VIP" })]
    [InlineData(new[] { "a", "b" }, new[] { "a", "b", "c" })]
    public async Task Tags_that_differ_only_in_order_or_case_are_stored_as_sent(string[] first, string[] second)
    {
        await using var emulator = new EmulatorFactory();
        var inbox = emulator.Inbox();
        (await inbox.PutLeadAsync(InboxClient.Lead("u1", new { name = "A", tags = first }))).ExpectOk();
        (await inbox.PutLeadAsync(InboxClient.Lead("u1", new { tags = second }))).ExpectOk();

        var tags = Details((await inbox.ListChatsAsync()).ExpectOk().Data.Single()!)["tags"]!.AsArray();
        Assert.Equal(second, tags.Select(t => t!.GetValue<string>()));
        var found = (await inbox.SearchAsync(new { tags = new[] { second[0] }, page = 1 })).ExpectOk().Data;
        Assert.Equal(["u1"], found.Select(c => c!["uuid"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Attributes_are_upserted_by_key()
    {
        await using var emulator = new EmulatorFactory();
        var inbox = emulator.Inbox();
        (await inbox.PutLeadAsync(InboxClient.Lead("u1", new { name = "A", attributes = new[] { new { key = "ID", value = "BP001" }, new { key = "plan", value = "free" } } }))).ExpectOk();
        (await inbox.PutLeadAsync(InboxClient.Lead("u1", new { attributes = new[] { new { key = "plan", value = "pro" }, new { key = "city", value = "Pune" } } }))).ExpectOk();

        var attributes = Details((await inbox.ListChatsAsync()).ExpectOk().Data.Single()!)["attributes"]!.AsArray();
        Assert.Equal(["ID=BP001", "plan=pro", "city=Pune"],
            attributes.Select(a => $"{a!["key"]!.GetValue<string>()}={a["value"]!.GetValue<string>()}"));
    }

    [Fact]
    public async Task The_upsert_key_is_customer_bot_and_uuid()
    {
        await using var emulator = new EmulatorFactory();
        var inbox = emulator.Inbox();
        (await inbox.PutLeadAsync(InboxClient.Lead("same", new { name = "Bot A" }))).ExpectOk();
        (await inbox.PutLeadAsync(InboxClient.Lead("same", new { name = "Bot B" }, botId: "other-bot"))).ExpectOk();

        Assert.Equal("Bot A", Details((await inbox.ListChatsAsync()).ExpectOk().Data.Single()!)["name"]!.GetValue<string>());
        Assert.Equal("Bot B", Details((await inbox.ListChatsAsync(botId: "other-bot")).ExpectOk().Data.Single()!)["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_chat_without_name_email_or_phone_is_a_non_lead_until_it_gets_one()
    {
        await using var emulator = new EmulatorFactory();
        var inbox = emulator.Inbox();
        (await inbox.PutLeadAsync(InboxClient.Lead("visitor", new { tags = new[] { "x" }, status = "OPEN" }))).ExpectOk();

        Assert.Empty((await inbox.ListChatsAsync("lead")).ExpectOk().Data);
        Assert.Single((await inbox.ListChatsAsync("non-lead")).ExpectOk().Data);

        (await inbox.PutLeadAsync(InboxClient.Lead("visitor", new { phone = "12345" }))).ExpectOk();
        Assert.Single((await inbox.ListChatsAsync("lead")).ExpectOk().Data);
        Assert.Empty((await inbox.ListChatsAsync("non-lead")).ExpectOk().Data);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("email")]
    [InlineData("phone")]
    public async Task Any_one_of_name_email_or_phone_makes_a_lead(string field)
    {
        await using var emulator = new EmulatorFactory();
        var body = (JsonObject)InboxClient.Lead("u1");
        body[field] = field == "email" ? "a@example.com" : field == "phone" ? "123" : "Ann";
        (await emulator.Inbox().PutLeadAsync(body)).ExpectOk();
        Assert.Single((await emulator.Inbox().ListChatsAsync("lead")).ExpectOk().Data);
    }

    [Fact]
    public async Task An_empty_string_clears_a_field_and_can_turn_a_lead_back_into_a_non_lead()
    {
        await using var emulator = new EmulatorFactory();
        var inbox = emulator.Inbox();
        (await inbox.PutLeadAsync(InboxClient.Lead("u1", new { name = "Ann" }))).ExpectOk();
        (await inbox.PutLeadAsync(InboxClient.Lead("u1", new { name = "" }))).ExpectOk();

        var chat = (await inbox.ListChatsAsync("non-lead")).ExpectOk().Data.Single()!;
        Assert.Equal("", Details(chat)["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Concurrent_PUTs_for_one_uuid_create_one_chat_and_lose_no_note()
    {
        await using var emulator = new EmulatorFactory();
        const int writers = 24;
        var replies = await Task.WhenAll(Enumerable.Range(0, writers).Select(i =>
            emulator.Inbox().PutLeadAsync(InboxClient.Lead("race", new { name = "Racer", notes = new[] { new { title = $"n{i}", description = "d" } } }))));

        Assert.All(replies, r => r.ExpectOk());
        var chat = (await emulator.Inbox().ListChatsAsync()).ExpectOk().Data.Single()!;
        Assert.Equal(writers, chat["profile"]!["notes"]!.AsArray().Count);
    }
}
