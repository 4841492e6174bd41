using System.Net;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Control;

public sealed class SeedExportTests
{
    private const string TenantId = "5f0000000000000000000001";
    private const string TenantToken = "seeded-tenant-token-0123456789";
    private const string SegmentId = "5f00000000000000000000aa";

    /// <summary>A document using most stored fields, for the development tenant and a tenant of its own.</summary>
    private static object Document() => new
    {
        tenants = new[] { new { customerId = TenantId, token = TenantToken, agencyId = "5f0000000000000000000002", bots = new Dictionary<string, string> { ["WEBSITE"] = "bot-w" } } },
        chats = new object[]
        {
            new
            {
                _id = "5f0000000000000000000101", customerId = EmulatorFactory.DevCustomerId, botId = EmulatorFactory.DevBotId, uuid = "s-1",
                name = "Ada", email = "ada@example.com", phoneNumber = "+91 98765-43210", phonePrefix = "+91", city = "Pune", country = "IN",
                status = "DEPENDANCY", isOnline = true, userInteracted = true, hasOrdered = true, lastOrderedAt = "2024-01-03T00:00:00.000Z",
                lastMessage = new { at = "2024-01-02T10:00:00.000Z", by = "user", text = "hello" }, lastSeenAt = "2024-01-02T10:00:01.000Z",
                createdAt = "2024-01-01T00:00:00.000Z", updatedAt = "2024-01-02T00:00:00.000Z", websiteVisits = 3, unreadMessages = 2,
                notes = new[] { new { _id = "5f0000000000000000000201", title = "t", description = "d" } },
                attributes = new[] { new { key = "plan", value = "gold" } }, tags = new[] { "vip" },
            },
            new
            {
                _id = "5f0000000000000000000102", customerId = EmulatorFactory.DevCustomerId, botId = EmulatorFactory.DevBotId, uuid = "s-2",
                name = "Gone", status = "DELETED", createdAt = "2024-01-01T00:00:01.000Z",
            },
            new
            {
                _id = "5f0000000000000000000103", customerId = TenantId, botId = "bot-wa", channel = "WHATSAPP", uuid = "s-3",
                userProvidedName = "Wanda", whatsAppNumber = "91 9876543210", isContact = true, createdAt = "2024-01-05T00:00:00.000Z",
            },
        },
        segments = new[] { new { _id = SegmentId, customerId = EmulatorFactory.DevCustomerId, name = "VIPs", createdAt = "2024-01-01T00:00:00.000Z", members = new[] { "5f0000000000000000000101" } } },
        templates = new object[]
        {
            new { customerId = EmulatorFactory.DevCustomerId, name = "otp", body = "Your code is {{1}}", footer = "Do not share it" },
            new { _id = "5f0000000000000000000301", customerId = TenantId, botId = "bot-wa", name = "promo", body = "Hi {{1}}", status = "PENDING", createdAt = "2024-01-06T00:00:00.000Z" },
        },
        webhooks = new[]
        {
            new { customerId = EmulatorFactory.DevCustomerId, botId = EmulatorFactory.DevBotId, @event = "newLeadHook", url = "http://127.0.0.1:9/hook", slug = "n8n", category = "n8n", platform = "website" },
        },
    };

    [Fact]
    public async Task Export_reset_seed_gives_back_identical_listings_ids_and_timestamps_included()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        Assert.Equal(3, (await control.PostAsync("/_emulator/seed", Document())).ExpectOk().Json["chats"]!.GetValue<int>());
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("live-1", new { name = "Live", notes = new[] { new { title = "n" } } }))).ExpectOk();

        async Task<string> SnapshotAsync()
        {
            var dev = emulator.Inbox();
            var mine = emulator.Inbox(TenantToken);
            return string.Join("\n",
                (await dev.ListChatsAsync()).ExpectOk().Text,
                (await dev.SearchAsync(new { page = 1 })).ExpectOk().Text,
                (await dev.SearchAsync(new { page = 1, segments = new[] { SegmentId } })).ExpectOk().Text,
                (await dev.ListSegmentsAsync()).ExpectOk().Text,
                (await mine.SearchAsync(new { page = 1 })).ExpectOk().Text,
                (await control.GetAsync($"/_emulator/chats?customerId={EmulatorFactory.DevCustomerId}")).ExpectOk().Text,
                (await control.GetAsync($"/_emulator/whatsapp/templates?customerId={EmulatorFactory.DevCustomerId}")).ExpectOk().Text,
                (await control.GetAsync($"/_emulator/whatsapp/templates?customerId={TenantId}")).ExpectOk().Text,
                (await control.GetAsync($"/_emulator/webhooks/subscriptions?customerId={EmulatorFactory.DevCustomerId}")).ExpectOk().Text);
        }

        var before = await SnapshotAsync();
        var export = (await control.GetAsync("/_emulator/export")).ExpectOk().Text;
        (await control.PostAsync("/_emulator/reset")).ExpectOk();
        Assert.Empty((await emulator.Inbox().ListChatsAsync()).ExpectOk().Data);

        (await control.SendRawAsync(HttpMethod.Post, "/_emulator/seed", export)).ExpectOk();
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(export, (await control.GetAsync("/_emulator/export")).ExpectOk().Text);
        Assert.Contains("\"name\":\"VIPs\"", before);
        Assert.Contains("Your code is {{1}}", before);
        Assert.Contains("\"status\":\"PENDING\"", before);
        Assert.Contains("http://127.0.0.1:9/hook", before);
        Assert.Contains("DEPENDANCY", before);
    }

    [Fact]
    public async Task Seeded_values_are_answered_as_the_platform_would_and_deleted_ones_only_on_the_control_surface()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        (await control.PostAsync("/_emulator/seed", Document())).ExpectOk();

        var contacts = await emulator.Inbox().AllContactsAsync();
        var ada = Assert.Single(contacts)!;
        Assert.Equal("5f0000000000000000000101", ada["_id"]!.GetValue<string>());
        Assert.Equal("9876543210", ada["profile"]!["userDetails"]!["contact"]!["phone"]!["number"]!.GetValue<string>());
        Assert.Equal("91", ada["profile"]!["userDetails"]!["contact"]!["phone"]!["prefix"]!.GetValue<string>());
        Assert.Equal("hello", ada["lastMessage"]!["text"]!.GetValue<string>());
        Assert.Equal("2024-01-02T00:00:00.000Z", ada["updatedAt"]!.GetValue<string>());
        Assert.Equal([SegmentId], ada["segments"]!.AsArray().Select(s => s!.GetValue<string>()));

        var stored = (await control.GetAsync($"/_emulator/chats?customerId={EmulatorFactory.DevCustomerId}")).ExpectOk().Array;
        Assert.Equal(["DELETED", "DEPENDANCY"], stored.Select(c => c!["status"]!.GetValue<string>()));

        var wanda = Assert.Single(await emulator.Inbox(TenantToken).AllContactsAsync())!;
        Assert.Equal("919876543210", wanda["profile"]!["userDetails"]!["whatsAppNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task Seeding_the_same_document_twice_replaces_rather_than_duplicates()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        (await control.PostAsync("/_emulator/seed", Document())).ExpectOk();
        Assert.Equal(0, (await control.PostAsync("/_emulator/seed", Document())).ExpectOk().Json["tenants"]!.GetValue<int>());
        Assert.Equal(2, (await control.GetAsync($"/_emulator/chats?customerId={EmulatorFactory.DevCustomerId}")).ExpectOk().Array.Count);
        Assert.Single((await emulator.Inbox().ListSegmentsAsync()).ExpectOk().Data);
        Assert.Single((await control.GetAsync($"/_emulator/webhooks/subscriptions?customerId={EmulatorFactory.DevCustomerId}")).ExpectOk().Array);
        // The template without an _id is a new one each time; the one with an _id is replaced.
        Assert.Equal(2, (await control.GetAsync($"/_emulator/whatsapp/templates?customerId={EmulatorFactory.DevCustomerId}")).ExpectOk().Array.Count);
        Assert.Single((await control.GetAsync($"/_emulator/whatsapp/templates?customerId={TenantId}")).ExpectOk().Array);
    }

    [Fact]
    public async Task Seeded_templates_and_webhooks_work_as_if_defined_through_their_endpoints()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        var url = receiver.Url("seeded");
        (await control.PostAsync("/_emulator/seed", new
        {
            templates = new[] { new { _id = "5f0000000000000000000302", customerId = EmulatorFactory.DevCustomerId, name = "otp", body = "Code {{1}}" } },
            webhooks = new[] { new { customerId = EmulatorFactory.DevCustomerId, botId = EmulatorFactory.DevBotId, @event = "newLeadHook", url } },
        })).ExpectOk();

        using var sent = await emulator.CreateClient().PostAsync($"/whatsapp-automation/wa/send-template?apiKey={Emulator.DevelopmentTenant.WhatsAppApiKey}",
            new StringContent("""{"wa_id":"910987654321","templateId":"5f0000000000000000000302","params":[{"type":"body","parameters":[{"type":"text","text":"42"}]}]}""",
                System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("Code 42", Assert.Single((await control.GetAsync("/_emulator/whatsapp/outbox")).ExpectOk().Array)!["text"]!.GetValue<string>());

        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("seeded-hook", new { name = "Hook" }))).ExpectOk();
        (await control.GetAsync($"/_emulator/webhooks/deliveries/wait?url={Uri.EscapeDataString(url)}&outcome=delivered")).ExpectOk();
        Assert.Single(receiver.At("seeded"));
    }

    [Fact]
    public async Task Bad_templates_and_webhooks_reject_the_document_by_path()
    {
        const string Configured = "5f00000000000000000000c1";
        await using var emulator = new EmulatorFactory(new Dictionary<string, string?>
        {
            ["Emulator:Tenants:0:CustomerId"] = Configured,
            ["Emulator:Tenants:0:Token"] = "configured-tenant-token-0123456789",
        });
        var control = emulator.Control();
        var webhook = new { customerId = EmulatorFactory.DevCustomerId, botId = EmulatorFactory.DevBotId, @event = "newLeadHook", url = "http://127.0.0.1:9/a" };
        var shape = (await control.PostAsync("/_emulator/seed", new
        {
            templates = new object[] { new { customerId = EmulatorFactory.DevCustomerId, name = "t", body = "b", status = "LIVE" } },
            webhooks = new object[] { new { customerId = EmulatorFactory.DevCustomerId, botId = EmulatorFactory.DevBotId, @event = "newChatHook", url = "ftp://x" } },
        })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Equal(["templates[0].status", "webhooks[0].event", "webhooks[0].url"], shape["errors"]!.AsObject().Select(p => p.Key).Order());

        var other = (await control.PostAsync("/_emulator/tenants")).Expect(HttpStatusCode.Created).Json;
        (await control.PostAsync("/_emulator/whatsapp/templates", new { _id = "5f0000000000000000000303", customerId = EmulatorFactory.DevCustomerId, name = "t", body = "b" }))
            .Expect(HttpStatusCode.Created);
        var stored = (await control.PostAsync("/_emulator/seed", new
        {
            templates = new object[]
            {
                new { customerId = "999999999999999999999999", name = "t", body = "b" },
                new { customerId = Configured, name = "t", body = "b" },   // a configured tenant without WhatsAppBotId has no WhatsApp bot
                new { _id = "5f0000000000000000000303", customerId = other["customerId"]!.GetValue<string>(), name = "t", body = "b" },
            },
            webhooks = new object[] { webhook, webhook },
        })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Equal(["templates[0].customerId", "templates[1].botId", "templates[2]._id", "webhooks[1]"], stored["errors"]!.AsObject().Select(p => p.Key).Order());
        Assert.Empty((await control.GetAsync($"/_emulator/webhooks/subscriptions?customerId={EmulatorFactory.DevCustomerId}")).ExpectOk().Array);
        Assert.Single((await control.GetAsync($"/_emulator/whatsapp/templates?customerId={EmulatorFactory.DevCustomerId}")).ExpectOk().Array);
    }

    [Fact]
    public async Task A_bad_document_is_rejected_whole_with_every_problem_by_path()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        var bad = new
        {
            chats = new object[]
            {
                new { customerId = EmulatorFactory.DevCustomerId, name = "Fine" },
                new { customerId = EmulatorFactory.DevCustomerId, email = "not-an-email", status = "open", createdAt = "yesterday" },
                new { customerId = "999999999999999999999999", name = "Nobody's" },
            },
            segments = new[] { new { customerId = EmulatorFactory.DevCustomerId, name = "S", members = new[] { "000000000000000000000000" } } },
        };
        var shape = (await control.PostAsync("/_emulator/seed", bad)).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Equal(["chats[1].createdAt", "chats[1].email", "chats[1].status"], shape["errors"]!.AsObject().Select(p => p.Key).Order());

        var fixedShape = new { bad.segments, chats = new[] { bad.chats[0], bad.chats[2] } };
        var stored = (await control.PostAsync("/_emulator/seed", fixedShape)).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Equal(["chats[1].customerId", "segments[0].members[0]"], stored["errors"]!.AsObject().Select(p => p.Key).Order());
        Assert.Empty((await control.GetAsync($"/_emulator/chats?customerId={EmulatorFactory.DevCustomerId}")).ExpectOk().Array);

        (await control.SendRawAsync(HttpMethod.Post, "/_emulator/seed", "{\"chats\": {}}")).ExpectProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_seed_file_is_loaded_before_the_emulator_is_ready_and_a_bad_one_stops_the_start()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seed-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(path, System.Text.Json.JsonSerializer.Serialize(Document()));
            await using (var emulator = new EmulatorFactory(new Dictionary<string, string?> { ["Emulator:SeedFile"] = path }))
            {
                (await emulator.Control().GetAsync("/_emulator/ready")).ExpectOk();
                Assert.Single(await emulator.Inbox(TenantToken).AllContactsAsync());
            }

            await File.WriteAllTextAsync(path, """{"chats": [{"customerId": "64b7f0c2a1d3e4f5a6b7c8d9", "email": "bad"}]}""");
            await using var broken = new EmulatorFactory(new Dictionary<string, string?> { ["Emulator:SeedFile"] = path });
            var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());
            Assert.Contains("chats[0].email", error.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
