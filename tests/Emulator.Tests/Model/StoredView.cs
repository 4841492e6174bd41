using System.Text.Json.Nodes;

namespace Emulator.Tests.Model;

/// <summary>
/// One chat as the control surface's stored view (<c>GET /_emulator/chats</c>) shows it, reduced to the members the model
/// predicts, in one canonical form for both sides: unset values are null (the view leaves them out), times are the wire's
/// fixed-width UTC form, note ids and <c>updatedAt</c> are left out.
/// </summary>
public static class StoredView
{
    public static string? Time(DateTime? at) => at?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject Of(ModelChat c) => new()
    {
        ["botId"] = c.BotId,
        ["uuid"] = c.Uuid,
        ["channel"] = c.Channel,
        ["createdAt"] = Time(c.CreatedAt),
        ["name"] = c.Name,
        ["userProvidedName"] = c.UserProvidedName,
        ["email"] = c.Email,
        ["phoneNumber"] = c.PhoneNumber,
        ["phonePrefix"] = c.PhonePrefix,
        ["picture"] = c.Picture,
        ["country"] = c.Country,
        ["whatsAppNumber"] = c.WhatsAppNumber,
        ["telegramUserName"] = c.TelegramUserName,
        ["facebookProfileId"] = c.FacebookProfileId,
        ["status"] = c.Status,
        ["agentAssigned"] = c.AgentAssigned,
        ["isContact"] = c.IsContact,
        ["isOnline"] = c.IsOnline,
        ["userInteracted"] = c.UserInteracted,
        ["isLiveChatActive"] = c.IsLiveChatActive,
        ["hasOrdered"] = c.HasOrdered,
        ["lastOrderedAt"] = Time(c.LastOrderedAt),
        ["isImported"] = c.IsImported,
        ["isSubscriber"] = c.IsSubscriber,
        ["isPaid"] = c.IsPaid,
        ["lastMessage"] = c.LastMessageBy is null ? null
            : new JsonObject { ["at"] = Time(c.LastMessageAt), ["by"] = c.LastMessageBy, ["text"] = c.LastMessageText },
        ["lastSeenAt"] = Time(c.LastSeenAt),
        ["websiteVisits"] = c.WebsiteVisits,
        ["unreadMessages"] = c.UnreadMessages,
        ["tags"] = new JsonArray(c.Tags.Select(t => (JsonNode?)t).ToArray()),
        ["attributes"] = new JsonArray(c.Attributes.Select(a => (JsonNode?)new JsonObject { ["key"] = a.Key, ["value"] = a.Value }).ToArray()),
        ["notes"] = new JsonArray(c.Notes.Select(n => (JsonNode?)new JsonObject { ["title"] = n.Title, ["description"] = n.Description }).ToArray()),
    };

    /// <summary>The same members of a stored chat; its uuid only when the model knows it (not one the emulator generated).</summary>
    public static JsonObject Project(JsonObject stored, ModelChat model)
    {
        var view = new JsonObject();
        foreach (var (key, _) in Of(model))
        {
            var value = key switch
            {
                "uuid" when model.Uuid is null => null,
                "notes" => new JsonArray(Items(stored, key).Select(n => (JsonNode?)new JsonObject
                {
                    ["title"] = n?["title"]?.DeepClone(),
                    ["description"] = n?["description"]?.DeepClone(),
                }).ToArray()),
                "attributes" => new JsonArray(Items(stored, key).Select(a => (JsonNode?)new JsonObject
                {
                    ["key"] = a?["key"]?.DeepClone(),
                    ["value"] = a?["value"]?.DeepClone(),
                }).ToArray()),
                "tags" => new JsonArray(Items(stored, key).Select(t => t?.DeepClone()).ToArray()),
                _ => stored[key]?.DeepClone(),
            };
            view[key] = value;
        }

        return view;
    }

    private static IEnumerable<JsonNode?> Items(JsonObject stored, string key) => stored[key]?.AsArray() ?? [];
}
