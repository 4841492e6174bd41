using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using Emulator.Data;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Core;

public sealed class ContactSearchTests
{
    private static string DocSampleRequest() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "users-request.json"));

    private static async Task<List<string>> UuidsAsync(EmulatorFactory emulator, object body) =>
        (await emulator.Inbox().SearchAsync(body)).ExpectOk().Data.Select(c => c!["uuid"]!.GetValue<string>()).ToList();

    private static Task<Chat> Seed(EmulatorFactory emulator, string uuid, Action<Chat>? arrange = null) =>
        emulator.SeedAsync(c =>
        {
            c.Uuid = uuid;
            arrange?.Invoke(c);
        });

    [Fact]
    public async Task The_doc_sample_request_sent_verbatim_lists_contacts_in_the_documented_shape()
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("lead-1", new { name = "Ann", email = "ann@example.com", phone = "98765", dialCode = "+44" }))).ExpectOk();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("visitor-1"))).ExpectOk();

        var reply = (await emulator.Inbox().SearchRawAsync(DocSampleRequest())).ExpectOk();
        var contact = Assert.Single(reply.Data)!.AsObject();

        Assert.Equal(["success", "message", "data", "code"], reply.Json.AsObject().Select(p => p.Key));
        string[] documented =
        [
            "_id", "_agency", "_customer", "platform", "secondaryPlatform", "isSubscriber", "websiteVisits", "isOnline",
            "userInteracted", "profile", "status", "lastMessage", "isContact", "isImported", "isMigrated", "segments",
            "isLiveChatActive", "isPaid", "hasOrdered", "unreadMessages", "lastSeenAt", "__v", "createdAt", "updatedAt",
        ];
        // lastSeenAt is left out until the visitor is seen; uuid is the chat's (the help page's chat sample).
        Assert.Equal(documented.Except(["lastSeenAt"]).Append("uuid").Order(), contact.Select(p => p.Key).Order());
        var details = contact["profile"]!["userDetails"]!.AsObject();
        Assert.Equal(["contact", "name", "tags", "attributes", "country"], details.Select(p => p.Key));
        Assert.Equal("", details["country"]!.GetValue<string>());
        Assert.Empty(contact["profile"]!["marketing"]!["urlsVisited"]!.AsArray());
        Assert.Equal(["status"], contact["hasOrdered"]!.AsObject().Select(p => p.Key));
        Assert.Equal("44", details["contact"]!["phone"]!["prefix"]!.GetValue<string>());
        Assert.Equal(EmulatorFactory.DevCustomerId, contact["_customer"]!.GetValue<string>());
        Assert.Equal(DevelopmentTenant.AgencyId, contact["_agency"]!.GetValue<string>());
        Assert.Equal(0, contact["__v"]!.GetValue<int>());
        Assert.Equal(["WEBSITE"], contact["platform"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.True(contact["isContact"]!.GetValue<bool>());
        Assert.True(contact["userInteracted"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Missing_filter_fields_behave_as_empty_ones()
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("lead", new { name = "A" }))).ExpectOk();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("visitor"))).ExpectOk();

        Assert.Equal(["visitor", "lead"], await UuidsAsync(emulator, new { }));
        Assert.Equal(["visitor", "lead"], await UuidsAsync(emulator, new
        {
            searchText = "",
            tags = Array.Empty<string>(),
            status = Array.Empty<string>(),
            isOnline = false,
            userInteracted = false,
            isLiveChatActive = false,
            isContact = false,
            hasOrdered = new { status = false, lastAt = "" },
            lastSeenAt = new { startAt = "", endsAt = "" },
            createdAt = new { startAt = "", endsAt = "" },
            page = 1,
            isExport = "none",
        }));
    }

    [Theory]
    [InlineData("ANN", "named")]
    [InlineData("smith@EXAMPLE", "emailed")]
    [InlineData("98765", "phoned")]
    [InlineData("+4498765", "phoned")]
    [InlineData("ABC-UUID", "abc-uuid-1")]
    [InlineData("50%", "percent")]
    public async Task SearchText_matches_name_email_phone_and_uuid_case_insensitively(string text, string expected)
    {
        await using var emulator = new EmulatorFactory();
        var inbox = emulator.Inbox();
        (await inbox.PutLeadAsync(InboxClient.Lead("named", new { name = "Joanna Annison" }))).ExpectOk();
        (await inbox.PutLeadAsync(InboxClient.Lead("emailed", new { email = "smith@example.com" }))).ExpectOk();
        (await inbox.PutLeadAsync(InboxClient.Lead("phoned", new { phone = "98765", dialCode = "+44" }))).ExpectOk();
        (await inbox.PutLeadAsync(InboxClient.Lead("abc-uuid-1"))).ExpectOk();
        (await inbox.PutLeadAsync(InboxClient.Lead("percent", new { name = "50% off" }))).ExpectOk();
        (await inbox.PutLeadAsync(InboxClient.Lead("unrelated", new { name = "Zed 500 off" }))).ExpectOk();

        Assert.Equal([expected], await UuidsAsync(emulator, new { searchText = text }));
    }

    [Fact]
    public async Task Tags_status_agents_and_senders_match_any_listed_value()
    {
        await using var emulator = new EmulatorFactory();
        await Seed(emulator, "t1", c => { c.Tags = ["vip"]; c.Status = "CLOSED"; c.AgentAssigned = "aaaaaaaaaaaaaaaaaaaaaaa1"; c.LastMessageBy = "user"; });
        await Seed(emulator, "t2", c => { c.Tags = ["trial", "eu"]; c.Status = "REVIEW"; c.AgentAssigned = "aaaaaaaaaaaaaaaaaaaaaaa2"; c.LastMessageBy = "bot"; });
        await Seed(emulator, "t3", c => { c.Tags = []; c.Status = "OPEN"; c.LastMessageBy = "agent"; });

        Assert.Equal(["t2", "t1"], await UuidsAsync(emulator, new { tags = new[] { "vip", "eu" } }));
        Assert.Equal(["t3", "t2"], await UuidsAsync(emulator, new { status = new[] { "OPEN", "REVIEW" } }));
        Assert.Equal(["t1"], await UuidsAsync(emulator, new { _agentAssigned = new[] { "aaaaaaaaaaaaaaaaaaaaaaa1" } }));
        Assert.Equal(["t3", "t1"], await UuidsAsync(emulator, new { lastMessageBy = new[] { "user", "agent" } }));
        Assert.Empty(await UuidsAsync(emulator, new { tags = new[] { "nobody" } }));
    }

    [Fact]
    public async Task Segments_match_any_listed_segment_id()
    {
        await using var emulator = new EmulatorFactory();
        await Seed(emulator, "s1", c => c.Segments = ["bbbbbbbbbbbbbbbbbbbbbbb1"]);
        await Seed(emulator, "s2", c => c.Segments = ["bbbbbbbbbbbbbbbbbbbbbbb2", "bbbbbbbbbbbbbbbbbbbbbbb3"]);
        await Seed(emulator, "s3");

        Assert.Equal(["s2"], await UuidsAsync(emulator, new { segments = new[] { "bbbbbbbbbbbbbbbbbbbbbbb3" } }));
        Assert.Equal(["s2", "s1"], await UuidsAsync(emulator, new { segments = new[] { "bbbbbbbbbbbbbbbbbbbbbbb1", "bbbbbbbbbbbbbbbbbbbbbbb2" } }));
    }

    [Fact]
    public async Task Bot_filters_match_the_bot_on_its_own_channel()
    {
        await using var emulator = new EmulatorFactory();
        await emulator.SeedAsync(c => { c.Uuid = "web"; c.Channel = Channels.Website; }, botId: "bot-1");
        await emulator.SeedAsync(c => { c.Uuid = "wa"; c.Channel = Channels.WhatsApp; }, botId: "bot-1");
        await emulator.SeedAsync(c => { c.Uuid = "tg"; c.Channel = Channels.Telegram; }, botId: "bot-2");
        await emulator.SeedAsync(c => { c.Uuid = "fb"; c.Channel = Channels.Facebook; }, botId: "bot-3");

        Assert.Equal(["web"], await UuidsAsync(emulator, new { _botWebsite = new[] { "bot-1" } }));
        Assert.Equal(["wa"], await UuidsAsync(emulator, new { _botWhatsapp = new[] { "bot-1" } }));
        Assert.Equal(["tg"], await UuidsAsync(emulator, new { _botTelegram = new[] { "bot-2" } }));
        Assert.Equal(["fb"], await UuidsAsync(emulator, new { _botFacebook = new[] { "bot-3" } }));
        Assert.Empty(await UuidsAsync(emulator, new { _botTelegram = new[] { "bot-1" } }));
        Assert.Equal(["fb", "web"], await UuidsAsync(emulator, new { _botWebsite = new[] { "bot-1" }, _botFacebook = new[] { "bot-3" } }));
    }

    [Fact]
    public async Task Date_ranges_take_startAt_as_exclusive_and_endsAt_as_inclusive()
    {
        await using var emulator = new EmulatorFactory();
        await Seed(emulator, "jan", c => { c.CreatedAt = new DateTime(2024, 1, 10, 0, 0, 0, DateTimeKind.Utc); c.LastSeenAt = new DateTime(2024, 1, 11, 0, 0, 0, DateTimeKind.Utc); });
        await Seed(emulator, "feb", c => { c.CreatedAt = new DateTime(2024, 2, 10, 0, 0, 0, DateTimeKind.Utc); c.LastSeenAt = new DateTime(2024, 2, 11, 0, 0, 0, DateTimeKind.Utc); });
        await Seed(emulator, "mar", c => { c.CreatedAt = new DateTime(2024, 3, 10, 0, 0, 0, DateTimeKind.Utc); });

        Assert.Equal(["mar", "feb"], await UuidsAsync(emulator, new { createdAt = new { startAt = "2024-01-10T00:00:00.000Z", endsAt = "" } }));
        Assert.Equal(["feb", "jan"], await UuidsAsync(emulator, new { createdAt = new { startAt = "", endsAt = "2024-02-10T00:00:00.000Z" } }));
        Assert.Equal(["feb"], await UuidsAsync(emulator, new { createdAt = new { startAt = "2024-02-01", endsAt = "2024-02-28" } }));
        Assert.Equal(["feb"], await UuidsAsync(emulator, new { lastSeenAt = new { startAt = "2024-02-01T00:00:00+05:30", endsAt = "" } }));
        Assert.Equal(["jan"], await UuidsAsync(emulator, new { lastSeenAt = new { startAt = "", endsAt = "2024-01-31" } }));
    }

    [Theory]
    [InlineData("isOnline")]
    [InlineData("userInteracted")]
    [InlineData("isLiveChatActive")]
    [InlineData("isContact")]
    [InlineData("hasOrdered")]
    public async Task A_boolean_filter_applies_when_true_or_when_named_in_applicableFilters(string filter)
    {
        await using var emulator = new EmulatorFactory();
        await Seed(emulator, "yes", c =>
        {
            c.IsOnline = c.UserInteracted = c.IsLiveChatActive = c.IsContact = c.HasOrdered = true;
        });
        await Seed(emulator, "no");

        JsonObject Body(bool value, bool applicable)
        {
            var body = new JsonObject { ["applicableFilters"] = applicable ? new JsonArray(filter) : new JsonArray() };
            body[filter] = filter == "hasOrdered" ? new JsonObject { ["status"] = value, ["lastAt"] = "" } : value;
            return body;
        }

        Assert.Equal(["yes"], await UuidsAsync(emulator, Body(true, applicable: false)));
        Assert.Equal(["no", "yes"], await UuidsAsync(emulator, Body(false, applicable: false)));
        Assert.Equal(["no"], await UuidsAsync(emulator, Body(false, applicable: true)));
        Assert.Equal(["yes"], await UuidsAsync(emulator, Body(true, applicable: true)));
    }

    [Fact]
    public async Task HasOrdered_lastAt_keeps_contacts_that_ordered_at_or_after_it()
    {
        await using var emulator = new EmulatorFactory();
        await Seed(emulator, "old", c => { c.HasOrdered = true; c.LastOrderedAt = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc); });
        await Seed(emulator, "new", c => { c.HasOrdered = true; c.LastOrderedAt = new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc); });

        Assert.Equal(["new"], await UuidsAsync(emulator, new { hasOrdered = new { status = true, lastAt = "2024-06-01T00:00:00.000Z" } }));
    }

    [Fact]
    public async Task Pages_run_newest_first_until_an_empty_page()
    {
        await using var emulator = new EmulatorFactory(new Dictionary<string, string?> { ["Emulator:PageSize"] = "2" });
        for (var i = 1; i <= 5; i++)
        {
            (await emulator.Inbox().PutLeadAsync(InboxClient.Lead($"p{i}", new { name = $"p{i}" }))).ExpectOk();
        }

        var seen = new List<string>();
        for (var page = 1; ; page++)
        {
            var data = await UuidsAsync(emulator, new { page });
            if (data.Count == 0)
            {
                Assert.Equal(4, page);
                break;
            }

            seen.AddRange(data);
        }

        Assert.Equal(["p5", "p4", "p3", "p2", "p1"], seen);
        Assert.Equal(["p3", "p2"], await UuidsAsync(emulator, JsonNode.Parse("""{"page": "2"}""")!));
    }

    [Theory]
    [InlineData("""{"isExport": "csv"}""", "isExport 'csv' is not supported by the emulator")]
    [InlineData("""{"page": 0}""", "page 0 must be a whole number from 1")]
    [InlineData("""{"status": ["open"]}""", "status 'open' is not one of")]
    [InlineData("""{"lastMessageBy": ["robot"]}""", "lastMessageBy 'robot' is not one of bot, user, agent.")]
    [InlineData("""{"createdAt": {"startAt": "yesterday", "endsAt": ""}}""", "createdAt.startAt 'yesterday' is not an ISO 8601 date")]
    [InlineData("""{"lastSeenAt": {"startAt": "", "endsAt": "2024-13-45"}}""", "lastSeenAt.endsAt '2024-13-45' is not an ISO 8601 date")]
    [InlineData("""{"hasOrdered": {"status": false, "lastAt": "soon"}}""", "hasOrdered.lastAt 'soon' is not an ISO 8601")]
    [InlineData("""{"tags": "vip"}""", "tags must be an array of strings")]
    [InlineData("""{"isOnline": "true"}""", "isOnline must be a boolean")]
    [InlineData("""{"tags": [""]}""", "tags must hold non-empty strings.")]
    [InlineData("""{"tags": ["LONG_TAG"]}""", "tags must hold strings of at most 256 characters.")]
    [InlineData("""{"searchText": "LONG_TEXT"}""", "searchText must be at most 256 characters.")]
    public async Task Bad_filters_get_400_in_the_envelope(string body, string expected)
    {
        body = body.Replace("LONG_TAG", new string('t', 257)).Replace("LONG_TEXT", new string('%', 257));
        await using var emulator = new EmulatorFactory();
        var reply = (await emulator.Inbox().SearchRawAsync(body)).Expect(HttpStatusCode.BadRequest);
        Assert.Contains(reply.Messages, m => m.StartsWith(expected));
    }

    [Fact]
    public async Task Responses_are_compressed_when_the_client_asks()
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("zip", new { name = "Zip" }))).ExpectOk();
        var client = emulator.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/inbox/users")
        {
            Content = new StringContent(DocSampleRequest(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", EmulatorFactory.DevToken);
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        await using var unzipped = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        var body = JsonNode.Parse(await new StreamReader(unzipped).ReadToEndAsync())!;
        Assert.Equal("zip", body["data"]![0]!["uuid"]!.GetValue<string>());
    }

    [Fact]
    public async Task SearchText_follows_changes_to_a_contact()
    {
        await using var emulator = new EmulatorFactory();
        var inbox = emulator.Inbox();
        (await inbox.PutLeadAsync(InboxClient.Lead("renamed", new { name = "Oldname Person" }))).ExpectOk();
        (await inbox.PutLeadAsync(InboxClient.Lead("renamed", new { name = "Newname Person" }))).ExpectOk();

        Assert.Equal(["renamed"], await UuidsAsync(emulator, new { searchText = "newname" }));
        Assert.Empty(await UuidsAsync(emulator, new { searchText = "oldname" }));
        Assert.Equal(["renamed"], await UuidsAsync(emulator, new { searchText = "ne" }));
    }
}
