using System.Text.Json.Nodes;

namespace Emulator.OpenApi;

/// <summary>
/// Request examples of the WhatsApp, custom-app and webhook operations shown in Swagger UI: the send-message body is the
/// help page "WhatsApp Cloud API"'s sample verbatim; the others are the shapes the vendor's n8n node sends (README,
/// "WhatsApp, the custom-app API and webhooks"), filled with the development tenant's bots.
/// </summary>
public static class IntegrationExamples
{
    /// <summary>The example request body of an operation, by operation id, or null.</summary>
    public static JsonNode? RequestFor(string? operationId) => operationId switch
    {
        "SendWhatsAppMessage" => JsonNode.Parse("""{"userName": "Test", "wa_id": "910987654321", "type": "text", "message": {"text": "hi"}}"""),
        "SendWhatsAppTemplate" => JsonNode.Parse("""
            {"userName": "Test", "wa_id": "910987654321", "templateId": "65aa000000000000000000e1",
             "params": [{"type": "body", "parameters": [{"type": "text", "text": "Ravi"}, {"type": "text", "text": "#4711"}]}]}
            """),
        "SendTemplateMessage" => JsonNode.Parse($$$"""
            {"botId": "{{{DevelopmentTenant.WhatsAppBotId}}}", "templateId": "65aa000000000000000000e1", "whatsAppNumber": "910987654321",
             "templateParams": {"body_1": "Ravi", "body_2": "#4711"}}
            """),
        "GeneralAuthentication" => JsonNode.Parse($$"""{"slug": "n8n", "botId": "{{DevelopmentTenant.BotId}}", "platform": "website"}"""),
        "UpdateUserAttributes" => JsonNode.Parse($$"""
            {"search": "ravi@example.com", "attributes": {"plan": "gold", "city": "Pune"}, "botId": "{{DevelopmentTenant.BotId}}", "platform": "website"}
            """),
        "SendMessageToPlugin" => JsonNode.Parse("""{"text": "Your order has shipped.", "search": "910987654321", "channel": "whatsapp"}"""),
        "SubscribeTriggerEvent" => JsonNode.Parse($$"""
            {"webhookUrl": "http://127.0.0.1:9000/hook", "botId": "{{DevelopmentTenant.BotId}}", "event": "newLeadHook", "slug": "n8n",
             "category": "n8n", "platform": "website", "subscribe": true}
            """),
        "FetchSubscribedWebhooks" => JsonNode.Parse($$"""{"botId": "{{DevelopmentTenant.BotId}}", "event": "newLeadHook", "slug": "n8n", "category": "n8n"}"""),
        _ => null,
    };
}
