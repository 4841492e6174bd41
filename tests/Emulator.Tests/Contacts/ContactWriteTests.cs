using System.Net;
using System.Text.Json.Nodes;
using Emulator.Data;
using Emulator.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Emulator.Tests.Contacts;

public sealed class ContactWriteTests
{
    private static JsonNode Details(JsonNode contact) => contact["profile"]!["userDetails"]!;

    [Fact]
    public async Task Import_updates_the_contact_with_the_same_email_case_insensitively_or_the_same_phone()
    {
        await using var emulator = new EmulatorFactory();
        var inbox = emulator.Inbox();
        (await inbox.PutLeadAsync(InboxClient.Lead("from-lead", new { name = "Lead", email = "Ann@Example.com" }))).ExpectOk();
        (await inbox.ImportAsync(new[] { InboxClient.ImportItem("Bob", number: "555", prefix: "+1") })).ExpectOk();

        var reply = (await inbox.ImportAsync(new[]
        {
            InboxClient.ImportItem("Ann imported", email: "ann@example.COM", tags: ["crm"]),
            InboxClient.ImportItem("Bob imported", number: "555", prefix: "1", attributes: [new { key = "plan", value = "pro" }]),
            InboxClient.ImportItem("Carol", number: "555", prefix: "44"),
        })).ExpectOk();

        Assert.Equal("Imported 3 contacts: 1 created, 2 updated.", reply.Json["message"]!.GetValue<string>());
        var contacts = await inbox.AllContactsAsync();
        Assert.Equal(3, contacts.Count);
        var ann = contacts.Single(c => c["uuid"]!.GetValue<string>() == "from-lead");
        Assert.Equal("Ann imported", Details(ann)["userProvidedName"]!.GetValue<string>());
        Assert.Equal("Lead", Details(ann)["name"]!.GetValue<string>());
        Assert.Equal(["crm"], Details(ann)["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        var bob = contacts.Single(c => Details(c)["userProvidedName"]!.GetValue<string>() == "Bob imported");
        Assert.Equal("pro", Details(bob)["attributes"]![0]!["value"]!.GetValue<string>());
        Assert.True(bob["isImported"]!.GetValue<bool>());
        Assert.Empty(bob["platform"]!.AsArray());
        Assert.False(bob["userInteracted"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_repeated_email_within_one_import_updates_the_contact_the_batch_just_created()
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().ImportAsync(new[]
        {
            InboxClient.ImportItem("Draft", email: "same@example.com"),
            InboxClient.ImportItem("Final", email: "same@example.com"),
        })).ExpectOk();

        var contact = Assert.Single(await emulator.Inbox().AllContactsAsync());
        Assert.Equal("Final", Details(contact)["userProvidedName"]!.GetValue<string>());
    }

    [Fact]
    public async Task One_invalid_item_rejects_the_whole_import_with_its_index_and_nothing_is_applied()
    {
        await using var emulator = new EmulatorFactory();
        var reply = (await emulator.Inbox().ImportAsync(new object?[]
        {
            InboxClient.ImportItem("Good", email: "good@example.com"),
            InboxClient.ImportItem("Bad", email: "not-an-email"),
            InboxClient.ImportItem("No identity"),
            null,
        })).Expect(HttpStatusCode.BadRequest);

        Assert.Contains("items[1].profile.userDetails.contact.email 'not-an-email' is not a valid email address.", reply.Messages);
        Assert.Contains("items[2].profile.userDetails.contact needs an email or a phone number.", reply.Messages);
        Assert.Contains("items[3] must be a contact object.", reply.Messages);
        Assert.Empty(await emulator.Inbox().AllContactsAsync());
    }

    [Theory]
    [InlineData("[]", "The import must hold 1 to 1000 contacts.")]
    [InlineData("""{"profile": {}}""", "The request body must be a JSON array.")]
    [InlineData("""[{"profile": {"userDetails": {"tags": "vip"}}}]""", "items[0].profile.userDetails.tags must be an array of strings")]
    public async Task Malformed_imports_get_400(string body, string expected)
    {
        await using var emulator = new EmulatorFactory();
        var reply = (await emulator.Inbox().SendAsync(HttpMethod.Post, "/inbox/users/import",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), null)).Expect(HttpStatusCode.BadRequest);
        Assert.StartsWith(expected, Assert.Single(reply.Messages));
    }

    [Fact]
    public async Task A_body_of_just_attributes_upserts_them_by_key()
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("u", new { name = "A", attributes = new[] { new { key = "a", value = "1" }, new { key = "b", value = "2" } } }))).ExpectOk();
        var id = (await emulator.Inbox().AllContactsAsync()).Single()["_id"]!.GetValue<string>();

        var reply = (await emulator.Inbox().UpdateContactAsync(id, new { attributes = new[] { new { key = "b", value = "two" }, new { key = "c", value = "3" } } })).ExpectOk();

        Assert.Equal(["a=1", "b=two", "c=3"], Details(reply.Json["data"]!)["attributes"]!.AsArray()
            .Select(a => $"{a!["key"]!.GetValue<string>()}={a["value"]!.GetValue<string>()}"));
    }

    [Fact]
    public async Task A_whole_object_PUT_replaces_tags_and_notes_keeping_known_note_ids_and_ignores_read_only_fields()
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("u", new { name = "A", tags = new[] { "x", "y" }, notes = new[] { new { title = "keep", description = "d" }, new { title = "drop", description = "d" } } }))).ExpectOk();
        var contact = (await emulator.Inbox().AllContactsAsync()).Single().AsObject();
        var id = contact["_id"]!.GetValue<string>();
        var keptId = contact["profile"]!["notes"]![0]!["_id"]!.GetValue<string>();
        var createdAt = contact["createdAt"]!.GetValue<string>();

        contact["profile"]!["notes"] = new JsonArray(
            new JsonObject { ["title"] = "keep", ["description"] = "edited", ["_id"] = keptId },
            new JsonObject { ["title"] = "new", ["description"] = "d" });
        contact["profile"]!["userDetails"]!["tags"] = new JsonArray("z");
        contact["_id"] = "ffffffffffffffffffffffff";
        contact["createdAt"] = "1999-01-01T00:00:00.000Z";
        contact["status"] = "CLOSED";
        contact["telegramUserName"] = "ann_tg";

        var updated = (await emulator.Inbox().UpdateContactAsync(id, contact)).ExpectOk().Json["data"]!;
        var notes = updated["profile"]!["notes"]!.AsArray();
        Assert.Equal(["keep", "new"], notes.Select(n => n!["title"]!.GetValue<string>()));
        Assert.Equal(keptId, notes[0]!["_id"]!.GetValue<string>());
        Assert.Equal("edited", notes[0]!["description"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{24}$", notes[1]!["_id"]!.GetValue<string>());
        Assert.Equal(["z"], Details(updated)["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(id, updated["_id"]!.GetValue<string>());
        Assert.Equal(createdAt, updated["createdAt"]!.GetValue<string>());
        Assert.Equal("CLOSED", updated["status"]!.GetValue<string>());
        Assert.Equal("ann_tg", Details(updated)["telegramUserName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Updating_an_unknown_deleted_or_other_customers_contact_is_404()
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("mine", new { name = "Mine" }))).ExpectOk();
        var id = (await emulator.Inbox().AllContactsAsync()).Single()["_id"]!.GetValue<string>();

        (await emulator.Inbox().UpdateContactAsync("0123456789abcdef01234567", new { status = "OPEN" })).Expect(HttpStatusCode.NotFound);
        (await emulator.Inbox(EmulatorFactory.OtherToken).UpdateContactAsync(id, new { status = "CLOSED" })).Expect(HttpStatusCode.NotFound);
        Assert.Equal("OPEN", (await emulator.Inbox().AllContactsAsync()).Single()["status"]!.GetValue<string>());

        (await emulator.Inbox().UpdateStatusAsync([id], "DELETED")).ExpectOk();
        (await emulator.Inbox().UpdateContactAsync(id, new { status = "OPEN" })).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invalid_contact_updates_get_400_naming_each_field()
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("u", new { name = "A" }))).ExpectOk();
        var id = (await emulator.Inbox().AllContactsAsync()).Single()["_id"]!.GetValue<string>();

        var reply = (await emulator.Inbox().UpdateContactAsync(id, new
        {
            status = "open",
            whatsAppNumber = "98-76-abc",
            attributes = new[] { new { key = "", value = "v" } },
            profile = new { userDetails = new { contact = new { email = "nope", phone = new { number = "12/34", prefix = "+12345" } } } },
        })).Expect(HttpStatusCode.BadRequest);

        Assert.Contains("status 'open' is not one of OPEN, INPROGRESS, REVIEW, ONHOLD, DEPENDANCY, CLOSED, DELETED.", reply.Messages);
        Assert.Contains($"whatsAppNumber '98-76-abc' {Emulator.Common.PhoneRules.WhatsAppRule}", reply.Messages);
        Assert.Contains("attributes[0].key must be a non-empty string.", reply.Messages);
        Assert.Contains("profile.userDetails.contact.email 'nope' is not a valid email address.", reply.Messages);
        Assert.Contains($"profile.userDetails.contact.phone.number '12/34' {Emulator.Common.PhoneRules.NumberRule}", reply.Messages);
        Assert.Contains($"profile.userDetails.contact.phone.prefix '+12345' {Emulator.Common.PhoneRules.DialCodeRule}", reply.Messages);
    }

    [Fact]
    public async Task A_status_update_with_an_unknown_id_reports_it_and_changes_nothing()
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("u", new { name = "A" }))).ExpectOk();
        var id = (await emulator.Inbox().AllContactsAsync()).Single()["_id"]!.GetValue<string>();

        var reply = (await emulator.Inbox().UpdateStatusAsync([id, "aaaaaaaaaaaaaaaaaaaaaaaa"], "CLOSED")).Expect(HttpStatusCode.NotFound);
        Assert.Equal(["No contact with _id 'aaaaaaaaaaaaaaaaaaaaaaaa' in this account."], reply.Messages);
        Assert.Equal("OPEN", (await emulator.Inbox().AllContactsAsync()).Single()["status"]!.GetValue<string>());

        (await emulator.Inbox(EmulatorFactory.OtherToken).UpdateStatusAsync([id], "CLOSED")).Expect(HttpStatusCode.NotFound);
        (await emulator.Inbox().UpdateStatusAsync([id], "CLOSED")).ExpectOk();
        Assert.Equal("CLOSED", (await emulator.Inbox().AllContactsAsync()).Single()["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_deleted_contact_stays_in_the_database_and_a_status_update_restores_it()
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("u", new { name = "A" }))).ExpectOk();
        var id = (await emulator.Inbox().AllContactsAsync()).Single()["_id"]!.GetValue<string>();
        (await emulator.Inbox().UpdateStatusAsync([id], "DELETED")).ExpectOk();

        await using (var scope = emulator.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
            Assert.Equal(ChatStatuses.Deleted, (await db.Chats.FindAsync(id))!.Status);
        }

        (await emulator.Inbox().UpdateStatusAsync([id], "OPEN")).ExpectOk();
        Assert.Single(await emulator.Inbox().AllContactsAsync());
    }

    [Theory]
    [InlineData("""{"ids": [], "status": "DELETED"}""", "ids must list 1 to 1000 contact _ids.")]
    [InlineData("""{"ids": ["a"]}""", "status is required.")]
    [InlineData("""{"ids": ["a"], "status": "deleted"}""", "status 'deleted' is not one of")]
    [InlineData("""{"ids": "a", "status": "DELETED"}""", "ids must be an array of strings")]
    public async Task Bad_status_updates_get_400(string body, string expected)
    {
        await using var emulator = new EmulatorFactory();
        var reply = (await emulator.Inbox().SendAsync(HttpMethod.Put, "/inbox/users/status-update",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), null)).Expect(HttpStatusCode.BadRequest);
        Assert.Contains(reply.Messages, m => m.StartsWith(expected));
    }

    [Fact]
    public async Task Segments_are_empty_until_they_exist_and_are_scoped_to_the_tokens_customer()
    {
        await using var emulator = new EmulatorFactory();
        var empty = (await emulator.Inbox().ListSegmentsAsync()).ExpectOk();
        Assert.Empty(empty.Data);

        await using (var scope = emulator.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
            var at = new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc);
            db.Segments.Add(new Segment { Id = "cccccccccccccccccccccccc", CustomerId = EmulatorFactory.DevCustomerId, Name = "VIPs", CreatedAt = at, UpdatedAt = at });
            db.Segments.Add(new Segment { Id = "dddddddddddddddddddddddd", CustomerId = EmulatorFactory.OtherCustomerId, Name = "Theirs", CreatedAt = at, UpdatedAt = at });
            await db.SaveChangesAsync();
        }

        var segment = Assert.Single((await emulator.Inbox().ListSegmentsAsync()).ExpectOk().Data)!;
        Assert.Equal(["_id", "name", "_customer", "createdAt", "updatedAt"], segment.AsObject().Select(p => p.Key));
        Assert.Equal("VIPs", segment["name"]!.GetValue<string>());
        Assert.Equal("2024-05-01T12:00:00.000Z", segment["createdAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_contact_endpoints_need_a_token()
    {
        await using var emulator = new EmulatorFactory();
        var stranger = emulator.Inbox("unknown-token");
        (await stranger.ImportAsync(new[] { InboxClient.ImportItem("A", email: "a@example.com") })).Expect(HttpStatusCode.Unauthorized);
        (await stranger.UpdateContactAsync("aaaaaaaaaaaaaaaaaaaaaaaa", new { })).Expect(HttpStatusCode.Unauthorized);
        (await stranger.UpdateStatusAsync(["aaaaaaaaaaaaaaaaaaaaaaaa"], "OPEN")).Expect(HttpStatusCode.Unauthorized);
        (await stranger.ListSegmentsAsync()).Expect(HttpStatusCode.Unauthorized);
        Assert.Empty(await emulator.Inbox().AllContactsAsync());
    }
}
