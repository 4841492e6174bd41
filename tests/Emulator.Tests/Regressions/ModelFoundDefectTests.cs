using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;
using FluentValidation;

namespace Emulator.Tests.Regressions;

/// <summary>Defects that slipped past the example tests, each pinned by the call sequence that showed it (README,
/// "Reliability": the model-based test finds such sequences itself).</summary>
public sealed class ModelFoundDefectTests
{
    [Fact]
    public async Task A_tagged_contact_changes_status_is_deleted_and_comes_back()
    {
        await using var emulator = new EmulatorFactory();
        var inbox = emulator.Inbox();
        (await inbox.PutLeadAsync(InboxClient.Lead("tagged", new { name = "Ann", tags = new[] { "t1", "t2" } }))).ExpectOk();
        var id = (await inbox.SearchAsync(new { searchText = "tagged" })).ExpectOk().Data.Single()!["_id"]!.GetValue<string>();

        (await inbox.UpdateStatusAsync([id], "INPROGRESS")).ExpectOk();
        (await inbox.UpdateStatusAsync([id], "DELETED")).ExpectOk();
        Assert.Empty((await inbox.SearchAsync(new { tags = new[] { "t1" } })).ExpectOk().Data);
        (await inbox.UpdateStatusAsync([id, id], "OPEN")).ExpectOk();

        var back = Assert.Single((await inbox.SearchAsync(new { tags = new[] { "t2" } })).ExpectOk().Data)!;
        Assert.Equal("OPEN", back["status"]!.GetValue<string>());
        Assert.Equal(["t1", "t2"], back["profile"]!["userDetails"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""{"wa_id": "910987654321", "type": "text"}""")]
    [InlineData("""{"wa_id": "910987654321", "type": "text", "message": null}""")]
    [InlineData("""{"wa_id": "910987654321", "type": "image"}""")]
    public async Task A_WhatsApp_send_without_a_message_is_a_400_naming_message(string body)
    {
        await using var emulator = new EmulatorFactory();
        using var response = await emulator.CreateClient().PostAsync($"/whatsapp-automation/wa/send-message?apiKey={Emulator.DevelopmentTenant.WhatsAppApiKey}",
            new StringContent(body, Encoding.UTF8, "application/json"));
        var reply = new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(), null).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["message is required."], reply.Messages);
    }

    [Fact]
    public async Task A_contact_a_WhatsApp_send_creates_carries_its_number_as_phone_and_is_found_by_it()
    {
        await using var emulator = new EmulatorFactory();
        using var send = await emulator.CreateClient().PostAsync($"/whatsapp-automation/wa/send-message?apiKey={Emulator.DevelopmentTenant.WhatsAppApiKey}",
            new StringContent("""{"userName": "Ravi", "wa_id": "919876543210", "type": "text", "message": {"text": "hi"}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, send.StatusCode);

        foreach (var text in new[] { "9876543210", "+919876543210" })
        {
            var contact = Assert.Single((await emulator.Inbox().SearchAsync(new { searchText = text })).ExpectOk().Data)!;
            var details = contact["profile"]!["userDetails"]!;
            Assert.Equal("919876543210", details["whatsAppNumber"]!.GetValue<string>());
            Assert.Equal("9876543210", details["contact"]!["phone"]!["number"]!.GetValue<string>());
            Assert.Equal("91", details["contact"]!["phone"]!["prefix"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_repeated_query_parameter_counts_only_when_the_endpoint_reads_it()
    {
        await using var emulator = new EmulatorFactory();
        var inbox = emulator.Inbox();
        (await inbox.PutLeadAsync(InboxClient.Lead("repeat", new { name = "Ann" }))).ExpectOk();
        var query = $"botId={EmulatorFactory.DevBotId}&customerId={EmulatorFactory.DevCustomerId}&page=1&type=lead";

        Assert.Single((await inbox.ListChatsRawAsync(query + "&limit=100&limit=0")).ExpectOk().Data);
        var repeated = (await inbox.ListChatsRawAsync(query + "&page=2")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["Query parameter 'page' is given 2 times: send it once."], repeated.Messages);
    }

    [Fact]
    public async Task A_WhatsApp_apiKey_names_one_tenant_on_every_way_in()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        var key = Emulator.DevelopmentTenant.WhatsAppApiKey;

        var created = control.PostAsync("/_emulator/tenants", new { whatsAppApiKey = key });
        Assert.Contains("WhatsApp apiKey", (await created).ExpectProblem(HttpStatusCode.Conflict)["detail"]!.GetValue<string>());

        var first = (await control.PostAsync("/_emulator/tenants", new { whatsAppApiKey = "shared-whatsapp-api-key-0001" })).Expect(HttpStatusCode.Created);
        Assert.Equal("shared-whatsapp-api-key-0001", first.Json["whatsAppApiKey"]!.GetValue<string>());
        (await control.PostAsync("/_emulator/tenants", new { whatsAppApiKey = "shared-whatsapp-api-key-0001" })).ExpectProblem(HttpStatusCode.Conflict);

        var seed = new JsonObject
        {
            ["tenants"] = new JsonArray(
                new JsonObject { ["customerId"] = "bbbbbbbbbbbbbbbbbbbbbbbb", ["token"] = "seeded-token-of-tenant-one", ["whatsAppApiKey"] = "seeded-whatsapp-api-key-0001" },
                new JsonObject { ["customerId"] = "cccccccccccccccccccccccc", ["token"] = "seeded-token-of-tenant-two", ["whatsAppApiKey"] = "seeded-whatsapp-api-key-0001" }),
        };
        var problem = (await control.SendRawAsync(HttpMethod.Post, "/_emulator/seed", seed.ToJsonString())).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]?["tenants[1].whatsAppApiKey"] is not null, problem.ToJsonString());
        Assert.Equal(1, (await control.GetAsync("/_emulator/tenants")).Array.Count(t => t!["source"]!.GetValue<string>() == "runtime"));

        // A second runtime tenant cannot take the key even past the checks above: a unique index backs them.
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={emulator.DatabasePath};Pooling=False");
        await db.OpenAsync();
        await using var insert = db.CreateCommand();
        insert.CommandText = "INSERT INTO Tenants (CustomerId, Token, AgencyId, WhatsAppApiKey, WebsiteBotId, WhatsAppBotId, TelegramBotId, FacebookBotId, CreatedAt) " +
            "SELECT 'dddddddddddddddddddddddd', 'direct', AgencyId, WhatsAppApiKey, WebsiteBotId, WhatsAppBotId, TelegramBotId, FacebookBotId, CreatedAt FROM Tenants";
        var refused = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => insert.ExecuteNonQueryAsync());
        Assert.Contains("UNIQUE constraint failed: Tenants.WhatsAppApiKey", refused.Message);
    }
}

/// <summary>The emulator hosted inside a test process leaves FluentValidation's process-wide settings to their owner.</summary>
public sealed class ProcessWideStateTests
{
    private sealed record Order(string? CustomerEmail);

    [Fact]
    public async Task An_emulator_in_the_process_leaves_the_hosts_validators_naming_their_own_members()
    {
        await using var emulator = new EmulatorFactory();
        var invalid = (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("u", new { email = "x" }))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains(invalid.Messages, m => m.StartsWith("email 'x'", StringComparison.Ordinal));

        var hosts = new InlineValidator<Order>();
        hosts.RuleFor(o => o.CustomerEmail).NotEmpty();
        Assert.Equal("CustomerEmail", Assert.Single(hosts.Validate(new Order(null)).Errors).PropertyName);
    }
}
