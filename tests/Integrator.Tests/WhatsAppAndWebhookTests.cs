using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Emulator.Testing;
using Emulator.Webhooks;
using Emulator.WhatsApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Integrator.Tests;

/// <summary>
/// What an integrator of the WhatsApp sends and the n8n trigger tests: a template send lands in the outbox, and a new
/// lead reaches the integrator's own receiver, each awaited through the typed client instead of sleeping.
/// </summary>
public sealed class WhatsAppAndWebhookTests(InboxEmulatorFixture fixture) : IClassFixture<InboxEmulatorFixture>
{
    [Fact]
    public async Task A_template_send_with_the_tenants_api_key_lands_in_the_outbox()
    {
        var control = fixture.Emulator.Control;
        var tenant = await fixture.CreateTenantAsync();
        var template = await control.DefineWhatsAppTemplateAsync(new TemplateCreate(tenant.CustomerId, null, "otp", "Your code is {{1}}", null, null, null,
            null, null, null));

        using var client = fixture.Emulator.CreateClient(tenant);
        using var sent = await client.PostAsJsonAsync($"whatsapp-automation/wa/send-template?apiKey={tenant.WhatsAppApiKey}", new
        {
            userName = "Asha",
            wa_id = "919876543210",
            templateId = template.Id,
            @params = new[] { new { type = "body", parameters = new[] { new { type = "text", text = "4711" } } } },
        });
        sent.EnsureSuccessStatusCode();

        var message = Assert.Single(await control.WaitForWhatsAppOutboxAsync(new OutboxQuery { CustomerId = tenant.CustomerId }));
        Assert.Equal("Your code is 4711", message.Text);
        Assert.Equal("919876543210", message.WaId);
    }

    [Fact]
    public async Task A_new_lead_is_posted_to_the_subscribed_receiver()
    {
        var received = new ConcurrentQueue<JsonElement>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var receiver = builder.Build();
        receiver.MapPost("/hook", async (HttpRequest request) =>
        {
            received.Enqueue(await request.ReadFromJsonAsync<JsonElement>());
            return Results.Ok();
        });
        await receiver.StartAsync();
        var url = receiver.Urls.First() + "/hook";

        var tenant = await fixture.CreateTenantAsync();
        using var client = fixture.Emulator.CreateClient(tenant);
        (await client.PostAsJsonAsync("integrations/custom-app/subscribe-trigger-event", new
        {
            webhookUrl = url, botId = tenant.BotId, @event = "newLeadHook", slug = "n8n", category = "n8n", platform = "website", subscribe = true,
        })).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync("inbox/direct/lead", new
        {
            uuid = "lead-1", botId = tenant.BotId, customerId = tenant.CustomerId, name = "Asha", email = "asha@example.com",
        })).EnsureSuccessStatusCode();

        var delivery = Assert.Single(await fixture.Emulator.Control.WaitForWebhookDeliveriesAsync(new DeliveryQuery { CustomerId = tenant.CustomerId }));
        Assert.Equal("delivered", delivery.Outcome);
        var body = Assert.Single(received);
        Assert.Equal(tenant.BotId, body.GetProperty("botId").GetString());
        Assert.Equal("Asha", body.GetProperty("data").GetProperty("profile").GetProperty("userDetails").GetProperty("name").GetString());
    }
}
