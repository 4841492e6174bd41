using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Fidelity;

/// <summary>The search bodies real clients send, beyond the documented filters.</summary>
public sealed class ClientFilterTests
{
    /// <summary>The base body a public CRM script sends to <c>POST /inbox/users</c> (README, "Contact search rules").</summary>
    private static JsonObject CrmScriptBody(int page) => new()
    {
        ["_agentAssigned"] = new JsonArray(),
        ["_botAutomation"] = new JsonArray(),
        ["_botFacebook"] = new JsonArray(),
        ["_botTelegram"] = new JsonArray(),
        ["_botWebsite"] = new JsonArray(),
        ["_botWhatsapp"] = new JsonArray(),
        ["applicableFilters"] = new JsonArray(),
        ["createdAt"] = new JsonObject { ["startAt"] = "", ["endsAt"] = "" },
        ["ctwaNewUsers"] = false,
        ["ctwaOldUsers"] = false,
        ["hasOrdered"] = new JsonObject { ["status"] = false, ["lastAt"] = "" },
        ["isLiveChatActive"] = false,
        ["isOnline"] = false,
        ["isSubscriber"] = true,
        ["lastMessageBy"] = new JsonArray(),
        ["lastSeenAt"] = new JsonObject { ["startAt"] = "", ["endsAt"] = "" },
        ["searchText"] = "",
        ["segments"] = new JsonArray(),
        ["status"] = new JsonArray(),
        ["tags"] = new JsonArray(),
        ["tagsV2"] = new JsonArray(),
        ["userInteracted"] = false,
        ["page"] = page,
        ["isExport"] = "none",
        ["isContact"] = false,
    };

    private static async Task<List<string>> UuidsAsync(EmulatorFactory emulator, object body) =>
        (await emulator.Inbox().SearchAsync(body)).ExpectOk().Data.Select(c => c!["uuid"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task The_CRM_scripts_body_pages_through_every_contact_because_contacts_start_subscribed()
    {
        await using var emulator = new EmulatorFactory(new Dictionary<string, string?> { ["Emulator:PageSize"] = "2" });
        var inbox = emulator.Inbox();
        foreach (var uuid in new[] { "a", "b", "c" })
        {
            (await inbox.PutLeadAsync(InboxClient.Lead(uuid, uuid == "b" ? null : new { name = uuid }))).ExpectOk();
        }

        (await inbox.ImportAsync(new[] { InboxClient.ImportItem("Imported", email: "i@example.com") })).ExpectOk();

        var seen = new List<JsonNode>();
        for (var page = 1; ; page++)
        {
            var data = (await inbox.SearchAsync(CrmScriptBody(page))).ExpectOk().Data;
            if (data.Count == 0)
            {
                break;
            }

            seen.AddRange(data.Select(c => c!));
        }

        Assert.Equal(4, seen.Count);
        Assert.All(seen, c => Assert.True(c["isSubscriber"]!.GetValue<bool>()));
        // The script reads every phone as phone.get('number', '').strip(): never null.
        Assert.All(seen, c => Assert.Equal(JsonValueKind.String, c["profile"]!["userDetails"]!["contact"]!["phone"]!["number"]!.GetValueKind()));
    }

    [Fact]
    public async Task IsSubscriber_filters_like_the_other_boolean_filters()
    {
        await using var emulator = new EmulatorFactory();
        await emulator.SeedAsync(c => c.Uuid = "subscribed");
        await emulator.SeedAsync(c => { c.Uuid = "unsubscribed"; c.IsSubscriber = false; });

        Assert.Equal(["subscribed"], await UuidsAsync(emulator, new { isSubscriber = true }));
        Assert.Equal(["unsubscribed", "subscribed"], await UuidsAsync(emulator, new { isSubscriber = false }));
        Assert.Equal(["unsubscribed"], await UuidsAsync(emulator, new { isSubscriber = false, applicableFilters = new[] { "isSubscriber" } }));
        Assert.Equal(["unsubscribed"], await UuidsAsync(emulator, new { applicableFilters = new[] { "isSubscriber" } }));
    }

    [Theory]
    [InlineData("""{"tagsV2": [{"_id": "65f0c1d2e3f4a5b6c7d8e9f0", "name": "vip"}]}""")]
    [InlineData("""{"tagsV2": ["vip"], "ctwaNewUsers": true, "ctwaOldUsers": true}""")]
    [InlineData("""{"ctwaNewUsers": "yes", "_botAutomation": ["64b7f0c2a1d3e4f5a6b7c8ff"]}""")]
    [InlineData("""{"_botAutomation": {"any": "shape"}, "tagsV2": null}""")]
    [InlineData("""{"aFilterNoDocMentions": {"nested": [1, 2, {"x": null}]}, "Page": "two", "ISCONTACT": 5}""")]
    public async Task Filters_the_emulator_does_not_model_and_unknown_members_are_accepted_and_ignored(string body)
    {
        await using var emulator = new EmulatorFactory();
        await emulator.SeedAsync(c => c.Uuid = "one");
        await emulator.SeedAsync(c => { c.Uuid = "two"; c.IsSubscriber = false; c.Tags = ["vip"]; });

        var uuids = (await emulator.Inbox().SearchRawAsync(body)).ExpectOk().Data.Select(c => c!["uuid"]!.GetValue<string>());

        Assert.Equal(["two", "one"], uuids);
    }
}
