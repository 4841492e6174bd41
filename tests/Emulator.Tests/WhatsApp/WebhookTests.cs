using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.WhatsApp;

/// <summary>The n8n trigger's subscription calls, and deliveries to a real receiver.</summary>
public sealed class WebhookTests
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Emulator:WebhookMaxAttempts"] = "3",
        ["Emulator:WebhookRetryBaseMs"] = "10",
    };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    // The trigger node's checkExists: fetch-subscribed-webhooks, then look for its URL under integrationCredentials[event].
    private static async Task<bool> CheckExistsAsync(HttpClient client, string url, string eventType)
    {
        var answer = JsonNode.Parse(await (await client.PostAsync("/integrations/custom-app/fetch-subscribed-webhooks",
            Json($$"""{"botId": "{{EmulatorFactory.DevBotId}}", "event": "{{eventType}}", "slug": "n8n", "category": "n8n"}"""))).Content.ReadAsStringAsync())!;
        return answer["success"]!.GetValue<bool>() && answer["data"]!.AsArray()
            .Any(item => item!["integrationCredentials"]?[eventType]?.AsArray().Any(w => w!["url"]!.GetValue<string>() == url) == true);
    }

    private static Task<HttpResponseMessage> SubscribeAsync(HttpClient client, string url, string eventType, bool subscribe) =>
        client.PostAsync("/integrations/custom-app/subscribe-trigger-event", Json($$"""
            {"webhookUrl": "{{url}}", "botId": "{{EmulatorFactory.DevBotId}}", "event": "{{eventType}}", "slug": "n8n", "category": "n8n",
             "platform": "whatsapp", "subscribe": {{(subscribe ? "true" : "false")}}}
            """));

    [Fact]
    public async Task The_trigger_nodes_check_create_delete_sequence_works_and_a_new_lead_is_delivered_only_while_subscribed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = new EmulatorFactory(FastRetries);
        var client = emulator.NodeClient();
        var n8n = receiver.Url("n8n/trigger-event");
        var marker = receiver.Url("marker");

        Assert.False(await CheckExistsAsync(client, n8n, "newLeadHook"));
        (await SubscribeAsync(client, n8n, "newLeadHook", subscribe: true)).EnsureSuccessStatusCode();
        (await SubscribeAsync(client, marker, "newLeadHook", subscribe: true)).EnsureSuccessStatusCode();
        Assert.True(await CheckExistsAsync(client, n8n, "newLeadHook"));
        Assert.False(await CheckExistsAsync(client, n8n, "newOrderHook"));

        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("hook-1", new { name = "Ada", email = "ada@example.com" }))).ExpectOk();
        var delivered = (await emulator.Control().GetAsync($"/_emulator/webhooks/deliveries/wait?url={Uri.EscapeDataString(n8n)}")).ExpectOk().Array;
        Assert.Equal("delivered", delivered[0]!["outcome"]!.GetValue<string>());
        Assert.Equal(1, delivered[0]!["attempts"]!.GetValue<int>());
        var body = Assert.Single(receiver.At("n8n/trigger-event"))!;
        Assert.Equal(EmulatorFactory.DevBotId, body["botId"]!.GetValue<string>());
        Assert.Equal("whatsapp", body["platform"]!.GetValue<string>());
        Assert.Equal("Ada", body["data"]!["profile"]!["userDetails"]!["name"]!.GetValue<string>());
        Assert.Equal(delivered[0]!["chatId"]!.GetValue<string>(), body["data"]!["_id"]!.GetValue<string>());
        // Sized, not chunked: receivers that read Content-Length bytes get the whole body.
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(delivered[0]!["body"]!.ToJsonString()), receiver.ContentLengths.First());

        // delete: unsubscribed, the next lead reaches the marker but not the trigger's URL.
        (await SubscribeAsync(client, n8n, "newLeadHook", subscribe: false)).EnsureSuccessStatusCode();
        Assert.False(await CheckExistsAsync(client, n8n, "newLeadHook"));
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("hook-2", new { name = "Bo" }))).ExpectOk();
        (await emulator.Control().GetAsync($"/_emulator/webhooks/deliveries/wait?url={Uri.EscapeDataString(marker)}&count=2")).ExpectOk();
        Assert.Single(receiver.At("n8n/trigger-event"));

        // An update of an existing lead is not a new contact.
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("hook-2", new { name = "Bo B." }))).ExpectOk();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("hook-3", new { name = "Cy" }))).ExpectOk();
        var markerBodies = (await emulator.Control().GetAsync($"/_emulator/webhooks/deliveries/wait?url={Uri.EscapeDataString(marker)}&count=3")).ExpectOk().Array;
        Assert.Equal(["Ada", "Bo", "Cy"], markerBodies.Select(d => d!["body"]!["data"]!["profile"]!["userDetails"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_then_given_up_visibly_and_the_call_that_caused_it_still_succeeds()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Status = 500;
        await using var emulator = new EmulatorFactory(FastRetries);
        var url = receiver.Url("broken");
        (await SubscribeAsync(emulator.NodeClient(), url, "newLeadHook", subscribe: true)).EnsureSuccessStatusCode();

        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("fail-1", new { name = "F" }))).ExpectOk();
        var delivery = Assert.Single((await emulator.Control().GetAsync("/_emulator/webhooks/deliveries/wait?outcome=failed")).ExpectOk().Array)!;
        Assert.Equal(3, delivery["attempts"]!.GetValue<int>());
        Assert.Equal(500, delivery["status"]!.GetValue<int>());
        Assert.Contains("500", delivery["lastError"]!.GetValue<string>());
        Assert.Equal(3, receiver.At("broken").Count);
    }

    [Fact]
    public async Task Simulated_messages_and_orders_are_delivered_and_the_test_can_fail_deliveries_without_the_receiver()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = new EmulatorFactory(FastRetries);
        var client = emulator.NodeClient();
        (await SubscribeAsync(client, receiver.Url("messages"), "newMessageHook", subscribe: true)).EnsureSuccessStatusCode();
        (await SubscribeAsync(client, receiver.Url("orders"), "newOrderHook", subscribe: true)).EnsureSuccessStatusCode();
        var control = emulator.Control();
        var chatId = (await control.PostAsync("/_emulator/visitors", new { customerId = EmulatorFactory.DevCustomerId, botId = EmulatorFactory.DevBotId }))
            .Expect(HttpStatusCode.Created).Json["_id"]!.GetValue<string>();

        (await control.PostAsync($"/_emulator/chats/{chatId}/messages", new { by = "user", text = "hello?" })).ExpectOk();
        (await control.PostAsync($"/_emulator/chats/{chatId}/messages", new { by = "bot", text = "hi!" })).ExpectOk();
        (await control.PostAsync($"/_emulator/chats/{chatId}/orders", new { })).ExpectOk();
        var delivered = (await control.GetAsync("/_emulator/webhooks/deliveries/wait?outcome=delivered&count=2")).ExpectOk().Array;
        Assert.Equal(["newMessageHook", "newOrderHook"], delivered.Select(d => d!["event"]!.GetValue<string>()).Order());
        Assert.Equal("hello?", Assert.Single(receiver.At("messages"))!["data"]!["lastMessage"]!["text"]!.GetValue<string>());

        (await control.PutAsync("/_emulator/webhooks/control", new { failStatus = 503 })).ExpectOk();
        (await control.PostAsync($"/_emulator/chats/{chatId}/orders", new { })).ExpectOk();
        var failed = Assert.Single((await control.GetAsync("/_emulator/webhooks/deliveries/wait?outcome=failed")).ExpectOk().Array)!;
        Assert.Equal(503, failed["status"]!.GetValue<int>());
        Assert.Single(receiver.At("orders"));
    }

    [Fact]
    public async Task Paused_deliveries_wait_until_resumed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = new EmulatorFactory(FastRetries);
        (await SubscribeAsync(emulator.NodeClient(), receiver.Url("paused"), "newLeadHook", subscribe: true)).EnsureSuccessStatusCode();
        var control = emulator.Control();
        (await control.PutAsync("/_emulator/webhooks/control", new { paused = true })).ExpectOk();

        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("p-1", new { name = "P" }))).ExpectOk();
        (await control.GetAsync("/_emulator/webhooks/deliveries/wait?timeoutMs=300")).ExpectProblem(HttpStatusCode.RequestTimeout);
        Assert.Empty(receiver.At("paused"));

        (await control.PutAsync("/_emulator/webhooks/control", new { })).ExpectOk();
        Assert.Equal("delivered", Assert.Single((await control.GetAsync("/_emulator/webhooks/deliveries/wait")).ExpectOk().Array)!["outcome"]!.GetValue<string>());
        Assert.Single(receiver.At("paused"));
    }

    [Fact]
    public async Task Faults_and_the_journal_apply_to_the_whatsapp_endpoints_like_to_the_inbox()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        (await control.PostAsync("/_emulator/faults", new { path = "/whatsapp-automation/*", status = 503, times = 1 })).Expect(HttpStatusCode.Created);
        using var faulted = await WhatsAppSendTests.SendAsync(emulator.CreateClient(), """{"wa_id":"910987654321","type":"text","message":{"text":"hi"}}""");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        using var sent = await WhatsAppSendTests.SendAsync(emulator.CreateClient(), """{"wa_id":"910987654321","type":"text","message":{"text":"hi"}}""");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var journal = (await control.GetAsync("/_emulator/requests?path=/whatsapp-automation/*")).ExpectOk();
        Assert.Equal([503, 200], journal.Array.Select(e => e!["status"]!.GetValue<int>()));
        Assert.DoesNotContain(Emulator.DevelopmentTenant.WhatsAppApiKey, journal.Text);
        Assert.Single((await control.GetAsync("/_emulator/whatsapp/outbox")).ExpectOk().Array);
    }

    [Fact]
    public async Task Only_http_urls_and_known_events_can_be_subscribed()
    {
        await using var emulator = new EmulatorFactory();
        var client = emulator.NodeClient();
        using var ftp = await SubscribeAsync(client, "ftp://example.com/x", "newLeadHook", subscribe: true);
        Assert.Equal(HttpStatusCode.BadRequest, ftp.StatusCode);
        using var unknown = await SubscribeAsync(client, "https://example.com/x", "newThingHook", subscribe: true);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }
}
