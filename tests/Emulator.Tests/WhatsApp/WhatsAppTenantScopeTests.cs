using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.WhatsApp;

/// <summary>
/// Requests authenticated by a WhatsApp bot's apiKey belong to that bot's tenant on the control surface as token requests
/// do: journal entries, tenant-scoped faults, a tenant's reset of everything the emulator keeps in memory for it, and the clock.
/// </summary>
public sealed class WhatsAppTenantScopeTests
{
    private const string DevKey = Emulator.DevelopmentTenant.WhatsAppApiKey;

    [Fact]
    public async Task The_journal_names_the_tenant_of_the_api_key_and_a_tenant_scoped_fault_hits_only_its_sends()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        var other = (await control.PostAsync("/_emulator/tenants")).Expect(HttpStatusCode.Created).Json;
        var otherId = other["customerId"]!.GetValue<string>();
        (await control.PostAsync("/_emulator/faults", new { path = "/whatsapp-automation/*", status = 503, customerId = otherId }))
            .Expect(HttpStatusCode.Created);

        using var refused = await WhatsAppSendTests.SendAsync(emulator.CreateClient(), Text("447700900123"), other["whatsAppApiKey"]!.GetValue<string>());
        using var sent = await WhatsAppSendTests.SendAsync(emulator.CreateClient(), Text("447700900123"), DevKey);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var ofOther = (await control.GetAsync($"/_emulator/requests?customerId={otherId}")).ExpectOk().Array;
        Assert.Equal([503], ofOther.Select(e => e!["status"]!.GetValue<int>()));
        var ofDev = (await control.GetAsync($"/_emulator/requests?customerId={EmulatorFactory.DevCustomerId}&path=/whatsapp-automation/*")).ExpectOk().Array;
        Assert.Equal([200], ofDev.Select(e => e!["status"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_tenants_reset_forgets_its_outbox_deliveries_journal_and_faults_and_keeps_the_other_tenants()
    {
        await using var emulator = new EmulatorFactory(new Dictionary<string, string?> { ["Emulator:WebhookMaxAttempts"] = "1" });
        var control = emulator.Control();
        var other = (await control.PostAsync("/_emulator/tenants")).Expect(HttpStatusCode.Created).Json;
        var otherId = other["customerId"]!.GetValue<string>();
        // Deliveries fail without a receiver: the log records them all the same.
        (await control.PutAsync("/_emulator/webhooks/control", new { failStatus = 500 })).ExpectOk();
        var tenants = new[]
        {
            (Id: EmulatorFactory.DevCustomerId, Token: EmulatorFactory.DevToken, Key: DevKey, Bot: Emulator.DevelopmentTenant.WhatsAppBotId),
            (Id: otherId, Token: other["token"]!.GetValue<string>(), Key: other["whatsAppApiKey"]!.GetValue<string>(),
                Bot: other["bots"]!["WHATSAPP"]!.GetValue<string>()),
        };
        foreach (var tenant in tenants)
        {
            var client = emulator.NodeClient(tenant.Token);
            (await client.PostAsync("/integrations/custom-app/subscribe-trigger-event", new StringContent($$"""
                {"webhookUrl": "http://127.0.0.1:9/hook", "botId": "{{tenant.Bot}}", "event": "newLeadHook", "slug": "n8n", "category": "n8n",
                 "platform": "whatsapp", "subscribe": true}
                """, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
            (await WhatsAppSendTests.SendAsync(emulator.CreateClient(), Text("919876543210"), tenant.Key)).EnsureSuccessStatusCode();
            (await control.PostAsync("/_emulator/faults", new { path = "/never/*", status = 500, customerId = tenant.Id })).Expect(HttpStatusCode.Created);
            (await control.GetAsync($"/_emulator/webhooks/deliveries/wait?customerId={tenant.Id}")).ExpectOk();
        }

        (await control.PostAsync($"/_emulator/reset?customerId={otherId}")).ExpectOk();

        foreach (var (tenant, left) in new[] { (EmulatorFactory.DevCustomerId, 1), (otherId, 0) })
        {
            Assert.Equal(left, (await control.GetAsync($"/_emulator/whatsapp/outbox?customerId={tenant}")).ExpectOk().Array.Count);
            Assert.Equal(left, (await control.GetAsync($"/_emulator/webhooks/deliveries?customerId={tenant}")).ExpectOk().Array.Count);
            Assert.Equal(left, (await control.GetAsync($"/_emulator/webhooks/subscriptions?customerId={tenant}")).ExpectOk().Array.Count);
            Assert.Equal(left, (await control.GetAsync("/_emulator/faults")).ExpectOk().Array.Count(f => f!["rule"]!["customerId"]?.GetValue<string>() == tenant));
            Assert.Equal(left > 0, (await control.GetAsync($"/_emulator/requests?customerId={tenant}&path=/whatsapp-automation/*")).ExpectOk().Array.Count > 0);
        }

        // The switches are shared by every tenant: a tenant's reset leaves them as they were.
        Assert.Equal(500, (await control.GetAsync("/_emulator/webhooks/control")).ExpectOk().Json["failStatus"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_send_is_stamped_by_the_emulators_clock()
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Control().PutAsync("/_emulator/clock", new { now = "2024-02-29T10:00:00.000Z" })).ExpectOk();

        (await WhatsAppSendTests.SendAsync(emulator.CreateClient(), Text("910987654321"), DevKey)).EnsureSuccessStatusCode();

        var sent = Assert.Single((await emulator.Control().GetAsync("/_emulator/whatsapp/outbox")).ExpectOk().Array)!;
        Assert.Equal("2024-02-29T10:00:00.000Z", sent["at"]!.GetValue<string>());
        var contact = Assert.Single(await emulator.Inbox().AllContactsAsync())!;
        Assert.Equal("2024-02-29T10:00:00.000Z", contact["createdAt"]!.GetValue<string>());
    }

    private static string Text(string waId) => $$$"""{"wa_id":"{{{waId}}}","type":"text","message":{"text":"hi"}}""";
}
