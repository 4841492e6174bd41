using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Contacts;

/// <summary>The flows public clients of the real platform run against the contact endpoints.</summary>
public sealed class ClientFlowTests
{
    /// <summary>Every filter sent empty, as the help page says unwanted filters are sent.</summary>
    private static JsonObject EmptyFilters(int page = 1) => new()
    {
        ["searchText"] = "",
        ["tags"] = new JsonArray(),
        ["status"] = new JsonArray(),
        ["isOnline"] = false,
        ["_botWebsite"] = new JsonArray(),
        ["_botWhatsapp"] = new JsonArray(),
        ["_botTelegram"] = new JsonArray(),
        ["_botFacebook"] = new JsonArray(),
        ["_agentAssigned"] = new JsonArray(),
        ["segments"] = new JsonArray(),
        ["applicableFilters"] = new JsonArray(),
        ["lastSeenAt"] = new JsonObject { ["startAt"] = "", ["endsAt"] = "" },
        ["createdAt"] = new JsonObject { ["startAt"] = "", ["endsAt"] = "" },
        ["userInteracted"] = false,
        ["lastMessageBy"] = new JsonArray(),
        ["isLiveChatActive"] = false,
        ["hasOrdered"] = new JsonObject { ["status"] = false, ["lastAt"] = "" },
        ["page"] = page,
        ["isExport"] = "none",
        ["isContact"] = false,
    };

    private static string Name(JsonNode contact) => contact["profile"]!["userDetails"]!["userProvidedName"]!.GetValue<string>();

    [Fact]
    public async Task Flow1_imported_contacts_are_listed_exactly_once_newest_first_when_paging_to_an_empty_page()
    {
        await using var emulator = new EmulatorFactory(new Dictionary<string, string?> { ["Emulator:PageSize"] = "1" });
        var inbox = emulator.Inbox();
        (await inbox.ImportAsync(new[]
        {
            InboxClient.ImportItem("First", email: "first@example.com"),
            InboxClient.ImportItem("Second", number: "9876543210", prefix: "+91"),
        })).ExpectOk();

        var seen = new List<string>();
        for (var page = 1; ; page++)
        {
            var data = (await inbox.SearchAsync(EmptyFilters(page))).ExpectOk().Data;
            if (data.Count == 0)
            {
                break;
            }

            seen.AddRange(data.Select(c => Name(c!)));
        }

        Assert.Equal(["Second", "First"], seen);
    }

    [Fact]
    public async Task Flow2_a_polling_client_gets_only_contacts_created_after_its_mark()
    {
        await using var emulator = new EmulatorFactory();
        var inbox = emulator.Inbox();
        (await inbox.ImportAsync(new[] { InboxClient.ImportItem("One", email: "one@example.com"), InboxClient.ImportItem("Two", email: "two@example.com") })).ExpectOk();
        var mark = (await inbox.SearchAsync(EmptyFilters())).ExpectOk().Data[0]!["createdAt"]!.GetValue<string>();

        (await inbox.ImportAsync(new[] { InboxClient.ImportItem("Three", email: "three@example.com") })).ExpectOk();
        var poll = EmptyFilters();
        poll["createdAt"] = new JsonObject { ["startAt"] = mark, ["endsAt"] = "" };
        poll["isContact"] = true;
        var data = (await inbox.SearchAsync(poll)).ExpectOk().Data;

        var fresh = Assert.Single(data)!;
        Assert.Equal("Three", Name(fresh));
        Assert.True(string.CompareOrdinal(fresh["createdAt"]!.GetValue<string>(), mark) > 0);
    }

    [Fact]
    public async Task Flow3_a_whole_contact_object_PUT_back_with_changes_shows_in_both_listings()
    {
        await using var emulator = new EmulatorFactory();
        var inbox = emulator.Inbox();
        (await inbox.PutLeadAsync(InboxClient.Lead("lead-uuid", new { name = "Lead", email = "lead@example.com", phone = "111", dialCode = "+1" }))).ExpectOk();

        var contact = (await inbox.SearchAsync(EmptyFilters())).ExpectOk().Data.Single()!.AsObject();
        var details = contact["profile"]!["userDetails"]!;
        details["userProvidedName"] = "Changed Name";
        details["name"] = "Changed Name";
        details["contact"]!["email"] = "changed@example.com";
        details["contact"]!["phone"] = new JsonObject { ["number"] = "9876543210", ["prefix"] = "91" };
        details["whatsAppNumber"] = "91 9876543210";
        var id = contact["_id"]!.GetValue<string>();

        var reply = (await inbox.UpdateContactAsync(id, contact)).ExpectOk();
        Assert.Equal(id, reply.Json["data"]!["_id"]!.GetValue<string>());

        var listed = (await inbox.SearchAsync(EmptyFilters())).ExpectOk().Data.Single()!;
        Assert.Equal("Changed Name", Name(listed));
        Assert.Equal("changed@example.com", listed["profile"]!["userDetails"]!["contact"]!["email"]!.GetValue<string>());
        Assert.Equal("9876543210", listed["profile"]!["userDetails"]!["contact"]!["phone"]!["number"]!.GetValue<string>());
        // Written as "<prefix> <number>" (as the connector writes it), answered run together (as the platform answers it).
        Assert.Equal("919876543210", listed["profile"]!["userDetails"]!["whatsAppNumber"]!.GetValue<string>());
        Assert.Equal(contact["createdAt"]!.GetValue<string>(), listed["createdAt"]!.GetValue<string>());

        var chat = (await inbox.ListChatsAsync()).ExpectOk().Data.Single()!;
        Assert.Equal("Changed Name", chat["profile"]!["userDetails"]!["name"]!.GetValue<string>());
        Assert.Equal("changed@example.com", chat["profile"]!["userDetails"]!["contact"]!["email"]!.GetValue<string>());
        Assert.Equal("91", chat["profile"]!["userDetails"]!["contact"]!["phone"]!["prefix"]!.GetValue<string>());
    }

    [Fact]
    public async Task Flow4_contacts_set_to_DELETED_leave_both_listings_and_the_others_remain()
    {
        await using var emulator = new EmulatorFactory();
        var inbox = emulator.Inbox();
        foreach (var uuid in new[] { "keep", "drop-1", "drop-2" })
        {
            (await inbox.PutLeadAsync(InboxClient.Lead(uuid, new { name = uuid }))).ExpectOk();
        }

        var ids = (await inbox.AllContactsAsync())
            .Where(c => c["uuid"]!.GetValue<string>().StartsWith("drop")).Select(c => c["_id"]!.GetValue<string>()).ToList();
        (await inbox.UpdateStatusAsync(ids, "DELETED")).ExpectOk();

        Assert.Equal(["keep"], (await inbox.AllContactsAsync()).Select(c => c["uuid"]!.GetValue<string>()));
        Assert.Equal(["keep"], (await inbox.ListChatsAsync()).ExpectOk().Data.Select(c => c!["uuid"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Flow5_a_failing_calls_body_is_JSON_whose_data_joins_into_an_error_message()
    {
        await using var emulator = new EmulatorFactory();
        var failures = new[]
        {
            (await emulator.Inbox().ImportAsync(new[] { InboxClient.ImportItem("No identity") })).Expect(HttpStatusCode.BadRequest),
            (await emulator.Inbox().UpdateContactAsync("000000000000000000000000", new { status = "OPEN" })).Expect(HttpStatusCode.NotFound),
            (await emulator.Inbox().UpdateStatusAsync([], "DELETED")).Expect(HttpStatusCode.BadRequest),
            (await emulator.Inbox("wrong").ListSegmentsAsync()).Expect(HttpStatusCode.Unauthorized),
        };

        foreach (var failure in failures)
        {
            using var document = JsonDocument.Parse(failure.Text);
            var data = document.RootElement.GetProperty("data");
            Assert.Equal(JsonValueKind.Array, data.ValueKind);
            var joined = string.Join(" ", data.EnumerateArray().Select(m => m.GetString()));
            Assert.False(string.IsNullOrWhiteSpace(joined));
        }
    }
}
