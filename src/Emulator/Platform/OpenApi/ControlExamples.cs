using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Emulator.OpenApi;

/// <summary>
/// Request examples of the control surface shown in Swagger UI, by operation id. Each uses the development tenant, so it
/// works as shown on a fresh start (a test sends every example of an operation without path parameters).
/// </summary>
public sealed class ControlExamples : IOperationFilter
{
    /// <summary>The example request body of a control-surface operation, or null.</summary>
    public static JsonNode? RequestFor(string? operationId) => operationId switch
    {
        "CreateTenant" => JsonNode.Parse("""{"bots": {"WHATSAPP": "65aa00000000000000000001"}}"""),
        "PinClock" => JsonNode.Parse("""{"now": "2024-01-31T09:30:00.000Z"}"""),
        "AdvanceClock" => JsonNode.Parse("""{"ms": 86400000}"""),
        "AddFault" => JsonNode.Parse("""{"method": "PUT", "path": "/inbox/direct/lead", "status": 503, "retryAfterSeconds": 1, "times": 1}"""),
        "OpenVisitor" => JsonNode.Parse($$"""
            {"customerId": "{{DevelopmentTenant.CustomerId}}", "botId": "{{DevelopmentTenant.BotId}}", "channel": "WHATSAPP",
             "name": "Asha", "phone": "9876543210", "dialCode": "+91"}
            """),
        "AddMessage" => JsonNode.Parse("""{"by": "user", "text": "Do you ship to Pune?", "at": "2024-01-31T09:31:00.000Z"}"""),
        "PlaceOrder" => JsonNode.Parse("""{"at": "2024-01-31T10:00:00.000Z"}"""),
        "SetChatState" => JsonNode.Parse("""{"isOnline": false, "isLiveChatActive": true, "agentAssigned": "65aa00000000000000000002", "tags": ["vip"]}"""),
        "CreateSegment" => JsonNode.Parse($$"""{"customerId": "{{DevelopmentTenant.CustomerId}}", "name": "VIP customers"}"""),
        "ChangeSegmentMembers" => JsonNode.Parse("""{"add": ["65aa00000000000000000003"], "remove": []}"""),
        "Seed" => JsonNode.Parse($$$"""
            {
              "tenants": [{"customerId": "65aa000000000000000000c1", "token": "seeded-tenant-token-0000000000000000", "bots": {"WEBSITE": "65aa000000000000000000b1"}}],
              "chats": [
                {"_id": "65aa000000000000000000d1", "customerId": "{{{DevelopmentTenant.CustomerId}}}", "botId": "{{{DevelopmentTenant.BotId}}}",
                 "uuid": "7e88d192-9b20-4035-9b68-d4ac3d58a34f", "name": "Ravi", "email": "ravi@example.com", "phoneNumber": "9876543210",
                 "phonePrefix": "91", "status": "INPROGRESS", "tags": ["vip"], "attributes": [{"key": "plan", "value": "gold"}],
                 "notes": [{"title": "Called", "description": "Wants a demo"}], "isOnline": true, "userInteracted": true,
                 "lastMessage": {"at": "2024-01-31T09:31:00.000Z", "by": "user", "text": "hi"},
                 "createdAt": "2024-01-31T09:30:00.000Z", "updatedAt": "2024-01-31T09:31:00.000Z"},
                {"customerId": "65aa000000000000000000c1", "botId": "65aa000000000000000000b1", "name": "Mira", "hasOrdered": true,
                 "lastOrderedAt": "2024-02-01T12:00:00.000Z"}
              ],
              "segments": [{"customerId": "{{{DevelopmentTenant.CustomerId}}}", "name": "VIP customers", "members": ["65aa000000000000000000d1"]}],
              "templates": [{"_id": "65aa000000000000000000e1", "customerId": "{{{DevelopmentTenant.CustomerId}}}", "name": "order_update",
                 "body": "Hi {{1}}, your order {{2}} has shipped.", "status": "APPROVED"}],
              "webhooks": [{"customerId": "{{{DevelopmentTenant.CustomerId}}}", "botId": "{{{DevelopmentTenant.BotId}}}", "event": "newLeadHook",
                 "url": "http://127.0.0.1:9000/hook", "slug": "n8n", "category": "n8n", "platform": "website"}]
            }
            """),
        "CreateWhatsAppTemplate" => JsonNode.Parse($$$"""
            {"customerId": "{{{DevelopmentTenant.CustomerId}}}", "name": "order_update", "body": "Hi {{1}}, your order {{2}} has shipped.",
             "_id": "65aa000000000000000000e1"}
            """),
        "SetWebhookControl" => JsonNode.Parse("""{"paused": false, "failStatus": 500}"""),
        _ => null,
    };

    /// <inheritdoc />
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (RequestFor(operation.OperationId) is { } example
            && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
        {
            media.Example = example;
        }
    }
}
