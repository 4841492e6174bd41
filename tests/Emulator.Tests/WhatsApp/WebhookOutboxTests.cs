using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Emulator.Tests.WhatsApp;

/// <summary>
/// Webhook events are stored with the write that raised them (the outbox): each subscription gets them in the order
/// they were raised, with the contact as of that write, and an event survives a kill of the process.
/// </summary>
public sealed class WebhookOutboxTests
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Emulator:WebhookMaxAttempts"] = "3",
        ["Emulator:WebhookRetryBaseMs"] = "10",
    };

    private static async Task SubscribeAsync(HttpClient client, string url)
    {
        using var answer = await client.PostAsync("/integrations/custom-app/subscribe-trigger-event", new StringContent($$"""
            {"webhookUrl": "{{url}}", "botId": "{{EmulatorFactory.DevBotId}}", "event": "newLeadHook", "slug": "n8n", "category": "n8n", "subscribe": true}
            """, Encoding.UTF8, "application/json"));
        answer.EnsureSuccessStatusCode();
    }

    private static string NameOf(JsonNode body) => body["data"]!["profile"]!["userDetails"]!["name"]!.GetValue<string>();

    [Fact]
    public async Task Each_subscription_gets_its_events_in_the_order_they_were_raised_with_the_contact_as_of_that_write()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.JitterMs = 15;
        await using var emulator = new EmulatorFactory(FastRetries);
        await SubscribeAsync(emulator.NodeClient(), receiver.Url("first"));
        await SubscribeAsync(emulator.NodeClient(), receiver.Url("second"));
        var control = emulator.Control();
        (await control.PutAsync("/_emulator/webhooks/control", new { paused = true })).ExpectOk();

        var names = Enumerable.Range(0, 12).Select(i => $"Lead {i:00}").ToList();
        foreach (var name in names)
        {
            (await emulator.Inbox().PutLeadAsync(InboxClient.Lead(name, new { name }))).ExpectOk();
        }

        // A later change of a contact is not an event, and does not change the body of the event already raised.
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead(names[0], new { name = "Renamed later" }))).ExpectOk();

        (await control.PutAsync("/_emulator/webhooks/control", new { })).ExpectOk();
        (await control.GetAsync($"/_emulator/webhooks/deliveries/wait?count={2 * names.Count}&timeoutMs=20000")).ExpectOk();
        Assert.Equal(names, receiver.At("first").Select(NameOf));
        Assert.Equal(names, receiver.At("second").Select(NameOf));
    }

    [Fact]
    public async Task An_event_raised_just_before_a_kill_is_delivered_after_the_restart()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var folder = Directory.CreateTempSubdirectory("inbox-emulator-outbox-");
        try
        {
            var environment = new Dictionary<string, string> { ["ConnectionStrings__Emulator"] = $"Data Source={Path.Combine(folder.FullName, "emulator.db")}" };
            await using (var first = await EmulatorProcess.StartAsync(folder.FullName, environment))
            {
                using var client = Authorized(first);
                await SubscribeAsync(client, receiver.Url("hook"));

                // Paused, so that the event is certainly still waiting when the process dies.
                (await client.PutAsync("/_emulator/webhooks/control", new StringContent("""{"paused": true}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
                (await client.PutAsJsonAsync("/inbox/direct/lead", InboxClient.Lead("before-kill", new { name = "Survivor" }))).EnsureSuccessStatusCode();
                await first.KillAsync();
            }

            SqliteConnection.ClearAllPools();
            await using var second = await EmulatorProcess.StartAsync(folder.FullName, environment);
            using var after = Authorized(second);
            using var wait = await after.GetAsync("/_emulator/webhooks/deliveries/wait?count=1&timeoutMs=20000");
            Assert.True(wait.IsSuccessStatusCode, await wait.Content.ReadAsStringAsync());
            Assert.Equal("Survivor", NameOf(Assert.Single(receiver.At("hook"))));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_restored_snapshot_does_not_deliver_again_the_events_that_were_waiting_when_it_was_saved()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = new EmulatorFactory(FastRetries);
        await SubscribeAsync(emulator.NodeClient(), receiver.Url("hook"));
        var control = emulator.Control();
        (await control.PutAsync("/_emulator/webhooks/control", new { paused = true })).ExpectOk();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("waiting", new { name = "Waiting" }))).ExpectOk();
        (await control.PutAsync("/_emulator/snapshots/with-waiting-event")).ExpectOk();
        (await control.PutAsync("/_emulator/webhooks/control", new { })).ExpectOk();
        (await control.GetAsync("/_emulator/webhooks/deliveries/wait?count=1")).ExpectOk();

        (await control.PostAsync("/_emulator/snapshots/with-waiting-event/restore")).ExpectOk();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("after-restore", new { name = "After" }))).ExpectOk();
        (await control.GetAsync("/_emulator/webhooks/deliveries/wait?count=1")).ExpectOk();

        // A waiting event would have been delivered before the later one: the receiver saw each name once.
        Assert.Equal(["Waiting", "After"], receiver.At("hook").Select(NameOf));
    }

    [Fact]
    public async Task A_tenant_reset_drops_its_waiting_events()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = new EmulatorFactory(FastRetries);
        await SubscribeAsync(emulator.NodeClient(), receiver.Url("hook"));
        var control = emulator.Control();
        (await control.PutAsync("/_emulator/webhooks/control", new { paused = true })).ExpectOk();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("dropped", new { name = "Dropped" }))).ExpectOk();

        (await control.PostAsync($"/_emulator/reset?customerId={EmulatorFactory.DevCustomerId}")).ExpectOk();
        await SubscribeAsync(emulator.NodeClient(), receiver.Url("hook"));
        (await control.PutAsync("/_emulator/webhooks/control", new { })).ExpectOk();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("kept", new { name = "Kept" }))).ExpectOk();
        (await control.GetAsync("/_emulator/webhooks/deliveries/wait?count=1")).ExpectOk();

        Assert.Equal(["Kept"], receiver.At("hook").Select(NameOf));
    }

    private static HttpClient Authorized(EmulatorProcess process)
    {
        var client = process.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", EmulatorFactory.DevToken);
        client.DefaultRequestHeaders.Add("authtype", "Key");
        return client;
    }
}
