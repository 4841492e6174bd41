using System.Text.Json.Nodes;

namespace Emulator.Tests.Model;

/// <summary>Checks a page a listing answered against the chats the model lists, in order, and each contact's fields as the
/// wire shows them (README, "Values before anything sets them": the contact block and country are "" while unset, other
/// unset values are left out).</summary>
public static class ReadCheck
{
    /// <summary>Fails unless <paramref name="data"/> lists the model's <paramref name="expected"/> chats, in order; with
    /// <paramref name="contacts"/> (<c>POST /inbox/users</c>) each contact's fields too. The chats listing's shape is checked by
    /// the contract tests, its ids and order here. <paramref name="what"/> names the read in the failure.</summary>
    public static void SameChats(ModelDriver d, int tenant, IReadOnlyList<ModelChat> expected, JsonArray data, string what, bool contacts)
    {
        var chats = d.Model.Chats[tenant];
        var expectedIds = expected.Select(c => d.Stored[tenant][chats.IndexOf(c)].Id).ToList();
        var actualIds = data.Select(c => c!["_id"]!.GetValue<string>()).ToList();
        if (!expectedIds.SequenceEqual(actualIds))
        {
            throw new ModelMismatchException($"{what}\n  model:    [{string.Join(", ", expectedIds.Select(id => Describe(d, tenant, id)))}]" +
                $"\n  emulator: [{string.Join(", ", actualIds.Select(id => Describe(d, tenant, id)))}]");
        }

        for (var i = 0; contacts && i < expected.Count; i++)
        {
            var model = Wire(d, tenant, expected[i]);
            var actual = Project(data[i]!.AsObject());
            if (!JsonNode.DeepEquals(model, actual))
            {
                throw new ModelMismatchException($"{what}: contact {expectedIds[i]}\n  model:    {model.ToJsonString()}\n  emulator: {actual.ToJsonString()}");
            }
        }
    }

    private static string Describe(ModelDriver d, int tenant, string id) =>
        d.Stored[tenant].FindIndex(s => s.Id == id) is var at and >= 0 ? $"#{at}" : id;

    private static JsonObject Wire(ModelDriver d, int tenant, ModelChat c) => new()
    {
        ["name"] = c.Name,
        ["userProvidedName"] = c.UserProvidedName,
        ["email"] = c.Email ?? "",
        ["number"] = c.PhoneNumber ?? "",
        ["prefix"] = c.PhonePrefix ?? "",
        ["country"] = c.Country ?? "",
        ["whatsAppNumber"] = c.WhatsAppNumber,
        ["tags"] = new JsonArray(c.Tags.Select(t => (JsonNode?)t).ToArray()),
        ["attributes"] = new JsonArray(c.Attributes.Select(a => (JsonNode?)$"{a.Key}={a.Value}").ToArray()),
        ["status"] = c.Status,
        ["platform"] = c.BotId.Length == 0 ? new JsonArray() : new JsonArray(c.Channel),
        ["isContact"] = c.IsContact,
        ["userInteracted"] = c.UserInteracted,
        ["isOnline"] = c.IsOnline,
        ["hasOrdered"] = c.HasOrdered,
        ["lastMessageBy"] = c.LastMessageBy,
        ["lastMessageText"] = c.LastMessageText,
        ["segments"] = new JsonArray(c.Segments.Select(s => d.SegmentIds[tenant][s]).Order(StringComparer.Ordinal).Select(s => (JsonNode?)s).ToArray()),
        ["createdAt"] = StoredView.Time(c.CreatedAt),
    };

    private static JsonObject Project(JsonObject contact)
    {
        var details = contact["profile"]!["userDetails"]!;
        var view = new JsonObject
        {
            ["name"] = details["name"]?.DeepClone(),
            ["userProvidedName"] = details["userProvidedName"]?.DeepClone(),
            ["email"] = details["contact"]!["email"]?.DeepClone(),
            ["number"] = details["contact"]!["phone"]!["number"]?.DeepClone(),
            ["prefix"] = details["contact"]!["phone"]!["prefix"]?.DeepClone(),
            ["country"] = details["country"]?.DeepClone(),
            ["whatsAppNumber"] = details["whatsAppNumber"]?.DeepClone(),
            ["tags"] = details["tags"]?.DeepClone(),
            ["attributes"] = new JsonArray(details["attributes"]!.AsArray().Select(a => (JsonNode?)$"{a!["key"]!.GetValue<string>()}={a["value"]?.GetValue<string>()}").ToArray()),
            ["status"] = contact["status"]?.DeepClone(),
            ["platform"] = contact["platform"]?.DeepClone(),
            ["isContact"] = contact["isContact"]?.DeepClone(),
            ["userInteracted"] = contact["userInteracted"]?.DeepClone(),
            ["isOnline"] = contact["isOnline"]?.DeepClone(),
            ["hasOrdered"] = contact["hasOrdered"]!["status"]?.DeepClone(),
            ["lastMessageBy"] = contact["lastMessage"]!["by"]?.DeepClone(),
            ["lastMessageText"] = contact["lastMessage"]!["text"]?.DeepClone(),
            ["segments"] = new JsonArray(contact["segments"]!.AsArray().Select(s => s!.GetValue<string>()).Order(StringComparer.Ordinal)
            .Select(s => (JsonNode?)s).ToArray()),
            ["createdAt"] = contact["createdAt"]?.DeepClone(),
        };
        return view;
    }
}
