using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.WhatsApp;

/// <summary>
/// The WhatsApp Cloud API sends as real clients make them: the help page's body, and a workflow connector's action, which
/// sends the key as both the apiKey query parameter and header next to its Bearer token and authtype.
/// </summary>
public sealed class WhatsAppSendTests
{
    private const string Key = Emulator.DevelopmentTenant.WhatsAppApiKey;
    private const string WhatsAppBot = Emulator.DevelopmentTenant.WhatsAppBotId;

    [Fact]
    public async Task The_connectors_send_message_creates_the_whatsapp_contact_and_lands_in_the_outbox()
    {
        await using var emulator = new EmulatorFactory();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/whatsapp-automation/wa/send-message?apiKey={Key}")
        {
            Content = new StringContent("""{"userName":"Test","wa_id":"910987654321","type":"text","message":{"text":"hi"}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("apiKey", Key);
        request.Headers.Authorization = new("Bearer", EmulatorFactory.DevToken);
        request.Headers.Add("authtype", "Key");
        using var response = await emulator.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(answer["success"]!.GetValue<bool>());
        var messageId = answer["data"]!["messages"]![0]!["id"]!.GetValue<string>();
        Assert.StartsWith("wamid.", messageId);

        var sent = Assert.Single((await emulator.Control().GetAsync("/_emulator/whatsapp/outbox/wait?waId=910987654321")).ExpectOk().Array)!;
        Assert.Equal(messageId, sent["id"]!.GetValue<string>());
        Assert.Equal("hi", sent["text"]!.GetValue<string>());
        Assert.Equal(WhatsAppBot, sent["botId"]!.GetValue<string>());

        var contact = Assert.Single(await emulator.Inbox().AllContactsAsync(new { _botWhatsapp = new[] { WhatsAppBot } }))!;
        Assert.Equal("910987654321", contact["profile"]!["userDetails"]!["whatsAppNumber"]!.GetValue<string>());
        Assert.Equal("Test", contact["profile"]!["userDetails"]!["userProvidedName"]!.GetValue<string>());
        Assert.Equal(["WHATSAPP"], contact["platform"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("bot", contact["lastMessage"]!["by"]!.GetValue<string>());
        Assert.Equal("hi", contact["lastMessage"]!["text"]!.GetValue<string>());
        Assert.Equal(sent["chatId"]!.GetValue<string>(), contact["_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_send_to_the_same_number_updates_the_same_contact_and_media_keeps_its_caption()
    {
        await using var emulator = new EmulatorFactory();
        var client = emulator.CreateClient();
        (await SendAsync(client, """{"wa_id":"919876543210","type":"text","message":{"text":"first"}}""")).EnsureSuccessStatusCode();
        (await SendAsync(client, """{"userName":"Ravi","wa_id":"919876543210","type":"image","message":{"source":"https://example.com/a.jpg","label":"see this"}}"""))
            .EnsureSuccessStatusCode();

        var contact = Assert.Single(await emulator.Inbox().AllContactsAsync())!;
        Assert.Equal("see this", contact["lastMessage"]!["text"]!.GetValue<string>());
        Assert.Equal("Ravi", contact["profile"]!["userDetails"]!["userProvidedName"]!.GetValue<string>());
        var outbox = (await emulator.Control().GetAsync("/_emulator/whatsapp/outbox")).ExpectOk().Array;
        Assert.Equal(["text", "image"], outbox.Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal("https://example.com/a.jpg", outbox[1]!["source"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"wa_id":"+910987654321","type":"text","message":{"text":"hi"}}""", "wa_id")]
    [InlineData("""{"wa_id":"91 0987654321","type":"text","message":{"text":"hi"}}""", "wa_id")]
    [InlineData("""{"wa_id":"910987654321","type":"sticker","message":{"text":"hi"}}""", "type")]
    [InlineData("""{"wa_id":"910987654321","type":"text","message":{}}""", "message.text")]
    [InlineData("""{"wa_id":"910987654321","type":"image","message":{"label":"x"}}""", "message.source")]
    public async Task A_bad_send_is_a_400_in_the_envelope_naming_the_field_and_sends_nothing(string body, string field)
    {
        await using var emulator = new EmulatorFactory();
        using var response = await SendAsync(emulator.CreateClient(), body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, answer["code"]!.GetValue<int>());
        Assert.Contains(answer["data"]!.AsArray(), m => m!.GetValue<string>().StartsWith(field, StringComparison.Ordinal));
        Assert.Empty((await emulator.Control().GetAsync("/_emulator/whatsapp/outbox")).ExpectOk().Array);
    }

    [Fact]
    public async Task A_missing_or_unknown_api_key_is_a_401_in_the_envelope()
    {
        await using var emulator = new EmulatorFactory();
        var client = emulator.CreateClient();
        using var missing = await client.PostAsync("/whatsapp-automation/wa/send-message",
            new StringContent("""{"wa_id":"910987654321","type":"text","message":{"text":"hi"}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        using var unknown = await client.PostAsync("/whatsapp-automation/wa/send-message?apiKey=nope",
            new StringContent("""{"wa_id":"910987654321","type":"text","message":{"text":"hi"}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("\"success\":false", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_runtime_tenants_whatsapp_key_sends_from_its_own_bot_into_its_own_inbox()
    {
        await using var emulator = new EmulatorFactory();
        var created = (await emulator.Control().PostAsync("/_emulator/tenants")).Expect(HttpStatusCode.Created).Json;
        var key = created["whatsAppApiKey"]!.GetValue<string>();
        using var response = await SendAsync(emulator.CreateClient(), """{"wa_id":"447700900123","type":"text","message":{"text":"hello"}}""", key);
        response.EnsureSuccessStatusCode();

        var contacts = await emulator.Inbox(created["token"]!.GetValue<string>()).AllContactsAsync();
        Assert.Equal("447700900123", Assert.Single(contacts)!["profile"]!["userDetails"]!["whatsAppNumber"]!.GetValue<string>());
        var sent = Assert.Single((await emulator.Control().GetAsync($"/_emulator/whatsapp/outbox?customerId={created["customerId"]}")).ExpectOk().Array)!;
        Assert.Equal(created["bots"]!["WHATSAPP"]!.GetValue<string>(), sent["botId"]!.GetValue<string>());
        Assert.Empty(await emulator.Inbox().AllContactsAsync());
    }

    internal static Task<HttpResponseMessage> SendAsync(HttpClient client, string body, string key = Key) =>
        client.PostAsync($"/whatsapp-automation/wa/send-message?apiKey={key}", new StringContent(body, Encoding.UTF8, "application/json"));
}
