using System.Text.Json.Nodes;

namespace Emulator.OpenApi;

/// <summary>
/// Request and response examples shown in Swagger UI, taken from the platform's docs: the <c>POST /inbox/users</c>
/// body is the sample request of the help page "Get User Inbox" verbatim; the chats response is the sample of the help page
/// "Website Contacts &amp; Meta Data"; the
/// lead body fills every field of the docs' request table.
/// </summary>
public static class DocExamples
{
    /// <summary>The example request body of an operation, by operation id, or null.</summary>
    public static JsonNode? RequestFor(string? operationId) => operationId switch
    {
        "PutLead" => JsonNode.Parse(LeadRequest),
        "SearchContacts" => JsonNode.Parse(ContactSearchRequest),
        "ImportContacts" => JsonNode.Parse(ImportRequest),
        "UpdateContact" => JsonNode.Parse(UpdateRequest),
        "UpdateContactStatus" => JsonNode.Parse("""{"ids": ["63d9ffa77a8d152facbe2f2f"], "status": "DELETED"}"""),
        _ => null,
    };

    /// <summary>The example 200 body of an operation, by operation id, or null.</summary>
    public static JsonNode? ResponseFor(string? operationId) => operationId switch
    {
        "PutLead" => JsonNode.Parse("""{"success": true, "message": "ok", "code": 200}"""),
        "ListChats" => JsonNode.Parse(ChatsResponse),
        "ListSegments" => JsonNode.Parse(
            """{"success": true, "message": "ok", "data": [{"_id": "65f0c1d2e3f4a5b6c7d8e9f0", "name": "VIP customers", "_customer": "64b7f0c2a1d3e4f5a6b7c8d9", "createdAt": "2024-03-12T10:15:30.000Z", "updatedAt": "2024-03-12T10:15:30.000Z"}], "code": 200}"""),
        "ImportContacts" => JsonNode.Parse("""{"success": true, "message": "Imported 1 contacts: 1 created, 0 updated.", "code": 200}"""),
        "SearchContacts" => JsonNode.Parse($$"""{"success": true, "message": "ok", "data": [{{Contact}}], "code": 200}"""),
        "UpdateContact" => JsonNode.Parse($$"""{"success": true, "message": "ok", "data": {{Contact}}, "code": 200}"""),
        "UpdateContactStatus" => JsonNode.Parse("""{"success": true, "message": "ok", "code": 200}"""),
        _ => null,
    };

    private const string LeadRequest = $$"""
        {
          "uuid": "7e88d192-9b20-4035-9b68-d4ac3d58a34f",
          "botId": "{{DevelopmentTenant.BotId}}",
          "customerId": "{{DevelopmentTenant.CustomerId}}",
          "agentId": "631aa793bcfa100487d13d0d",
          "name": "Sample name",
          "email": "sample@example.com",
          "phone": "9876543210",
          "dialCode": "+91",
          "notes": [{ "title": "Sample title", "description": "Sample description" }],
          "status": "INPROGRESS",
          "picture": "https://example.com/picture.png",
          "tags": ["Sample tag"],
          "attributes": [{ "key": "ID", "value": "BP001" }]
        }
        """;

    // The contact shape real clients import (README, "Contact endpoints").
    private const string ImportRequest = """
        [
          {
            "profile": {
              "userDetails": {
                "userProvidedName": "Sample name",
                "contact": { "email": "sample@example.com", "phone": { "number": "9876543210", "prefix": "91" } },
                "tags": ["Sample tag"],
                "attributes": [{ "key": "ID", "value": "BP001" }]
              }
            }
          }
        ]
        """;

    // A contact as POST /inbox/users returns it, with the fields real clients change.
    private const string UpdateRequest = """
        {
          "_id": "63d9ffa77a8d152facbe2f2f",
          "status": "INPROGRESS",
          "profile": {
            "userDetails": {
              "userProvidedName": "Changed name",
              "name": "Changed name",
              "contact": { "email": "changed@example.com", "phone": { "number": "9876543210", "prefix": "91" } },
              "whatsAppNumber": "919876543210",
              "tags": ["Sample tag"],
              "attributes": [{ "key": "ID", "value": "BP001" }]
            },
            "notes": [{ "title": "Sample title", "description": "Sample description", "_id": "63db5c4abcbc3be2e95b20ae" }]
          },
          "createdAt": "2023-02-01T05:59:03.533Z"
        }
        """;

    // A WhatsApp contact as the emulator answers it: unset values left out, except the contact block and country ("").
    private const string Contact = """
        {
          "_id": "6650a1b2c3d4e5f6a7b8c9d0",
          "_agency": "64b7f0c2a1d3e4f5a6b7c8db",
          "_customer": "64b7f0c2a1d3e4f5a6b7c8d9",
          "uuid": "0f4c2d8e-5b7a-4c1e-9d3f-2a6b8c0e1f47",
          "platform": ["WHATSAPP"],
          "secondaryPlatform": [],
          "isSubscriber": true,
          "websiteVisits": 0,
          "isOnline": false,
          "userInteracted": false,
          "profile": {
            "userDetails": {
              "contact": { "email": "", "phone": { "number": "9876543210", "prefix": "91" } },
              "userProvidedName": "Sample name",
              "tags": ["Sample tag"],
              "attributes": [{ "key": "ID", "value": "BP001" }],
              "country": "",
              "whatsAppNumber": "919876543210"
            },
            "marketing": { "urlsVisited": [] },
            "notes": []
          },
          "status": "OPEN",
          "lastMessage": {},
          "isContact": true,
          "isImported": true,
          "isMigrated": false,
          "segments": [],
          "isLiveChatActive": false,
          "isPaid": false,
          "hasOrdered": { "status": false },
          "unreadMessages": 0,
          "__v": 0,
          "createdAt": "2024-06-05T19:05:50.876Z",
          "updatedAt": "2024-06-05T19:05:50.876Z"
        }
        """;

    private const string ContactSearchRequest = """
        {
        "searchText": "",
        "tags": [],
        "status": [],
        "isOnline": false,
        "_botWebsite": [],
        "_botWhatsapp": [],
        "_botTelegram": [],
        "_botFacebook": [],
        "_agentAssigned": [],
        "segments": [],
        "applicableFilters": ["userInteracted"],
        "lastSeenAt": {
        "startAt": "",
        "endsAt": ""
        },
        "createdAt": {
        "startAt": "",
        "endsAt": ""
        },
        "userInteracted": true,
        "lastMessageBy": [],
        "isLiveChatActive": false,
        "hasOrdered": {
        "status": false,
        "lastAt": ""
        },
        "page": 1,
        "isExport": "none",
        "isContact": true
        }
        """;

    private const string ChatsResponse = """
        {
          "success": true,
          "message": "ok",
          "data": [
            {
              "_id": "63d9ffa77a8d152facbe2f2f",
              "uuid": "7e88d192-9b20-4035-9b68-d4ac3d58a34f",
              "createdAt": "2023-02-01T05:59:03.533Z",
              "isOnline": false,
              "lastMessage": { "at": "2023-02-01T06:00:20.000Z", "by": "bot", "text": "Welcome to eleapi. I am here to help you." },
              "lastSeenAt": "2023-02-01T06:00:21.000Z",
              "profile": {
                "notes": [{ "title": "Sample title", "description": "Sample description", "_id": "63db5c4abcbc3be2e95b20ae" }],
                "userDetails": {
                  "name": "Sample name",
                  "picture": "my-picture",
                  "contact": { "email": "Sample email", "phone": { "number": "Sample number", "prefix": "91" } },
                  "city": "Sample city",
                  "country": "Sample country",
                  "gender": "MALE",
                  "tags": ["Sample tag"],
                  "attributes": [{ "key": "ID", "value": "BP001" }]
                }
              },
              "status": "INPROGRESS",
              "updatedAt": "2023-02-02T06:46:34.119Z",
              "websiteVisits": 1,
              "_agentAssigned": "631aa793bcfa100487d13d0d"
            }
          ],
          "code": 200
        }
        """;
}
