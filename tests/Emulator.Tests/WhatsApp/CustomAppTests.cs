using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.WhatsApp;

/// <summary>The vendor's n8n node's custom-app calls, with its headers (Bearer, authtype: Key) and bodies.</summary>
public sealed class CustomAppTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task The_credential_test_passes_with_a_valid_token_only()
    {
        await using var emulator = new EmulatorFactory();
        var body = $$"""{"slug": "n8n", "botId": "{{EmulatorFactory.DevBotId}}", "platform": "whatsapp"}""";
        using var ok = await emulator.NodeClient().PostAsync("/integrations/custom-app/general-authentication", Json(body));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var bad = await emulator.NodeClient("not-a-token-of-this-emulator").PostAsync("/integrations/custom-app/general-authentication", Json(body));
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Fact]
    public async Task Update_attributes_finds_the_contact_by_email_or_whatsapp_number_and_the_listing_shows_them()
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().ImportAsync(new[] { InboxClient.ImportItem("Jane Doe", "jane@example.com", "9876543210", "91") })).ExpectOk();
        var client = emulator.NodeClient();

        using var byEmail = await client.PutAsync("/integrations/custom-app/update-user-attributes",
            Json("""{"search": "Jane@Example.com", "attributes": {"plan": "gold"}, "platform": "whatsapp"}"""));
        Assert.Equal(HttpStatusCode.OK, byEmail.StatusCode);
        using var byNumber = await client.PutAsync("/integrations/custom-app/update-user-attributes",
            Json("""{"search": "919876543210", "attributes": {"tier": "2"}, "platform": "whatsapp"}"""));
        Assert.Equal(HttpStatusCode.OK, byNumber.StatusCode);

        var contact = Assert.Single(await emulator.Inbox().AllContactsAsync())!;
        var attributes = contact["profile"]!["userDetails"]!["attributes"]!.AsArray();
        Assert.Contains(attributes, a => a!["key"]!.GetValue<string>() == "plan" && a["value"]!.GetValue<string>() == "gold");
        Assert.Contains(attributes, a => a!["key"]!.GetValue<string>() == "tier" && a["value"]!.GetValue<string>() == "2");

        using var unknown = await client.PutAsync("/integrations/custom-app/update-user-attributes",
            Json("""{"search": "nobody@example.com", "attributes": {"plan": "gold"}, "platform": "whatsapp"}"""));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var invalid = await client.PutAsync("/integrations/custom-app/update-user-attributes", Json("""{"search": "", "attributes": {}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task A_session_message_to_a_whatsapp_contact_becomes_its_last_message_and_goes_to_the_outbox()
    {
        await using var emulator = new EmulatorFactory();
        using (var send = await WhatsAppSendTests.SendAsync(emulator.CreateClient(), """{"userName":"Wanda","wa_id":"919812345678","type":"text","message":{"text":"welcome"}}"""))
        {
            send.EnsureSuccessStatusCode();
        }

        var client = emulator.NodeClient();
        client.DefaultRequestHeaders.Add("botId", Emulator.DevelopmentTenant.WhatsAppBotId);
        using var response = await client.PostAsync("/integrations/custom-app/send-message-to-plugin",
            Json("""{"text": "Your order shipped", "search": "919812345678", "channel": "whatsapp"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var contact = Assert.Single(await emulator.Inbox().AllContactsAsync())!;
        Assert.Equal("Your order shipped", contact["lastMessage"]!["text"]!.GetValue<string>());
        Assert.Equal("bot", contact["lastMessage"]!["by"]!.GetValue<string>());
        var outbox = (await emulator.Control().GetAsync("/_emulator/whatsapp/outbox/wait?waId=919812345678&count=2")).ExpectOk().Array;
        Assert.Equal(["welcome", "Your order shipped"], outbox.Select(e => e!["text"]!.GetValue<string>()));
    }
}
