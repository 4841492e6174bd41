using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Emulator.Tests.Browser;

/// <summary>The inspector's WhatsApp page in a real browser, against sends made through the emulated WhatsApp endpoints.</summary>
[Collection(InspectorCollection.Name)]
public sealed class InspectorWhatsAppBrowserTests(InspectorHost host)
{
    [Fact]
    public async Task Sends_show_as_a_conversation_per_number_with_template_variables_filled_beside_the_tenants_templates()
    {
        var (customerId, _, _) = await host.NewTenantAsync();
        var control = host.Emulator.CreateClient();
        var tenant = JsonNode.Parse(await control.GetStringAsync("/_emulator/tenants"))!.AsArray().Single(t => t!["customerId"]!.GetValue<string>() == customerId)!;
        var apiKey = tenant["whatsAppApiKey"]!.GetValue<string>();
        using var defined = await control.PostAsJsonAsync("/_emulator/whatsapp/templates",
            new { customerId, name = "order_update", body = "Hi {{1}}, order {{2}} ships today", footer = "Reply STOP to opt out" });
        Assert.Equal(HttpStatusCode.Created, defined.StatusCode);
        var templateId = JsonNode.Parse(await defined.Content.ReadAsStringAsync())!["_id"]!.GetValue<string>();

        async Task SendAsync(string path, string body)
        {
            using var sent = await control.PostAsync($"/whatsapp-automation/wa/{path}?apiKey={apiKey}", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        await SendAsync("send-message", """{"userName":"Asha Rao","wa_id":"917508000001","type":"text","message":{"text":"Your cart is waiting"}}""");
        await SendAsync("send-template", $$"""
            {"wa_id": "917508000001", "templateId": "{{templateId}}",
             "params": [{"type": "body", "parameters": [{"type": "text", "text": "Asha"}, {"type": "text", "text": "<b>A-17</b>"}]}]}
            """);
        await SendAsync("send-message", """{"wa_id":"919900000002","type":"text","message":{"text":"Another number"}}""");
        var outbox = JsonNode.Parse(await control.GetStringAsync($"/_emulator/whatsapp/outbox?customerId={customerId}"))!.AsArray();
        Assert.Equal(3, outbox.Count);

        await using var context = await host.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.Url("/whatsapp"));
        await page.GetByLabel("Tenant", new() { Exact = true }).SelectOptionAsync(customerId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        // The most recently active number first; each conversation reads oldest first; markup in a variable stays text.
        var conversations = page.Locator("section.conversation");
        await Assertions.Expect(conversations).ToHaveCountAsync(2);
        await Assertions.Expect(conversations.Nth(0).GetByRole(AriaRole.Heading)).ToContainTextAsync("+919900000002");
        var asha = page.GetByRole(AriaRole.Region, new() { Name = "Conversation with +917508000001" });
        await Assertions.Expect(asha.GetByRole(AriaRole.Heading)).ToContainTextAsync("(Asha Rao)");
        var shown = await asha.Locator(".message").AllInnerTextsAsync();
        var sentToAsha = outbox.Where(m => m!["waId"]!.GetValue<string>() == "917508000001").Select(m => m!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(sentToAsha, shown);
        Assert.Equal("Hi Asha, order <b>A-17</b> ships today", shown[1]);
        Assert.Equal(0, await page.Locator("main b").CountAsync());
        await Assertions.Expect(asha.Locator("li").Nth(1).Locator(".label")).ToHaveTextAsync("template order_update");

        var template = page.Locator("table", new() { HasText = "Templates of" }).Locator("tbody tr");
        await Assertions.Expect(template).ToHaveCountAsync(1);
        await Assertions.Expect(template.Locator("td").Nth(0)).ToHaveTextAsync("order_update");
        await Assertions.Expect(template.Locator("td").Nth(1)).ToHaveTextAsync("APPROVED");
        await Assertions.Expect(template.Locator("td").Nth(5)).ToHaveTextAsync("Hi {{1}}, order {{2}} ships today");
        await InspectorHost.ScreenshotAsync(page, "whatsapp");
    }
}
