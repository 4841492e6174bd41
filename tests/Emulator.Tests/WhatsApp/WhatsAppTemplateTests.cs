using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.WhatsApp;

public sealed class WhatsAppTemplateTests
{
    private const string Key = Emulator.DevelopmentTenant.WhatsAppApiKey;
    private const string WhatsAppBot = Emulator.DevelopmentTenant.WhatsAppBotId;

    private static async Task<string> TemplateAsync(EmulatorFactory emulator, string body, string status = "APPROVED") =>
        (await emulator.Control().PostAsync("/_emulator/whatsapp/templates", new { customerId = EmulatorFactory.DevCustomerId, name = "otp", body, status }))
            .Expect(HttpStatusCode.Created).Json["_id"]!.GetValue<string>();

    [Fact]
    public async Task The_help_pages_template_send_fills_the_body_variables_in_order()
    {
        await using var emulator = new EmulatorFactory();
        var templateId = await TemplateAsync(emulator, "Hi {{1}}, your order {{2}} ships today");
        var body = $$$"""
            {"userName": "Divyansh Test", "wa_id": "917508000000", "templateId": "{{{templateId}}}",
             "params": [{"type": "header", "parameters": [{"type": "document", "document": {"link": "https://www.africau.edu/images/default/sample.pdf"}}]},
                        {"type": "body", "parameters": [{"type": "text", "text": "Abc"}, {"type": "text", "text": "def"}]}]}
            """;
        using var response = await emulator.CreateClient().PostAsync($"/whatsapp-automation/wa/send-template?apiKey={Key}",
            new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var sent = Assert.Single((await emulator.Control().GetAsync("/_emulator/whatsapp/outbox")).ExpectOk().Array)!;
        Assert.Equal("Hi Abc, your order def ships today", sent["text"]!.GetValue<string>());
        Assert.Equal("template", sent["type"]!.GetValue<string>());
        Assert.Equal(templateId, sent["templateId"]!.GetValue<string>());
        Assert.Equal("document", sent["params"]![0]!["parameters"]![0]!["type"]!.GetValue<string>());
        var contact = Assert.Single(await emulator.Inbox().AllContactsAsync())!;
        Assert.Equal("Hi Abc, your order def ships today", contact["lastMessage"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Templates_that_are_not_approved_unknown_or_short_of_variables_are_refused_in_the_envelope()
    {
        await using var emulator = new EmulatorFactory();
        var pending = await TemplateAsync(emulator, "Code {{1}}", "PENDING");
        var approved = await TemplateAsync(emulator, "Code {{1}} for {{2}}");
        async Task<(HttpStatusCode, string)> SendAsync(string templateId, string parameters)
        {
            using var response = await emulator.CreateClient().PostAsync($"/whatsapp-automation/wa/send-template?apiKey={Key}", new StringContent(
                $$"""{"wa_id": "910987654321", "templateId": "{{templateId}}", "params": [{"type": "body", "parameters": [{{parameters}}]}]}""",
                Encoding.UTF8, "application/json"));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var (status, text) = await SendAsync(pending, """{"type": "text", "text": "1"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("PENDING", text);
        (status, text) = await SendAsync(approved, """{"type": "text", "text": "1"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("2 body variables; 1 were given", text);
        (status, _) = await SendAsync("000000000000000000000000", """{"type": "text", "text": "1"}""");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Empty((await emulator.Control().GetAsync("/_emulator/whatsapp/outbox")).ExpectOk().Array);
    }

    [Fact]
    public async Task The_n8n_nodes_template_flow_lists_bots_templates_and_fields_then_sends()
    {
        await using var emulator = new EmulatorFactory();
        var templateId = await TemplateAsync(emulator, "Hello {{1}}, code {{2}}");
        await TemplateAsync(emulator, "Not listed", "REJECTED");
        var client = emulator.NodeClient();

        // getWhatsAppBots: data[].name / data[]._id
        var bots = JsonNode.Parse(await client.GetStringAsync("/whatsapp-automation"))!["data"]!.AsArray();
        var botId = Assert.Single(bots)!["_id"]!.GetValue<string>();
        Assert.Equal(WhatsAppBot, botId);

        // getWhatsAppTemplates: data[].configuration.name / data[]._id
        var templates = JsonNode.Parse(await client.GetStringAsync($"/whatsapp-automation/plugin/templates/{botId}"))!["data"]!.AsArray();
        Assert.Equal("otp", Assert.Single(templates)!["configuration"]!["name"]!.GetValue<string>());
        Assert.Equal(templateId, templates[0]!["_id"]!.GetValue<string>());

        // getTemplateDynamicFields: data[].key / data[].value
        var fields = JsonNode.Parse(await client.GetStringAsync($"/whatsapp-automation/plugin/make-template-dynamic-fields/{templateId}"))!["data"]!.AsArray();
        Assert.Equal(["body_1", "body_2"], fields.Select(f => f!["key"]!.GetValue<string>()));

        // sendTemplateMessage: {botId, templateId, whatsAppNumber, templateParams}
        using var sent = await client.PostAsync("/whatsapp-automation/plugin/send-template-message", new StringContent(
            $$$"""{"botId": "{{{botId}}}", "templateId": "{{{templateId}}}", "whatsAppNumber": "919881010000", "templateParams": {"body_1": "Ada", "body_2": "42"}}""",
            Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var entry = Assert.Single((await emulator.Control().GetAsync("/_emulator/whatsapp/outbox?waId=919881010000")).ExpectOk().Array)!;
        Assert.Equal("Hello Ada, code 42", entry["text"]!.GetValue<string>());
    }
}
